import { parseArgs } from "node:util";

/** `--name value` options; unknown options are an error with a usage line. */
export function cliArgs<T extends Record<string, { type: "string" | "boolean"; multiple?: boolean }>>(
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ options, allowPositionals: false, args: process.argv.slice(2).filter((a) => a !== "--") })
      .values;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}
