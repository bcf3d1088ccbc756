// Recovery for deliveries Calendly never made (subscription disabled, server down past Calendly's
// retries): list the workspace's scheduled events starting since `since`, their invitees, and feed
// every invitee event the inbox has not seen through the same store + map path as a webhook.
import type { CalendlyClient, CalendlyClientFactory, CalendlyScheduledEvent } from "@booking/calendly";
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import { secretContext } from "@booking/db";
import { z } from "zod";
import { DomainError } from "../../errors.ts";
import { callCalendly } from "../calendly/map-error.ts";
import type { WebhookServiceDeps } from "./deps.ts";
import { receiveDelivery } from "./receive.ts";

export const reconcileInput = z.object({ workspaceId: z.string().min(1), since: z.coerce.date() });

export type ReconcileSummary = {
  scannedEvents: number;
  scannedInvitees: number;
  imported: number;
  alreadySeen: number;
  failed: number;
};

type Synth = { event: string; created_at: string; payload: Record<string, unknown> };

type Invitee = Awaited<ReturnType<CalendlyClient["listEventInvitees"]>>[number];

/** The webhook deliveries Calendly would have sent for one invitee, oldest first. */
function deliveriesFor(event: CalendlyScheduledEvent, invitee: Invitee): Synth[] {
  const payload = { ...invitee, scheduled_event: event } as Record<string, unknown>;
  const out: Synth[] = [{ event: "invitee.created", created_at: invitee.created_at, payload }];
  if (invitee.status === "canceled") {
    out.push({
      event: "invitee.canceled",
      created_at: invitee.cancellation?.created_at ?? invitee.updated_at,
      payload,
    });
  }
  if (invitee.no_show) out.push({ event: "invitee_no_show.created", created_at: invitee.no_show.created_at, payload });
  return out;
}

export async function reconcileCalendlyWorkspace(
  deps: WebhookServiceDeps & { calendlyFor: CalendlyClientFactory },
  input: z.input<typeof reconcileInput>,
): Promise<ReconcileSummary> {
  const parsed = reconcileInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError("INVALID_INPUT", "Invalid reconciliation request", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    });
  const { workspaceId, since } = parsed.data;
  const ws = await deps.db.client.findUnique({
    where: { id: workspaceId },
    select: {
      calendlyAccessTokenEnc: true,
      calendlyUserUri: true,
      calendlyOrganizationUri: true,
      settings: { select: { calendlyEventTypeUri: true } },
    },
  });
  if (!ws) throw new DomainError("NOT_FOUND", "Unknown workspace");
  if (!ws.calendlyAccessTokenEnc) {
    throw new DomainError("PRECONDITION_FAILED", "No Calendly access token is configured for this workspace");
  }
  let token: string;
  try {
    token = deps.secrets.decrypt(ws.calendlyAccessTokenEnc, secretContext.calendlyAccessToken(workspaceId));
  } catch (cause) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "The stored Calendly token cannot be decrypted: save the token again",
      { cause },
    );
  }
  const calendly = deps.calendlyFor(token);
  let scope: { user?: string; organization?: string };
  if (ws.calendlyUserUri) scope = { user: ws.calendlyUserUri };
  else if (ws.calendlyOrganizationUri) scope = { organization: ws.calendlyOrganizationUri };
  else scope = { user: (await callCalendly(() => calendly.getCurrentUser())).uri };

  const eventTypeUri = ws.settings?.calendlyEventTypeUri ?? null;
  const events = (await callCalendly(() => calendly.listScheduledEvents({ ...scope, minStartTime: since }))).filter(
    (e) => !eventTypeUri || !e.event_type || e.event_type === eventTypeUri,
  );

  const summary: ReconcileSummary = {
    scannedEvents: events.length,
    scannedInvitees: 0,
    imported: 0,
    alreadySeen: 0,
    failed: 0,
  };
  const pending: Synth[] = [];
  for (const event of events) {
    const invitees = await callCalendly(() => calendly.listEventInvitees(event.uri));
    summary.scannedInvitees += invitees.length;
    for (const invitee of invitees) pending.push(...deliveriesFor(event, invitee));
  }
  pending.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));

  for (const synth of pending) {
    const rawBody = JSON.stringify(synth);
    const p = parseCalendlyWebhook(rawBody);
    if (!p.ok) {
      summary.failed++;
      continue;
    }
    const r = await receiveDelivery(deps, {
      workspaceId,
      rawBody,
      envelope: p.envelope,
      invitee: p.invitee,
      source: "RECONCILIATION",
    });
    if (r.duplicate) summary.alreadySeen++;
    else if (r.status === "FAILED") summary.failed++;
    else summary.imported++;
  }
  return summary;
}
