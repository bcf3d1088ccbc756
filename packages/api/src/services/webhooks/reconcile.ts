// Recovery for deliveries Calendly never made (subscription disabled, server down past Calendly's
// retries): list the workspace's scheduled events starting since `since` and their invitees, and
// store in the inbox (source RECONCILIATION) every invitee event it has not seen, as the webhook
// Calendly would have sent. The worker maps them like any delivery (map-inbox.ts).
import type { CalendlyClient, CalendlyScheduledEvent } from "@booking/calendly";
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import { prismaRunner } from "../../lib/sql.ts";
import { loadIntegration } from "../calendly/integration-state.ts";
import { callCalendly } from "../calendly/map-error.ts";
import { clientForWorkspace, type TokenDeps } from "../calendly/token.ts";
import { now } from "./deps.ts";
import { type Delivery, storeDeliveries } from "./receive.ts";

export type ReconcileInput = { workspaceId: string; since: Date };

/** `imported`: new inbox rows (the worker maps them); `alreadySeen`: deliveries the inbox had; `failed`: not storable. */
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

/**
 * The workspace's scheduled events since `since`, in the scope its subscription covers (the whole
 * organization for an organization-scope subscription, else its user), of its event type when set.
 */
async function scheduledEvents(
  calendly: CalendlyClient,
  state: Awaited<ReturnType<typeof loadIntegration>>,
  since: Date,
) {
  let scope: { user?: string; organization?: string };
  if (state.calendlySubscriptionScope === "organization" && state.calendlyOrganizationUri)
    scope = { organization: state.calendlyOrganizationUri };
  else if (state.calendlyUserUri) scope = { user: state.calendlyUserUri };
  else scope = { user: (await callCalendly(() => calendly.getCurrentUser())).uri };
  const eventTypeUri = state.settings?.calendlyEventTypeUri ?? null;
  const events = await callCalendly(() => calendly.listScheduledEvents({ ...scope, minStartTime: since }));
  return events.filter((e) => !eventTypeUri || !e.event_type || e.event_type === eventTypeUri);
}

const STORE_CHUNK = 500;

/** `deps`: what the token service needs (an OAuth workspace's token is refreshed as needed). */
export async function reconcileCalendlyWorkspace(deps: TokenDeps, input: ReconcileInput): Promise<ReconcileSummary> {
  const { workspaceId, since } = input;
  const state = await loadIntegration(deps.db, workspaceId);
  const calendly = await clientForWorkspace(deps, state);
  const events = await scheduledEvents(calendly, state, since);

  const summary: ReconcileSummary = {
    scannedEvents: events.length,
    scannedInvitees: 0,
    imported: 0,
    alreadySeen: 0,
    failed: 0,
  };
  const synthesized: Synth[] = [];
  for (const event of events) {
    const invitees = await callCalendly(() => calendly.listEventInvitees(event.uri));
    summary.scannedInvitees += invitees.length;
    for (const invitee of invitees) synthesized.push(...deliveriesFor(event, invitee));
  }
  synthesized.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));

  const deliveries: Delivery[] = [];
  for (const synth of synthesized) {
    const parsed = parseCalendlyWebhook(JSON.stringify(synth));
    if (parsed.ok)
      deliveries.push({ workspaceId, rawBody: parsed.rawBody, envelope: parsed.envelope, source: "RECONCILIATION" });
    else summary.failed++;
  }
  const sql = prismaRunner(deps.db);
  for (let i = 0; i < deliveries.length; i += STORE_CHUNK) {
    for (const r of await storeDeliveries(sql, deliveries.slice(i, i + STORE_CHUNK), now(deps))) {
      if (r instanceof Error) summary.failed++;
      else if (r.duplicate) summary.alreadySeen++;
      else summary.imported++;
    }
  }
  return summary;
}
