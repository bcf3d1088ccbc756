// POST /api/admin/workspaces: provisioning for operators (bearer ADMIN_API_TOKEN).
// Answers { success, data?, error? } with 201 / 400 / 401 / 409; the logic is the createWorkspace service.
import type { Db } from "@booking/db";
import { DomainError } from "../errors.ts";
import { zodFieldErrors } from "../lib/field-errors.ts";
import { bearerToken, safeEqual } from "../lib/safe-equal.ts";
import { createWorkspace, createWorkspaceInput } from "../services/workspaces/index.ts";

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

export function createAdminWorkspacesHandler(deps: { db: Db; adminApiToken: string | undefined }) {
  return async function handleAdminWorkspaces(req: Request): Promise<Response> {
    const token = bearerToken(req.headers.get("authorization"));
    if (!deps.adminApiToken || !token || !safeEqual(token, deps.adminApiToken)) {
      return fail(401, "Missing or invalid bearer token");
    }
    const text = await req.text();
    if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return fail(400, "Body is too large");
    let body: unknown;
    try {
      body = JSON.parse(text);
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
      const workspace = await createWorkspace({ db: deps.db }, parsed.data);
      return json(201, { success: true, data: workspace });
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONFLICT") return fail(409, error.message, error.fieldErrors);
      throw error;
    }
  };
}
