// The fake Calendly served over node:http (Playwright e2e, the local demo).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCalendly, type FakeCalendly } from "./fake.ts";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Test and demo controls (opt-in, `control: true`), under /__fake/: what Calendly does on its own
 * and tests in other processes need to provoke.
 * - POST /__fake/subscriptions/disable `{ callbackUrlEndsWith, retryStartedAt? }`: Calendly gives up
 *   on a workspace's hook (as after 24 h of failed deliveries); answers `{ disabled: [uri] }`.
 * - POST /__fake/scheduled_events `{ hostEmail, start_time, event_type?, invitees: [{ email, name }] }`:
 *   a booking made on Calendly that is NOT delivered to any webhook; answers `{ uri, invitees }`.
 * - POST /__fake/oauth/drop-scopes `{ scopes: [] }`: OAuth access tokens issued so far lose these scopes.
 * - POST /__fake/oauth/revoke-all: the user removed the app in Calendly (every OAuth token refused).
 */
function control(fake: FakeCalendly, path: string, body: Record<string, unknown>): Response {
  const reply = (status: number, value: unknown) =>
    new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
  if (path === "/__fake/subscriptions/disable") {
    const suffix = String(body.callbackUrlEndsWith ?? "");
    if (!suffix) return reply(400, { error: "callbackUrlEndsWith is required" });
    const matching = fake.subscriptions.filter((s) => s.callback_url.endsWith(suffix) && s.state === "active");
    const retry = typeof body.retryStartedAt === "string" ? body.retryStartedAt : new Date().toISOString();
    for (const sub of matching) fake.disableSubscription(sub.uri, retry);
    return reply(matching.length > 0 ? 200 : 404, { disabled: matching.map((s) => s.uri) });
  }
  if (path === "/__fake/scheduled_events") {
    const host = fake.accounts.find((a) => a.user.email === body.hostEmail);
    if (!host) return reply(404, { error: `no Calendly user with email ${String(body.hostEmail)}` });
    const { hostEmail: _host, ...event } = body;
    const added = fake.addScheduledEvent({
      ...event,
      user: host.user.uri,
      start_time: String(body.start_time ?? new Date(Date.now() + 2 * 86_400_000).toISOString()),
    });
    return reply(201, added);
  }
  if (path === "/__fake/oauth/drop-scopes") {
    const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : [];
    const tokens = fake.accounts.filter((a) => a.token.startsWith("fake-oauth-access-"));
    for (const account of tokens) for (const scope of scopes) account.scopes.delete(scope);
    return reply(200, { tokens: tokens.length });
  }
  if (path === "/__fake/oauth/revoke-all") {
    fake.oauth.revokeAll();
    return reply(200, {});
  }
  return reply(404, { error: "unknown control" });
}

async function serve(
  fake: FakeCalendly,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  withControl: boolean,
) {
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const body = await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const method = req.method ?? "GET";
    const request = new Request(new URL(req.url ?? "/", origin), {
      method,
      headers,
      signal: abort.signal,
      ...(method === "GET" || method === "HEAD" || body.length === 0 ? {} : { body: new Uint8Array(body) }),
    });
    const path = new URL(request.url).pathname;
    const response =
      withControl && path.startsWith("/__fake/") && method === "POST"
        ? control(fake, path, JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>)
        : await fake.handle(request);
    if (res.destroyed) return;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ title: "Internal Server Error", message: (error as Error).message }));
  }
}

export async function startFakeCalendlyServer(
  opts: { port?: number; host?: string; fake?: FakeCalendly; control?: boolean } = {},
): Promise<{ url: string; fake: FakeCalendly; close(): Promise<void> }> {
  const fake = opts.fake ?? createFakeCalendly();
  const host = opts.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => void serve(fake, origin, req, res, opts.control ?? false));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
