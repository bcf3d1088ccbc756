// Every procedure refuses what it does not know (CONTRACT.md): an unknown input key is a
// BAD_REQUEST naming the key, never dropped; a NUL character or an unpaired surrogate in a string
// is a field error, never a 500 from the database.
import { appRouter } from "../root.ts";
import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../testing/harness.ts";
import { fieldErrorsOf } from "../trpc.ts";

let h: Harness;
let workspaceId: string;
let leadId: string;
beforeAll(async () => {
  h = await createHarness();
  workspaceId = await seedWorkspace(h.db);
  leadId = (await h.db.lead.create({ data: { clientId: workspaceId, name: "L", email: "l@x.test" } })).id;
});
afterAll(async () => h.close());

/** The procedure at `path` ("leads.get") of a platform admin's caller. */
function call(path: string, input: unknown): Promise<unknown> {
  let target: unknown = h.platform();
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (i: unknown) => Promise<unknown>)(input);
}

/** The keys a procedure needs to get past authorization. */
function base(path: string): Record<string, unknown> {
  if (path.startsWith("leads.") && path !== "leads.list" && path !== "leads.create") return { leadId };
  if (path === "workspaces.list" || path === "session.me" || path === "workspaces.create") return {};
  return { workspaceId };
}

const procedures = Object.keys(appRouter._def.procedures).sort();

describe("unknown input keys", () => {
  it.each(procedures)("%s refuses an unknown key with a field error on that key", async (path) => {
    const err = await expectTRPCError(call(path, { ...base(path), accessToken: "x" }), "BAD_REQUEST");
    expect(fieldErrorsOf(err.cause)?.accessToken).toEqual(["Unknown field"]);
  });
});

describe("NUL characters and unpaired surrogates", () => {
  it.each([
    ["a NUL character", "nul \u0000 byte"],
    ["a lone high surrogate", "lone \ud800 surrogate"],
    ["a lone low surrogate", "lone \udc00 surrogate"],
  ])("leads.create refuses %s in the name with a field error", async (_what, name) => {
    const err = await expectTRPCError(
      h.platform().leads.create({ workspaceId, name, email: "nul@x.test" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ name: ["Must not contain NUL characters or unpaired surrogates"] });
  });

  it("workspaces.create refuses a NUL character in the name", async () => {
    const err = await expectTRPCError(h.platform().workspaces.create({ name: "nul \u0000 ws" }), "BAD_REQUEST");
    expect(fieldErrorsOf(err.cause)?.name).toBeDefined();
  });

  it("a well-formed astral character (a surrogate pair) is fine", async () => {
    await expect(
      h.platform().leads.create({ workspaceId, name: "Ada 🚀", email: "astral@x.test" }),
    ).resolves.toMatchObject({ name: "Ada 🚀" });
  });
});
