// Bench helper (run with tsx by run.mjs): a throwaway PostgreSQL cluster with a migrated database
// and a workspace with a signing key per target. Prints one JSON line, then keeps the cluster until
// stdin closes or it gets SIGTERM/SIGINT, and removes it. Unlike the tests' cluster, this one is
// durable as in production (fsync, synchronous_commit and full_page_writes on): a delivery is
// answered only once its INSERT is on disk, for the server and the baseline alike.
import { createDb, createSecretBox, generateKey, secretContext } from "@booking/db";
import { createDatabase, migrate, startPostgres, stopWhenParentGoes } from "@booking/db/testing";

// BENCH_DURABLE=0: the tests' settings instead (no fsync), to compare CPU alone.
const durable = process.env.BENCH_DURABLE !== "0";
const pg = await startPostgres(
  durable
    ? { flags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=256MB"] }
    : {},
);
const stop = stopWhenParentGoes(pg);

try {
  const url = await createDatabase(pg.url("postgres"), "bench");
  migrate(url);
  const encryptionKey = generateKey();
  const secrets = createSecretBox(encryptionKey);
  const db = createDb({ url, max: 2 });
  const workspaces: Record<string, { id: string; signingKey: string }> = {};
  for (const name of ["server", "baseline", "lag"]) {
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
