// pnpm --filter @booking/db db:new-migration <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql: the SQL that takes the checked-in
// migrations to schema.prisma (Prisma's `migrate diff`, run against a throwaway PostgreSQL for its
// shadow database). Review the file, then `pnpm db:push` applies it.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismaCli } from "../src/testing/migrate.ts";
import { startPostgres } from "../src/testing/postgres.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: db:new-migration <name in snake_case>");
  process.exit(2);
}
const pg = await startPostgres();
try {
  const diff = prismaCli(
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    pg.url("postgres"),
  );
  if (diff.status !== 0) throw new Error(`migrate diff failed:\n${diff.stdout}\n${diff.stderr}`);
  if (!diff.stdout.trim() || /empty migration/i.test(diff.stdout)) {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), diff.stdout);
    console.log(`wrote ${join(dir, "migration.sql")}`);
  }
} finally {
  await pg.stop();
}
