// POST /api/admin/workspaces: provisioning for operators (bearer ADMIN_API_TOKEN).
// Answers { success, data?, error? } with 201 / 400 / 401 / 409 / 413; the logic is the createWorkspace service.
import type { Db } from "@booking/db";
import { DomainError } from "../errors.ts";
import { isDatabaseUnavailable } from "../lib/db-errors.ts";
import { zodFieldErrors } from "../lib/field-errors.ts";
import { bearerToken, safeEqual } from "../lib/safe-equal.ts";
import type { InvitationMailer } from "../services/members/index.ts";
import { createWorkspace, createWorkspaceInput } from "../services/workspaces/index.ts";
import { readBodyCapped } from "./read-body.ts";

const MAX_BODY_BYTES = 256 * 1024;

type ErrorBody = { success: false; error: { message: string; fieldErrors?: Record<string, string[]> } };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function fail(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  const body: ErrorBody = { success: false, error: { message, ...(fieldErrors ? { fieldErrors } : {}) } };
  return json(status, body);
}

export type AdminWorkspacesDeps = {
  db: Db;
  adminApiToken: string | undefined;
  /** The web app's public origin (BETTER_AUTH_URL) for invitation links; the request's origin when unset. */
  appUrl?: string | undefined;
  /** Where SMTP_URL is configured: each member's invitation link is mailed too. */
  mailer?: InvitationMailer | null;
  now?: () => Date;
};

/** Answers 201 with each member's invitation link (`members[].inviteUrl`) for platform tooling to send. */
export function createAdminWorkspacesHandler(deps: AdminWorkspacesDeps) {
  return async function handleAdminWorkspaces(req: Request): Promise<Response> {
    const token = bearerToken(req.headers.get("authorization"));
    if (!deps.adminApiToken || !token || !safeEqual(token, deps.adminApiToken)) {
      return fail(401, "Missing or invalid bearer token");
    }
    const bytes = await readBodyCapped(req, MAX_BODY_BYTES);
    if (!bytes) return fail(413, `Body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return fail(400, "Body must be JSON");
    }
    const parsed = createWorkspaceInput.safeParse(body);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      return fail(
        400,
        "Invalid workspace: " +
          Object.entries(fieldErrors)
            .map(([k, v]) => `${k}: ${v[0]}`)
            .join("; "),
        fieldErrors,
      );
    }
    try {
      const workspace = await createWorkspace(
        {
          db: deps.db,
          now: deps.now ?? (() => new Date()),
          appUrl: deps.appUrl ?? new URL(req.url).origin,
          mailer: deps.mailer ?? null,
        },
        parsed.data,
      );
      return json(201, { success: true, data: workspace });
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONFLICT") return fail(409, error.message, error.fieldErrors);
      if (isDatabaseUnavailable(error)) return fail(503, "The database is busy or unreachable; try again");
      throw error;
    }
  };
}
