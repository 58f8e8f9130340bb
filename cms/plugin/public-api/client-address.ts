/**
 * The client's address: the socket peer, unless that peer is a configured trusted proxy, in which case the
 * right-most X-Forwarded-For entry not itself a trusted proxy.
 */
export const clientAddress = (peer: string | undefined, forwardedFor: string | null | undefined, trustedProxies: readonly string[]) => {
  const normalize = (address: string) => address.trim().replace(/^::ffff:/, '')
  const socket = normalize(peer ?? 'unknown')
  if (!forwardedFor || !trustedProxies.includes(socket)) return socket
  const hops = forwardedFor.split(',').map(normalize).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!
  return socket
}
