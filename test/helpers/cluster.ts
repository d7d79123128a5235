import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

/** One Tessera process, as an operator runs it: `node src/main.ts` with its environment. */
export class Instance {
	readonly name: string;
	readonly child: ChildProcess;
	readonly lines: string[] = [];
	readonly dataDir: string;
	url = "";
	exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

	constructor(name: string, env: Record<string, string>) {
		this.name = name;
		this.dataDir = mkdtempSync(join(tmpdir(), `tessera-${name}-`));
		this.child = spawn(process.execPath, [MAIN], {
			env: { PATH: process.env["PATH"] ?? "", HOST: "127.0.0.1", PORT: "0", TESSERA_DATA_DIR: this.dataDir, ...env },
			stdio: ["ignore", "pipe", "pipe"],
		});
		let buffer = "";
		const take = (chunk: Buffer) => {
			buffer += chunk.toString("utf8");
			let end = buffer.indexOf("\n");
			while (end >= 0) {
				this.lines.push(buffer.slice(0, end));
				buffer = buffer.slice(end + 1);
				end = buffer.indexOf("\n");
			}
		};
		this.child.stdout!.on("data", take);
		this.child.stderr!.on("data", take);
		this.exit = new Promise((resolve) => this.child.on("exit", (code, signal) => resolve({ code, signal })));
	}

	/** Resolves with the address once the instance listens; fails if it exits first. */
	async ready(timeoutMs = 30_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			for (const line of this.lines) {
				const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
				if (match) {
					this.url = match[1]!;
					return this.url;
				}
			}
			if (this.child.exitCode !== null) throw new Error(`${this.name} exited: ${this.lines.join("\n")}`);
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`${this.name} did not start: ${this.lines.join("\n")}`);
	}

	/** Log lines with this message, parsed. */
	logged(msg: string): Record<string, unknown>[] {
		return this.lines.flatMap((line) => {
			try {
				const parsed = JSON.parse(line) as Record<string, unknown>;
				return parsed["msg"] === msg ? [parsed] : [];
			} catch {
				return [];
			}
		});
	}

	get alive(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	async stop(): Promise<void> {
		if (this.alive) {
			this.child.kill("SIGTERM");
			await this.exit;
		}
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}

/**
 * A round-robin proxy on loopback, as a load balancer would sit in front of
 * the instances. It sets X-Forwarded-For; a request that could not even be
 * delivered (the instance is gone: connection refused) goes to the next one,
 * as nginx's proxy_next_upstream does. Once delivered, a request is never sent twice.
 */
export async function startProxy(upstreams: () => string[]) {
	let turn = 0;
	const served = new Map<string, number>();
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on("data", (c: Buffer) => chunks.push(c));
		request.on("end", () => {
			const body = Buffer.concat(chunks);
			const targets = upstreams();
			const forward = (attempt: number) => {
				if (attempt >= targets.length) {
					response.writeHead(502).end();
					return;
				}
				const target = new URL(targets[turn++ % targets.length]!);
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						method: request.method,
						path: request.url,
						agent,
						headers: { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "127.0.0.1", "content-length": body.length },
					},
					(answer) => {
						served.set(target.origin, (served.get(target.origin) ?? 0) + 1);
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(response);
					},
				);
				upstream.on("error", (error: NodeJS.ErrnoException) => {
					if (error.code === "ECONNREFUSED" && !response.headersSent) forward(attempt + 1);
					else if (!response.headersSent) response.writeHead(502).end();
					else response.destroy();
				});
				upstream.end(body);
			};
			forward(0);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		served,
		close: () =>
			new Promise<void>((resolve) => {
				agent.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** JSON over HTTP, as a native app would call the API. */
export async function call(
	base: string,
	path: string,
	options: { body?: unknown; token?: string; method?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
	const headers: Record<string, string> = {};
	if (options.body !== undefined) headers["content-type"] = "application/json";
	if (options.token) headers["authorization"] = `Bearer ${options.token}`;
	const response = await fetch(`${base}/api/v1${path}`, {
		method: options.method ?? (options.body === undefined ? "GET" : "POST"),
		headers,
		...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
	});
	const text = await response.text();
	let body: Record<string, unknown> = {};
	try {
		body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	} catch {
		body = { raw: text };
	}
	return { status: response.status, body };
}

/** Runs `tasks` with at most `width` at a time. */
export async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(width, count) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await task(i);
			}
		}),
	);
	return results;
}
