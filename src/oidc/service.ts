import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { endSession } from "../flows/sessions.ts";
import type { Logger } from "pino";
import type { FlowDeps } from "../flows/deps.ts";
import { recordEvent } from "../flows/events.ts";
import { claimDueLogouts, dropLogoutsOlderThan, logoutDelivered, logoutFailed, pruneModels, readClient, readKeys } from "../store/oidc.ts";
import { KEEP_RETIRED_KEY_MS } from "./lifetimes.ts";
import type { OidcProvider, ProviderHooks } from "./provider.ts";
import { rotateSigningKey } from "./keys.ts";

/** How often an instance looks for a newer key set (a rotation by another instance or by command). */
const KEY_CHECK_MS = 1_000;
/** Back-channel logouts owed: looked for this often, tried this many times over about a day. */
const LOGOUT_POLL_MS = 1_000;
const LOGOUT_LEASE_MS = 30_000;
const LOGOUT_GIVE_UP_MS = 86_400_000;

/**
 * The provider as every instance runs it: rebuilt when the signing keys change,
 * rotating them on schedule, and sending the back-channel logouts owed to apps.
 *
 * oidc-provider (and Koa under it) is loaded, and the provider built, on the first request
 * that needs it: an instance no app signs in through never holds it (about 20 MB).
 */
export class OpenIdService {
	readonly #deps: FlowDeps;
	readonly #logger: Logger;
	#current: OidcProvider | undefined;
	#checkedAt = 0;
	#rebuilding: Promise<void> | undefined;
	#timer: NodeJS.Timeout | undefined;
	#delivering: Promise<void> | undefined;
	#closed = false;

	private constructor(deps: FlowDeps, logger: Logger) {
		this.#deps = deps;
		this.#logger = logger;
	}

	static async create(deps: FlowDeps, logger: Logger): Promise<OpenIdService> {
		return new OpenIdService(deps, logger);
	}

	readonly #hooks: ProviderHooks = {
		onRefreshReuse: (accountId, clientId) => void this.#refreshReused(accountId, clientId),
		onBrowserSignOut: (ctx) => this.#browserSignedOut(ctx),
	};

	async #build(): Promise<OidcProvider> {
		const { buildProvider } = await import("./provider.ts");
		return buildProvider(this.#deps, this.#hooks);
	}

	/**
	 * The person confirmed "Sign out" on an app's request: Tessera's session of this
	 * browser ends as well, and its cookie is cleared in the same response.
	 */
	#browserSignedOut(ctx: KoaContextWithOIDC): void {
		for (const [name, attributes] of [
			["__Host-tessera_session", "; Path=/; Secure; HttpOnly; SameSite=Lax"],
			["tessera_session", "; Path=/; HttpOnly; SameSite=Lax"],
		] as const) {
			const token = ctx.cookies.get(name);
			if (!token) continue;
			ctx.append("Set-Cookie", `${name}=${attributes}; Max-Age=0`);
			endSession(this.#deps, token).catch((error: unknown) => this.#logger.error({ err: error }, "could not end the session at sign-out"));
		}
	}

	/** The provider with the current keys: at most a second behind a rotation anywhere. */
	async provider(): Promise<Provider> {
		const now = Date.now();
		if (this.#current === undefined || now - this.#checkedAt >= KEY_CHECK_MS) {
			this.#checkedAt = now;
			this.#rebuilding ??= this.#refresh().finally(() => {
				this.#rebuilding = undefined;
			});
		}
		if (this.#rebuilding) await this.#rebuilding;
		if (this.#current === undefined) throw new Error("the OpenID provider could not be built");
		return this.#current.provider;
	}

	async #refresh(): Promise<void> {
		const now = this.#deps.clock();
		const rows = await readKeys(this.#deps.db);
		const signing = rows.find((k) => k.retire_at === null);
		// On schedule: a key older than the rotation period is replaced (by one instance).
		if (!signing || now - Number(signing.created_at) >= this.#deps.config.oidc.keyRotationMs) {
			await rotateSigningKey(this.#deps, KEEP_RETIRED_KEY_MS);
		}
		const live = (await readKeys(this.#deps.db)).filter((k) => k.retire_at === null || Number(k.retire_at) > now);
		live.sort((a, b) => (a.retire_at === null ? -1 : b.retire_at === null ? 1 : Number(b.created_at) - Number(a.created_at)));
		if (this.#current === undefined || live.map((k) => k.kid).join(",") !== this.#current.version) {
			this.#current = await this.#build();
		}
	}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const provider = await this.provider();
		await provider.callback()(req, res);
	}

	/** A rotated refresh token used again: the provider ended its grant; the person hears of it. */
	async #refreshReused(accountId: string, clientId: string): Promise<void> {
		try {
			const client = await readClient(this.#deps.db, clientId);
			const event = await recordEvent(this.#deps, this.#deps.db, {
				accountId,
				kind: "app_token_reused",
				actor: "system",
				detail: { clientId, app: client?.name ?? clientId },
			});
			this.#deps.alerts.announce(event);
		} catch (error) {
			this.#logger.error({ err: error }, "could not record a reused refresh token");
		}
	}

	/** Starts sending back-channel logouts owed (by any instance). */
	start(): void {
		const tick = () => {
			if (this.#closed) return;
			this.#delivering = this.deliverLogouts()
				.then(() => undefined)
				.catch((error) => this.#logger.error({ err: error }, "back-channel logout delivery failed"))
				.finally(() => {
					if (!this.#closed) this.#timer = setTimeout(tick, LOGOUT_POLL_MS).unref();
				});
		};
		this.#timer = setTimeout(tick, 0).unref();
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		await this.#delivering;
	}

	/** Sends the logouts that are due; a failure is tried again later, with a longer wait each time. */
	async deliverLogouts(): Promise<number> {
		const deps = this.#deps;
		const now = deps.clock();
		await dropLogoutsOlderThan(deps.db, now - LOGOUT_GIVE_UP_MS);
		const due = await claimDueLogouts(deps.db, now, LOGOUT_LEASE_MS, 50);
		if (due.length === 0) return 0;
		const provider = await this.provider();
		let sent = 0;
		await Promise.all(
			due.map(async (logout) => {
				const client = await provider.Client.find(logout.client_id).catch(() => undefined);
				if (!client?.backchannelLogoutUri) {
					await logoutDelivered(deps.db, logout.id);
					return;
				}
				try {
					await (client as unknown as { backchannelLogout(sub: string, sid: string): Promise<void> }).backchannelLogout(logout.account_id, logout.sid ?? "");
					await logoutDelivered(deps.db, logout.id);
					sent++;
				} catch (error) {
					const wait = Math.min(3_600_000, 5_000 * 2 ** Math.min(logout.attempts, 12));
					await logoutFailed(deps.db, logout.id, deps.clock() + wait);
					this.#logger.warn({ client: logout.client_id, attempts: logout.attempts, err: (error as Error).message }, "back-channel logout not delivered; will retry");
				}
			}),
		);
		return sent;
	}

	async prune(): Promise<void> {
		await pruneModels(this.#deps.db, this.#deps.clock());
	}
}
