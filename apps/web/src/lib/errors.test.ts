import { errorMessage, fieldErrorsOf } from "./errors";

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
  it("shows a message given as text as it is", () => {
    expect(errorMessage("Something went wrong on our side. Try again.")).toBe(
      "Something went wrong on our side. Try again.",
    );
  });
});
