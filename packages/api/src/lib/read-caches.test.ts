// The read path's caches: a member's access is answered from memory for a few seconds; refusals
// are never kept; an admin check that the cached roles refuse goes back to the database.
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { DomainError } from "../errors.ts";
import { authorizeWorkspaceCached, createReadCaches } from "./read-caches.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function workspaceWith(email: string, role: "ADMIN" | "SETTER") {
  const c = await t.db.client.create({ data: { name: `Cache ${Math.random()}` } });
  await t.db.clientMember.create({ data: { clientId: c.id, email, role } });
  return c.id;
}

describe("authorizeWorkspaceCached", () => {
  it("answers a repeated member check from the cache, and reads again without one", async () => {
    const ws = await workspaceWith("sam@cache.test", "SETTER");
    const caches = createReadCaches();
    const actor = { kind: "user" as const, email: "Sam@Cache.test" };
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, actor, ws, "member")).resolves.toMatchObject({
      roles: ["SETTER"],
    });
    // Removed meanwhile: the cached access holds for its few seconds; without caches it is gone.
    await t.db.clientMember.deleteMany({ where: { clientId: ws } });
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, actor, ws, "member")).resolves.toMatchObject({
      roles: ["SETTER"],
    });
    await expect(authorizeWorkspaceCached({ db: t.db }, actor, ws, "member")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    caches.access.clear();
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, actor, ws, "member")).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it("never keeps a refusal, and lets the service refuse an admin check the cached roles do not allow", async () => {
    const ws = await workspaceWith("sue@cache.test", "SETTER");
    const caches = createReadCaches();
    const stranger = { kind: "user" as const, email: "eve@cache.test" };
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, stranger, ws, "member")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await t.db.clientMember.create({ data: { clientId: ws, email: "eve@cache.test", role: "ADMIN" } });
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, stranger, ws, "admin")).resolves.toMatchObject({
      canEdit: true,
    });

    const setter = { kind: "user" as const, email: "sue@cache.test" };
    await authorizeWorkspaceCached({ db: t.db, caches }, setter, ws, "member");
    await expect(authorizeWorkspaceCached({ db: t.db, caches }, setter, ws, "admin")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only workspace admins can change this",
    });
  });
});
