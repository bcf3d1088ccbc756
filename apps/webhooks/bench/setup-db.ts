// Bench helper (run with tsx by run.mjs): a throwaway PostgreSQL cluster with a migrated database
// and two workspaces with signing keys. Prints one JSON line, then keeps the cluster until stdin
// closes or it gets SIGTERM/SIGINT, and removes it.
import { createDb, createSecretBox, generateKey, secretContext } from "@booking/db";
import { createDatabase, migrate, startPostgres } from "@booking/db/testing";

const pg = await startPostgres();
let stopped = false;
const stop = () => {
  if (stopped) return;
  stopped = true;
  void pg.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();

try {
  const url = await createDatabase(pg.url("postgres"), "bench");
  migrate(url);
  const encryptionKey = generateKey();
  const secrets = createSecretBox(encryptionKey);
  const db = createDb({ url, max: 2 });
  const workspaces: Record<string, { id: string; signingKey: string }> = {};
  for (const name of ["server", "baseline"]) {
    const signingKey = generateKey();
    const c = await db.client.create({ data: { name: `bench-${name}` }, select: { id: true } });
    await db.client.update({
      where: { id: c.id },
      data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(signingKey, secretContext.calendlySigningKey(c.id)) },
    });
    workspaces[name] = { id: c.id, signingKey };
  }
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ url, encryptionKey, workspaces })}\n`);
} catch (error) {
  console.error(error);
  stop();
}
