import { isIPv4, isIPv6 } from "node:net";

/**
 * The unit an address is throttled as. One IPv4 address is one client; an IPv6
 * client usually holds a whole /64 and can rotate through it, so IPv6 counts
 * by /64. IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) count as the IPv4
 * address they are.
 */
export function addressBucket(ip: string): string {
	const address = ip.replace(/%.*$/, "").toLowerCase();
	if (isIPv4(address)) return address;
	if (!isIPv6(address)) return address;
	const groups = expandIPv6(address);
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
	}
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, with :: and a dotted IPv4 tail expanded. */
export function expandIPv6(address: string): number[] {
	let text = address;
	const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (dotted) {
		const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
		text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.split("::") as [string, string | undefined];
	const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16)));
	const left = parse(head);
	const right = tail === undefined ? [] : parse(tail);
	const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
	return [...left, ...zeros, ...right];
}

/**
 * Loopback and private ranges (RFC 1918, IPv6 unique-local and link-local): where
 * a metrics scraper on the operator's own network comes from.
 */
export function isPrivateAddress(ip: string): boolean {
	const address = ip.replace(/%.*$/, "").toLowerCase();
	const v4 = isIPv4(address) ? address : /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
	if (v4) {
		const [a, b] = v4.split(".").map(Number) as [number, number];
		return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
	}
	if (!isIPv6(address)) return false;
	const first = expandIPv6(address)[0]!;
	return address === "::1" || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * A client address as a proxy may hand it on, made canonical: without a port
 * (`192.0.2.1:5678`, `[2001:db8::1]:443`), brackets or zone, lower-case, and an
 * IPv4-mapped IPv6 address as the IPv4 address it is. Without this, one client
 * behind a proxy that writes ports would count as a new client per port.
 * Anything that is not an address is returned trimmed, as it came.
 */
export function canonicalAddress(raw: string): string {
	let text = raw.trim().toLowerCase();
	const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
	if (bracketed) text = bracketed[1]!;
	else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
	text = text.replace(/%.*$/, "");
	if (isIPv4(text)) return text;
	if (!isIPv6(text)) return raw.trim();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
	if (mapped) return mapped;
	const groups = expandIPv6(text);
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
	}
	return text;
}
