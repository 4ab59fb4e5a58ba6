import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Compiles SHORELINE_TRUSTED_PROXIES (addresses or CIDRs, and proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`) into a trust test; throws on an entry that is not an address.
 * proxy-addr is express's own implementation of exactly this rule.
 */
export function compileTrustedProxies(list: readonly string[]): TrustProxy {
  return proxyaddr.compile([...list]);
}

/**
 * The client's address: the socket peer, or, when that peer is a trusted proxy, the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. Without trusted proxies the header is
 * ignored, so a client cannot pick its own address for the sign-in limits.
 */
export function clientAddress(c: Context, trust: TrustProxy): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  if (!peer) return 'unknown';
  const forwardedFor = c.req.header('x-forwarded-for');
  return proxyaddr(
    {
      socket: { remoteAddress: peer },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    } as never,
    trust,
  );
}
