import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("workspaces.list", () => {
  it("shows a member only its own workspaces, with its roles and provider", async () => {
    const a = await seedWorkspace(h.db, {
      name: "Alpha list",
      members: [
        ["ann@a.test", "ADMIN"],
        ["ann@a.test", "SETTER"],
      ],
    });
    const b = await seedWorkspace(h.db, {
      name: "Beta list",
      members: [["bob@b.test", "ADMIN"]],
      settings: { meetingBookingProvider: "CALENDLY" },
    });

    const ann = await h.user("Ann@A.test").workspaces.list();
    expect(ann).toEqual([
      { id: a, name: "Alpha list", roles: expect.arrayContaining(["ADMIN", "SETTER"]), provider: "GHL" },
    ]);
    expect(ann[0]!.roles).toHaveLength(2);

    const bob = await h.user("bob@b.test").workspaces.list();
    expect(bob.map((w) => w.id)).toEqual([b]);
    expect(bob[0]!.provider).toBe("CALENDLY");
  });

  it("shows platform admins every workspace", async () => {
    const ids = await h.platform().workspaces.list();
    expect(ids.length).toBeGreaterThanOrEqual(2);
  });

  it("rejects anonymous callers", async () => {
    await expectTRPCError(h.callerFor(null).workspaces.list(), "UNAUTHORIZED");
  });
});

describe("workspaces.create", () => {
  it("creates a workspace with normalized, deduplicated members (platform admins)", async () => {
    const created = await h.platform().workspaces.create({
      name: "  Gamma Growth ",
      setterEmails: ["Sue@Gamma.test", "sue@gamma.test "],
      inboxManagerEmails: ["ivy@gamma.test"],
      inboxManagerEmail: "IVY@gamma.test",
      adminEmails: ["al@gamma.test"],
    });
    expect(created.name).toBe("Gamma Growth");
    expect(created.members.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: "al@gamma.test", role: "ADMIN" },
      { email: "sue@gamma.test", role: "SETTER" },
      { email: "ivy@gamma.test", role: "INBOX_MANAGER" },
    ]);
    // Everyone is invited (a single-use link each); memberships are written when they accept.
    for (const m of created.members) expect(m.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await h.db.clientMember.count({ where: { clientId: created.id } })).toBe(0);
    expect(await h.db.invitation.count({ where: { clientId: created.id, acceptedAt: null } })).toBe(3);
    const settings = await h.db.workspaceSettings.findUnique({ where: { clientId: created.id } });
    expect(settings?.meetingBookingProvider).toBe("GHL");
  });

  it("answers CONFLICT for a name that exists, ignoring case", async () => {
    const err = await expectTRPCError(h.platform().workspaces.create({ name: "gamma GROWTH" }), "CONFLICT");
    expect(fieldErrorsOf(err.cause)).toEqual({ name: [expect.stringContaining("already exists")] });
  });

  it("creates only one of two concurrent workspaces with the same name", async () => {
    const results = await Promise.allSettled([
      h.platform().workspaces.create({ name: "Race Co" }),
      h.platform().workspaces.create({ name: "race co" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await h.db.client.count({ where: { name: { equals: "race co", mode: "insensitive" } } })).toBe(1);
  });

  it("rejects invalid emails with field errors", async () => {
    const err = await expectTRPCError(
      h.platform().workspaces.create({ name: "Delta", setterEmails: ["not-an-email"] }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ "setterEmails.0": ["Invalid email address"] });
  });

  it("is for platform admins only", async () => {
    const a = await seedWorkspace(h.db, { members: [["admin@x.test", "ADMIN"]] });
    expect(a).toBeTruthy();
    await expectTRPCError(h.user("admin@x.test").workspaces.create({ name: "Sneaky" }), "FORBIDDEN");
  });
});

describe("session.me", () => {
  it("describes the caller", async () => {
    await expect(h.callerFor(null).session.me()).resolves.toBeNull();
    await expect(h.user("a@b.test", "A B").session.me()).resolves.toEqual({
      email: "a@b.test",
      name: "A B",
      isPlatformAdmin: false,
    });
    await expect(h.platform().session.me()).resolves.toMatchObject({ isPlatformAdmin: true });
  });
});
