// The worker's subscription health check for one workspace (SPEC section 7): the stored hook is
// read back from Calendly; a disabled, vanished or wrong hook is repaired (a new one before the old
// is deleted, or the one in the way first when Calendly's one-hook-per-URL rule demands it) and the
// window in which deliveries may have been lost is reconciled from Calendly's scheduled events.
// Every repair, reconciliation and failure is recorded as an IntegrationEvent.
import { type CalendlyWebhookSubscription, isCalendlyApiError } from "@booking/calendly";
import { isDomainError } from "../../errors.ts";
import { reconcileCalendlyWorkspace } from "../webhooks/reconcile.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { ensureSubscriptionOutcome, hasInviteeEventSet } from "./ensure-subscription.ts";
import { earlier, gapStart } from "./gap.ts";
import { actorOf, recordIntegrationEvent } from "./integration-events.ts";
import { type IntegrationState, loadIntegration } from "./integration-state.ts";
import { calendlyToDomainError } from "./map-error.ts";
import { clientForWorkspace } from "./token.ts";

type Reconciled = { since: Date; recovered: number; alreadySeen: number; failed: number };

export type HealthCheckResult =
  | { status: "skipped"; reason: string }
  | { status: "healthy"; reconciled: Reconciled | null }
  | { status: "repaired"; subscriptionUri: string | null; reconciled: Reconciled | null }
  | { status: "reconnect_needed" }
  | { status: "failed"; error: string };

/** Whether the worker looks after this workspace's subscription at all. */
function watchedByWorker(
  state: Pick<IntegrationState, "calendlyEnabled" | "calendlyAccessTokenEnc" | "calendlyConnectionStatus">,
): boolean {
  return (
    state.calendlyEnabled &&
    state.calendlyAccessTokenEnc !== null &&
    state.calendlyConnectionStatus !== "RECONNECT_NEEDED"
  );
}

const dateOrNull = (value: string | null | undefined) => {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

export async function runCalendlyHealthCheck(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<HealthCheckResult> {
  const ws = await loadIntegration(deps.db, workspaceId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!ws) return { status: "skipped", reason: "workspace deleted" };
  if (ws.calendlyConnectionStatus === "RECONNECT_NEEDED") return { status: "reconnect_needed" };
  if (!watchedByWorker(ws)) return { status: "skipped", reason: "Calendly is off or not connected" };

  try {
    const calendly = await clientForWorkspace(deps, ws);
    let reconcileFrom = ws.calendlyReconcileFrom;
    let repaired: { uri: string | null } | null = null;
    const uri = ws.calendlyWebhookSubscriptionUri;
    if (uri) {
      let sub: CalendlyWebhookSubscription | null;
      try {
        sub = await calendly.getWebhookSubscription(uri);
      } catch (error) {
        if (!(isCalendlyApiError(error) && error.kind === "not_found")) throw error;
        sub = null;
      }
      const now = deps.clock();
      const healthy =
        sub !== null &&
        sub.state === "active" &&
        sub.scope === ws.calendlySubscriptionScope &&
        hasInviteeEventSet(sub.events);
      if (healthy) {
        await deps.db.client.update({
          where: { id: workspaceId },
          data: {
            calendlyWebhookState: "active",
            calendlyWebhookRetryStartedAt: dateOrNull(sub?.retry_started_at),
            calendlyWebhookCheckedAt: now,
          },
          select: { id: true },
        });
      } else {
        const retryStartedAt = dateOrNull(sub?.retry_started_at);
        const since = gapStart({
          retryStartedAt,
          lastDelivery: ws.calendlyLastWebhookAt,
          createdAt: dateOrNull(sub?.created_at),
          lastCheck: ws.calendlyWebhookCheckedAt,
          now,
        });
        reconcileFrom = earlier(reconcileFrom, since);
        // Remember the gap before touching the hook: a crash after the repair still reconciles it.
        await deps.db.client.update({
          where: { id: workspaceId },
          data: {
            calendlyReconcileFrom: reconcileFrom,
            calendlyWebhookState: sub ? sub.state : "missing",
            calendlyWebhookRetryStartedAt: retryStartedAt,
            calendlyWebhookCheckedAt: now,
          },
          select: { id: true },
        });
        const reason = !sub
          ? "the old one no longer existed at Calendly"
          : sub.state === "disabled"
            ? `Calendly had disabled the old one${retryStartedAt ? ` (deliveries failing since ${retryStartedAt.toISOString()})` : ""}`
            : "the old one had other events or another scope";
        const outcome = await ensureSubscriptionOutcome(deps, workspaceId, { reason });
        repaired = { uri: outcome.view.uri };
      }
    } else if (reconcileFrom) {
      // A check found the hook gone (and forgot it); deliveries have been missing since.
      const outcome = await ensureSubscriptionOutcome(deps, workspaceId, {
        reason: "the old one was found gone at Calendly",
      });
      repaired = { uri: outcome.view.uri };
    }
    const reconciled = reconcileFrom ? await reconcileGap(deps, workspaceId, reconcileFrom) : null;
    return repaired
      ? { status: "repaired", subscriptionUri: repaired.uri, reconciled }
      : { status: "healthy", reconciled };
  } catch (error) {
    const now = await deps.db.client.findUnique({
      where: { id: workspaceId },
      select: { calendlyConnectionStatus: true },
    });
    if (now?.calendlyConnectionStatus === "RECONNECT_NEEDED") return { status: "reconnect_needed" };
    const mapped = calendlyToDomainError(error);
    const message = mapped instanceof Error ? mapped.message : String(mapped);
    await recordFailure(deps, workspaceId, message);
    return { status: "failed", error: message };
  }
}

async function reconcileGap(deps: CalendlyIntegrationDeps, workspaceId: string, since: Date): Promise<Reconciled> {
  const summary = await reconcileCalendlyWorkspace(deps, { workspaceId, since });
  await deps.db.client.updateMany({
    where: { id: workspaceId, calendlyReconcileFrom: since },
    data: { calendlyReconcileFrom: null },
  });
  const recovered = summary.imported;
  await recordIntegrationEvent(deps.db, {
    workspaceId,
    kind: "RECONCILED",
    actor: actorOf(deps),
    message:
      `Pulled the bookings since ${since.toISOString()} from Calendly: ${summary.scannedEvents} scheduled ` +
      `event${summary.scannedEvents === 1 ? "" : "s"} checked, ${summary.alreadySeen} already received` +
      `${summary.failed ? `, ${summary.failed} failed` : ""}`,
    recovered,
    at: deps.clock(),
  });
  return { since, recovered, alreadySeen: summary.alreadySeen, failed: summary.failed };
}

/** Records a failed check, once per run of identical failures (a Calendly outage is one event, not one per interval). */
async function recordFailure(deps: CalendlyIntegrationDeps, workspaceId: string, message: string) {
  const last = await deps.db.integrationEvent.findFirst({
    where: { clientId: workspaceId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { kind: true, error: true },
  });
  if (last?.kind === "HEALTH_CHECK_FAILED" && last.error === message.slice(0, 2000)) return;
  await recordIntegrationEvent(deps.db, {
    workspaceId,
    kind: "HEALTH_CHECK_FAILED",
    actor: actorOf(deps),
    message: "The scheduled subscription check failed; it runs again at the next interval",
    error: message,
    at: deps.clock(),
  });
}
