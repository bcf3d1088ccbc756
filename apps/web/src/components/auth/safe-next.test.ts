import { safeNext } from "./safe-next";

const ORIGIN = "https://app.example";

describe("safeNext", () => {
  it.each([
    ["/%5Cevil.example/"],
    ["/\\evil.example/"],
    ["/\t/evil.example/"],
    ["//evil.example/"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["/\n/evil.example"],
    ["\\\\evil.example"],
  ])("keeps %j on the site", (next) => {
    const target = safeNext(next, ORIGIN);
    expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
    expect(target.startsWith("//")).toBe(false);
  });

  it("keeps same-origin paths with their query and hash", () => {
    expect(safeNext("/w/demo/leads?status=BOOKED#top", ORIGIN)).toBe("/w/demo/leads?status=BOOKED#top");
    expect(safeNext(`${ORIGIN}/w/demo/leads`, ORIGIN)).toBe("/w/demo/leads");
    expect(safeNext("/.//evil.example", ORIGIN)).toBe("/evil.example");
    expect(safeNext(null, ORIGIN)).toBe("/");
  });
});
