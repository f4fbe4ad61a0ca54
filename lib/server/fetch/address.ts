// Which IP addresses a server-side fetch must not reach: this machine, the private networks
// around it and link-local ones (where cloud metadata services answer). A page address given by
// a user could otherwise make the server read, and show back, what only it can reach.
import { BlockList, isIP } from "node:net";

/** Ranges refused, each with the word used in the error. */
const RANGES: Array<[network: string, prefix: number, family: "ipv4" | "ipv6", kind: string]> = [
  ["0.0.0.0", 8, "ipv4", "unspecified"],
  ["10.0.0.0", 8, "ipv4", "private"],
  ["100.64.0.0", 10, "ipv4", "private (carrier-grade NAT)"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "link-local"],
  ["172.16.0.0", 12, "ipv4", "private"],
  ["192.0.0.0", 24, "ipv4", "reserved"],
  ["192.168.0.0", 16, "ipv4", "private"],
  ["198.18.0.0", 15, "ipv4", "reserved (benchmarking)"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  ["::", 128, "ipv6", "unspecified"],
  ["::1", 128, "ipv6", "loopback"],
  ["fc00::", 7, "ipv6", "private (unique local)"],
  ["fe80::", 10, "ipv6", "link-local"],
  ["fec0::", 10, "ipv6", "private (site-local)"],
  ["ff00::", 8, "ipv6", "multicast"],
];

const LISTS = RANGES.map(([network, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, kind };
});

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address, else null. */
function embeddedIPv4(ipv6: string): string | null {
  const m = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ipv6);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * Why `address` (an IP address in any notation Node accepts) may not be fetched from: "loopback",
 * "private", "link-local" and the like, or null when it is a public address.
 */
export function refusedAddressKind(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const version = isIP(bare);
  if (version === 0) return "not an IP address";
  if (version === 6) {
    const v4 = embeddedIPv4(bare.toLowerCase());
    if (v4 !== null && isIP(v4) === 4) return refusedAddressKind(v4);
  }
  const family = version === 4 ? "ipv4" : "ipv6";
  for (const { list, family: f, kind } of LISTS) if (f === family && list.check(bare, family)) return kind;
  return null;
}
