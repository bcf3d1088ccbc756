import { randomBytes } from "node:crypto";
import {
  CALENDLY_INVITEE_EVENTS,
  type CalendlyClient,
  type CalendlyWebhookSubscription,
  type WebhookScope,
} from "@booking/calendly";
import { secretContext } from "@booking/db";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { actorOf, recordIntegrationEvent } from "./integration-events.ts";
import { type IntegrationState, loadIntegration } from "./integration-state.ts";
import { canUseOrganizationScope, type SubscriptionView, subscriptionView } from "./integration-view.ts";
import { calendlyToDomainError, callCalendly, isCalendlyConflict } from "./map-error.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";
import { clientForWorkspace } from "./token.ts";
import { workspaceWebhookUrl } from "./webhook-url.ts";

export function hasInviteeEventSet(events: readonly string[]): boolean {
  const set = new Set(events);
  return set.size === CALENDLY_INVITEE_EVENTS.length && CALENDLY_INVITEE_EVENTS.every((e) => set.has(e));
}

type Who = { user: string; organization: string };

/** The token's user and organization URIs, fetched (and stored) when not known yet. */
async function identity(
  deps: CalendlyIntegrationDeps,
  state: IntegrationState,
  calendly: CalendlyClient,
): Promise<Who> {
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

/**
 * Hooks with our callback URL in the given scopes: `user` lists the user's (`user=` the token's
 * user), `organization` the organization's (`organization=` only). A scope the token may not list
 * (a member's token and the organization scope) is skipped unless it is `required`.
 */
async function subscriptionsForUrl(
  calendly: CalendlyClient,
  who: Who,
  url: string,
  scopes: { scope: WebhookScope; required: boolean }[],
) {
  const byUri = new Map<string, CalendlyWebhookSubscription>();
  for (const { scope, required } of scopes) {
    const list = () =>
      calendly.listWebhookSubscriptions(
        scope === "user"
          ? { organization: who.organization, scope: "user", user: who.user }
          : { organization: who.organization, scope: "organization" },
      );
    const found = required
      ? await callCalendly(list)
      : await list().catch((error: unknown) => {
          const mapped = calendlyToDomainError(error);
          // A refused token is never "nothing found".
          if ((mapped as { code?: string }).code === "INVALID_CREDENTIALS") throw mapped;
          return [] as CalendlyWebhookSubscription[];
        });
    for (const s of found) if (s.callback_url === url) byUri.set(s.uri, s);
  }
  return [...byUri.values()];
}

async function deleteAll(calendly: CalendlyClient, uris: Iterable<string>) {
  for (const uri of new Set(uris)) await callCalendly(() => calendly.deleteWebhookSubscription(uri)); // 404 counts as success
}

export type EnsureOutcome = {
  view: SubscriptionView;
  /** kept: the stored hook is fine; created: there was none; replaced: a hook was disabled, gone or wrong. */
  outcome: "kept" | "created" | "replaced";
  /** Hooks deleted at Calendly. */
  deleted: string[];
};

/**
 * Leaves exactly one active subscription for the workspace's webhook URL with the four invitee
 * events, in the scope the admin chose (`user`: the token's user; `organization`: every host of
 * the organization), and a signing key the workspace holds:
 * - reuses the stored one when it is active, has the right events and scope and we hold its key;
 * - otherwise creates a new one (fresh 32-byte key) and only then deletes the old ones, so a
 *   failed create never leaves the workspace without its working hook;
 * - a 409 (Calendly allows one hook per URL) means a hook with our URL is in the way (disabled, of
 *   the other scope, or one whose key we do not hold): delete it and create again.
 * The new subscription is stored before old ones are deleted, so its key is never lost.
 */
export async function ensureCalendlySubscription(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<SubscriptionView> {
  return (await ensureSubscriptionOutcome(deps, workspaceId)).view;
}

/** ensureCalendlySubscription, saying what it did; `reason` goes into the repair's IntegrationEvent. */
export async function ensureSubscriptionOutcome(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  opts: { reason?: string } = {},
): Promise<EnsureOutcome> {
  const result = await withSubscriptionLease(deps, workspaceId, () => ensureUnderLease(deps, workspaceId));
  if (result.outcome !== "kept") {
    const scope = result.scope === "organization" ? "organization-scope" : "user-scope";
    await recordIntegrationEvent(deps.db, {
      workspaceId,
      kind: result.outcome === "created" ? "SUBSCRIPTION_CREATED" : "SUBSCRIPTION_REPAIRED",
      actor: actorOf(deps),
      message:
        result.outcome === "created"
          ? `Created the ${scope} webhook subscription`
          : `Replaced the webhook subscription with a new ${scope} one${opts.reason ? `: ${opts.reason}` : ""}`,
      at: deps.clock(),
    });
  }
  return { view: result.view, outcome: result.outcome, deleted: result.deleted };
}

async function ensureUnderLease(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<EnsureOutcome & { scope: WebhookScope }> {
  const state = await loadIntegration(deps.db, workspaceId);
  const calendly = await clientForWorkspace(deps, state);
  const who = await identity(deps, state, calendly);
  const url = workspaceWebhookUrl(deps.publicWebhookBaseUrl, workspaceId);
  const scope: WebhookScope = state.calendlySubscriptionScope;
  const mayListOrganization = scope === "organization" || canUseOrganizationScope(state.calendlyOrganizationRole);

  const ours = await subscriptionsForUrl(calendly, who, url, [
    { scope: "user", required: true },
    ...(mayListOrganization ? [{ scope: "organization" as const, required: scope === "organization" }] : []),
  ]);
  const keep = ours.find(
    (s) =>
      s.state === "active" &&
      s.scope === scope &&
      hasInviteeEventSet(s.events) &&
      s.uri === state.calendlyWebhookSubscriptionUri &&
      state.calendlyWebhookSigningKeyEnc,
  );
  if (keep) {
    const extra = ours.filter((s) => s.uri !== keep.uri).map((s) => s.uri);
    await deleteAll(calendly, extra);
    const saved = await deps.db.client.update({
      where: { id: workspaceId },
      data: {
        calendlyWebhookState: "active",
        calendlyWebhookRetryStartedAt: keep.retry_started_at ? new Date(keep.retry_started_at) : null,
        calendlyWebhookCheckedAt: deps.clock(),
      },
      select: subscriptionFields,
    });
    return { view: subscriptionView(saved), outcome: "kept", deleted: extra, scope };
  }

  const signingKey = randomBytes(32).toString("hex");
  const create = () =>
    calendly.createWebhookSubscription({
      url,
      events: [...CALENDLY_INVITEE_EVENTS],
      organization: who.organization,
      ...(scope === "user" ? { scope: "user" as const, user: who.user } : { scope: "organization" as const }),
      signingKey,
    });
  const deleted = new Set<string>();
  let created: CalendlyWebhookSubscription;
  try {
    created = await create();
  } catch (error) {
    if (!isCalendlyConflict(error)) throw calendlyToDomainError(error);
    const inTheWay = await subscriptionsForUrl(calendly, who, url, [
      { scope: "user", required: true },
      { scope: "organization", required: false },
    ]);
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
  for (const u of stale) deleted.add(u);
  const hadOne = Boolean(state.calendlyWebhookSubscriptionUri) || ours.length > 0 || deleted.size > 0;
  return { view: subscriptionView(saved), outcome: hadOne ? "replaced" : "created", deleted: [...deleted], scope };
}

export const subscriptionFields = {
  calendlyWebhookSubscriptionUri: true,
  calendlyWebhookState: true,
  calendlyWebhookRetryStartedAt: true,
  calendlyWebhookCheckedAt: true,
  calendlyLastWebhookAt: true,
} as const;
