// The fake Calendly served over node:http (Playwright e2e, the local demo).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCalendly, type FakeCalendly } from "./fake.ts";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(fake: FakeCalendly, origin: string, req: IncomingMessage, res: ServerResponse) {
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
    const response = await fake.handle(request);
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
  opts: { port?: number; host?: string; fake?: FakeCalendly } = {},
): Promise<{ url: string; fake: FakeCalendly; close(): Promise<void> }> {
  const fake = opts.fake ?? createFakeCalendly();
  const host = opts.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => void serve(fake, origin, req, res));
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
