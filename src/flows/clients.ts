import { TesseraError } from "../core/errors.ts";
import { newId, newToken } from "../core/tokens.ts";
import { hashClientSecret } from "../oidc/adapter.ts";
import { deleteClient, insertClient, listClients, readClient, setClientSecret } from "../store/oidc.ts";
import type { OidcClientsTable } from "../store/schema.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * Apps that sign people in through Tessera, added by the operator's command.
 * A confidential app's secret is shown once and stored as SHA-256 only. A
 * change is read by every instance at its next request: nothing is cached.
 */

export interface NewClient {
	name: string;
	redirectUris: string[];
	postLogoutRedirectUris?: string[] | undefined;
	public?: boolean | undefined;
	firstParty?: boolean | undefined;
	backchannelLogoutUri?: string | undefined;
	resources?: string[] | undefined;
}

export interface ClientView {
	clientId: string;
	name: string;
	redirectUris: string[];
	postLogoutRedirectUris: string[];
	public: boolean;
	firstParty: boolean;
	backchannelLogoutUri: string | null;
	resources: string[];
	createdAt: string;
	updatedAt: string;
}

function problem(field: string, text: string): TesseraError {
	return new TesseraError("invalid_request", { message: text, fields: [{ field, problem: text }] });
}

const isLoopbackHost = (host: string) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * An address an app receives people at: absolute, no fragment; https, or http to
 * this machine; another scheme (a native app's) only for a public app.
 */
function checkRedirectUri(uri: string, isPublic: boolean, field: string): string {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		throw problem(field, `${uri} is not an absolute address.`);
	}
	if (url.hash || uri.includes("#")) throw problem(field, `${uri} has a fragment (#…): redirect addresses cannot.`);
	if (url.protocol === "https:") return uri;
	if (url.protocol === "http:") {
		if (!isLoopbackHost(url.hostname)) throw problem(field, `${uri} is plain http to another machine: use https.`);
		return uri;
	}
	if (!isPublic) throw problem(field, `${uri} uses ${url.protocol}, which only a public (native) app may: add --public.`);
	return uri;
}

function checkHttpUri(uri: string, field: string): string {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		throw problem(field, `${uri} is not an absolute address.`);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") throw problem(field, `${uri} must be an http or https address.`);
	if (url.hash) throw problem(field, `${uri} has a fragment (#…).`);
	return uri;
}

export function viewOf(row: OidcClientsTable): ClientView {
	return {
		clientId: row.id,
		name: row.name,
		redirectUris: JSON.parse(row.redirect_uris) as string[],
		postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
		public: row.public === 1,
		firstParty: row.first_party === 1,
		backchannelLogoutUri: row.backchannel_logout_uri,
		resources: JSON.parse(row.resources) as string[],
		createdAt: new Date(Number(row.created_at)).toISOString(),
		updatedAt: new Date(Number(row.updated_at)).toISOString(),
	};
}

/** Adds an app; its secret (none for a public app) is in the answer and nowhere else. */
export async function addClient(deps: FlowDeps, input: NewClient): Promise<{ clientId: string; clientSecret?: string }> {
	const name = input.name.trim();
	if (!name || name.length > 100) throw problem("name", "The app needs a name of 1 to 100 characters.");
	if (input.redirectUris.length === 0) throw problem("redirect-uri", "The app needs at least one --redirect-uri.");
	const isPublic = input.public === true;
	const redirectUris = [...new Set(input.redirectUris.map((u) => checkRedirectUri(u, isPublic, "redirect-uri")))];
	const postLogout = [...new Set((input.postLogoutRedirectUris ?? []).map((u) => checkRedirectUri(u, isPublic, "post-logout-redirect-uri")))];
	const backchannel = input.backchannelLogoutUri ? checkHttpUri(input.backchannelLogoutUri, "backchannel-logout-uri") : null;
	const resources = [...new Set((input.resources ?? []).map((u) => checkHttpUri(u, "resource")))];
	const clientId = newId(deps.random);
	const secret = isPublic ? undefined : newToken(deps.random);
	const now = deps.clock();
	await insertClient(deps.db, {
		id: clientId,
		name,
		redirect_uris: JSON.stringify(redirectUris),
		post_logout_redirect_uris: JSON.stringify(postLogout),
		public: isPublic ? 1 : 0,
		first_party: input.firstParty ? 1 : 0,
		backchannel_logout_uri: backchannel,
		resources: JSON.stringify(resources),
		secret_hash: secret ? hashClientSecret(secret) : null,
		created_at: now,
		updated_at: now,
	});
	return secret ? { clientId, clientSecret: secret } : { clientId };
}

export async function listClientViews(deps: FlowDeps): Promise<ClientView[]> {
	return (await listClients(deps.db)).map(viewOf);
}

export async function showClient(deps: FlowDeps, clientId: string): Promise<ClientView> {
	const row = await readClient(deps.db, clientId);
	if (!row) throw new TesseraError("not_found", { message: `No app has the client id ${clientId}. See: tessera clients list` });
	return viewOf(row);
}

/** Removes an app: every grant, token and consent it holds ends with it. */
export async function removeClient(deps: FlowDeps, clientId: string): Promise<void> {
	if (!(await deleteClient(deps.db, clientId))) {
		throw new TesseraError("not_found", { message: `No app has the client id ${clientId}. See: tessera clients list` });
	}
}

/** A new secret for a confidential app; the old one stops working at once. */
export async function rotateClientSecret(deps: FlowDeps, clientId: string): Promise<{ clientId: string; clientSecret: string }> {
	const row = await readClient(deps.db, clientId);
	if (!row) throw new TesseraError("not_found", { message: `No app has the client id ${clientId}. See: tessera clients list` });
	if (row.public === 1) throw new TesseraError("invalid_request", { message: "A public app has no secret to rotate." });
	const secret = newToken(deps.random);
	await setClientSecret(deps.db, clientId, hashClientSecret(secret), deps.clock());
	return { clientId, clientSecret: secret };
}
