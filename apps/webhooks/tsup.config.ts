import { defineConfig } from "tsup";

// One ESM file for `node dist/server.js`: workspace packages (TypeScript sources, incl. the
// generated Prisma client) are bundled; node_modules stay external.
export default defineConfig({
  entry: { server: "src/server.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  splitting: false,
  noExternal: [/^@booking\//],
  external: ["pg", "pino", "zod", "@prisma/client", "@prisma/adapter-pg"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
