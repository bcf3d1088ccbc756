// Runs once when the server starts: builds the composition root so that a missing or malformed
// setting (CREDENTIALS_ENCRYPTION_KEY, DATABASE_URL, BETTER_AUTH_SECRET, … in production) stops
// start-up with a clear message instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { serverDeps } = await import("./server/deps.ts");
  try {
    serverDeps();
  } catch (error) {
    console.error(`web app failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
