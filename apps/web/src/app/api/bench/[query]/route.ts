// The benchmark's floor (apps/web/bench): the same reads as `integrations.calendly.get` and
// `leads.list` (the SQL Prisma and the leads service send), run with a bare `pg` pool and answered
// as JSON — no session, no authorization, no tRPC, no Prisma. Off unless BENCH_BASELINE_ROUTES=1
// (never set in production): otherwise it answers 404 like any unknown path.
import pg from "pg";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const enabled = process.env.BENCH_BASELINE_ROUTES === "1";
const notFound = () => new Response("Not Found", { status: 404 });

let pool: pg.Pool | undefined;
const db = () => {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return pool;
};

// What integrations.calendly.get sends (services/calendly/integration-state.ts and
// integration-events.ts): the workspace with its settings in one statement, and its recent events.
const CLIENT = `SELECT c."id", c."calendlyEnabled", c."calendlyAccessTokenEnc", c."calendlyAccessTokenLast4",
  c."calendlyUserUri", c."calendlyUserName", c."calendlyUserEmail", c."calendlyOrganizationUri",
  c."calendlyConnectionStatus", c."calendlyConnectionCheckedAt", c."calendlyLastError",
  c."calendlyWebhookSubscriptionUri", c."calendlyWebhookSigningKeyEnc", c."calendlyWebhookState",
  c."calendlyWebhookRetryStartedAt", c."calendlyWebhookCheckedAt", c."calendlyLastWebhookAt", c."calendlyAuthMethod",
  c."calendlyAccessTokenExpiresAt", c."calendlyTokenScopes", c."calendlyMissingScopes", c."calendlyOrganizationRole",
  c."calendlySubscriptionScope", c."calendlyReconcileFrom",
  s."meetingBookingProvider" AS "settings.meetingBookingProvider", s."calendlyEventTypeLink" AS "settings.calendlyEventTypeLink",
  s."calendlyEventTypeUri" AS "settings.calendlyEventTypeUri", s."calendlyEventTypeName" AS "settings.calendlyEventTypeName",
  s.id IS NOT NULL AS "settings.present"
  FROM "Client" c LEFT JOIN "WorkspaceSettings" s ON s."clientId" = c.id WHERE c.id = $1`;
const EVENTS = `SELECT "id", "at", "kind", "actor", "message", "recovered", "error" FROM "IntegrationEvent"
  WHERE "clientId" = $1 ORDER BY "at" DESC, id DESC LIMIT $2`;
// The first page of leads.list (services/leads/list-leads.ts).
const LEADS = `SELECT id, name, email, source::text AS source, "appointmentStatus"::text AS "appointmentStatus",
  "appointmentStartAt", "appointmentEndAt", "appointmentHostName", "appointmentHostEmail", "createdAt", "updatedAt"
  FROM "Lead" WHERE "clientId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT $2`;

export async function GET(req: Request, { params }: { params: Promise<{ query: string }> }) {
  if (!enabled) return notFound();
  const { query } = await params;
  const workspaceId = new URL(req.url).searchParams.get("workspaceId") ?? "";
  if (query === "calendly-get") {
    const [clients, events] = await Promise.all([
      db().query(CLIENT, [workspaceId]),
      db().query(EVENTS, [workspaceId, 15]),
    ]);
    const client = clients.rows[0];
    if (!client) return notFound();
    const { calendlyAccessTokenEnc, calendlyWebhookSigningKeyEnc, ...view } = client;
    return Response.json({ ...view, tokenConfigured: calendlyAccessTokenEnc !== null, events: events.rows });
  }
  if (query === "leads-list") {
    const limit = Number(new URL(req.url).searchParams.get("limit") ?? 20);
    const rows = (await db().query(LEADS, [workspaceId, limit + 1])).rows;
    return Response.json({ items: rows.slice(0, limit), more: rows.length > limit });
  }
  return notFound();
}
