// leads.list latency (run with tsx by run.mjs): the tRPC procedure called in-process as a signed-in
// admin of the big workspace (authorization and the page query, no HTTP), on the 10,000- and the
// 1,000,000-lead databases, one call at a time. Prints a table and one JSON line.
// argv: <setup JSON>  env: BENCH_LIST_ITERATIONS (default 1000)
import { appRouter, createCalendlyClientFactory, createCallerFactory, createContextInner } from "@booking/api";
import { createDb, createSecretBox, generateKey } from "@booking/db";

type Setup = {
  databases: Record<string, { url: string; total: number }>;
  workspaceId: string;
  user: { email: string; name: string };
};

const setup = JSON.parse(process.argv[2] ?? "") as Setup;
const ITERATIONS = Number(process.env.BENCH_LIST_ITERATIONS ?? 1000);
const PAGE = 20; // the Leads page's page size
const createCaller = createCallerFactory(appRouter);

type ListInput = { status?: "BOOKED"; search?: string; cursor?: string };
type Case = { name: string; input: ListInput; row?: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The cases of one database, with their cursors walked beforehand. */
async function prepare(label: string, url: string) {
  const db = createDb({ url, max: 4 });
  const caller = createCaller(() =>
    createContextInner({
      db,
      secrets: createSecretBox(generateKey()),
      calendlyFor: createCalendlyClientFactory({}),
      session: { kind: "user", email: setup.user.email, name: setup.user.name },
      env: { publicWebhookBaseUrl: "https://hooks.bench.example" },
    }),
  );
  const list = (input: ListInput & { limit?: number }) =>
    caller.leads.list({ workspaceId: setup.workspaceId, limit: PAGE, ...input });

  /** The cursor after `row` rows (walked with the API's own pages of 100), or the deepest one there is. */
  async function cursorAt(row: number, filter: ListInput): Promise<{ cursor?: string; row: number }> {
    let cursor: string | undefined;
    let at = 0;
    while (at < row) {
      const page = await list({ ...filter, limit: Math.min(100, row - at), ...(cursor ? { cursor } : {}) });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      at += page.items.length;
    }
    return cursor ? { cursor, row: at } : { row: 0 };
  }
  const at = async (name: string, filter: ListInput, row: number): Promise<Case> => {
    const c = await cursorAt(row, filter);
    return { name, input: { ...filter, ...(c.cursor ? { cursor: c.cursor } : {}) }, row: c.row };
  };

  const cases: Case[] = [];
  for (const [name, filter] of [
    ["all", {}],
    ["status=BOOKED", { status: "BOOKED" as const }],
  ] as const) {
    cases.push({ name: `${name}, first page`, input: filter, row: 0 });
    cases.push(await at(`${name}, page 50`, filter, 49 * PAGE));
    cases.push(await at(`${name}, row 40,000`, filter, 40_000));
  }
  // Search: a common first-name prefix, a last name, one person's email, a single letter, with a status.
  for (const search of ["mar", "lopez", "maria.lopez", "k"])
    cases.push({ name: `search "${search}"`, input: { search } });
  cases.push({ name: `search "mar", status=BOOKED`, input: { search: "mar", status: "BOOKED" } });
  cases.push(await at(`search "mar", page 11`, { search: "mar" }, 10 * PAGE));
  return { label, db, list, cases };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/**
 * Every case on every database, interleaved (case by case, database by database, round after
 * round), so that both sizes see the same machine: other processes share these two cores.
 */
async function measureAll(dbs: Prepared[]) {
  const times = dbs.map((d) => d.cases.map(() => [] as number[]));
  const items = dbs.map((d) => d.cases.map(() => 0));
  for (let round = -20; round < ITERATIONS; round++) {
    for (let c = 0; c < dbs[0]!.cases.length; c++) {
      for (let d = 0; d < dbs.length; d++) {
        const db = dbs[d]!;
        const t0 = performance.now();
        const page = await db.list(db.cases[c]!.input);
        const ms = performance.now() - t0;
        if (round >= 0) times[d]![c]!.push(ms); // rounds below 0 warm up
        items[d]![c] = page.items.length;
      }
    }
  }
  return dbs.map((db, d) => ({
    label: db.label,
    results: db.cases.map((c, i) => {
      const sorted = times[d]![i]!.sort((a, b) => a - b);
      return {
        name: c.name,
        ...(c.row !== undefined ? { row: c.row } : {}),
        items: items[d]![i]!,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
      };
    }),
  }));
}

const prepared: Prepared[] = [];
for (const [name, d] of Object.entries(setup.databases)) prepared.push(await prepare(name, d.url));
const runs = await measureAll(prepared);
for (const p of prepared) await p.db.$disconnect();
process.stdout.write(`${JSON.stringify(runs)}\n`);
