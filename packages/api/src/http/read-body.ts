// Request bodies with a size cap that holds while the body streams in: a declared Content-Length
// over the cap is refused before anything is read, and a body that grows past it is cancelled as
// soon as it does, so a 100 MB upload costs at most `maxBytes` of memory.

function declaredTooLarge(req: Request, maxBytes: number): boolean {
  const declared = Number(req.headers.get("content-length") ?? "");
  return Number.isFinite(declared) && declared > maxBytes;
}

/** The whole body, or `null` when it is larger than `maxBytes` (nothing more is read then). */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaredTooLarge(req, maxBytes)) {
    await req.body?.cancel().catch(() => {});
    return null;
  }
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * `req` with its body replaced by a stream that errors with `tooLarge()` once more than
 * `maxBytes` arrive (or at once when Content-Length says so). For handlers that read the body
 * themselves (tRPC), so their own error shape reaches the caller.
 */
export function withCappedBody(req: Request, maxBytes: number, tooLarge: () => Error): Request {
  if (!req.body) return req;
  const source = req.body;
  let size = 0;
  const capped = declaredTooLarge(req, maxBytes)
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          void source.cancel().catch(() => {});
          controller.error(tooLarge());
        },
      })
    : source.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            size += chunk.byteLength;
            if (size > maxBytes) controller.error(tooLarge());
            else controller.enqueue(chunk);
          },
        }),
      );
  // Node's fetch needs `duplex` for a streamed request body; lib.dom's RequestInit does not know it.
  const init = { method: req.method, headers: req.headers, body: capped, signal: req.signal, duplex: "half" };
  return new Request(req.url, init as RequestInit);
}
