import { type CalendlyClient, isCalendlyApiError } from "@booking/calendly";

/**
 * The user's role in its Calendly organization (owner | admin | user), from
 * GET /organization_memberships?user=…; null when the token may not read it (no
 * organizations:read scope, a passing failure). A refused token is not swallowed.
 */
export async function lookupOrganizationRole(calendly: CalendlyClient, userUri: string): Promise<string | null> {
  try {
    const memberships = await calendly.listOrganizationMemberships({ user: userUri });
    return (memberships.find((m) => m.user.uri === userUri) ?? memberships[0])?.role ?? null;
  } catch (error) {
    if (isCalendlyApiError(error) && error.kind === "unauthorized") throw error;
    return null;
  }
}
