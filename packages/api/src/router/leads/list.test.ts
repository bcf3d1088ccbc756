import { pageQuery } from "../../services/leads/list-leads.ts";
import { createHarness, expectTRPCError, type Harness } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";
import { workspace } from "./test-fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Page = { items: Array<{ id: string; name: string; email: string; createdAt: Date }>; nextCursor: string | null };

/** Every page of a listing, following nextCursor. */
async function allPages(list: (cursor: string | undefined) => Promise<Page>) {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

const BASE = Date.parse("2026-01-01T00:00:00Z");

describe("leads.list keyset pages", () => {
  it("pages newest first through ties on createdAt, without skipping or repeating a lead", async () => {
    const ws = await workspace(h);
    // 3 leads per millisecond: the id breaks the ties.
    await h.db.lead.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        clientId: ws.id,
        name: `Lead ${String(i).padStart(2, "0")}`,
        email: `lead${i}@example.com`,
        appointmentStatus: i % 3 === 0 ? ("BOOKED" as const) : ("NONE" as const),
        createdAt: new Date(BASE + Math.floor(i / 3)),
      })),
    });
    const expected = await h.db.lead.findMany({
      where: { clientId: ws.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true },
    });

    const pages = await allPages((cursor) =>
      ws.setter.leads.list({ workspaceId: ws.id, limit: 7, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7, 7, 2]);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((l) => l.id)).toEqual(expected.map((l) => l.id));
    // Timestamps come back as the stored UTC instants.
    expect(items[0]!.createdAt).toBeInstanceOf(Date);
    expect(items.map((l) => l.createdAt.getTime())).toEqual(expected.map((l) => l.createdAt.getTime()));
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it("pages with a status filter, and the cursor is opaque", async () => {
    const ws = await workspace(h);
    await h.db.lead.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        clientId: ws.id,
        name: `Lead ${i}`,
        email: `lead${i}@example.com`,
        appointmentStatus: i % 5 === 0 ? ("NO_SHOW" as const) : ("BOOKED" as const),
        createdAt: new Date(BASE + i * 1000),
      })),
    });
    const pages = await allPages((cursor) =>
      ws.admin.leads.list({ workspaceId: ws.id, status: "NO_SHOW", limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.flatMap((p) => p.items.map((l) => l.name))).toEqual([
      "Lead 20",
      "Lead 15",
      "Lead 10",
      "Lead 5",
      "Lead 0",
    ]);
    for (const p of pages) if (p.nextCursor) expect(p.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuses a cursor made for another workspace's list, and a malformed one", async () => {
    const ws = await workspace(h);
    const other = await workspace(h);
    for (const w of [ws, other]) {
      await h.db.lead.createMany({
        data: Array.from({ length: 3 }, (_, i) => ({ clientId: w.id, name: `L${i}`, email: `l${i}@example.com` })),
      });
    }
    const foreign = await other.admin.leads.list({ workspaceId: other.id, limit: 1 });
    expect(foreign.nextCursor).not.toBeNull();
    const err = await expectTRPCError(
      ws.admin.leads.list({ workspaceId: ws.id, cursor: foreign.nextCursor! }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ cursor: ["This cursor belongs to another list"] });
    for (const cursor of ["nope", Buffer.from('["x",1]').toString("base64url"), "%%%"]) {
      const bad = await expectTRPCError(ws.admin.leads.list({ workspaceId: ws.id, cursor }), "BAD_REQUEST");
      expect(fieldErrorsOf(bad.cause)).toHaveProperty("cursor");
    }
  });

  it("shows each lead's host", async () => {
    const ws = await workspace(h);
    await h.db.lead.create({
      data: {
        clientId: ws.id,
        name: "Hosted",
        email: "hosted@example.com",
        appointmentHostName: "Sam Rep",
        appointmentHostEmail: "sam.rep@acme.example",
      },
    });
    const page = await ws.setter.leads.list({ workspaceId: ws.id });
    expect(page.items[0]).toMatchObject({
      appointmentHostName: "Sam Rep",
      appointmentHostEmail: "sam.rep@acme.example",
    });
  });
});

