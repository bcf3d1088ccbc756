// Prisma 6.19.3 CLI configuration. The CLI runs its wasm schema engine (`engine: "js"`) through a
// driver adapter, so migrations need no native binary (see README, "Why Prisma 6.19.3").
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/migrate-adapter.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: point it at the PostgreSQL database to migrate.");
    return migrationAdapter(url);
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
