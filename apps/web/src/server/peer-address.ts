// Puts the socket's peer address on every request Next's HTTP server receives, in a header no
// client can forge (any value a client sent is overwritten). Next only fills X-Forwarded-For when
// a client did not send one, so without this a route handler cannot tell the real address from a
// spoofed one; sign-in throttling (@booking/api auth/client-address.ts) keys on this header and
// believes X-Forwarded-For only as far as TRUST_PROXY allows.
import { Server } from "node:http";
import { PEER_ADDRESS_HEADER } from "@booking/api/auth";

const patched = Symbol.for("booking.peerAddress");

export function recordPeerAddresses(): void {
  type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const proto = Server.prototype as unknown as Record<symbol, unknown> & { emit: Emit };
  if (proto[patched]) return;
  proto[patched] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event, ...args) {
    if (event === "request") {
      const req = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  };
}
