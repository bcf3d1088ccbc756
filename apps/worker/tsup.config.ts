import { defineConfig } from "tsup";

// One ESM file for `node dist/main.js`: workspace packages (TypeScript sources, incl. the generated
// Prisma client) are bundled; node_modules stay external.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  splitting: false,
  noExternal: [/^@booking\//],
  external: ["pg", "pino", "zod", "graphile-worker", "@prisma/client", "@prisma/adapter-pg"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
