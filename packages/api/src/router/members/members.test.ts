import { createInvitationMailer } from "../../services/members/index.ts";
import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const tokenOf = (url: string) => url.split("/invite/")[1]!;
const anonymous = () => h.callerFor(null);

describe("invitations", () => {
  it("an admin invites; the link creates the account once and makes a member with that role", async () => {
    const ws = await seedWorkspace(h.db, { name: "Inv One", members: [["boss@inv.test", "ADMIN"]] });
    const issued = await h
      .user("boss@inv.test")
      .members.invite({ workspaceId: ws, email: "New@Inv.test", role: "SETTER" });
    expect(issued).toMatchObject({ email: "new@inv.test", role: "SETTER", emailed: false });
    const token = tokenOf(issued.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await h.db.invitation.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    await expect(anonymous().members.invitation({ token })).resolves.toMatchObject({
      workspaceName: "Inv One",
      email: "new@inv.test",
      role: "SETTER",
      status: "pending",
      hasAccount: false,
    });
    await expect(
      anonymous().members.acceptNew({ token, name: "New Person", password: "password-123" }),
    ).resolves.toEqual({
      email: "new@inv.test",
      workspaceId: ws,
      roles: ["SETTER"],
    });
    const again = await expectTRPCError(
      anonymous().members.acceptNew({ token, name: "X", password: "password-123" }),
      "PRECONDITION_FAILED",
    );
    expect(again.message).toContain("already been used");
    expect(await h.db.user.count({ where: { email: "new@inv.test" } })).toBe(1);
    const list = await h.user("boss@inv.test").members.list({ workspaceId: ws });
    expect(list.members).toContainEqual({
      email: "new@inv.test",
      name: "New Person",
      roles: ["SETTER"],
      hasAccount: true,
    });
    expect(list.invitations).toEqual([]);
  });

  it("two concurrent accepts of one link create one account", async () => {
    const ws = await seedWorkspace(h.db, { members: [["boss@race.test", "ADMIN"]] });
    const { url } = await h.platform().members.invite({ workspaceId: ws, email: "race@inv.test", role: "SETTER" });
    const results = await Promise.allSettled(
      [1, 2].map(() => anonymous().members.acceptNew({ token: tokenOf(url), name: "Racer", password: "password-123" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await h.db.user.count({ where: { email: "race@inv.test" } })).toBe(1);
  });

  it("refuses an expired link, a revoked one, a replaced one, and an unknown token", async () => {
    const ws = await seedWorkspace(h.db, { members: [["boss@exp.test", "ADMIN"]] });
    const admin = h.user("boss@exp.test");
    const late = await admin.members.invite({ workspaceId: ws, email: "late@exp.test", role: "SETTER" });
    await h.db.invitation.update({ where: { id: late.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const expired = await expectTRPCError(
      anonymous().members.acceptNew({ token: tokenOf(late.url), name: "L", password: "password-123" }),
      "PRECONDITION_FAILED",
    );
    expect(expired.message).toContain("expired");
    const listed = await admin.members.list({ workspaceId: ws });
    expect(listed.invitations).toEqual([expect.objectContaining({ email: "late@exp.test", expired: true })]);

    // Resend: a new link with a new expiry; the old one no longer works.
    const renewed = await admin.members.resend({ workspaceId: ws, invitationId: late.id });
    await expectTRPCError(anonymous().members.invitation({ token: tokenOf(late.url) }), "NOT_FOUND");
    await expect(anonymous().members.invitation({ token: tokenOf(renewed.url) })).resolves.toMatchObject({
      status: "pending",
    });

    // Revoke: the link stops working and leaves the list.
    await admin.members.revoke({ workspaceId: ws, invitationId: late.id });
    const revoked = await expectTRPCError(
      anonymous().members.acceptNew({ token: tokenOf(renewed.url), name: "L", password: "password-123" }),
      "PRECONDITION_FAILED",
    );
    expect(revoked.message).toContain("revoked");
    expect((await admin.members.list({ workspaceId: ws })).invitations).toEqual([]);
    await expectTRPCError(admin.members.revoke({ workspaceId: ws, invitationId: late.id }), "NOT_FOUND");
    await expectTRPCError(anonymous().members.invitation({ token: "not-a-real-token" }), "NOT_FOUND");
  });

  it("an existing account accepts by signing in, as the invited email only", async () => {
    const a = await seedWorkspace(h.db, { members: [["boss@two.test", "ADMIN"]] });
    const { url } = await h
      .platform()
      .members.invite({ workspaceId: a, email: "both@two.test", role: "INBOX_MANAGER" });
    await h.db.user.create({ data: { id: "u_both", email: "both@two.test", name: "Both" } });
    await expect(anonymous().members.invitation({ token: tokenOf(url) })).resolves.toMatchObject({ hasAccount: true });
    await expectTRPCError(
      anonymous().members.acceptNew({ token: tokenOf(url), name: "B", password: "password-123" }),
      "CONFLICT",
    );
    await expectTRPCError(h.user("someone@else.test").members.accept({ token: tokenOf(url) }), "FORBIDDEN");
    await expectTRPCError(anonymous().members.accept({ token: tokenOf(url) }), "UNAUTHORIZED");
    await expect(h.user("Both@Two.test").members.accept({ token: tokenOf(url) })).resolves.toMatchObject({
      workspaceId: a,
      roles: ["INBOX_MANAGER"],
    });
    expect(await h.db.clientMember.count({ where: { clientId: a, email: "both@two.test" } })).toBe(1);
  });

  it("refuses a duplicate invitation and an existing membership on the email field", async () => {
    const ws = await seedWorkspace(h.db, { members: [["boss@dup.test", "ADMIN"]] });
    const admin = h.user("boss@dup.test");
    await admin.members.invite({ workspaceId: ws, email: "dup@dup.test", role: "SETTER" });
    const dup = await expectTRPCError(
      admin.members.invite({ workspaceId: ws, email: "DUP@dup.test", role: "SETTER" }),
      "CONFLICT",
    );
    expect(fieldErrorsOf(dup.cause)?.email?.[0]).toContain("Already invited");
    const member = await expectTRPCError(
      admin.members.invite({ workspaceId: ws, email: "boss@dup.test", role: "ADMIN" }),
      "CONFLICT",
    );
    expect(fieldErrorsOf(member.cause)?.email?.[0]).toContain("Already a member");
    await expect(
      admin.members.invite({ workspaceId: ws, email: "boss@dup.test", role: "SETTER" }),
    ).resolves.toBeTruthy();
  });
});

describe("who may manage members", () => {
  it("setters list members without invitations and cannot change anything; other workspaces are NOT_FOUND", async () => {
    const ws = await seedWorkspace(h.db, {
      members: [
        ["boss@who.test", "ADMIN"],
        ["sam@who.test", "SETTER"],
      ],
    });
    const other = await seedWorkspace(h.db, { members: [["stranger@who.test", "ADMIN"]] });
    await h.user("boss@who.test").members.invite({ workspaceId: ws, email: "p@who.test", role: "SETTER" });
    const setter = h.user("sam@who.test");
    const list = await setter.members.list({ workspaceId: ws });
    expect(list).toMatchObject({ canManage: false, invitations: [] });
    expect(list.members.map((m) => m.email)).toEqual(["boss@who.test", "sam@who.test"]);
    await expectTRPCError(setter.members.invite({ workspaceId: ws, email: "x@who.test", role: "ADMIN" }), "FORBIDDEN");
    await expectTRPCError(setter.members.remove({ workspaceId: ws, email: "boss@who.test" }), "FORBIDDEN");
    const stranger = h.user("stranger@who.test");
    await expectTRPCError(stranger.members.list({ workspaceId: ws }), "NOT_FOUND");
    await expectTRPCError(
      stranger.members.invite({ workspaceId: ws, email: "x@who.test", role: "ADMIN" }),
      "NOT_FOUND",
    );
    expect(other).toBeTruthy();
  });

  it("removing a member deletes all their ClientMember rows and pending invitations; the last admin stays", async () => {
    const ws = await seedWorkspace(h.db, {
      members: [
        ["boss@rm.test", "ADMIN"],
        ["gone@rm.test", "SETTER"],
        ["gone@rm.test", "INBOX_MANAGER"],
      ],
    });
    const admin = h.user("boss@rm.test");
    await admin.members.invite({ workspaceId: ws, email: "gone@rm.test", role: "ADMIN" });
    await admin.members.remove({ workspaceId: ws, email: "gone@rm.test" });
    expect(await h.db.clientMember.count({ where: { clientId: ws, email: "gone@rm.test" } })).toBe(0);
    expect((await admin.members.list({ workspaceId: ws })).invitations).toEqual([]);
    await expectTRPCError(
      h
        .user("gone@rm.test")
        .workspaces.list()
        .then((l) => {
          if (l.length === 0) throw Object.assign(new Error("none"), { code: "NOT_FOUND" });
        }),
      "NOT_FOUND",
    );
    await expectTRPCError(admin.members.remove({ workspaceId: ws, email: "boss@rm.test" }), "PRECONDITION_FAILED");
  });
});

describe("mail", () => {
  it("mails the link where a mailer is configured (nodemailer), and records when", async () => {
    const sent: Array<{ to: string; text: string }> = [];
    const mailer = createInvitationMailer({ jsonTransport: true }, "Booking <no-reply@app.test>");
    const recording = {
      async send(mail: Parameters<typeof mailer.send>[0]) {
        await mailer.send(mail);
        sent.push({ to: mail.to, text: mail.url });
      },
    };
    const ws = await seedWorkspace(h.db, { name: "Mail Co", members: [["boss@mail.test", "ADMIN"]] });
    const { createContextInner } = await import("../../context.ts");
    const { createCallerFactory } = await import("../../trpc.ts");
    const { appRouter } = await import("../../root.ts");
    const caller = createCallerFactory(appRouter)(() =>
      createContextInner({
        db: h.db,
        secrets: h.secrets,
        calendlyFor: () => {
          throw new Error("no Calendly here");
        },
        session: { kind: "user", email: "boss@mail.test", name: "Boss" },
        env: { publicWebhookBaseUrl: "https://hooks.test", appUrl: "https://app.test", mailer: recording },
      }),
    );
    const issued = await caller.members.invite({ workspaceId: ws, email: "m@mail.test", role: "SETTER" });
    expect(issued).toMatchObject({ emailed: true, emailError: null });
    expect(issued.url).toMatch(/^https:\/\/app\.test\/invite\//);
    expect(sent).toEqual([{ to: "m@mail.test", text: issued.url }]);
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: issued.id } })).lastSentAt).not.toBeNull();

    const failing = { send: async () => Promise.reject(new Error("connect ECONNREFUSED")) };
    const caller2 = createCallerFactory(appRouter)(() =>
      createContextInner({
        db: h.db,
        secrets: h.secrets,
        calendlyFor: () => {
          throw new Error("no Calendly here");
        },
        session: { kind: "user", email: "boss@mail.test", name: "Boss" },
        env: { publicWebhookBaseUrl: "https://hooks.test", mailer: failing },
      }),
    );
    const fallback = await caller2.members.invite({ workspaceId: ws, email: "n@mail.test", role: "SETTER" });
    expect(fallback.emailed).toBe(false);
    expect(fallback.emailError).toContain("copy the link instead");
  });

  it("speaks SMTP to the server SMTP_URL names", async () => {
    const { createServer } = await import("node:net");
    let data = "";
    const smtp = createServer((socket) => {
      let inData = false;
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        const text = chunk.toString("utf8");
        if (inData) {
          data += text;
          if (data.endsWith("\r\n.\r\n")) {
            inData = false;
            socket.write("250 queued\r\n");
          }
          return;
        }
        if (/^DATA/i.test(text)) {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(text)) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      });
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { port } = smtp.address() as { port: number };
    const mailer = createInvitationMailer(`smtp://127.0.0.1:${port}/?ignoreTLS=true`, "Booking <no-reply@app.test>");
    await mailer.send({
      to: "sam@mail.test",
      workspaceName: "Mail Co",
      role: "SETTER",
      url: "https://app.test/invite/abc",
      expiresAt: new Date("2026-12-07T00:00:00Z"),
      invitedBy: "boss@mail.test",
    });
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    expect(data).toContain("To: sam@mail.test");
    expect(data).toContain("https://app.test/invite/abc");
    expect(data).toContain("as setter");
  });
});
