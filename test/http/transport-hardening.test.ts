import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { canonicalAddress } from "../../src/core/address.ts";
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, requestsInFlight } from "../../src/http/app.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { errorCode, type Harness, PASSWORD, signUp, startHarness, uniqueUsername } from "../helpers/harness.ts";

/** What a raw TCP exchange gave back: every byte the server sent, and when it closed the socket. */
interface Exchange {
	data: string;
	closedAfterMs: number;
}

/**
 * Writes `text` to a fresh connection and waits for the server to close it (or
 * for `destroyAfterMs`, when the client hangs up itself). Nothing else is sent.
 */
function exchange(port: number, text: string, options: { destroyAfterMs?: number; capMs?: number } = {}): Promise<Exchange> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const socket = connect({ port, host: "127.0.0.1" });
		const chunks: Buffer[] = [];
		let cap: NodeJS.Timeout | undefined;
		socket.on("data", (chunk) => chunks.push(chunk));
		socket.on("error", () => {});
		socket.on("close", () => {
			clearTimeout(cap);
			resolve({ data: Buffer.concat(chunks).toString("latin1"), closedAfterMs: performance.now() - started });
		});
		socket.on("connect", () => {
			socket.write(text, () => {
				if (options.destroyAfterMs !== undefined) setTimeout(() => socket.destroy(), options.destroyAfterMs);
			});
		});
		if (options.capMs !== undefined) {
			cap = setTimeout(() => {
				socket.destroy();
				reject(new Error(`the server still held the connection open after ${options.capMs} ms`));
			}, options.capMs);
		}
	});
}

async function listen(h: Harness): Promise<number> {
	await h.app.listen({ port: 0, host: "127.0.0.1" });
	return (h.app.server.address() as AddressInfo).port;
}

/** Log lines at error level or above (pino: 50 error, 60 fatal). */
function errorLines(logs: string[]): string[] {
	return logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
}

