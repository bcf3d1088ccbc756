import { validateSignIn } from "../components/auth/sign-in-schema";
import { type MeetingBookingValues, validateMeetingBooking } from "../components/integrations/meeting-booking-schema";
import { validateToken } from "../components/integrations/token-schema";
import { errorMessage, fieldErrorsOf } from "./errors";

const calendly: MeetingBookingValues = {
  provider: "CALENDLY",
  eventTypeLink: "https://calendly.com/acme/intro-call",
  eventTypeUri: "https://api.calendly.com/event_types/0f6c1a52-7d1e-4c55-9a43-5b2f3c9d1e01",
  eventTypeName: "Intro",
  ghlCalendarId: "",
  ghlBookingLink: "",
};

describe("meeting booking validation (mirrors the API)", () => {
  it("accepts a Calendly link and event type URI", () => {
    expect(validateMeetingBooking(calendly)).toEqual({});
  });
  it("rejects links outside calendly.com and URIs that are not event types", () => {
    const errors = validateMeetingBooking({
      ...calendly,
      eventTypeLink: "https://example.com/acme/intro",
      eventTypeUri: "https://api.calendly.com/users/abc",
    });
    expect(errors.eventTypeLink).toMatch(/calendly\.com/);
    expect(errors.eventTypeUri).toMatch(/event_types/);
  });
  it("requires link and URI only when Calendly is the provider", () => {
    expect(validateMeetingBooking({ ...calendly, eventTypeLink: "", eventTypeUri: "" })).toHaveProperty(
      "eventTypeLink",
    );
    expect(
      validateMeetingBooking({
        ...calendly,
        provider: "GHL",
        eventTypeLink: "",
        eventTypeUri: "",
        ghlCalendarId: "cal-1",
      }),
    ).toEqual({});
  });
  it("asks GHL for a booking link or calendar id", () => {
    expect(validateMeetingBooking({ ...calendly, provider: "GHL" }).ghlBookingLink).toBe(
      "Enter the GHL booking link or calendar id",
    );
  });
});

describe("token and sign-in validation", () => {
  it("rejects short tokens and tokens with spaces", () => {
    expect(validateToken({ token: "short" }).token).toMatch(/too short/);
    expect(validateToken({ token: `${"a".repeat(20)} b` }).token).toMatch(/spaces/);
    expect(validateToken({ token: "a".repeat(40) })).toEqual({});
  });
  it("checks the email shape and that a password is given", () => {
    expect(validateSignIn({ email: "admin@demo", password: "x" }).email).toBe("Enter a valid email address");
    expect(validateSignIn({ email: "admin@demo.test", password: "x" })).toEqual({});
    expect(validateSignIn({ email: "admin@demo.test", password: "" })).toEqual({ password: "Enter your password" });
  });
});

describe("tRPC error reading", () => {
  it("keeps string messages of fieldErrors and drops the rest", () => {
    expect(fieldErrorsOf({ data: { fieldErrors: { token: ["bad token", 3], other: "x" } } })).toEqual({
      token: ["bad token"],
    });
    expect(fieldErrorsOf(new Error("x"))).toEqual({});
  });
  it("never shows raw JSON to the user", () => {
    expect(errorMessage({ message: '[{"code":"too_small"}]', data: { code: "BAD_REQUEST" } })).toBe(
      "Something went wrong. Try again.",
    );
    expect(errorMessage({ message: "", data: { code: "FORBIDDEN" } })).toBe("You do not have permission to do this.");
    expect(errorMessage({ message: "Calendly rejected the access token" })).toBe("Calendly rejected the access token");
  });
});
