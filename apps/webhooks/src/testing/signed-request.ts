// Test helper: a correctly signed Calendly delivery, with every part overridable so a test can
// break exactly one of them.
import { CALENDLY_SIGNATURE_HEADER, signWebhook } from "@booking/calendly/webhooks";

export type SignedRequestParts = {
  body: unknown;
  signingKey: string;
  /** unix seconds; default now */
  timestamp?: number;
  /** replaces the computed header entirely (undefined = no header when `omitHeader`) */
  header?: string;
  omitHeader?: boolean;
  /** changes the body after signing */
  tamper?: (raw: string) => string;
};

export function signedRequest(p: SignedRequestParts): { rawBody: string; headers: Record<string, string> } {
  const signed = typeof p.body === "string" ? p.body : JSON.stringify(p.body);
  const header = p.header ?? signWebhook({ rawBody: signed, signingKey: p.signingKey, timestamp: p.timestamp });
  const rawBody = p.tamper ? p.tamper(signed) : signed;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (!p.omitHeader) headers[CALENDLY_SIGNATURE_HEADER] = header;
  return { rawBody, headers };
}

export async function post(
  baseUrl: string,
  workspaceId: string,
  req: { rawBody: string; headers: Record<string, string> },
) {
  const res = await fetch(`${baseUrl}/webhooks/calendly/${encodeURIComponent(workspaceId)}`, {
    method: "POST",
    headers: req.headers,
    body: req.rawBody,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}