describe("configuration: delivery mode and connection cap", () => {
	test("without TESSERA_DELIVERY, codes go to the outbox only on SQLite behind a loopback HOST", () => {
		assert.equal(loadConfig({ HOST: "0.0.0.0" }).delivery.mode, "live", "a server every interface reaches never publishes codes");
		assert.equal(loadConfig({ HOST: "192.168.1.20" }).delivery.mode, "live");
		for (const host of ["localhost", "127.0.0.1", "::1"]) {
			assert.equal(loadConfig({ HOST: host }).delivery.mode, "outbox", host);
		}
		assert.equal(loadConfig({}).delivery.mode, "outbox", "the default HOST is localhost");
		assert.equal(
			loadConfig({ HOST: "localhost", DATABASE_URL: "postgres://u@db.example/tessera" }).delivery.mode,
			"live",
			"PostgreSQL means a real deployment, even on loopback",
		);
	});

	test("TESSERA_DELIVERY, when set, wins whatever HOST is", () => {
		for (const host of ["0.0.0.0", "localhost", "203.0.113.4"]) {
			assert.equal(loadConfig({ HOST: host, TESSERA_DELIVERY: "outbox" }).delivery.mode, "outbox", host);
		}
		assert.equal(loadConfig({ HOST: "localhost", TESSERA_DELIVERY: "live" }).delivery.mode, "live");
		assert.throws(() => loadConfig({ TESSERA_DELIVERY: "console" }), ConfigError);
	});

	test("TESSERA_MAX_CONNECTIONS defaults to 1000 and refuses what is not a whole number of at least 1", () => {
		assert.equal(loadConfig({}).maxConnections, 1000);
		assert.equal(loadConfig({ TESSERA_MAX_CONNECTIONS: "250" }).maxConnections, 250);
		for (const bad of ["0", "x", "-5", "2.5"]) {
			assert.throws(() => loadConfig({ TESSERA_MAX_CONNECTIONS: bad }), ConfigError, bad);
		}
	});

	test("past TESSERA_MAX_CONNECTIONS, a new connection is closed without an answer", async () => {
		const h = await startHarness("sqlite", { TESSERA_MAX_CONNECTIONS: "2" });
		try {
			const port = await listen(h);
			const keepAlive = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
			const held = [connect({ port, host: "127.0.0.1" }), connect({ port, host: "127.0.0.1" })];
			// Each held connection has been answered once, so the server has certainly accepted it.
			await Promise.all(
				held.map(
					(socket) =>
						new Promise<void>((resolve) => {
							socket.on("error", () => {});
							socket.once("data", () => resolve());
							socket.write(keepAlive);
						}),
				),
			);
			const third = await exchange(port, keepAlive, { capMs: 5_000 });
			assert.equal(third.data, "", "the third connection is dropped, not served");
			for (const socket of held) socket.destroy();
			// Once one is free, connections are served again.
			await new Promise((r) => setTimeout(r, 100));
			const later = await exchange(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", { capMs: 5_000 });
			assert.match(later.data, /^HTTP\/1\.1 200 /);
		} finally {
			await h.close();
		}
	});
});

describe("the development outbox is for this machine only", () => {
	let h: Harness;
	let proxied: Harness;
	before(async () => {
		h = await startHarness("sqlite", { TESSERA_DELIVERY: "outbox" });
		proxied = await startHarness("sqlite", { TESSERA_DELIVERY: "outbox", TESSERA_TRUST_PROXY: "1" });
	});
	after(async () => {
		await h.close();
		await proxied.close();
	});

	const outbox = (app: Harness, remoteAddress: string, headers: Record<string, string>) =>
		app.app.inject({ method: "GET", url: "/dev/outbox", remoteAddress, headers });

	test("a browser on this machine asking for localhost sees it", async () => {
		const page = await outbox(h, "127.0.0.1", { host: "localhost:3000" });
		assert.equal(page.statusCode, 200);
		assert.match(page.body, /<h1>Outbox<\/h1>/);
		assert.equal((await outbox(h, "::1", { host: "[::1]:3000" })).statusCode, 200, "IPv6 loopback too");
		assert.equal((await outbox(h, "127.0.0.1", { host: "127.0.0.1:3000" })).statusCode, 200);
	});

	test("through a proxy Tessera was not told about, it is not shown, whichever forwarding header the proxy writes", async () => {
		const forwardings: Record<string, string>[] = [
			{ "x-forwarded-for": "127.0.0.1" },
			{ "x-forwarded-for": "203.0.113.9" },
			{ forwarded: "for=127.0.0.1" },
			{ "x-real-ip": "127.0.0.1" },
		];
		for (const headers of forwardings) {
			const page = await outbox(h, "127.0.0.1", { host: "localhost:3000", ...headers });
			assert.equal(page.statusCode, 404, JSON.stringify(headers));
			assert.doesNotMatch(page.body, /<h1>Outbox<\/h1>/);
		}
	});

	test("a page elsewhere whose name was pointed at 127.0.0.1 (DNS rebinding) is not shown it", async () => {
		for (const host of ["evil.example", "evil.example:3000", "localhost.evil.example"]) {
			assert.equal((await outbox(h, "127.0.0.1", { host })).statusCode, 404, host);
		}
	});

	test("another machine is not shown it, even asking for localhost", async () => {
		assert.equal((await outbox(h, "192.168.1.20", { host: "localhost:3000" })).statusCode, 404);
		assert.equal((await outbox(h, "203.0.113.9", { host: "localhost" })).statusCode, 404);
	});

	test("behind a trusted proxy, it goes by the client the proxy saw", async () => {
		const remote = await outbox(proxied, "127.0.0.1", { host: "localhost", "x-forwarded-for": "203.0.113.9" });
		assert.equal(remote.statusCode, 404, "the real client is not on this machine");
		const local = await outbox(proxied, "127.0.0.1", { host: "localhost", "x-forwarded-for": "127.0.0.1" });
		assert.equal(local.statusCode, 200, "the real client is");
		const rebound = await outbox(proxied, "127.0.0.1", { host: "evil.example", "x-forwarded-for": "127.0.0.1" });
		assert.equal(rebound.statusCode, 404, "a rebound name is refused through the proxy too");
	});

	// A rebound page is same-origin with itself, so it may add any header, X-Forwarded-Host included;
	// a proxy that does not overwrite it (nginx's default) passes it on. Fastify's request.hostname
	// prefers it when the nearest hop is trusted, so the loopback-name check reads the page's choice.
	test(
		"behind a trusted proxy, a rebound page cannot pass for localhost by writing X-Forwarded-Host",
		async () => {
			const forged = await outbox(proxied, "127.0.0.1", {
				host: "evil.example",
				"x-forwarded-for": "127.0.0.1",
				"x-forwarded-host": "localhost",
			});
			assert.equal(forged.statusCode, 404);
		},
	);
});

describe("/metrics without a token: the operator's network, asking by address or by name", () => {
	let h: Harness;
	before(async () => {
		h = await startHarness("sqlite");
	});
	after(() => h.close());

	const scrape = (remoteAddress: string, headers: Record<string, string>) => h.app.inject({ url: "/metrics", remoteAddress, headers });

	test("a scraper on a private address asking by address gets the metrics", async () => {
		const scraped = await scrape("10.0.0.5", { host: "10.0.0.1:3000" });
		assert.equal(scraped.statusCode, 200);
		assert.match(scraped.body, /tessera_http_request_duration_seconds/);
		assert.equal((await scrape("10.0.0.5", { host: "localhost:3000" })).statusCode, 200, "or by the public URL's name");
	});

	test("a rebound name is refused, even from a private address", async () => {
		assert.equal((await scrape("10.0.0.5", { host: "evil.example" })).statusCode, 404);
		assert.equal((await scrape("10.0.0.5", { host: "evil.example:3000" })).statusCode, 404);
	});

	test("through a proxy Tessera was not told about, X-Real-IP and Forwarded count as much as X-Forwarded-For", async () => {
		assert.equal((await scrape("10.0.0.5", { host: "10.0.0.1:3000", "x-real-ip": "203.0.113.9" })).statusCode, 404);
		assert.equal((await scrape("10.0.0.5", { host: "10.0.0.1:3000", forwarded: "for=203.0.113.9" })).statusCode, 404);
		assert.equal((await scrape("10.0.0.5", { host: "10.0.0.1:3000", "x-forwarded-for": "203.0.113.9" })).statusCode, 404);
	});

	test(
		"behind a trusted proxy, a rebound name cannot pass for an address by writing X-Forwarded-Host",
		async () => {
			const proxied = await startHarness("sqlite", { TESSERA_TRUST_PROXY: "1" });
			try {
				const headers = { host: "evil.example", "x-forwarded-for": "10.0.0.5" };
				const plain = await proxied.app.inject({ url: "/metrics", remoteAddress: "10.0.0.2", headers });
				assert.equal(plain.statusCode, 404);
				const forged = await proxied.app.inject({
					url: "/metrics",
					remoteAddress: "10.0.0.2",
					headers: { ...headers, "x-forwarded-host": "10.0.0.1" },
				});
				assert.equal(forged.statusCode, 404);
			} finally {
				await proxied.close();
			}
		},
	);

	test("with a token, the token is what counts, whatever the Host", async () => {
		const tokened = await startHarness("sqlite", { TESSERA_METRICS_TOKEN: "scrape-token-42" });
		try {
			const right = await tokened.app.inject({
				url: "/metrics",
				remoteAddress: "203.0.113.9",
				headers: { host: "evil.example", authorization: "Bearer scrape-token-42" },
			});
			assert.equal(right.statusCode, 200);
			assert.match(right.body, /tessera_http_request_duration_seconds/);
			const none = await tokened.app.inject({ url: "/metrics", remoteAddress: "10.0.0.5", headers: { host: "10.0.0.1:3000" } });
			assert.equal(none.statusCode, 404, "without it, not even the private network");
		} finally {
			await tokened.close();
		}
	});
});

describe("canonical client addresses", () => {
	test("ports, brackets and IPv4 mapping are taken off; anything else is left as it came", () => {
		assert.equal(canonicalAddress("[2001:db8::1]:443"), "2001:db8::1");
		assert.equal(canonicalAddress("[2001:DB8::1]"), "2001:db8::1");
		assert.equal(canonicalAddress("::ffff:192.0.2.1"), "192.0.2.1");
		assert.equal(canonicalAddress("[::ffff:192.0.2.1]:8080"), "192.0.2.1");
		assert.equal(canonicalAddress("192.0.2.1:80"), "192.0.2.1");
		assert.equal(canonicalAddress(" 192.0.2.1 "), "192.0.2.1");
		assert.equal(canonicalAddress("2001:db8::1"), "2001:db8::1");
		assert.equal(canonicalAddress("garbage"), "garbage");
		assert.equal(canonicalAddress("unknown:80"), "unknown:80");
	});
});

for (const kind of await databaseKinds()) {
	describe(`a client behind a trusted proxy is one address, whatever port the proxy writes (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_TRUST_PROXY: "1", TESSERA_LIMIT_PASSWORD_ADDRESS: "5/15m" });
		});
		after(() => h.close());

		const wrongPassword = (forwardedFor: string) =>
			h.app.inject({
				method: "POST",
				url: "/api/v1/sessions",
				payload: JSON.stringify({ username: uniqueUsername("port"), password: "definitely wrong" }),
				headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
				remoteAddress: "127.0.0.1",
			});

		test("five wrong passwords from 198.51.100.7 on five ports, then the sixth is refused", async () => {
			const forms = ["198.51.100.7:5555", "198.51.100.7:5556", "[::ffff:198.51.100.7]:5557", "::ffff:198.51.100.7", "198.51.100.7:5558"];
			for (const form of forms) {
				const response = await wrongPassword(form);
				assert.equal(response.statusCode, 401, form);
				assert.equal(errorCode(response), "invalid_credentials");
			}
			const sixth = await wrongPassword("198.51.100.7:5559");
			assert.equal(sixth.statusCode, 429, "one client, one bucket");
			assert.equal(errorCode(sixth), "too_many_attempts");
			const neighbour = await wrongPassword("198.51.100.8:5555");
			assert.equal(neighbour.statusCode, 401, "another address has its own allowance");
		});
	});

	describe(`hostile requests get a clean 400 (${kind})`, () => {
		let h: Harness;
		let port: number;
		before(async () => {
			h = await startHarness(kind);
			port = await listen(h);
		});
		after(() => h.close());

		test("a JSON body nested 8,000 arrays deep is invalid_json, and nothing is logged as an error", async () => {
			const before = h.logs.length;
			const response = await h.app.inject({
				method: "POST",
				url: "/api/v1/sessions",
				payload: "[".repeat(8000) + "]".repeat(8000),
				headers: { "content-type": "application/json" },
				remoteAddress: "203.0.113.7",
			});
			assert.equal(response.statusCode, 400, response.body);
			assert.equal(errorCode(response), "invalid_json");
			const logged = h.logs.slice(before);
			assert.ok(logged.length > 0, "the request was logged");
			assert.deepEqual(errorLines(logged), [], "a hostile body is the client's problem, not an incident");
			// The server is still fine for everyone else.
			const user = await signUp(h.app);
			assert.ok(user.token);
		});

		test("a request with two Host headers is refused with 400", async () => {
			const one = await exchange(port, "GET /api/v1/sessions/current HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", {
				capMs: 5_000,
			});
			assert.match(one.data, /^HTTP\/1\.1 401 /, "one Host: the request goes through to the route");
			const two = await exchange(
				port,
				"GET /api/v1/sessions/current HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
				{ capMs: 5_000 },
			);
			assert.match(two.data, /^HTTP\/1\.1 400 /, two.data);
			assert.match(two.data, /"code":"invalid_request"/);
		});
	});
}

describe("slow clients over a real socket", { concurrency: true }, () => {
	let h: Harness;
	let port: number;
	before(async () => {
		h = await startHarness("sqlite");
		port = await listen(h);
	});
	after(() => h.close());

	test(`a client that never finishes its headers is cut off within ${HEADERS_TIMEOUT_MS / 1000} s (+3 s)`, async () => {
		const result = await exchange(port, "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n", { capMs: HEADERS_TIMEOUT_MS + 3_000 });
		assert.ok(result.closedAfterMs >= HEADERS_TIMEOUT_MS - 1_500, `closed after ${Math.round(result.closedAfterMs)} ms: it was given its time`);
		assert.ok(result.closedAfterMs <= HEADERS_TIMEOUT_MS + 3_000, `closed after ${Math.round(result.closedAfterMs)} ms`);
	});

	test(`a client that never finishes its body is answered 408 and cut off within ${REQUEST_TIMEOUT_MS / 1000} s (+3 s)`, async () => {
		const headers = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
		// 10 of the 1,000 bytes promised, and then nothing.
		const result = await exchange(port, `${headers}{"username`, { capMs: REQUEST_TIMEOUT_MS + 3_000 });
		assert.ok(result.closedAfterMs >= REQUEST_TIMEOUT_MS - 1_500, `closed after ${Math.round(result.closedAfterMs)} ms: it was given its time`);
		assert.ok(result.closedAfterMs <= REQUEST_TIMEOUT_MS + 3_000, `closed after ${Math.round(result.closedAfterMs)} ms`);
		assert.match(result.data, /^HTTP\/1\.1 408 /);
	});
});

