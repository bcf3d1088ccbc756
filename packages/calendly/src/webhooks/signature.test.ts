import { createHmac } from "node:crypto";
import fc from "fast-check";
import {
  signWebhook,
  verifyWebhookSignature,
  WebhookSignatureError,
  type WebhookSignatureFailure,
} from "./signature.ts";

const signingKey = "whsec-test-key-0123456789abcdef";
const now = new Date("2026-05-12T15:04:11Z");
const nowSeconds = Math.floor(now.getTime() / 1000);
const rawBody = JSON.stringify({
  event: "invitee.created",
  created_at: now.toISOString(),
  payload: { email: "a@b.test" },
});

/** A correctly signed request; each test breaks exactly one part of it. */
function signedRequest(over: Partial<{ rawBody: string; signingKey: string; timestamp: number }> = {}) {
  const body = over.rawBody ?? rawBody;
  const header = signWebhook({
    rawBody: body,
    signingKey: over.signingKey ?? signingKey,
    timestamp: over.timestamp ?? nowSeconds,
  });
  return { header: header as string | undefined, rawBody: body };
}

function verify(
  req: { header: string | undefined; rawBody: string | Uint8Array },
  over: { signingKey?: string; toleranceSeconds?: number } = {},
) {
  verifyWebhookSignature({
    ...req,
    signingKey: over.signingKey ?? signingKey,
    toleranceSeconds: over.toleranceSeconds ?? 180,
    now,
  });
}

