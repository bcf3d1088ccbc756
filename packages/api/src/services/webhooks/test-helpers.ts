// Shared by this folder's tests (and the webhooks app's tests): a workspace with a signing key, and
// a way to push a Calendly body through the service the way the HTTP adapter does.
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, type Db, generateKey, type SecretBox, secretContext } from "@booking/db";
import { type DeliveryResult, receiveDelivery } from "./receive.ts";

export const testSecrets = (): SecretBox => createSecretBox(generateKey());

export async function createWorkspace(
  db: Db,
  secrets: SecretBox,
  opts: { name?: string; signingKey?: string | null; token?: string | null } = {},
): Promise<{ id: string; signingKey: string | null }> {
  const c = await db.client.create({ data: { name: opts.name ?? "Acme" }, select: { id: true } });
  const signingKey = opts.signingKey === undefined ? generateKey() : opts.signingKey;
  await db.client.update({
    where: { id: c.id },
    data: {
      calendlyWebhookSigningKeyEnc: signingKey
        ? secrets.encrypt(signingKey, secretContext.calendlySigningKey(c.id))
        : null,
      calendlyAccessTokenEnc: opts.token ? secrets.encrypt(opts.token, secretContext.calendlyAccessToken(c.id)) : null,
      calendlyOrganizationUri: opts.token ? "https://api.calendly.com/organizations/ORG" : null,
      calendlyUserUri: opts.token ? "https://api.calendly.com/users/USER" : null,
    },
  });
  return { id: c.id, signingKey };
}

/** Parses like the HTTP adapter and hands the delivery to the service. */
export async function deliver(
  deps: { db: Db; secrets: SecretBox; clock?: () => Date },
  workspaceId: string,
  body: unknown,
): Promise<DeliveryResult> {
  const rawBody = typeof body === "string" ? body : JSON.stringify(body);
  const parsed = parseCalendlyWebhook(rawBody);
  if (!parsed.ok) throw new Error(parsed.error);
  return receiveDelivery(deps, { workspaceId, rawBody, envelope: parsed.envelope, invitee: parsed.invitee });
}
