// Test harness shared by every package: one PostgreSQL cluster per test run (jest globalSetup),
// a migrated template database, and a fresh copy of it per test file.
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "../index.ts";
import { createDatabase, dropDatabase } from "./postgres.ts";

export { migrate, prismaCli } from "./migrate.ts";
export {
  createDatabase,
  dropDatabase,
  freePort,
  type PostgresCluster,
  startPostgres,
  stopWhenParentGoes,
} from "./postgres.ts";

export const TEMPLATE_DB = "booking_template";

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error("TEST_PG_ADMIN_URL is not set: run tests through jest with @booking/db's global setup");
  return url;
}

export type TestDatabase = { url: string; name: string; db: Db; drop(): Promise<void> };

/** A migrated database of its own for one test file. */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(adminUrl(), name, opts.empty ? undefined : TEMPLATE_DB);
  const db = createDb({ url, max: 30 });
  return {
    url,
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(adminUrl(), name);
    },
  };
}
