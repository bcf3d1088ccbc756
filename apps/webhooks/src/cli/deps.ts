import { loadEnv } from "../env.ts";

/** The environment an operator command runs with (the server's). */
export const cliEnv = loadEnv;

export async function runCli(main: () => Promise<number>) {
  try {
    process.exitCode = await main();
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    console.error(`${e.name ?? "Error"}${e.code ? ` [${e.code}]` : ""}: ${e.message ?? String(error)}`);
    process.exitCode = 1;
  }
}
