import { errorFromResponse } from "./errors.ts";

const hooks = { method: "POST", path: "/webhook_subscriptions" };
const types = { method: "GET", path: "/event_types" };
const body = (b: unknown) => JSON.stringify(b);

describe("errorFromResponse", () => {
  it.each([
    [401, { title: "Unauthenticated", message: "The access token is invalid" }, hooks, "unauthorized"],
    [
      403,
      {
        title: "Permission Denied",
        message: "This operation requires the scopes listed in the 'required_scopes' array.",
        details: [{ parameter: "required_scopes", message: "webhooks:write" }],
      },
      hooks,
      "forbidden_scope",
    ],
    [
      403,
      { title: "Permission Denied", message: "Missing scopes", required_scopes: ["webhooks:write", "users:read"] },
      hooks,
      "forbidden_scope",
    ],
    [
      403,
      { title: "Permission Denied", message: "Please upgrade your Calendly account to Professional" },
      hooks,
      "forbidden_plan",
    ],
    [
      403,
      { title: "Permission Denied", message: "Please upgrade to a paid Calendly account." },
      hooks,
      "forbidden_plan",
    ],
    [403, { title: "Permission Denied", message: "You do not have permission" }, hooks, "forbidden_role"],
    [403, { title: "Permission Denied", message: "This user is not in your organization" }, types, "forbidden_role"],
    [403, { title: "Permission Denied", message: "Unauthorized" }, types, "forbidden"],
    [403, "not json", types, "forbidden"],
    [
      404,
      { title: "Resource Not Found", message: "The server could not find the requested resource." },
      types,
      "not_found",
    ],
    [409, { title: "Already Exists", message: "Hook with this url already exists" }, hooks, "conflict"],
    [
      400,
      {
        title: "Invalid Argument",
        message: "The supplied parameters are invalid.",
        details: [{ parameter: "url", message: "is invalid" }],
      },
      hooks,
      "invalid_request",
    ],
    [
      424,
      { title: "External Calendar Error", message: "There is a problem accessing your calendar." },
      types,
      "invalid_request",
    ],
    [429, {}, types, "rate_limited"],
    [500, "<html>oops</html>", types, "unavailable"],
    [503, "", types, "unavailable"],
  ] as const)("HTTP %i %j → %s", (status, b, label, kind) => {
    const error = errorFromResponse(label, status, typeof b === "string" ? b : body(b));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });

  it("names every missing scope, from details or a top-level required_scopes", () => {
    expect(
      errorFromResponse(hooks, 403, body({ message: "x scope", required_scopes: ["webhooks:write", "users:read"] }))
        .message,
    ).toBe("The token lacks the scopes: webhooks:write, users:read. Create a personal access token that includes them");
    const fromDetails = errorFromResponse(
      hooks,
      403,
      body({
        message: "This operation requires the scopes listed in the 'required_scopes' array.",
        details: [{ parameter: "required_scopes", message: ["webhooks:write", "scheduled_events:read"] }],
      }),
    );
    expect(fromDetails.requiredScopes).toEqual(["webhooks:write", "scheduled_events:read"]);
  });

  it("writes plan and role messages an admin can act on, keeping Calendly's own words", () => {
    const plan = errorFromResponse(
      hooks,
      403,
      body({ title: "Permission Denied", message: "Please upgrade to a paid Calendly account." }),
    );
    expect(plan.message).toBe(
      'Webhook subscriptions need a paid Calendly plan: upgrade the Calendly account (Calendly: "Please upgrade to a paid Calendly account.")',
    );
    expect(plan.calendlyTitle).toBe("Permission Denied");
    const role = errorFromResponse(
      hooks,
      403,
      body({ message: "You do not have permission to access this resource." }),
    );
    expect(role.message).toMatch(/organization webhook subscriptions need a token of an organization Owner or Admin/);
  });

  it("includes Calendly's details in an invalid_request message", () => {
    const error = errorFromResponse(
      hooks,
      400,
      body({
        title: "Invalid Argument",
        message: "The supplied parameters are invalid.",
        details: [{ parameter: "url", message: "is invalid" }],
      }),
    );
    expect(error.message).toBe(
      "Calendly rejected POST /webhook_subscriptions (HTTP 400: The supplied parameters are invalid.): url: is invalid",
    );
    expect(error.details).toEqual([{ parameter: "url", message: "is invalid" }]);
  });

  it("reports retryAfterSeconds on a 429", () => {
    const error = errorFromResponse(types, 429, "", 12);
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.message).toBe("Calendly rate limited, retry after 12 s");
  });
});
