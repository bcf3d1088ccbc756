// Everything the Calendly integration services read from a workspace (secrets stay encrypted), in
// one statement: the workspace row and its settings (a LEFT JOIN). It is the hot read of the
// Integrations page, so it is plain SQL (no query compilation, one round trip) on whatever runner
// the caller has: the web server's pg pool, else the Prisma client.
import { type Client, type Db, Prisma, type WorkspaceSettings } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { type Columns, columnList } from "../../lib/columns.ts";
import { prismaRunner, type SqlQuery } from "../../lib/sql.ts";

const CLIENT_COLUMNS = {
  id: "text",
  calendlyEnabled: "boolean",
  calendlyAccessTokenEnc: "text",
  calendlyAccessTokenLast4: "text",
  calendlyUserUri: "text",
  calendlyUserName: "text",
  calendlyUserEmail: "text",
  calendlyOrganizationUri: "text",
  calendlyConnectionStatus: "text",
  calendlyConnectionCheckedAt: "timestamp",
  calendlyLastError: "text",
  calendlyWebhookSubscriptionUri: "text",
  calendlyWebhookSigningKeyEnc: "text",
  calendlyWebhookState: "text",
  calendlyWebhookRetryStartedAt: "timestamp",
  calendlyWebhookCheckedAt: "timestamp",
  calendlyLastWebhookAt: "timestamp",
  calendlyAuthMethod: "text",
  calendlyAccessTokenExpiresAt: "timestamp",
  calendlyTokenScopes: "text",
  calendlyMissingScopes: "text[]",
  calendlyOrganizationRole: "text",
  calendlySubscriptionScope: "text",
  calendlyReconcileFrom: "timestamp",
} as const satisfies Columns<Client>;

const SETTINGS_COLUMNS = {
  meetingBookingProvider: "text",
  calendlyEventTypeLink: "text",
  calendlyEventTypeUri: "text",
  calendlyEventTypeName: "text",
} as const satisfies Columns<WorkspaceSettings>;

export type IntegrationState = Pick<Client, keyof typeof CLIENT_COLUMNS> & {
  settings: Pick<WorkspaceSettings, keyof typeof SETTINGS_COLUMNS> | null;
};

type Row = Pick<Client, keyof typeof CLIENT_COLUMNS> & {
  [K in keyof typeof SETTINGS_COLUMNS as `settings.${K}`]: WorkspaceSettings[K] | null;
} & { "settings.present": boolean };

const settingsSelect = Prisma.raw(
  Object.keys(SETTINGS_COLUMNS)
    .map((c) => `s."${c}" AS "settings.${c}"`)
    .join(", "),
);

export async function loadIntegration(
  db: Db,
  workspaceId: string,
  sql: SqlQuery = prismaRunner(db),
): Promise<IntegrationState> {
  const [row] = await sql.query<Row>(Prisma.sql`
    SELECT ${columnList(CLIENT_COLUMNS, "c")}, ${settingsSelect}, s.id IS NOT NULL AS "settings.present"
    FROM "Client" c LEFT JOIN "WorkspaceSettings" s ON s."clientId" = c.id
    WHERE c.id = ${workspaceId}`);
  if (!row) throw new DomainError("NOT_FOUND", "Workspace not found");
  const state = { settings: null } as IntegrationState;
  for (const key of Object.keys(CLIENT_COLUMNS) as Array<keyof typeof CLIENT_COLUMNS>) {
    (state as Record<string, unknown>)[key] = row[key];
  }
  if (row["settings.present"]) {
    state.settings = {
      meetingBookingProvider: row["settings.meetingBookingProvider"]!,
      calendlyEventTypeLink: row["settings.calendlyEventTypeLink"],
      calendlyEventTypeUri: row["settings.calendlyEventTypeUri"],
      calendlyEventTypeName: row["settings.calendlyEventTypeName"],
    };
  }
  return state;
}
