// Runs once when the server starts. The Node.js part (src/instrumentation-node.ts) builds the
// composition root, so a missing or malformed setting stops start-up with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { checkServerConfiguration } = await import("./instrumentation-node");
    checkServerConfiguration();
  }
}
