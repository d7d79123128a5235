import { randomUUID } from "node:crypto";
import { TesseraError } from "../core/errors.ts";
import type { Db } from "../store/db.ts";
import {
	clientsWithGrants,
	consentsOf,
	deleteConsent,
	destroyAccountModels,
	destroyClientGrants,
	destroyGrant,
	destroyModel,
	findModel,
	listClients,
	queueLogouts,
	saveConsent,
	sessionsOfAccount,
} from "../store/oidc.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * Apps that sign people in through Tessera (OpenID Connect): what a person has
 * allowed them, and ending what they hold when the person's sign-ins end.
 */

interface ProviderSession {
	accountId?: string;
	authorizations?: Record<string, { grantId?: string; sid?: string }>;
}

/**
 * Ends everything apps hold of a person, in `tx`: their sign-ins at the provider,
 * every grant with its codes, access and refresh tokens (offline ones too), and
 * owes each app that held any a back-channel logout notice. Part of every
 * "sign out everywhere" (endSignIns).
 */
export async function endAppAccess(tx: Db, accountId: string, now: number): Promise<void> {
	const clients = new Set(await clientsWithGrants(tx, accountId));
	for (const session of await sessionsOfAccount(tx, accountId)) {
		for (const clientId of Object.keys((JSON.parse(session.payload) as ProviderSession).authorizations ?? {})) clients.add(clientId);
	}
	await destroyAccountModels(tx, accountId);
	await queueLogouts(tx, [...clients].map((clientId) => ({ id: randomUUID(), clientId, accountId, sid: null })), now);
}

/**
 * Signing out of one browser: the provider's session of that browser (named by
 * its cookie) ends with the grants it gave, and its apps are told.
 */
export async function endBrowserAppSession(deps: FlowDeps, accountId: string, providerSessionId: string | undefined): Promise<void> {
	if (!providerSessionId || providerSessionId.length > 128) return;
	const row = await findModel(deps.db, "Session", providerSessionId);
	if (!row) return;
	const session = JSON.parse(row.payload) as ProviderSession;
	if (session.accountId !== accountId) return;
	await deps.db.transaction().execute(async (tx) => {
		const authorizations = Object.entries(session.authorizations ?? {});
		for (const [, { grantId }] of authorizations) if (grantId) await destroyGrant(tx, grantId);
		await destroyModel(tx, "Session", providerSessionId);
		await queueLogouts(
			tx,
			authorizations.map(([clientId, { sid }]) => ({ id: randomUUID(), clientId, accountId, sid: sid ?? null })),
			deps.clock(),
		);
	});
}

export interface AppWithAccess {
	clientId: string;
	name: string;
	address: string;
	scopes: string[];
	allowedAt: number;
}

/** "Apps with access": the third-party apps the person allowed, and what. */
export async function appsWithAccess(deps: FlowDeps, accountId: string): Promise<AppWithAccess[]> {
	const consents = await consentsOf(deps.db, accountId);
	if (consents.length === 0) return [];
	const clients = new Map((await listClients(deps.db)).map((c) => [c.id, c]));
	return consents.flatMap((consent) => {
		const client = clients.get(consent.client_id);
		if (!client) return [];
		const first = (JSON.parse(client.redirect_uris) as string[])[0];
		return [
			{
				clientId: client.id,
				name: client.name,
				address: first ? new URL(first).origin : "",
				scopes: consent.scopes.split(" ").filter(Boolean),
				allowedAt: Number(consent.updated_at),
			},
		];
	});
}

/** Remembers what a person allowed an app, so it is not asked again on another browser. */
export async function rememberConsent(deps: FlowDeps, accountId: string, clientId: string, scopes: string[]): Promise<void> {
	await saveConsent(deps.db, accountId, clientId, [...new Set(scopes)].sort().join(" "), deps.clock());
}

/**
 * Withdraws an app's access: what the person allowed is forgotten, and every
 * grant, token and refresh token it holds ends; it is told by back-channel logout.
 */
export async function withdrawAppAccess(deps: FlowDeps, accountId: string, clientId: string): Promise<void> {
	await deps.db.transaction().execute(async (tx) => {
		const had = await deleteConsent(tx, accountId, clientId);
		if (!had) throw new TesseraError("not_found");
		await destroyClientGrants(tx, accountId, clientId);
		await queueLogouts(tx, [{ id: randomUUID(), clientId, accountId, sid: null }], deps.clock());
	});
}
