// Which client is calling, for sign-in throttling. The socket's peer address is put in
// PEER_ADDRESS_HEADER by the server itself (overwriting anything a client sent: see
// apps/web/src/server/peer-address.ts and http/serve-fetch.ts). `X-Forwarded-For` is believed only
// for as many hops as TRUST_PROXY names: with N trusted proxies in front, the client is the entry
// N places from the right of [...X-Forwarded-For, peer]; anything further left is what the client
// itself wrote and is ignored.
import { isIPv4, isIPv6 } from "node:net";

export const PEER_ADDRESS_HEADER = "x-booking-peer-address";

/** The address a request comes from (as sent), or "unknown" when the server could not tell. */
export function clientAddress(headers: Headers, trustProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustProxyHops <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const index = Math.max(0, chain.length - 1 - trustProxyHops);
  return chain[index]!;
}

/** The throttling key of an address: IPv4-mapped IPv6 as IPv4; IPv6 by its /64 (one customer's prefix). */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIPv6(bare)) return address.slice(0, 100);
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") && tail ? tail.split(":") : [];
  const groups = bare.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
