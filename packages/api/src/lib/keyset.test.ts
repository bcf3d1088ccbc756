import { DomainError } from "../errors.ts";
import { decodeCursor, encodeCursor, toPage } from "./keyset.ts";

const at = new Date("2026-05-14T16:00:00.123Z");

it("a cursor carries its position back, only to the list it was made for", () => {
  const cursor = encodeCursor("ws_1", { at, id: "c1" });
  expect(decodeCursor("ws_1", cursor)).toEqual({ at, id: "c1" });
  expect(() => decodeCursor("ws_2", cursor)).toThrow("This cursor belongs to another list");
});

it.each(["", "not base64 json", Buffer.from("[1,2]").toString("base64url"), encodeCursor("ws_1", { at, id: "" })])(
  "refuses a malformed cursor %p with a field error on `cursor`",
  (cursor) => {
    const error = (() => {
      try {
        decodeCursor("ws_1", cursor);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ cursor: ["Invalid cursor"] });
  },
);

it("a page of `limit` rows gets a next cursor only when one more row was read", () => {
  const rows = [1, 2, 3].map((n) => ({ id: `r${n}`, t: new Date(at.getTime() - n) }));
  const position = (r: { id: string; t: Date }) => ({ at: r.t, id: r.id });
  const full = toPage(rows, 2, "s", position, (r) => r.id);
  expect(full.items).toEqual(["r1", "r2"]);
  expect(decodeCursor("s", full.nextCursor!)).toEqual({ at: rows[1]!.t, id: "r2" });
  expect(toPage(rows.slice(0, 2), 2, "s", position).nextCursor).toBeNull();
});
