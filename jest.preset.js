// Shared jest setup: ESM TypeScript through @swc/jest, one PostgreSQL cluster per run.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      target: "es2022",
      transform: { react: { runtime: "automatic" } },
    },
    module: { type: "es6" },
  },
];

export const jestPreset = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: { "^.+\\.tsx?$": swc },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/*.test.tsx"],
  globalSetup: join(root, "packages/db/src/testing/global-setup.ts"),
  globalTeardown: join(root, "packages/db/src/testing/global-teardown.ts"),
  testTimeout: 30_000,
};