function failure(fn: () => void): WebhookSignatureFailure | "no error" {
  try {
    fn();
    return "no error";
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
}

describe("signWebhook", () => {
  it("produces Calendly's t=<ts>,v1=<hex hmac of ts.body> header", () => {
    const expected = createHmac("sha256", signingKey).update(`${nowSeconds}.${rawBody}`).digest("hex");
    expect(signWebhook({ rawBody, signingKey, timestamp: nowSeconds })).toBe(`t=${nowSeconds},v1=${expected}`);
  });

  it("signs the body's bytes: a UTF-8 string and its bytes sign alike; bytes that are not UTF-8 verify as sent", () => {
    const text = JSON.stringify({ name: "Zoë 東京" });
    const header = signWebhook({ rawBody: text, signingKey, timestamp: nowSeconds });
    expect(signWebhook({ rawBody: Buffer.from(text), signingKey, timestamp: nowSeconds })).toBe(header);
    const notUtf8 = Buffer.from([0x7b, 0xff, 0x7d]);
    const signed = signWebhook({ rawBody: notUtf8, signingKey, timestamp: nowSeconds });
    expect(failure(() => verify({ header: signed, rawBody: notUtf8 }))).toBe("no error");
    // Decoding first (replacing the bad byte) would change what was signed.
    expect(failure(() => verify({ header: signed, rawBody: notUtf8.toString("utf8") }))).toBe("signature_mismatch");
  });

  it("defaults the timestamp to now", () => {
    const before = Math.floor(Date.now() / 1000);
    const header = signWebhook({ rawBody, signingKey });
    const ts = Number(/^t=(\d+),/.exec(header)?.[1]);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(before + 5);
  });
});

describe("verifyWebhookSignature", () => {
  it("accepts a correctly signed request", () => {
    expect(failure(() => verify(signedRequest()))).toBe("no error");
  });

  it("accepts timestamps at the edge of the tolerance, both directions", () => {
    expect(failure(() => verify(signedRequest({ timestamp: nowSeconds - 180 })))).toBe("no error");
    expect(failure(() => verify(signedRequest({ timestamp: nowSeconds + 180 })))).toBe("no error");
  });

  it("accepts extra whitespace and an upper-case hex signature", () => {
    const { header } = signedRequest();
    const [t, v1] = header!.split(",");
    const spaced = `${t}, v1=${v1!.slice(3).toUpperCase()}`;
    expect(failure(() => verify({ header: spaced, rawBody }))).toBe("no error");
  });

  it("ignores unknown schemes such as v0", () => {
    const { header } = signedRequest();
    expect(failure(() => verify({ header: `${header},v0=abc`, rawBody }))).toBe("no error");
  });

  it("accepts when one of several v1 signatures matches (key rotation)", () => {
    const good = signedRequest().header!;
    const other = signedRequest({ signingKey: "old-key" }).header!;
    const header = `t=${nowSeconds},v1=${other.split("v1=")[1]},v1=${good.split("v1=")[1]}`;
    expect(failure(() => verify({ header, rawBody }))).toBe("no error");
  });

  it("rejects a missing header", () => {
    expect(failure(() => verify({ header: undefined, rawBody }))).toBe("missing_header");
    expect(failure(() => verify({ header: "", rawBody }))).toBe("missing_header");
    expect(failure(() => verify({ header: "   ", rawBody }))).toBe("missing_header");
  });

  it.each([
    ["no timestamp", (h: string) => h.replace(/^t=\d+,/, "")],
    ["no v1", (h: string) => h.replace(/,v1=.*$/, "")],
    ["garbage", () => "sha256=deadbeef"],
    ["non-numeric timestamp", (h: string) => h.replace(/^t=\d+/, "t=yesterday")],
    ["negative timestamp", (h: string) => h.replace(/^t=\d+/, "t=-5")],
    ["two timestamps", (h: string) => `t=${nowSeconds},${h}`],
    ["non-hex signature", (h: string) => h.replace(/v1=[0-9a-f]{2}/, "v1=zz")],
    ["truncated signature", (h: string) => h.slice(0, -2)],
    ["empty part", (h: string) => `${h},`],
    ["part without '='", (h: string) => `${h},v1`],
  ])("rejects a malformed header: %s", (_name, mutate) => {
    const header = mutate(signedRequest().header!);
    expect(failure(() => verify({ header, rawBody }))).toBe("malformed_header");
  });

  it("rejects a signature made with another key", () => {
    expect(failure(() => verify(signedRequest({ signingKey: "someone-else" })))).toBe("signature_mismatch");
  });

  it("rejects a tampered body", () => {
    const req = signedRequest();
    expect(failure(() => verify({ ...req, rawBody: req.rawBody.replace("a@b.test", "x@b.test") }))).toBe(
      "signature_mismatch",
    );
  });

  it("rejects a re-serialized body (hash the raw bytes, not JSON.stringify(parse(body)))", () => {
    const pretty = JSON.stringify(JSON.parse(rawBody), null, 2);
    const req = signedRequest();
    expect(failure(() => verify({ header: req.header, rawBody: pretty }))).toBe("signature_mismatch");
  });

  it("rejects a signature whose timestamp was swapped for a fresh one", () => {
    const old = signedRequest({ timestamp: nowSeconds - 3600 }).header!;
    const replayed = old.replace(/^t=\d+/, `t=${nowSeconds}`);
    expect(failure(() => verify({ header: replayed, rawBody }))).toBe("signature_mismatch");
  });

  it("rejects a stale timestamp even when the signature is valid", () => {
    expect(failure(() => verify(signedRequest({ timestamp: nowSeconds - 181 })))).toBe("timestamp_out_of_tolerance");
  });

  it("rejects a timestamp too far in the future", () => {
    expect(failure(() => verify(signedRequest({ timestamp: nowSeconds + 181 })))).toBe("timestamp_out_of_tolerance");
  });

  it("checks the timestamp before the signature (stale + wrong key reports the timestamp)", () => {
    expect(failure(() => verify(signedRequest({ timestamp: nowSeconds - 1000, signingKey: "x" })))).toBe(
      "timestamp_out_of_tolerance",
    );
  });

  it("gives each failure a readable message", () => {
    try {
      verify(signedRequest({ timestamp: nowSeconds - 600 }));
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect((error as Error).message).toBe("Webhook timestamp is 600 s old (tolerance 180 s)");
    }
  });

  it("property: sign then verify round-trips for any body and key; any other key fails", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (body, key, otherKey) => {
        const header = signWebhook({ rawBody: body, signingKey: key, timestamp: nowSeconds });
        expect(
          failure(() => verifyWebhookSignature({ header, rawBody: body, signingKey: key, toleranceSeconds: 5, now })),
        ).toBe("no error");
        if (otherKey !== key) {
          expect(
            failure(() =>
              verifyWebhookSignature({ header, rawBody: body, signingKey: otherKey, toleranceSeconds: 5, now }),
            ),
          ).toBe("signature_mismatch");
        }
      }),
    );
  });

  it("property: arbitrary header strings never throw anything but WebhookSignatureError", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const result = failure(() => verify({ header, rawBody }));
        expect(result).not.toBe("no error");
      }),
    );
  });
});
