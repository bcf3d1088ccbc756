// What every benchmark runner needs to drive its processes (apps/*/bench/run.mjs): free ports,
// child processes stopped together (also on Ctrl+C), a child's first output line (its JSON
// report), and waiting for a server to answer.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Children started through `start` in `cwd`; `stopAll` ends them (last started first). */
export function processGroup(cwd) {
  const children = [];
  const stopAll = () => {
    for (const c of children.reverse()) {
      if (c.exitCode === null && !c.killed) {
        c.stdin?.end();
        c.kill("SIGTERM");
      }
    }
  };
  process.on("SIGINT", () => {
    stopAll();
    process.exit(130);
  });
  return {
    start(cmd, args, opts) {
      const child = spawn(cmd, args, { cwd, ...opts });
      children.push(child);
      return child;
    },
    stopAll,
  };
}

export function firstLine(stream, what) {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: stream });
    rl.once("line", (line) => resolve(line));
    stream.once("end", () => reject(new Error(`${what} ended before printing anything`)));
  });
}

/** Resolves once `url` answers below 500 (or OK when `ok`), fails when `child` exits first. */
export async function waitHttp(url, { child, ok = false, attempts = 300 } = {}) {
  for (let i = 0; i < attempts; i++) {
    if (child && child.exitCode !== null) throw new Error(`${url}: its server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (ok ? res.ok : res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}
