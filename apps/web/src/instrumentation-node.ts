// Start-up check for the Node.js server: builds the composition root (env, CREDENTIALS_ENCRYPTION_KEY,
// DATABASE_URL, BETTER_AUTH_SECRET in production, …) and exits with the reason when it cannot.
import { serverDeps } from "./server/deps";
import { recordPeerAddresses } from "./server/peer-address";

export function checkServerConfiguration(): void {
  recordPeerAddresses();
  try {
    serverDeps();
  } catch (error) {
    console.error(`web app failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
