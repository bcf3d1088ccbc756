import { fieldErrorsFromIssues, loadSchemas, type ServerRules, serverValidate } from "./schema-form";

type Lead = { name: string; email: string; phone: string };
const leadRules: ServerRules<Lead> = (s, v) => ({
  schema: s.createLeadSchema,
  input: { workspaceId: "w1", name: v.name, email: v.email, ...(v.phone.trim() ? { phone: v.phone } : {}) },
});

type Booking = { provider: "GHL" | "CALENDLY"; eventTypeLink: string; ghlBookingLink: string };
const bookingRules: ServerRules<Booking> = (s, v) =>
  v.provider === "CALENDLY"
    ? {
        schema: s.updateCalendlySchema,
        input: { workspaceId: "w1", provider: "CALENDLY", eventTypeLink: v.eventTypeLink },
      }
    : {
        schema: s.updateSettingsSchema,
        input: { workspaceId: "w1", meetingBookingProvider: "GHL", ghlBookingLink: v.ghlBookingLink || null },
      };

describe("forms validated by the server's schemas", () => {
  it("waits for the rules the first time, then answers at once", async () => {
    const validate = serverValidate(leadRules);
    const first = validate({ name: "", email: "ravi@", phone: "" });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ name: "Name is required", email: "Invalid email address" });
    expect(validate({ name: "Ravi Menon", email: "ravi@fourth.example", phone: "" })).toEqual({});
  });

  it("shows the server's messages for each field, all of them", async () => {
    await loadSchemas();
    const validate = serverValidate(leadRules);
    expect(validate({ name: "Ravi", email: "ravi@fourth.example", phone: "call me" })).toEqual({
      phone: "Invalid phone number",
    });
    const token = serverValidate<{ token: string }>((s, v) => ({
      schema: s.updateCalendlySchema,
      input: { workspaceId: "w1", token: v.token },
    }));
    expect(token({ token: "abc" })).toEqual({ token: "This does not look like a Calendly access token (too short)" });
    expect(token({ token: "a b" })).toEqual({
      token:
        "This does not look like a Calendly access token (too short) · Token must not contain spaces or special characters",
    });
  });

  it("checks only the fields the chosen operation takes", async () => {
    await loadSchemas();
    const validate = serverValidate(bookingRules);
    expect(validate({ provider: "CALENDLY", eventTypeLink: "https://example.com/x", ghlBookingLink: "nope" })).toEqual({
      eventTypeLink: "Must be a Calendly scheduling link like https://calendly.com/<user>/<event-type>",
    });
    expect(validate({ provider: "GHL", eventTypeLink: "nope", ghlBookingLink: "http://x.example" })).toEqual({
      ghlBookingLink: "Must be an https:// booking link",
    });
  });

  it("renames server keys to form fields and ignores keys the form does not show", () => {
    const issues = [
      { path: ["bookingMessageTemplate"], message: "The message must contain {{link}}" },
      { path: ["bookingMessageTemplate"], message: "Unknown placeholder {{lnk}}" },
      { path: ["workspaceId"], message: "Workspace is required" },
    ];
    expect(fieldErrorsFromIssues(issues, ["template"], { bookingMessageTemplate: "template" })).toEqual({
      template: "The message must contain {{link}} · Unknown placeholder {{lnk}}",
    });
  });
});
