import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addressBucket, expandIPv6 } from "../../src/core/address.ts";

describe("throttling address buckets", () => {
	test("IPv4 addresses count one by one, mapped or not", () => {
		assert.equal(addressBucket("192.0.2.1"), "192.0.2.1");
		assert.equal(addressBucket("::ffff:192.0.2.1"), "192.0.2.1");
		assert.equal(addressBucket("::FFFF:c000:0201"), "192.0.2.1");
	});

	test("IPv6 addresses count by /64, however they are written", () => {
		const bucket = "2001:db8:85a3:8d3::/64";
		for (const ip of [
			"2001:db8:85a3:8d3::1",
			"2001:0db8:85a3:08d3:1319:8a2e:0370:7348",
			"2001:DB8:85A3:8D3:ffff:ffff:ffff:ffff",
			"2001:db8:85a3:8d3::1%eth0",
		]) {
			assert.equal(addressBucket(ip), bucket, ip);
		}
		assert.notEqual(addressBucket("2001:db8:85a3:8d4::1"), bucket);
		assert.equal(addressBucket("::1"), "0:0:0:0::/64");
	});

	test("expansion gives eight groups for any valid address", () => {
		fc.assert(
			fc.property(fc.ipV6(), (ip) => {
				const groups = expandIPv6(ip.toLowerCase());
				assert.equal(groups.length, 8, ip);
				assert.ok(groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff), ip);
			}),
		);
	});
});
