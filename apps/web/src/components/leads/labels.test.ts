import { formatChangeValue, REFERENCE_FIELDS } from "./labels";

describe("a timeline change, as a setter reads it", () => {
  it("names statuses and locations, and shows nothing as a dash", () => {
    expect(formatChangeValue("appointmentStatus", "NO_SHOW")).toBe("No-show");
    expect(formatChangeValue("appointmentLocationType", "google_conference")).toBe("Google Meet");
    expect(formatChangeValue("appointmentLocationType", "something_new")).toBe("something_new");
    expect(formatChangeValue("appointmentHostName", null)).toBe("—");
    expect(formatChangeValue("appointmentHostName", "")).toBe("—");
  });

  it("writes booking-form answers as question: answer, in their order", () => {
    const answers = JSON.stringify([
      { question: "Company size", answer: "11-50", position: 0 },
      { question: "Goal", answer: null, position: 1 },
    ]);
    expect(formatChangeValue("appointmentAnswers", answers)).toBe("Company size: 11-50 · Goal: —");
    expect(formatChangeValue("appointmentAnswers", "[]")).toBe("—");
    expect(formatChangeValue("appointmentAnswers", "not json")).toBe("not json");
  });

  it("writes times in local time, other text as it is", () => {
    expect(formatChangeValue("appointmentStartAt", "2026-05-14T16:00:00.000Z")).toMatch(/May 14, 2026/);
    expect(formatChangeValue("appointmentCancelReason", "2026 plans changed")).toBe("2026 plans changed");
    expect(formatChangeValue("appointmentTimezone", "America/Chicago")).toBe("America/Chicago");
  });

  it("folds Calendly's URIs away from the list of changes", () => {
    expect(REFERENCE_FIELDS.has("calendlyInviteeUri")).toBe(true);
    expect(REFERENCE_FIELDS.has("appointmentJoinUrl")).toBe(false);
  });
});
