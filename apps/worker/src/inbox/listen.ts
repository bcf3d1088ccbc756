// A LISTEN connection that survives the database going away: on error or end it reconnects
// (1 s, 2 s, ... at most 10 s apart) and calls `onNotify` once connected again, since
// notifications sent meanwhile are lost. Notifications are only wake-ups: the drainer also polls.
import type pg from "pg";
import type { Logger } from "../logger.ts";

export type Listener = { close(): Promise<void> };

export function listen(opts: { pool: pg.Pool; channel: string; onNotify: () => void; logger: Logger }): Listener {
  const { pool, channel, onNotify, logger } = opts;
  let client: pg.PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const reconnectLater = () => {
    if (closed || retry) return;
    const delay = Math.min(10_000, 1000 * 2 ** Math.min(failures, 4));
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
  };

  const drop = (error?: Error) => {
    const c = client;
    client = null;
    if (!c) return;
    c.removeAllListeners("notification");
    c.release(error ?? true);
    if (!closed) {
      logger.warn({ err: { message: error?.message ?? "connection ended" } }, "inbox listener lost its connection");
      reconnectLater();
    }
  };

  async function connect() {
    if (closed) return;
    let c: pg.PoolClient;
    try {
      c = await pool.connect();
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, "inbox listener cannot connect");
      return reconnectLater();
    }
    c.on("error", (error) => drop(error));
    c.on("end", () => drop());
    c.on("notification", (n) => {
      if (n.channel === channel) onNotify();
    });
    client = c;
    try {
      await c.query(`LISTEN ${channel}`);
      failures = 0;
      onNotify(); // anything stored while we were not listening
    } catch (error) {
      drop(error as Error);
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (!c) return;
      c.removeAllListeners("notification");
      try {
        await c.query(`UNLISTEN ${channel}`);
        c.release();
      } catch (error) {
        c.release(error as Error);
      }
    },
  };
}
