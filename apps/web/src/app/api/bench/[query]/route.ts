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

// What Prisma sends for loadIntegration (services/calendly/integration-state.ts): the client, then its settings.
const CLIENT = `SELECT "public"."Client"."id", "public"."Client"."calendlyEnabled", "public"."Client"."calendlyAccessTokenEnc",
  "public"."Client"."calendlyAccessTokenLast4", "public"."Client"."calendlyUserUri", "public"."Client"."calendlyUserName",
  "public"."Client"."calendlyUserEmail", "public"."Client"."calendlyOrganizationUri",
  "public"."Client"."calendlyConnectionStatus"::text, "public"."Client"."calendlyConnectionCheckedAt",
  "public"."Client"."calendlyLastError", "public"."Client"."calendlyWebhookSubscriptionUri",
  "public"."Client"."calendlyWebhookSigningKeyEnc", "public"."Client"."calendlyWebhookState"::text,
  "public"."Client"."calendlyWebhookRetryStartedAt", "public"."Client"."calendlyWebhookCheckedAt",
  "public"."Client"."calendlyLastWebhookAt"
  FROM "public"."Client" WHERE ("public"."Client"."id" = $1 AND 1=1) LIMIT $2 OFFSET $3`;
const SETTINGS = `SELECT "public"."WorkspaceSettings"."id", "public"."WorkspaceSettings"."meetingBookingProvider"::text,
  "public"."WorkspaceSettings"."calendlyEventTypeLink", "public"."WorkspaceSettings"."calendlyEventTypeUri",
  "public"."WorkspaceSettings"."calendlyEventTypeName", "public"."WorkspaceSettings"."clientId"
  FROM "public"."WorkspaceSettings" WHERE "public"."WorkspaceSettings"."clientId" = $1 OFFSET $2`;
// The first page of leads.list (services/leads/list-leads.ts).
const LEADS = `SELECT id, name, email, source::text AS source, "appointmentStatus"::text AS "appointmentStatus",
  "appointmentStartAt", "appointmentEndAt", "appointmentHostName", "appointmentHostEmail", "createdAt", "updatedAt"
  FROM "Lead" WHERE "clientId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT $2`;

export async function GET(req: Request, { params }: { params: Promise<{ query: string }> }) {
  if (!enabled) return notFound();
  const { query } = await params;
  const workspaceId = new URL(req.url).searchParams.get("workspaceId") ?? "";
  if (query === "calendly-get") {
    const client = (await db().query(CLIENT, [workspaceId, 1, 0])).rows[0];
    if (!client) return notFound();
    const settings = (await db().query(SETTINGS, [workspaceId, 0])).rows[0] ?? null;
    const { calendlyAccessTokenEnc, calendlyWebhookSigningKeyEnc, ...view } = client;
    return Response.json({ ...view, tokenConfigured: calendlyAccessTokenEnc !== null, settings });
  }
  if (query === "leads-list") {
    const limit = Number(new URL(req.url).searchParams.get("limit") ?? 20);
    const rows = (await db().query(LEADS, [workspaceId, limit + 1])).rows;
    return Response.json({ items: rows.slice(0, limit), more: rows.length > limit });
  }
  return notFound();
}