for (const kind of await databaseKinds()) {
	describe(`requests whose client hung up do not hold a shutdown open (${kind})`, () => {
		test("20 sign-ins abandoned mid-flight stop counting when their handlers finish; then close is quick", async () => {
			const h = await startHarness(kind);
			let closed = false;
			try {
				const user = await signUp(h.app);
				const port = await listen(h);
				const body = JSON.stringify({ username: user.username, password: PASSWORD });
				const request =
					"POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
					`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
				let peak = 0;
				const sampler = setInterval(() => {
					peak = Math.max(peak, requestsInFlight(h.app));
				}, 1);
				const abandoned = await Promise.all(Array.from({ length: 20 }, () => exchange(port, request, { destroyAfterMs: 3, capMs: 5_000 })));
				const started = Date.now();
				while (requestsInFlight(h.app) > 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
				clearInterval(sampler);
				assert.ok(peak > 0, "the sign-ins were still being handled when their clients left");
				assert.ok(
					abandoned.every((a) => a.data === ""),
					"every client left before its answer",
				);
				assert.equal(requestsInFlight(h.app), 0, "once their handlers return, nothing is in flight");

				const closing = Date.now();
				await h.tessera.close();
				closed = true;
				const took = Date.now() - closing;
				assert.ok(took < 3_000, `close took ${took} ms`);
				assert.deepEqual(errorLines(h.logs), [], "no handler was cut off by the shutdown");
			} finally {
				if (!closed) await h.tessera.close().catch(() => {});
				await h.database.drop();
			}
		});
	});
}

describe("a request whose client left while its preHandler ran is still in flight (postgres)", () => {
	test(
		"a shutdown waits for change-password requests held in requireSession after their clients hung up",
		async (t) => {
			if (!(await databaseKinds()).includes("postgres")) return t.skip("needs PostgreSQL");
			const h = await startHarness("postgres");
			// Holds every session lookup (requireSession) until the test lets go.
			const locker = new pg.Client({ connectionString: h.database.url });
			let locked = false;
			let closed = false;
			try {
				const user = await signUp(h.app);
				const port = await listen(h);
				await locker.connect();
				await locker.query("begin");
				await locker.query("lock table sessions in access exclusive mode");
				locked = true;
				const body = JSON.stringify({ currentPassword: "not the password at all", newPassword: "another long passphrase 99" });
				const request =
					`POST /api/v1/account/password HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.token}\r\n` +
					`Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
				await Promise.all(Array.from({ length: 5 }, () => exchange(port, request, { destroyAfterMs: 100, capMs: 5_000 })));
				assert.equal(requestsInFlight(h.app), 5, "their clients are gone, but they are still being answered");

				const closing = h.tessera.close();
				setTimeout(() => {
					locked = false;
					void locker.query("commit");
				}, 300);
				await closing;
				closed = true;
				assert.deepEqual(errorLines(h.logs), [], "the shutdown did not close the database under them");
			} finally {
				if (locked) await locker.query("commit").catch(() => {});
				await locker.end().catch(() => {});
				if (!closed) await h.tessera.close().catch(() => {});
				await h.database.drop();
			}
		},
	);
});
