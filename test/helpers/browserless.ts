import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/**
 * A tiny form-submitting client over inject(): keeps cookies like a browser
 * and reads the CSRF field out of the last page, so page tests read like a
 * person using the site without JavaScript.
 */
export class FormClient {
	readonly cookies = new Map<string, string>();
	/** Sent with every request, as a browser sends its Accept-Language. */
	readonly headers: Record<string, string> = {};
	last: LightMyRequestResponse | undefined;
	readonly #app: FastifyInstance;
	readonly #ip: string;

	constructor(app: FastifyInstance, ip = "198.51.100.77") {
		this.#app = app;
		this.#ip = ip;
	}

	#cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	}

	#remember(response: LightMyRequestResponse) {
		for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
			const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === "";
			if (expired) this.cookies.delete(c.name);
			else this.cookies.set(c.name, c.value);
		}
	}

	async get(url: string): Promise<LightMyRequestResponse> {
		const response = await this.#app.inject({
			method: "GET",
			url,
			headers: { ...this.headers, cookie: this.#cookieHeader() },
			remoteAddress: this.#ip,
		});
		this.#remember(response);
		this.last = response;
		return response;
	}

	csrf(): string {
		const match = /name="_csrf" value="([^"]+)"/.exec(this.last?.body ?? "");
		if (!match) throw new Error("no CSRF field on the last page");
		return match[1]!;
	}

	async post(url: string, fields: Record<string, string>, options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
		const body = new URLSearchParams(fields);
		const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
		if (csrf !== null) body.set("_csrf", csrf);
		const response = await this.#app.inject({
			method: "POST",
			url,
			payload: body.toString(),
			headers: { ...this.headers, "content-type": "application/x-www-form-urlencoded", cookie: this.#cookieHeader() },
			remoteAddress: this.#ip,
		});
		this.#remember(response);
		this.last = response;
		return response;
	}

	/** Follows a 303 like a browser does. */
	async follow(response: LightMyRequestResponse): Promise<LightMyRequestResponse> {
		if (response.statusCode !== 303 && response.statusCode !== 302) return response;
		return this.get(String(response.headers.location));
	}
}
