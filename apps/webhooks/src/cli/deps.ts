import { createDb, secretBoxFromEnv } from "@booking/db";
import { loadEnv } from "../env.ts";

/** The same dependencies the server uses, for an operator command. */
export function cliDeps() {
  const env = loadEnv();
  const db = createDb({ url: env.DATABASE_URL, max: 4 });
  return { env, db, secrets: secretBoxFromEnv(process.env) };
}

export async function runCli(main: () => Promise<number>) {
  try {
    process.exitCode = await main();
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    console.error(`${e.name ?? "Error"}${e.code ? ` [${e.code}]` : ""}: ${e.message ?? String(error)}`);
    process.exitCode = 1;
  }
}
