import type { CalendlyClient } from "@booking/calendly";
import { secretContext } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import type { IntegrationState } from "./integration-state.ts";

/** A Calendly client for the workspace's stored token; PRECONDITION_FAILED when none is stored. */
export function clientForWorkspace(
  deps: Pick<CalendlyIntegrationDeps, "secrets" | "calendlyFor">,
  state: Pick<IntegrationState, "id" | "calendlyAccessTokenEnc">,
): CalendlyClient {
  if (!state.calendlyAccessTokenEnc) {
    throw new DomainError("PRECONDITION_FAILED", "No Calendly access token is configured for this workspace", {
      fieldErrors: { token: ["Save a Calendly personal access token first"] },
    });
  }
  let token: string;
  try {
    token = deps.secrets.decrypt(state.calendlyAccessTokenEnc, secretContext.calendlyAccessToken(state.id));
  } catch (cause) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "The stored Calendly token cannot be decrypted (encryption key changed?): save the token again",
      {
        fieldErrors: { token: ["Save the token again"] },
        cause,
      },
    );
  }
  return deps.calendlyFor(token);
}
