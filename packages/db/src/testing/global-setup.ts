// jest globalSetup: one PostgreSQL 15 cluster for the run (or TEST_DATABASE_URL's server), with a
// template database that has every migration applied.

import { TEMPLATE_DB } from "./index.ts";
import { migrate } from "./migrate.ts";
import { createDatabase, dropDatabase, type PostgresCluster, startPostgres } from "./postgres.ts";

declare global {
  // eslint-disable-next-line no-var
  var __bookingPg: PostgresCluster | undefined;
}

export default async function globalSetup() {
  let admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const cluster = await startPostgres();
    globalThis.__bookingPg = cluster;
    admin = cluster.url("postgres");
  }
  process.env.TEST_PG_ADMIN_URL = admin;
  await dropDatabase(admin, TEMPLATE_DB);
  const url = await createDatabase(admin, TEMPLATE_DB);
  migrate(url);
}
