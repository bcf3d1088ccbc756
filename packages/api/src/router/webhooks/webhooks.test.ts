import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function workspace() {
  const tag = Math.random().toString(36).slice(2, 8);
  const id = await seedWorkspace(h.db, {
    members: [
      [`admin-${tag}@w.test`, "ADMIN"],
      [`inbox-${tag}@w.test`, "INBOX_MANAGER"],
    ],
  });
  return { id, admin: h.user(`admin-${tag}@w.test`), inbox: h.user(`inbox-${tag}@w.test`) };
}

async function storedEvent(clientId: string, status: "FAILED" | "PROCESSED" = "FAILED") {
  return h.db.webhookEvent.create({
    data: {
      clientId,
      eventName: "invitee.created",
      idempotencyKey: `k-${Math.random()}`,
      rawBody: JSON.stringify({ event: "invitee.created", payload: { email: "x@example.com" } }),
      status,
    },
    select: { id: true },
  });
}

describe("webhooks router", () => {
  it("lists a workspace's inbox to its members only", async () => {
    const ws = await workspace();
    const other = await workspace();
    const ev = await storedEvent(ws.id);
    await storedEvent(other.id);
    const page = await ws.inbox.webhooks.list({ workspaceId: ws.id });
    expect(page.items.map((i) => i.id)).toEqual([ev.id]);
    expect(page.items[0]).toMatchObject({
      eventName: "invitee.created",
      status: "FAILED",
      inviteeEmail: "x@example.com",
    });
    await expectTRPCError(ws.inbox.webhooks.list({ workspaceId: other.id }), "NOT_FOUND");
  });

  it("replays only this workspace's events, for admins", async () => {
    const ws = await workspace();
    const other = await workspace();
    const foreign = await storedEvent(other.id);
    await expectTRPCError(ws.admin.webhooks.replay({ workspaceId: ws.id, ids: [foreign.id] }), "NOT_FOUND");
    const own = await storedEvent(ws.id);
    await expectTRPCError(ws.inbox.webhooks.replay({ workspaceId: ws.id, ids: [own.id] }), "FORBIDDEN");
    const result = await ws.admin.webhooks.replay({ workspaceId: ws.id, ids: [own.id] });
    expect(result.results.map((r) => r.id)).toEqual([own.id]);
  });

  it("reconcile needs a Calendly token", async () => {
    const ws = await workspace();
    await expectTRPCError(
      ws.admin.webhooks.reconcile({ workspaceId: ws.id, since: new Date("2026-01-01") }),
      "PRECONDITION_FAILED",
    );
    await expectTRPCError(
      ws.admin.webhooks.reconcile({ workspaceId: ws.id, since: "not a date" as never }),
      "BAD_REQUEST",
    );
  });
});
