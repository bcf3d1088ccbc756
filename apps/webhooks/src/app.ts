// node:http adapter: routing, raw body with a 1 MiB cap, one log line per delivery. The delivery
// path itself is handler.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CALENDLY_SIGNATURE_HEADER } from "@booking/calendly/webhooks";
import { Prisma } from "@booking/db";
import { createDeliveryHandler, type DeliveryHandlerOptions } from "./handler.ts";
import type { Logger } from "./logger.ts";
import { MAX_BODY_BYTES, readRawBody } from "./read-body.ts";
import { isDatabaseUnavailable } from "./services.ts";

export type WebhooksServerOptions = DeliveryHandlerOptions & {
  logger: Logger;
  maxBodyBytes?: number;
};

export type WebhooksServer = {
  server: Server;
  /** Starts listening (port 0 = any free port) and resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
};

const ROUTE = /^\/webhooks\/calendly\/([^/?#]+)\/?$/;

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/** After an early 413, discard (never buffer) what the client still sends, up to a bound, then close. */
function discardRest(req: IncomingMessage) {
  let discarded = 0;
  req.on("data", (c: Buffer) => {
    discarded += c.length;
    if (discarded > 16 * MAX_BODY_BYTES) req.socket.destroy();
  });
  req.resume();
  setTimeout(() => req.socket.destroy(), 5_000).unref();
}

export function createWebhooksServer(opts: WebhooksServerOptions): WebhooksServer {
  const { logger } = opts;
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const deliveries = createDeliveryHandler(opts);

  async function healthz(res: ServerResponse) {
    try {
      await opts.sql.query(Prisma.sql`SELECT 1`);
      send(res, 200, { ok: true, db: "up" });
    } catch {
      send(res, 503, { ok: false, db: "down" });
    }
  }

  async function webhook(req: IncomingMessage, res: ServerResponse, rawWorkspaceId: string) {
    const started = performance.now();
    let workspaceId: string;
    try {
      workspaceId = decodeURIComponent(rawWorkspaceId);
    } catch {
      workspaceId = "";
    }
    const body = await readRawBody(req, limit);
    if (!body.ok) {
      if (body.reason === "too_large") {
        send(res, 413, { ok: false, error: `Body over ${limit} bytes` }, { connection: "close" });
        discardRest(req);
      }
      logger.warn(
        { workspaceId, status: 413, outcome: body.reason, durationMs: Math.round(performance.now() - started) },
        "delivery",
      );
      return;
    }
    const header = req.headers[CALENDLY_SIGNATURE_HEADER];
    const r = await deliveries.handle({
      workspaceId,
      signatureHeader: Array.isArray(header) ? header.join(",") : header,
      body: body.body,
    });
    send(res, r.status, r.body);
    const level = r.status >= 500 ? "error" : r.status >= 400 ? "warn" : "info";
    logger[level](
      { ...r.log, status: r.status, durationMs: Math.round((performance.now() - started) * 10) / 10 },
      "delivery",
    );
  }

  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    const m = ROUTE.exec(path);
    const run = async () => {
      if (m) {
        if (req.method !== "POST") return send(res, 405, { ok: false, error: "Use POST" }, { allow: "POST" });
        return webhook(req, res, m[1]!);
      }
      if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) return healthz(res);
      send(res, 404, { ok: false, error: "Not found" });
    };
    run().catch((error: unknown) => {
      const dbDown = isDatabaseUnavailable(error);
      const e = error as { name?: string; code?: string; message?: string };
      logger.error(
        { status: dbDown ? 503 : 500, err: { name: e?.name, code: e?.code, message: e?.message } },
        "request failed",
      );
      if (!res.headersSent)
        send(res, dbDown ? 503 : 500, {
          ok: false,
          error: dbDown ? "Service temporarily unavailable, retry later" : "Internal error",
        });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port = 0, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await deliveries.close();
    },
  };
}
