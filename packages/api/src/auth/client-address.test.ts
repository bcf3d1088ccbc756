import { clientAddress, normalizeAddress, PEER_ADDRESS_HEADER } from "./client-address.ts";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress", () => {
  it("ignores X-Forwarded-For without TRUST_PROXY: the socket's peer decides", () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6" }), 0)).toBe(
      "127.0.0.1",
    );
  });

  it("believes only as many hops as TRUST_PROXY names, from the right", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" });
    expect(clientAddress(h, 1)).toBe("10.0.0.1");
    expect(clientAddress(h, 2)).toBe("203.0.113.9");
    // More hops than entries: the leftmost entry (never something further left the client invented).
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("is 'unknown' when the server did not record a peer", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6" }), 0)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("reads IPv4-mapped IPv6 as IPv4 and groups IPv6 by /64", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:db8:0:1:bbbb:cccc:dddd:eeee")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("not an address")).toBe("not an address");
  });
});
