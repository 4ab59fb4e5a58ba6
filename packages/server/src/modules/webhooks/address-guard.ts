import { lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * SSRF guard: a webhook may not reach loopback, private, link-local, carrier-grade NAT, multicast
 * or other non-public addresses (cloud metadata at 169.254.169.254 among them) unless the operator
 * allows it (SHORELINE_WEBHOOK_ALLOW_PRIVATE). Checked at registration and again on every
 * connection, through the socket's own DNS lookup, so a name that later resolves elsewhere
 * (DNS rebinding) is refused at connect time.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** A `lookup` for http.request that refuses non-public answers. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) {
        const e = new Error(`${hostname} resolves to a non-public address (${refused.address})`);
        return callback(e as NodeJS.ErrnoException, '', 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, list as never, 0);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`) as NodeJS.ErrnoException, '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** Why a webhook URL is refused at registration, or null when it is acceptable. */
export async function urlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host))
    return isPublicAddress(host) ? null : 'must not point to a private or loopback address';
  const addresses = await new Promise<string[]>((resolve) =>
    lookup(host, { all: true }, (err, list) => resolve(err ? [] : list.map((a) => a.address))),
  );
  if (addresses.length === 0) return 'host name does not resolve';
  return addresses.every(isPublicAddress) ? null : 'must not point to a private or loopback address';
}
