// Calendly webhook signatures: `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`
// over `${t}.${rawBody}` keyed with the subscription's signing key (API-NOTES section D).
// Pure functions, no I/O. Modelled on the standard-webhooks reference verifier.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CALENDLY_SIGNATURE_HEADER = "calendly-webhook-signature";

export type WebhookSignatureFailure =
  | "missing_header"
  | "malformed_header"
  | "timestamp_out_of_tolerance"
  | "signature_mismatch";

const MESSAGES: Record<WebhookSignatureFailure, string> = {
  missing_header: `Missing ${CALENDLY_SIGNATURE_HEADER} header`,
  malformed_header: `Malformed ${CALENDLY_SIGNATURE_HEADER} header (expected t=<unix seconds>,v1=<hex>)`,
  timestamp_out_of_tolerance: "Webhook timestamp is outside the accepted tolerance",
  signature_mismatch: "Webhook signature does not match",
};

export class WebhookSignatureError extends Error {
  readonly reason: WebhookSignatureFailure;
  constructor(reason: WebhookSignatureFailure, message: string = MESSAGES[reason]) {
    super(message);
    this.name = "WebhookSignatureError";
    this.reason = reason;
  }
}

/** The signed bytes: a string body is taken as UTF-8; raw bytes as they came (they may not be UTF-8). */
function hmacHex(signingKey: string, timestamp: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", signingKey).update(`${timestamp}.`, "utf8").update(rawBody).digest("hex");
}

export function signWebhook(opts: { rawBody: string | Uint8Array; signingKey: string; timestamp?: number }): string {
  const ts = String(Math.floor(opts.timestamp ?? Date.now() / 1000));
  return `t=${ts},v1=${hmacHex(opts.signingKey, ts, opts.rawBody)}`;
}

type ParsedHeader = { timestamp: string; signatures: string[] };

const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Parses `t=...,v1=...[,v1=...]`; unknown schemes (v0, v2...) are ignored, like Stripe/Calendly. */
function parseHeader(header: string): ParsedHeader {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw new WebhookSignatureError("malformed_header");
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (timestamp !== undefined || !TIMESTAMP.test(value)) throw new WebhookSignatureError("malformed_header");
      timestamp = value;
    } else if (key === "v1") {
      if (!HEX_SHA256.test(value)) throw new WebhookSignatureError("malformed_header");
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) throw new WebhookSignatureError("malformed_header");
  return { timestamp, signatures };
}

/**
 * Throws WebhookSignatureError unless `header` carries a v1 signature of `rawBody` made with
 * `signingKey` at a timestamp within `toleranceSeconds` of `now` (in either direction).
 * Several v1 values are accepted (key rotation); one matching is enough.
 */
export function verifyWebhookSignature(opts: {
  header: string | undefined;
  rawBody: string | Uint8Array;
  signingKey: string;
  toleranceSeconds: number;
  now?: Date;
}): void {
  const header = opts.header?.trim();
  if (!header) throw new WebhookSignatureError("missing_header");
  const { timestamp, signatures } = parseHeader(header);

  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const skew = nowSeconds - Number(timestamp);
  if (Math.abs(skew) > opts.toleranceSeconds) {
    throw new WebhookSignatureError(
      "timestamp_out_of_tolerance",
      skew > 0
        ? `Webhook timestamp is ${skew} s old (tolerance ${opts.toleranceSeconds} s)`
        : `Webhook timestamp is ${-skew} s in the future (tolerance ${opts.toleranceSeconds} s)`,
    );
  }

  const expected = Buffer.from(hmacHex(opts.signingKey, timestamp, opts.rawBody), "hex");
  let matched = false;
  for (const signature of signatures) {
    // Both sides are 32 bytes (format checked above), so timingSafeEqual never throws.
    if (timingSafeEqual(expected, Buffer.from(signature, "hex"))) matched = true;
  }
  if (!matched) throw new WebhookSignatureError("signature_mismatch");
}
