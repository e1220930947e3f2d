import { isIP } from 'node:net';

/** What Fastify's `trustProxy` takes: off, or the proxies' addresses and ranges. */
export type TrustProxy = false | string[];

/** Names proxy-addr (Fastify's) understands for common ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY. Off (empty, `false`, `off`): the client is the TCP peer and
 * X-Forwarded-For is ignored. A comma-separated list of addresses or CIDR ranges: a peer in it
 * is a proxy, and the client is the last address in X-Forwarded-For that is not one. Refused:
 * `true` (trust any peer: anyone could choose their address and escape per-client limits) and a
 * hop count (it cannot tell a proxy from a client sending the header itself; Fastify ignores it).
 */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { error: string } {
  const text = raw.trim().toLowerCase();
  if (['', 'false', 'off', 'no'].includes(text)) return { value: false };
  if (/^\d+$/.test(text)) {
    return {
      error:
        'a hop count cannot tell a proxy from a client that sends X-Forwarded-For itself; name the proxies (addresses or CIDR ranges)',
    };
  }
  if (['true', 'on', 'yes', '*'].includes(text)) {
    return {
      error:
        'trusting every peer lets any client choose its address; name the proxies (addresses or CIDR ranges)',
    };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0) {
    return {
      error: `not an IP address, CIDR range or one of ${[...NAMED_RANGES].join(', ')}: ${bad.join(', ')}`,
    };
  }
  return { value: entries };
}
