import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function workspace(settings: Record<string, unknown> = {}) {
  const id = await seedWorkspace(h.db, {
    members: [
      ["boss@s.test", "ADMIN"],
      ["sam@s.test", "SETTER"],
    ],
    settings,
  });
  return id;
}

describe("settings", () => {
  it("reads the provider switch and booking fields, with canEdit per role", async () => {
    const id = await workspace({ ghlBookingLink: "https://book.ghl.test/x" });
    await expect(h.user("boss@s.test").settings.get({ workspaceId: id })).resolves.toMatchObject({
      meetingBookingProvider: "GHL",
      ghlBookingLink: "https://book.ghl.test/x",
      canEdit: true,
    });
    await expect(h.user("sam@s.test").settings.get({ workspaceId: id })).resolves.toMatchObject({ canEdit: false });
  });

  it("updates GHL fields and validates them", async () => {
    const id = await workspace();
    const updated = await h
      .user("boss@s.test")
      .settings.update({ workspaceId: id, ghlCalendarId: "cal-1", ghlBookingLink: "https://book.ghl.test/cal-1" });
    expect(updated).toMatchObject({ ghlCalendarId: "cal-1", ghlBookingLink: "https://book.ghl.test/cal-1" });
    const err = await expectTRPCError(
      h.user("boss@s.test").settings.update({ workspaceId: id, ghlBookingLink: "javascript:alert(1)" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ ghlBookingLink: ["Must be an https:// booking link"] });
  });

  it("GHL needs a calendar id or a booking link", async () => {
    const id = await workspace({ ghlBookingLink: "https://book.ghl.test/x" });
    const err = await expectTRPCError(
      h.user("boss@s.test").settings.update({ workspaceId: id, ghlBookingLink: null }),
      "PRECONDITION_FAILED",
    );
    expect(fieldErrorsOf(err.cause)).toHaveProperty("ghlBookingLink");
  });

  it("switching to Calendly needs a token and an event type", async () => {
    const id = await workspace();
    const err = await expectTRPCError(
      h.user("boss@s.test").settings.update({ workspaceId: id, meetingBookingProvider: "CALENDLY" }),
      "PRECONDITION_FAILED",
    );
    expect(fieldErrorsOf(err.cause)?.meetingBookingProvider?.[0]).toMatch(/token/);

    await h.db.client.update({ where: { id }, data: { calendlyAccessTokenEnc: h.secrets.encrypt("x", "y") } });
    await expectTRPCError(
      h.user("boss@s.test").settings.update({ workspaceId: id, meetingBookingProvider: "CALENDLY" }),
      "PRECONDITION_FAILED",
    );

    await h.db.workspaceSettings.update({
      where: { clientId: id },
      data: { calendlyEventTypeLink: "https://calendly.com/a/b" },
    });
    const ok = await h.user("boss@s.test").settings.update({ workspaceId: id, meetingBookingProvider: "CALENDLY" });
    expect(ok.meetingBookingProvider).toBe("CALENDLY");
    expect((await h.db.client.findUniqueOrThrow({ where: { id } })).calendlyEnabled).toBe(true);
  });

  it("a setter cannot change settings; another workspace's member cannot see them", async () => {
    const id = await workspace();
    await expectTRPCError(h.user("sam@s.test").settings.update({ workspaceId: id, ghlCalendarId: "x" }), "FORBIDDEN");
    await seedWorkspace(h.db, { members: [["eve@other.test", "ADMIN"]] });
    await expectTRPCError(h.user("eve@other.test").settings.get({ workspaceId: id }), "NOT_FOUND");
    await expectTRPCError(
      h.user("eve@other.test").settings.update({ workspaceId: id, ghlCalendarId: "x" }),
      "NOT_FOUND",
    );
    await expectTRPCError(h.platform().settings.get({ workspaceId: "does-not-exist" }), "NOT_FOUND");
  });
});

describe("the booking message template", () => {
  it("is null (the default) until an admin saves one; setters read it", async () => {
    const id = await workspace();
    await expect(h.user("sam@s.test").settings.get({ workspaceId: id })).resolves.toMatchObject({
      bookingMessageTemplate: null,
    });
    const saved = await h
      .user("boss@s.test")
      .settings.update({ workspaceId: id, bookingMessageTemplate: "  Hi {{firstName}}, book here: {{ link }}  " });
    expect(saved.bookingMessageTemplate).toBe("Hi {{firstName}}, book here: {{ link }}");
    await expect(h.user("sam@s.test").settings.get({ workspaceId: id })).resolves.toMatchObject({
      bookingMessageTemplate: "Hi {{firstName}}, book here: {{ link }}",
    });
    // Saving the template alone does not touch (or re-validate) the provider fields.
    await expect(
      h.user("boss@s.test").settings.update({ workspaceId: id, bookingMessageTemplate: null }),
    ).resolves.toMatchObject({ bookingMessageTemplate: null, meetingBookingProvider: "GHL" });
  });

  it.each([
    ["Hi {{firstName}}", ["The message must contain {{link}}"]],
    ["Hi {{first_name}}: {{link}}", ["Unknown placeholder {{first_name}}: use {{firstName}}, {{name}} or {{link}}"]],
    ["Hi {{firstName: {{link}}", ["A placeholder is not closed: write it as {{firstName}}, {{name}} or {{link}}"]],
    ["   ", ["Write the message, or reset it to the default"]],
    [`{{link}} ${"x".repeat(1000)}`, ["The message is at most 1000 characters"]],
    [
      "{{Link}} {{phone}}",
      [
        "The message must contain {{link}}",
        "Unknown placeholder {{Link}}, {{phone}}: use {{firstName}}, {{name}} or {{link}}",
      ],
    ],
  ])("refuses %j with field errors", async (template, messages) => {
    const id = await workspace();
    const err = await expectTRPCError(
      h.user("boss@s.test").settings.update({ workspaceId: id, bookingMessageTemplate: template }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(err.cause)).toEqual({ bookingMessageTemplate: messages });
  });

  it("only admins change it", async () => {
    const id = await workspace();
    await expectTRPCError(
      h.user("sam@s.test").settings.update({ workspaceId: id, bookingMessageTemplate: "{{link}}" }),
      "FORBIDDEN",
    );
  });
});
