// The adapter, independent of node:http: key -> verify -> parse -> store + map -> answer.
// Status codes as SPEC section 3. No business logic here: that is receiveDelivery's.

import { parseCalendlyWebhook, verifyWebhookSignature, WebhookSignatureError } from "@booking/calendly/webhooks";
import { type Db, DecryptionError, type SecretBox } from "@booking/db";
import {
  type DeliveryInput,
  type DeliveryResult,
  isDatabaseUnavailable,
  isDomainError,
  loadSigningKey,
  receiveDelivery,
  type SigningKeyCache,
  type SigningKeyLookup,
  type SqlRunner,
} from "./services.ts";

export type HandlerDeps = {
  db: Db;
  secrets: SecretBox;
  toleranceSeconds: number;
  clock?: () => Date;
  sql?: SqlRunner;
  /** Signing keys cached for a few seconds (the server's); default: read for every delivery. */
  keys?: SigningKeyCache;
  /** Stores and maps a delivery (the server's: a DeliveryBatcher's submit); default: receiveDelivery alone. */
  receive?: (input: DeliveryInput) => Promise<DeliveryResult>;
};

export type HandlerResult = {
  status: number;
  body: Record<string, unknown>;
  /** Safe to log: ids, names of events, outcomes; never bodies, emails, names, tokens or signatures. */
  log: {
    workspaceId: string;
    event?: string;
    outcome: string;
    inboxStatus?: string;
    duplicate?: boolean;
    eventId?: string;
    reason?: string;
  };
};

const unavailable = (workspaceId: string, reason: string): HandlerResult => ({
  status: 503,
  body: { ok: false, error: "Service temporarily unavailable, retry later" },
  log: { workspaceId, outcome: "unavailable", reason },
});

export async function handleCalendlyDelivery(
  deps: HandlerDeps,
  req: { workspaceId: string; signatureHeader: string | undefined; rawBody: string },
): Promise<HandlerResult> {
  const { workspaceId } = req;
  const readKey = async (fresh: boolean): Promise<SigningKeyLookup & { cached?: boolean }> =>
    !deps.keys
      ? loadSigningKey(deps, workspaceId)
      : fresh
        ? deps.keys.refresh(workspaceId)
        : deps.keys.get(workspaceId);
  // A signature that does not match a cached key is checked once more against a fresh read (the
  // key may have been rotated since it was cached).
  for (let fresh = false; ; fresh = true) {
    let key: SigningKeyLookup & { cached?: boolean };
    try {
      key = await readKey(fresh);
    } catch (error) {
      if (error instanceof DecryptionError) return unavailable(workspaceId, "signing_key_unreadable");
      if (isDatabaseUnavailable(error)) return unavailable(workspaceId, "database_unavailable");
      throw error;
    }
    if (key.kind === "unknown_workspace") {
      return {
        status: 404,
        body: { ok: false, error: "Unknown workspace" },
        log: { workspaceId, outcome: "unknown_workspace" },
      };
    }
    if (key.kind === "no_signing_key") {
      return {
        status: 401,
        body: { ok: false, error: "This workspace has no webhook signing key" },
        log: { workspaceId, outcome: "rejected", reason: "no_signing_key" },
      };
    }
    try {
      verifyWebhookSignature({
        header: req.signatureHeader,
        rawBody: req.rawBody,
        signingKey: key.signingKey,
        toleranceSeconds: deps.toleranceSeconds,
        now: deps.clock?.(),
      });
      break;
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        if (error.reason === "signature_mismatch" && key.cached && !fresh) continue;
        return {
          status: 401,
          body: { ok: false, error: error.message, reason: error.reason },
          log: { workspaceId, outcome: "rejected", reason: error.reason },
        };
      }
      throw error;
    }
  }

  const parsed = parseCalendlyWebhook(req.rawBody);
  if (!parsed.ok) {
    return {
      status: 400,
      body: { ok: false, error: parsed.error },
      log: { workspaceId, event: parsed.envelope?.event, outcome: "invalid_body" },
    };
  }
  const event = parsed.envelope.event;
  try {
    const input: DeliveryInput = {
      workspaceId,
      rawBody: req.rawBody,
      envelope: parsed.envelope,
      invitee: parsed.invitee,
    };
    const r = await (deps.receive ? deps.receive(input) : receiveDelivery(deps, input));
    return {
      status: 200,
      body: { ok: true, eventId: r.eventId, duplicate: r.duplicate, status: r.status, outcome: r.outcome },
      log: {
        workspaceId,
        event,
        outcome: r.outcome ?? r.status.toLowerCase(),
        inboxStatus: r.status,
        duplicate: r.duplicate,
        eventId: r.eventId,
      },
    };
  } catch (error) {
    if (isDatabaseUnavailable(error))
      return {
        ...unavailable(workspaceId, "database_unavailable"),
        log: { workspaceId, event, outcome: "unavailable", reason: "database_unavailable" },
      };
    if (isDomainError(error) && error.code === "NOT_FOUND") {
      return {
        status: 404,
        body: { ok: false, error: "Unknown workspace" },
        log: { workspaceId, event, outcome: "unknown_workspace" },
      };
    }
    throw error;
  }
}
