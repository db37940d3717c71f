import ipaddr from 'ipaddr.js';

/**
 * The address login failures are counted under: IPv4 addresses (mapped into
 * IPv6 or not) as they are, IPv6 addresses by their /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise change address
 * with every guess.
 */
export function throttleKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':');
  return `${ipaddr.IPv6.parse(`${network}::`).toString()}/64`;
}
