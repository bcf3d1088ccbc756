import { randomBytes } from "node:crypto";
import { CALENDLY_INVITEE_EVENTS, type CalendlyClient, type CalendlyWebhookSubscription } from "@booking/calendly";
import { secretContext } from "@booking/db";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { type IntegrationState, loadIntegration } from "./integration-state.ts";
import { type SubscriptionView, subscriptionView } from "./integration-view.ts";
import { calendlyToDomainError, callCalendly, isCalendlyConflict } from "./map-error.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";
import { clientForWorkspace } from "./token.ts";
import { workspaceWebhookUrl } from "./webhook-url.ts";

function hasInviteeEventSet(events: readonly string[]): boolean {
  const set = new Set(events);
  return set.size === CALENDLY_INVITEE_EVENTS.length && CALENDLY_INVITEE_EVENTS.every((e) => set.has(e));
}

/** The token's user and organization URIs, fetched (and stored) when not known yet. */
async function identity(deps: CalendlyIntegrationDeps, state: IntegrationState, calendly: CalendlyClient) {
  if (state.calendlyUserUri && state.calendlyOrganizationUri) {
    return { user: state.calendlyUserUri, organization: state.calendlyOrganizationUri };
  }
  const me = await callCalendly(() => calendly.getCurrentUser());
  await deps.db.client.update({
    where: { id: state.id },
    data: {
      calendlyUserUri: me.uri,
      calendlyUserName: me.name,
      calendlyUserEmail: me.email,
      calendlyOrganizationUri: me.current_organization,
      calendlyConnectionStatus: "CONNECTED",
      calendlyConnectionCheckedAt: deps.clock(),
      calendlyLastError: null,
    },
    select: { id: true },
  });
  return { user: me.uri, organization: me.current_organization };
}

/** Subscriptions with our callback URL, in the user scope and (when the token may see it) the organization scope. */
async function subscriptionsForUrl(
  calendly: CalendlyClient,
  who: { user: string; organization: string },
  url: string,
  withOrganizationScope: boolean,
) {
  const userScope = await callCalendly(() =>
    calendly.listWebhookSubscriptions({ organization: who.organization, scope: "user", user: who.user }),
  );
  const orgScope = withOrganizationScope
    ? await calendly
        .listWebhookSubscriptions({ organization: who.organization, scope: "organization" })
        .catch(() => [] as CalendlyWebhookSubscription[])
    : [];
  const byUri = new Map<string, CalendlyWebhookSubscription>();
  for (const s of [...userScope, ...orgScope]) if (s.callback_url === url) byUri.set(s.uri, s);
  return [...byUri.values()];
}

async function deleteAll(calendly: CalendlyClient, uris: Iterable<string>) {
  for (const uri of new Set(uris)) await callCalendly(() => calendly.deleteWebhookSubscription(uri)); // 404 counts as success
}

/**
 * Leaves exactly one active, user-scoped subscription for the workspace's webhook URL with the four
 * invitee events and a signing key the workspace holds:
 * - reuses the stored one when it is active, has the right events and we hold its key;
 * - otherwise creates a new one (fresh 32-byte key) and only then deletes the old ones, so a
 *   failed create never leaves the workspace without its working hook;
 * - a 409 (Calendly allows one hook per URL) means a hook with our URL is in the way (disabled, or
 *   one whose key we do not hold): delete it and create again.
 * The new subscription is stored before old ones are deleted, so its key is never lost.
 */
export async function ensureCalendlySubscription(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<SubscriptionView> {
  return withSubscriptionLease(deps, workspaceId, () => ensureUnderLease(deps, workspaceId));
}

async function ensureUnderLease(deps: CalendlyIntegrationDeps, workspaceId: string): Promise<SubscriptionView> {
  const state = await loadIntegration(deps.db, workspaceId);
  const calendly = clientForWorkspace(deps, state);
  const who = await identity(deps, state, calendly);
  const url = workspaceWebhookUrl(deps.publicWebhookBaseUrl, workspaceId);

  const ours = await subscriptionsForUrl(calendly, who, url, false);
  const keep = ours.find(
    (s) =>
      s.state === "active" &&
      hasInviteeEventSet(s.events) &&
      s.uri === state.calendlyWebhookSubscriptionUri &&
      state.calendlyWebhookSigningKeyEnc,
  );
  if (keep) {
    await deleteAll(
      calendly,
      ours.filter((s) => s.uri !== keep.uri).map((s) => s.uri),
    );
    const saved = await deps.db.client.update({
      where: { id: workspaceId },
      data: {
        calendlyWebhookState: "active",
        calendlyWebhookRetryStartedAt: keep.retry_started_at ? new Date(keep.retry_started_at) : null,
        calendlyWebhookCheckedAt: deps.clock(),
      },
      select: subscriptionFields,
    });
    return subscriptionView(saved);
  }

  const signingKey = randomBytes(32).toString("hex");
  const create = () =>
    calendly.createWebhookSubscription({
      url,
      events: [...CALENDLY_INVITEE_EVENTS],
      organization: who.organization,
      scope: "user",
      user: who.user,
      signingKey,
    });
  const deleted = new Set<string>();
  let created: CalendlyWebhookSubscription;
  try {
    created = await create();
  } catch (error) {
    if (!isCalendlyConflict(error)) throw calendlyToDomainError(error);
    const inTheWay = await subscriptionsForUrl(calendly, who, url, true);
    await deleteAll(
      calendly,
      inTheWay.map((s) => s.uri),
    );
    for (const s of inTheWay) deleted.add(s.uri);
    created = await callCalendly(create);
  }

  const saved = await deps.db.client.update({
    where: { id: workspaceId },
    data: {
      calendlyWebhookSubscriptionUri: created.uri,
      calendlyWebhookSigningKeyEnc: deps.secrets.encrypt(signingKey, secretContext.calendlySigningKey(workspaceId)),
      calendlyWebhookState: created.state,
      calendlyWebhookRetryStartedAt: created.retry_started_at ? new Date(created.retry_started_at) : null,
      calendlyWebhookCheckedAt: deps.clock(),
    },
    select: subscriptionFields,
  });

  const stale = [...ours.map((s) => s.uri), state.calendlyWebhookSubscriptionUri].filter(
    (u): u is string => !!u && u !== created.uri && !deleted.has(u),
  );
  await deleteAll(calendly, stale);
  return subscriptionView(saved);
}

export const subscriptionFields = {
  calendlyWebhookSubscriptionUri: true,
  calendlyWebhookState: true,
  calendlyWebhookRetryStartedAt: true,
  calendlyWebhookCheckedAt: true,
  calendlyLastWebhookAt: true,
} as const;