describe("leads.list search", () => {
  async function seeded() {
    const ws = await workspace(h);
    const people: Array<[string, string, "BOOKED" | "NONE"]> = [
      ["Maria Lopez", "maria.lopez@northwind.example", "BOOKED"],
      ["Mario Rossi", "m.rossi@fabrikam.example", "NONE"],
      ["Ana María López", "ana@contoso.example", "NONE"],
      ["Dev Patel", "dev.patel@maritime.example", "BOOKED"],
      ["Marianne O'Brien", "mob@litware.example", "NONE"],
      ["Zoë 100% Real", "zoe_real@adatum.example", "NONE"],
      ["Tom Marsh", "tom@wingtip.example", "BOOKED"],
    ];
    await h.db.lead.createMany({
      data: people.map(([name, email, appointmentStatus], i) => ({
        clientId: ws.id,
        name,
        email,
        appointmentStatus,
        createdAt: new Date(BASE + i * 1000),
      })),
    });
    // Another workspace's lead matches too, and must never show up.
    const other = await workspace(h);
    await h.db.lead.create({ data: { clientId: other.id, name: "Maria Other", email: "maria@other.example" } });
    return ws;
  }
  const names = (page: Page) => page.items.map((l) => l.name);

  it("matches the name, its last word or the email by prefix, case-insensitively, newest first", async () => {
    const ws = await seeded();
    const search = (term: string) => ws.setter.leads.list({ workspaceId: ws.id, search: term });
    expect(names(await search("mar"))).toEqual(["Tom Marsh", "Marianne O'Brien", "Mario Rossi", "Maria Lopez"]);
    expect(names(await search("  MARIA "))).toEqual(["Marianne O'Brien", "Maria Lopez"]);
    // Last word of the name (accents and case folded by PostgreSQL's lower()).
    expect(names(await search("lóp"))).toEqual(["Ana María López"]);
    expect(names(await search("lop"))).toEqual(["Maria Lopez"]);
    expect(names(await search("rossi"))).toEqual(["Mario Rossi"]);
    // Email prefix, not the middle of an email.
    expect(names(await search("dev.patel@"))).toEqual(["Dev Patel"]);
    expect(names(await search("maritime"))).toEqual([]);
    expect(names(await search("m.rossi"))).toEqual(["Mario Rossi"]);
    // LIKE wildcards are literal characters.
    expect(names(await search("%"))).toEqual([]);
    expect(names(await search("_"))).toEqual([]);
    expect(names(await search("zoe_"))).toEqual(["Zoë 100% Real"]);
    expect(names(await search("zoë 100%"))).toEqual(["Zoë 100% Real"]);
    expect(names(await search("nobody"))).toEqual([]);
    // Blank search is no search.
    expect((await search("   ")).items).toHaveLength(7);
  });

  it("pages a search by cursor and combines it with a status filter", async () => {
    const ws = await seeded();
    const pages = await allPages((cursor) =>
      ws.setter.leads.list({ workspaceId: ws.id, search: "m", limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.map(names)).toEqual([
      ["Tom Marsh", "Marianne O'Brien"],
      ["Mario Rossi", "Maria Lopez"],
    ]);
    const booked = await ws.setter.leads.list({ workspaceId: ws.id, search: "m", status: "BOOKED" });
    expect(names(booked)).toEqual(["Tom Marsh", "Maria Lopez"]);
  });

  it("validates the search term", async () => {
    const ws = await workspace(h);
    const err = await expectTRPCError(
      ws.setter.leads.list({ workspaceId: ws.id, search: "x".repeat(101) }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ search: ["Search is at most 100 characters"] });
    await expectTRPCError(ws.setter.leads.list({ workspaceId: ws.id, search: "a\u0000b" }), "BAD_REQUEST");
  });
});

describe("query plans", () => {
  // With real statistics, every list shape walks an index in (createdAt, id) order: no sort of the
  // workspace's rows, and the cursor is an index condition (the page after row 4,000 reads ~21 rows).
  it("pages by index, never by sorting the workspace", async () => {
    const ws = await workspace(h);
    const others = await Promise.all(Array.from({ length: 6 }, async () => (await workspace(h)).id));
    // 4,000 leads of this workspace among 12,000, one per second.
    await h.db.$executeRaw`
      INSERT INTO "Lead" (id, "clientId", name, email, "appointmentStatus", "createdAt", "updatedAt")
      SELECT 'plan' || g, CASE WHEN g % 3 = 0 THEN ${ws.id} ELSE (${others}::text[])[1 + g % 6] END, 'Name ' || g,
        'lead' || g || '@plan.example', (ARRAY['NONE','BOOKED','CANCELED']::"AppointmentStatus"[])[1 + g % 3],
        timestamp '2026-01-01' + g * interval '1 second', now()
      FROM generate_series(1, 12000) g`;
    await h.db.$executeRawUnsafe(`ANALYZE "Lead"`);
    const cursor = { at: new Date(Date.parse("2026-01-01T00:00:00Z") + 6000 * 1000), id: "plan6000" };
    const shapes: Array<[string, Parameters<typeof pageQuery>]> = [
      ["first page", [{ workspaceId: ws.id }, null, 21, null]],
      ["after a cursor", [{ workspaceId: ws.id }, cursor, 21, null]],
      ["status filter", [{ workspaceId: ws.id, status: "BOOKED" }, null, 21, null]],
      ["status filter after a cursor", [{ workspaceId: ws.id, status: "BOOKED" }, cursor, 21, null]],
    ];
    for (const [name, args] of shapes) {
      const q = pageQuery(...args);
      const [row] = await h.db.$queryRawUnsafe<Array<{ "QUERY PLAN": unknown }>>(
        `EXPLAIN (FORMAT JSON) ${q.text}`,
        ...q.values,
      );
      const plan = JSON.stringify(row!["QUERY PLAN"]);
      expect({ name, sorts: plan.includes('"Sort"'), seqScan: plan.includes('"Seq Scan"') }).toEqual({
        name,
        sorts: false,
        seqScan: false,
      });
      const conditions = [...plan.matchAll(/"Index Cond":("(?:[^"\\]|\\.)*")/g)].map(
        (m) => JSON.parse(m[1]!) as string,
      );
      if (args[1]) expect(conditions.join(" ")).toContain('ROW("createdAt", id) < ROW(');
    }
  });
});
