import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { isTesseraError } from "./core/errors.ts";
import { allEvents } from "./flows/events.ts";
import type { FlowDeps } from "./flows/deps.ts";
import { isAccountRole } from "./flows/console.ts";
import { describeAccount, lockUser, resetUserTwoFactor, setRole, UnknownAccount, unlockUser } from "./flows/operator.ts";
import {
	decideRecoveryRequest,
	findRecoveryRequest,
	listRecoveryRequests,
	RequestNotOpen,
	type RecoveryRequestView,
} from "./flows/identity-checks.ts";
import { createLogger } from "./logger.ts";
import { loadServerSecret } from "./secret-key.ts";
import { createFlowDeps } from "./flow-deps.ts";
import { methodMigrations } from "./methods/registry.ts";
import { readUsername } from "./store/accounts.ts";
import { addClient, listClientViews, removeClient, rotateClientSecret, showClient } from "./flows/clients.ts";
import { describeKeys, rotateSigningKey } from "./oidc/keys.ts";
import { addStream, changeStreamStatus, eventTypes, eventTypesFromNames, listStreamViews, removeStream, rotateStreamToken, streamLog } from "./flows/signals.ts";
import { KEEP_RETIRED_KEY_MS } from "./oidc/lifetimes.ts";
import { migrate, openStore, type Store } from "./store/db.ts";
import {
	addEndpoint,
	checkEndpointUrl,
	enableEndpoint,
	endpointLog,
	listEndpointViews,
	parseEventTypes,
	removeEndpoint,
	replay,
	rotateSecret,
	WebhookInputError,
	webhookTypes,
} from "./flows/webhooks.ts";

/** Exit codes, from sysexits.h. */
const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_CONFIG = 78;

/** `tessera audit export | head`: the reader left; stop writing, quietly. */
let stdoutClosed = false;
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
	if (error.code !== "EPIPE") throw error;
	stdoutClosed = true;
});

class UsageError extends Error {
	readonly help: string;
	constructor(message: string, help: string) {
		super(message);
		this.help = help;
	}
}

const usage = `Usage: tessera <command> [arguments]

Commands:
  serve                       Start the server (the same as npm start).
  migrate                     Bring the database schema up to date, then exit.
  users show <username>       An account's state, methods and backup codes left (never a code).
  users lock <username>       Lock an account: sessions end, the password stops working.
  users unlock <username>     Let a locked account sign in again.
  users reset-2fa <username> --reason <text>
                              Reset two-factor after checking identity; the person is alerted.
  users role <username> <admin|support|user>
                              Admins review identity checks at /admin/recovery.
  recovery list [--all]       Identity checks waiting for a decision (--all: every one).
  recovery show <id>          One request, in full.
  recovery approve <id> --note <text>
                              Approve: the recovery waiting period starts, with alerts.
  recovery deny <id> --note <text>
  audit export [--since <date>] [--user <username>]
                              Security events as JSON lines, oldest first.
  clients add --name <name> --redirect-uri <uri> [--redirect-uri <uri>] [--public]
              [--first-party] [--backchannel-logout-uri <uri>]
                              Add an app that signs people in with OpenID Connect.
  clients list | show <id> | remove <id> | rotate-secret <id>
  keys list | rotate          The OpenID Connect signing keys.
  ssf add --audience <aud> (--push <url> [--push-authorization[-file] <value|path>] | --poll) [--events <a,b>]
                              Add a Shared Signals receiver's stream; prints its id and bearer token.
  ssf list | show <id> | remove <id> | rotate-token <id> | log <id>
  ssf status <id> <enabled|paused|disabled> [--reason <text>]
  webhooks add --url <url> [--events <type,type>] [--allow-http]
                              Send signed security events to an app (Standard Webhooks).
  webhooks list | remove <id> | disable <id> | enable <id> | rotate-secret <id> | log <id>
  webhooks replay <delivery id> | types
  help                        Show this help.

Every command takes --help. Operator commands record who ran them: --operator <name>
(default: the system user name). Configuration comes from the environment, as for
the server (DATABASE_URL, TESSERA_DATA_DIR, ...); see the README.`;

const help: Record<string, string> = {
	serve: "Usage: tessera serve\n\nStarts the server on PORT (default 3000), the same as npm start.",
	migrate:
		"Usage: tessera migrate\n\nBrings the database schema up to date and exits. Safe to run while instances start: migrations take a lock.",
	"users show": "Usage: tessera users show <username> [--json]\n\nShows the account's state, role, two-factor methods, backup codes left, addresses, sessions, trusted devices and any recovery under way. Never shows a code, password or hash.",
	"users lock":
		"Usage: tessera users lock <username> [--reason <text>] [--operator <name>]\n\nLocks the account: its sessions, trusted devices and sign-ins in progress end, and its password answers like a wrong one until unlocked. The person is alerted on every address. Recorded in the audit log.",
	"users unlock": "Usage: tessera users unlock <username> [--reason <text>] [--operator <name>]\n\nLets a locked account sign in again. The person is alerted on every address. Recorded in the audit log.",
	"users reset-2fa":
		"Usage: tessera users reset-2fa <username> --reason <text> [--operator <name>]\n\nResets two-factor at once: the authenticator app, passkeys, backup codes, trusted devices and sessions end, and the next sign-in must set two-factor up again before anything else. Every address of the account is alerted. Only after checking the person's identity some other way; the reason goes into the audit log.",
	"users role":
		"Usage: tessera users role <username> <admin|support|user> [--operator <name>]\n\nAdmins use the whole operator console at /admin. Support finds people and locks, unlocks, signs out or resets their two-factor there, sees contact values only masked, and cannot open the apps (OIDC clients) or webhooks pages. Every console action first asks the operator to prove their own second step again if it is older than 5 minutes.",
	"recovery list": "Usage: tessera recovery list [--all] [--json]\n\nLists identity checks waiting for a decision, oldest first; --all includes decided ones.",
	"recovery show": "Usage: tessera recovery show <id> [--json]\n\nShows one identity check in full.",
	"recovery approve":
		"Usage: tessera recovery approve <id> --note <text> [--operator <name>]\n\nApproves an identity check: the recovery waiting period starts (TESSERA_RECOVERY_WAIT) and every address of the account is alerted, with a link to cancel.",
	"recovery deny": "Usage: tessera recovery deny <id> --note <text> [--operator <name>]\n\nDenies an identity check. The note goes into the audit log.",
	"clients add":
		"Usage: tessera clients add --name <name> --redirect-uri <uri> [--redirect-uri <uri> ...] [--public] [--first-party]\n       [--backchannel-logout-uri <uri>] [--post-logout-redirect-uri <uri> ...] [--resource <uri> ...]\n\nAdds an app that signs people in through Tessera with OpenID Connect and prints one JSON object,\n{\"clientId\", \"clientSecret\"}. The secret is shown this once and stored hashed; a --public app (a native or\nbrowser app that cannot keep a secret) has none. Redirect addresses match exactly: https, or http to this machine;\nanother scheme only for a public app. --first-party: the app is yours, and people are not asked to allow it.\n--backchannel-logout-uri: where Tessera tells the app a person signed out (any address you choose, private ones\nincluded). --resource: an API the app may get access tokens (JWT) for. Takes effect on every instance at once.",
	"clients list": "Usage: tessera clients list [--json]\n\nLists the apps, oldest first. Never shows a secret.",
	"clients show": "Usage: tessera clients show <client id>\n\nShows one app as JSON. Never shows its secret.",
	"clients remove":
		"Usage: tessera clients remove <client id>\n\nRemoves an app: every sign-in, token and consent it holds ends with it, on every instance at once.",
	"clients rotate-secret":
		"Usage: tessera clients rotate-secret <client id>\n\nGives a confidential app a new secret, printed once as {\"clientId\", \"clientSecret\"}; the old one stops working at once.",
	"keys list": "Usage: tessera keys list [--json]\n\nThe OpenID Connect signing keys: the one that signs, and older ones still published for the tokens they signed.",
	"keys rotate":
		"Usage: tessera keys rotate\n\nMakes a new signing key, used from now on by every instance (within a second); the old one stays published until every token it signed has expired. Keys also rotate by themselves (TESSERA_OIDC_KEY_ROTATION).",
	"ssf add":
		`Usage: tessera ssf add --audience <aud> [--audience <aud> ...] (--push <url> [--push-authorization <value> | --push-authorization-file <path|->] | --poll)\n       [--events <name,name,...>] [--description <text>]\n\nAdds a Shared Signals stream for one receiver and prints one JSON object, {"streamId", "token", "configuration"}.\nThe token is the receiver's bearer token for /ssf (its stream, status, verification and polling): shown this once,\nstored hashed. --audience: how the receiver is named in the aud of every token it gets. --push: Tessera posts each\nSecurity Event Token there (https, or http to this machine), with --push-authorization as the Authorization header\n(stored sealed; one line of printable ASCII). --push-authorization-file reads it from a file, or standard input with -,\nso it shows in neither the process list nor the shell's history. --poll: the receiver fetches them. --events: ${Object.keys(eventTypes).join(", ")} (default: all).`,
	"ssf list": "Usage: tessera ssf list [--json]\n\nLists the streams, oldest first: receiver, delivery, status and events. Never shows a token.",
	"ssf show": "Usage: tessera ssf show <stream id>\n\nShows one stream as JSON. Never shows its token or push authorization.",
	"ssf remove": "Usage: tessera ssf remove <stream id>\n\nRemoves a stream: nothing more is sent on it, and its token stops working at once.",
	"ssf rotate-token":
		'Usage: tessera ssf rotate-token <stream id>\n\nGives the receiver a new bearer token, printed once as {"streamId", "token"}; the old one stops working at once.',
	"ssf status":
		"Usage: tessera ssf status <stream id> <enabled|paused|disabled> [--reason <text>]\n\nPaused: tokens are held and sent when it is enabled again. Disabled: nothing is held. The receiver is told by a\nstream-updated token.",
	"ssf log": "Usage: tessera ssf log <stream id> [--json]\n\nThe stream's tokens, newest first (kept a week once settled): type, time, state, attempts and the last error.",
	"webhooks add":
		"Usage: tessera webhooks add --url <url> [--events <type>,<type>...] [--allow-http]\n\nSends signed security events to an app, per the Standard Webhooks specification, and prints one JSON object,\n{\"id\", \"secret\"}. The secret (whsec_...) is shown this once and stored sealed; the app verifies each message's\nwebhook-signature with it. --events: only these types (see tessera webhooks types); every type when left out.\nThe address is https, or http to this machine; --allow-http for a receiver on a private network. Takes effect on\nevery instance at once.",
	"webhooks list": "Usage: tessera webhooks list [--json]\n\nLists the endpoints, oldest first, with the messages pending, delivered and given up. Never shows a secret.",
	"webhooks disable":
		"Usage: tessera webhooks disable <endpoint id>\n\nStops owing new messages to the endpoint, on every instance at once: events meanwhile are not kept for it.\nWhat it is already owed is still sent. Its secret and log stay.",
	"webhooks enable": "Usage: tessera webhooks enable <endpoint id>\n\nOwes the endpoint messages again, from the next event on.",
	"webhooks remove": "Usage: tessera webhooks remove <endpoint id>\n\nRemoves an endpoint: nothing more is sent to it, and what it was owed and its log go with it.",
	"webhooks rotate-secret":
		"Usage: tessera webhooks rotate-secret <endpoint id>\n\nGives the endpoint a new secret, printed once as {\"id\", \"secret\", \"previousSecretUntil\"}. For a day, messages carry\ntwo signatures, one with each secret, so the app can change over without missing one; then only the new one signs.",
	"webhooks log": "Usage: tessera webhooks log <endpoint id> [--json]\n\nThe endpoint's last 100 tries, newest first: when, which delivery and event type, the receiver's HTTP status,\nhow long it took, and the error.",
	"webhooks replay":
		"Usage: tessera webhooks replay <delivery id>\n\nSends a delivery again now, as it was (the same webhook-id and body, signed afresh), whether it was delivered or\ngiven up; if it fails, it is retried for another day. Delivery ids are in tessera webhooks log.",
	"webhooks types": "Usage: tessera webhooks types\n\nThe event types an endpoint can receive, and what each means.",
	"audit export":
		"Usage: tessera audit export [--since <date>] [--user <username>]\n\nWrites every security event as one JSON object per line, oldest first: time, account, username, kind, method, actor, IP address, device and details. --since takes an ISO date (2026-11-01) or time.",
};

const options = {
	help: { type: "boolean", short: "h" },
	name: { type: "string" },
	"redirect-uri": { type: "string", multiple: true },
	"post-logout-redirect-uri": { type: "string", multiple: true },
	"backchannel-logout-uri": { type: "string" },
	resource: { type: "string", multiple: true },
	public: { type: "boolean" },
	"first-party": { type: "boolean" },
	json: { type: "boolean" },
	all: { type: "boolean" },
	reason: { type: "string" },
	note: { type: "string" },
	operator: { type: "string" },
	since: { type: "string" },
	user: { type: "string" },
	audience: { type: "string", multiple: true },
	push: { type: "string" },
	"push-authorization": { type: "string" },
	"push-authorization-file": { type: "string" },
	poll: { type: "boolean" },
	events: { type: "string" },
	description: { type: "string" },
	url: { type: "string" },
	"allow-http": { type: "boolean" },
} as const;

interface Context {
	deps: FlowDeps;
	store: Store;
	actor: string;
	values: {
		json?: boolean;
		all?: boolean;
		reason?: string;
		note?: string;
		since?: string;
		user?: string;
		name?: string;
		"redirect-uri"?: string[];
		"post-logout-redirect-uri"?: string[];
		"backchannel-logout-uri"?: string;
		resource?: string[];
		public?: boolean;
		"first-party"?: boolean;
		audience?: string[];
		push?: string;
		"push-authorization"?: string;
		"push-authorization-file"?: string;
		poll?: boolean;
		events?: string;
		description?: string;
		url?: string;
		"allow-http"?: boolean;
	};
	args: string[];
}

function operatorName(given: string | undefined): string {
	const name = (given ?? process.env["SUDO_USER"] ?? process.env["USER"] ?? safeUserName()).trim();
	return `operator:${name || "unknown"}`;
}

function safeUserName(): string {
	try {
		return userInfo().username;
	} catch {
		return "unknown";
	}
}

async function openDeps(config: Config): Promise<{ deps: FlowDeps; store: Store }> {
	// The operator's terminal gets the messages; the server's JSON log is for the server.
	const logger = createLogger("warn", process.stderr);
	const { secret } = loadServerSecret(config.secret, config.dataDir);
	const store = await openStore(config);
	return { deps: await createFlowDeps({ config, store, secret, logger }), store };
}

function printRequest(r: RecoveryRequestView): void {
	console.log(`Request ${r.id}`);
	console.log(`  account:        ${r.username}`);
	console.log(`  status:         ${r.status}`);
	console.log(`  asked:          ${new Date(r.createdAt).toISOString()} from ${r.device ?? "?"}, ${r.ip ?? "?"}`);
	console.log(`  addresses used: ${r.contactsUsed || "-"}`);
	console.log(`  last sign-in:   ${r.lastSignIn || "-"}`);
	console.log("  what they say:");
	for (const line of r.message.split("\n")) console.log(`    ${line}`);
	if (r.status !== "open") {
		console.log(`  decided:        ${r.decidedAt ? new Date(r.decidedAt).toISOString() : "?"} by ${r.decidedBy ?? "?"}: ${r.decisionNote ?? ""}`);
	}
}

/** What each verb takes, checked before anything is opened: a mistake touches nothing. */
const shapes: Record<string, { args: string[]; required?: ("reason" | "note" | "name" | "url")[] }> = {
	"users show": { args: ["a username"] },
	"users lock": { args: ["a username"] },
	"users unlock": { args: ["a username"] },
	"users reset-2fa": { args: ["a username"], required: ["reason"] },
	"users role": { args: ["a username", "a role (admin, support or user)"] },
	"recovery list": { args: [] },
	"recovery show": { args: ["a request id"] },
	"recovery approve": { args: ["a request id"], required: ["note"] },
	"recovery deny": { args: ["a request id"], required: ["note"] },
	"audit export": { args: [] },
	"clients add": { args: [], required: ["name"] },
	"clients list": { args: [] },
	"clients show": { args: ["a client id"] },
	"clients remove": { args: ["a client id"] },
	"clients rotate-secret": { args: ["a client id"] },
	"keys list": { args: [] },
	"keys rotate": { args: [] },
	"ssf add": { args: [] },
	"ssf list": { args: [] },
	"ssf show": { args: ["a stream id"] },
	"ssf remove": { args: ["a stream id"] },
	"ssf rotate-token": { args: ["a stream id"] },
	"ssf status": { args: ["a stream id", "a status (enabled, paused or disabled)"] },
	"ssf log": { args: ["a stream id"] },
	"webhooks add": { args: [], required: ["url"] },
	"webhooks list": { args: [] },
	"webhooks remove": { args: ["an endpoint id"] },
	"webhooks disable": { args: ["an endpoint id"] },
	"webhooks enable": { args: ["an endpoint id"] },
	"webhooks rotate-secret": { args: ["an endpoint id"] },
	"webhooks log": { args: ["an endpoint id"] },
	"webhooks replay": { args: ["a delivery id"] },
	"webhooks types": { args: [] },
};

function checkShape(verb: string, args: string[], values: Context["values"] & { operator?: string }): void {
	const shape = shapes[verb]!;
	const text = help[verb] ?? usage;
	const missing = shape.args.slice(args.length);
	if (missing.length) throw new UsageError(`${verb}: ${missing[0]} is required.`, text);
	if (args.length > shape.args.length) throw new UsageError(`${verb}: unexpected argument "${args[shape.args.length]}".`, text);
	for (const option of shape.required ?? []) need(values[option], `--${option}`, verb);
	if (values.operator !== undefined && values.operator.trim() === "") throw new UsageError(`${verb}: --operator needs a name.`, text);
	if (verb === "users role" && !isAccountRole(args[1] ?? "")) {
		throw new UsageError(`users role: "${args[1]}" is not a role; use admin, support or user.`, text);
	}
	if (verb === "ssf add") {
		if (!values.audience?.some((a) => a.trim())) throw new UsageError("ssf add: --audience is required.", text);
		if (Boolean(values.push) === Boolean(values.poll)) throw new UsageError("ssf add: give either --push <url> or --poll.", text);
		const file = values["push-authorization-file"];
		if (file !== undefined && values["push-authorization"] !== undefined) throw new UsageError("ssf add: give --push-authorization or --push-authorization-file, not both.", text);
		if ((values["push-authorization"] !== undefined || file !== undefined) && !values.push) throw new UsageError("ssf add: --push-authorization goes with --push.", text);
		if (file !== undefined) {
			// From a file or standard input (-): out of the process list and the shell's history. One line; its line break is not part of it.
			let content: string;
			try {
				content = readFileSync(file === "-" ? 0 : file, "utf8");
			} catch (error) {
				throw new UsageError(`ssf add: cannot read --push-authorization-file ${file}: ${(error as { code?: string }).code ?? String(error)}.`, text);
			}
			values["push-authorization"] = content.replace(/\r?\n$/, "");
		}
		const authorization = values["push-authorization"];
		if (authorization !== undefined && !/^[\x21-\x7e][\x20-\x7e]*$/.test(authorization)) {
			throw new UsageError("ssf add: the push authorization must be one line of printable ASCII (it is sent as the Authorization header).", text);
		}
	}
	if (verb === "ssf status" && !["enabled", "paused", "disabled"].includes(args[1]!)) {
		throw new UsageError(`ssf status: "${args[1]}" is not a status; use enabled, paused or disabled.`, text);
	}
	try {
		if (verb === "webhooks add") {
			checkEndpointUrl(values.url ?? "", values["allow-http"]);
			parseEventTypes(values.events);
		}
	} catch (error) {
		if (error instanceof WebhookInputError) throw new UsageError(`${verb}: ${error.message}`, text);
		throw error;
	}
	if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
		throw new UsageError(`${verb}: --since ${values.since} is not a date; write e.g. 2026-11-01.`, text);
	}
}

function need(value: string | undefined, what: string, verb: string): string {
	if (!value || value.trim() === "") throw new UsageError(`${verb}: ${what} is required.`, help[verb] ?? usage);
	return value.trim();
}

const verbs: Record<string, (c: Context) => Promise<number>> = {
	async "users show"(c) {
		const report = await describeAccount(c.deps, need(c.args[0], "a username", "users show"));
		if (c.values.json) {
			console.log(JSON.stringify(report, null, 2));
			return 0;
		}
		console.log(`${report.username} (${report.id})`);
		console.log(`  state:           ${report.state}${report.lockedAt ? ` since ${report.lockedAt}` : ""}`);
		console.log(`  role:            ${report.role}`);
		console.log(`  created:         ${report.createdAt}`);
		console.log(`  two-factor:      ${report.twoFactor}`);
		console.log(`  methods:         ${report.methods.join(", ") || "none"}`);
		console.log(
			`  backup codes:    ${report.backupCodes ? `${report.backupCodes.remaining} of ${report.backupCodes.total} left (set made ${report.backupCodes.createdAt})` : "none"}`,
		);
		console.log(`  addresses:       ${report.contacts.map((a) => `${a.value}${a.verified ? "" : " (not confirmed)"}`).join(", ") || "none"}`);
		console.log(`  sessions:        ${report.sessions}, trusted devices: ${report.trustedDevices}`);
		console.log(`  last sign-in:    ${report.lastSignIn ?? "never"}`);
		console.log(`  recovery:        ${report.recovery ? `waiting (via ${report.recovery.via}), ready ${report.recovery.readyAt}` : "none"}`);
		console.log(`  identity check:  ${report.identityCheck ?? "none"}`);
		return 0;
	},
	async "users lock"(c) {
		const username = need(c.args[0], "a username", "users lock");
		const changed = await lockUser(c.deps, username, c.actor, c.values.reason ?? "");
		console.log(changed ? `Locked ${username}. Its sessions have ended.` : `${username} was already locked.`);
		return 0;
	},
	async "users unlock"(c) {
		const username = need(c.args[0], "a username", "users unlock");
		const changed = await unlockUser(c.deps, username, c.actor, c.values.reason ?? "");
		console.log(changed ? `Unlocked ${username}.` : `${username} was not locked.`);
		return 0;
	},
	async "users reset-2fa"(c) {
		const username = need(c.args[0], "a username", "users reset-2fa");
		const reason = need(c.values.reason, "--reason", "users reset-2fa");
		await resetUserTwoFactor(c.deps, username, c.actor, reason);
		console.log(`Two-factor of ${username} is reset. Its sessions have ended; the next sign-in sets two-factor up again. The person has been alerted.`);
		return 0;
	},
	async "users role"(c) {
		const username = need(c.args[0], "a username", "users role");
		const role = need(c.args[1], "a role (admin, support or user)", "users role");
		if (!isAccountRole(role)) throw new UsageError(`users role: "${role}" is not a role; use admin, support or user.`, help["users role"]!);
		const changed = await setRole(c.deps, username, role, c.actor);
		const named = { admin: "an admin", support: "support", user: "a user" }[role];
		console.log(changed ? `${username} is now ${named}.` : `${username} already had that role.`);
		return 0;
	},
	async "recovery list"(c) {
		const requests = await listRecoveryRequests(c.deps.db, c.values.all ? undefined : "open");
		if (c.values.json) {
			console.log(JSON.stringify(requests, null, 2));
			return 0;
		}
		if (requests.length === 0) {
			console.log(c.values.all ? "No identity checks." : "No identity check is waiting.");
			return 0;
		}
		for (const r of requests) {
			console.log(`${r.id}  ${r.status.padEnd(8)}  ${new Date(r.createdAt).toISOString()}  ${r.username}`);
		}
		return 0;
	},
	async "recovery show"(c) {
		const id = need(c.args[0], "a request id", "recovery show");
		const request = await findRecoveryRequest(c.deps.db, id);
		if (!request) {
			console.error(`tessera: no identity check has the id ${id}. See: tessera recovery list --all`);
			return EX_DATAERR;
		}
		if (c.values.json) console.log(JSON.stringify(request, null, 2));
		else printRequest(request);
		return 0;
	},
	async "recovery approve"(c) {
		return decide(c, "approve");
	},
	async "recovery deny"(c) {
		return decide(c, "deny");
	},
	async "audit export"(c) {
		let since = 0;
		if (c.values.since) {
			since = Date.parse(c.values.since);
			if (Number.isNaN(since)) throw new UsageError(`audit export: --since ${c.values.since} is not a date; write e.g. 2026-11-01.`, help["audit export"]!);
		}
		const accountId = c.values.user ? (await describeAccount(c.deps, c.values.user)).id : undefined;
		const names = new Map<string, string>();
		for await (const event of allEvents(c.deps.db, since)) {
			if (accountId && event.accountId !== accountId) continue;
			let username = event.accountId ? names.get(event.accountId) : undefined;
			if (event.accountId && username === undefined) {
				username = (await readUsername(c.deps.db, event.accountId)) ?? "";
				names.set(event.accountId, username);
			}
			const line = {
				at: new Date(event.createdAt).toISOString(),
				id: event.id,
				accountId: event.accountId,
				username: username || null,
				kind: event.kind,
				method: event.method,
				actor: event.actor,
				ip: event.ip,
				device: event.device,
				detail: event.detail,
			};
			if (stdoutClosed) break;
			if (!process.stdout.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => process.stdout.once("drain", resolve));
		}
		return 0;
	},
};

const clientVerbs: Record<string, (c: Context) => Promise<number>> = {
	async "clients add"(c) {
		const created = await addClient(c.deps, {
			name: need(c.values.name, "--name", "clients add"),
			redirectUris: c.values["redirect-uri"] ?? [],
			postLogoutRedirectUris: c.values["post-logout-redirect-uri"],
			public: c.values.public,
			firstParty: c.values["first-party"],
			backchannelLogoutUri: c.values["backchannel-logout-uri"],
			resources: c.values.resource,
		});
		console.log(JSON.stringify(created));
		return 0;
	},
	async "clients list"(c) {
		const clients = await listClientViews(c.deps);
		if (c.values.json) {
			console.log(JSON.stringify(clients, null, 2));
			return 0;
		}
		if (clients.length === 0) console.log("No apps. Add one with: tessera clients add --name <name> --redirect-uri <uri>");
		for (const client of clients) {
			const kind = `${client.public ? "public" : "confidential"}${client.firstParty ? ", first-party" : ""}`;
			console.log(`${client.clientId}  ${client.name}  (${kind})  ${client.redirectUris.join(" ")}`);
		}
		return 0;
	},
	async "clients show"(c) {
		console.log(JSON.stringify(await showClient(c.deps, need(c.args[0], "a client id", "clients show")), null, 2));
		return 0;
	},
	async "clients remove"(c) {
		const id = need(c.args[0], "a client id", "clients remove");
		await removeClient(c.deps, id);
		console.log(`Removed the app ${id}: its sign-ins, tokens and consents have ended.`);
		return 0;
	},
	async "clients rotate-secret"(c) {
		console.log(JSON.stringify(await rotateClientSecret(c.deps, need(c.args[0], "a client id", "clients rotate-secret"))));
		return 0;
	},
	async "keys list"(c) {
		const keys = await describeKeys(c.deps);
		if (c.values.json) console.log(JSON.stringify(keys, null, 2));
		else for (const key of keys) console.log(`${key.kid}  ${key.alg}  made ${key.createdAt}  ${key.signing ? "signing" : `published until ${key.publishedUntil}`}`);
		return 0;
	},
	async "keys rotate"(c) {
		const rotated = await rotateSigningKey(c.deps, KEEP_RETIRED_KEY_MS);
		console.log(rotated ? `A new signing key (${rotated.kid}) signs from now on; the old one stays published until its tokens expire.` : "Another rotation happened at the same moment; nothing more to do.");
		return 0;
	},
};
Object.assign(verbs, clientVerbs);

const ssfVerbs: Record<string, (c: Context) => Promise<number>> = {
	async "ssf add"(c) {
		const events = c.values.events ? eventTypesFromNames(c.values.events.split(",").map((e) => e.trim()).filter(Boolean)) : undefined;
		const push = c.values.push ? { url: c.values.push, authorization: c.values["push-authorization"] } : undefined;
		console.log(JSON.stringify(await addStream(c.deps, { audience: c.values.audience ?? [], push, events, description: c.values.description })));
		return 0;
	},
	async "ssf list"(c) {
		const streams = await listStreamViews(c.deps);
		if (c.values.json) {
			console.log(JSON.stringify(streams, null, 2));
			return 0;
		}
		if (streams.length === 0) console.log("No streams. Add one with: tessera ssf add --audience <aud> --push <url> (or --poll)");
		for (const s of streams) {
			const delivery = s.delivery.method.endsWith("8935") ? `push ${s.delivery.endpoint_url}` : "poll";
			console.log(`${s.stream_id}  ${[s.aud].flat().join(" ")}  ${delivery}  ${s.status}  ${s.events_delivered.length} event types`);
		}
		return 0;
	},
	async "ssf show"(c) {
		const id = need(c.args[0], "a stream id", "ssf show");
		const stream = (await listStreamViews(c.deps)).find((s) => s.stream_id === id);
		if (!stream) {
			console.error(`tessera: there is no stream ${id}.`);
			return EX_DATAERR;
		}
		console.log(JSON.stringify(stream, null, 2));
		return 0;
	},
	async "ssf remove"(c) {
		const id = need(c.args[0], "a stream id", "ssf remove");
		await removeStream(c.deps, id);
		console.log(`Removed the stream ${id}: nothing more is sent on it, and its token no longer works.`);
		return 0;
	},
	async "ssf rotate-token"(c) {
		console.log(JSON.stringify(await rotateStreamToken(c.deps, need(c.args[0], "a stream id", "ssf rotate-token"))));
		return 0;
	},
	async "ssf status"(c) {
		const id = need(c.args[0], "a stream id", "ssf status");
		const status = c.args[1] as "enabled" | "paused" | "disabled";
		const changed = await changeStreamStatus(c.deps, id, { status, reason: c.values.reason, by: "operator" });
		console.log(`The stream ${id} is ${changed.status}; its receiver is told.`);
		return 0;
	},
	async "ssf log"(c) {
		const entries = await streamLog(c.deps, need(c.args[0], "a stream id", "ssf log"));
		if (c.values.json) {
			console.log(JSON.stringify(entries, null, 2));
			return 0;
		}
		if (entries.length === 0) console.log("Nothing sent on this stream yet.");
		for (const e of entries) console.log(`${e.at}  ${e.type.split("/").at(-1)}  ${e.state}  ${e.attempts} tries${e.lastError ? `  ${e.lastError}` : ""}  ${e.jti}`);
		return 0;
	},
};
Object.assign(verbs, ssfVerbs);
function noEndpoint(id: string): number {
	console.error(`tessera: no webhook endpoint has the id ${id}. See: tessera webhooks list`);
	return EX_DATAERR;
}

const webhookVerbs: Record<string, (c: Context) => Promise<number>> = {
	async "webhooks add"(c) {
		const created = await addEndpoint(c.deps, { url: need(c.values.url, "--url", "webhooks add"), events: parseEventTypes(c.values.events), allowHttp: c.values["allow-http"] ?? false });
		console.log(JSON.stringify(created));
		return 0;
	},
	async "webhooks list"(c) {
		const endpoints = await listEndpointViews(c.deps);
		if (c.values.json) {
			console.log(JSON.stringify(endpoints, null, 2));
			return 0;
		}
		if (endpoints.length === 0) console.log("No webhook endpoints. Add one with: tessera webhooks add --url <url>");
		for (const e of endpoints) {
			const { pending, delivered, failed } = e.deliveries;
			const rotation = e.previousSecretUntil ? `  previous secret signs until ${e.previousSecretUntil}` : "";
			console.log(`${e.id}${e.enabled ? "" : " (disabled)"}  ${e.url}  events: ${e.events?.join(",") ?? "all"}  pending ${pending}, delivered ${delivered}, given up ${failed}${rotation}`);
		}
		return 0;
	},
	async "webhooks remove"(c) {
		const id = need(c.args[0], "an endpoint id", "webhooks remove");
		if (!(await removeEndpoint(c.deps, id))) return noEndpoint(id);
		console.log(`Removed the webhook endpoint ${id}: nothing more is sent to it.`);
		return 0;
	},
	async "webhooks disable"(c) {
		const id = need(c.args[0], "an endpoint id", "webhooks disable");
		if (!(await enableEndpoint(c.deps, id, false))) return noEndpoint(id);
		console.log(`Disabled the webhook endpoint ${id}: nothing new is owed to it until: tessera webhooks enable ${id}`);
		return 0;
	},
	async "webhooks enable"(c) {
		const id = need(c.args[0], "an endpoint id", "webhooks enable");
		if (!(await enableEndpoint(c.deps, id, true))) return noEndpoint(id);
		console.log(`Enabled the webhook endpoint ${id}: it hears of events again from now on.`);
		return 0;
	},
	async "webhooks rotate-secret"(c) {
		const id = need(c.args[0], "an endpoint id", "webhooks rotate-secret");
		const rotated = await rotateSecret(c.deps, id);
		if (!rotated) return noEndpoint(id);
		console.log(JSON.stringify(rotated));
		return 0;
	},
	async "webhooks log"(c) {
		const id = need(c.args[0], "an endpoint id", "webhooks log");
		const log = await endpointLog(c.deps, id);
		if (!log) return noEndpoint(id);
		if (c.values.json) {
			console.log(JSON.stringify(log, null, 2));
			return 0;
		}
		if (log.length === 0) console.log("Nothing has been sent to this endpoint yet.");
		for (const a of log) {
			const answer = a.status === null ? "no answer" : `HTTP ${a.status}`;
			console.log(`${a.at}  ${a.deliveryId}  ${a.type ?? "?"}  ${answer}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ""}  (now ${a.delivery ?? "removed"})`);
		}
		return 0;
	},
	async "webhooks replay"(c) {
		const id = need(c.args[0], "a delivery id", "webhooks replay");
		const replayed = await replay(c.deps, id);
		if (!replayed) {
			console.error(`tessera: no webhook delivery has the id ${id}. See: tessera webhooks log <endpoint id>`);
			return EX_DATAERR;
		}
		const { outcome } = replayed;
		if (!outcome) console.log(`Sent again: ${replayed.type} (${replayed.messageId}) is being delivered by a running instance.`);
		else if (outcome.delivered) console.log(`Delivered again: ${replayed.type} (${replayed.messageId}), HTTP ${outcome.status}.`);
		else console.log(`Not delivered (${outcome.error}): ${replayed.type} (${replayed.messageId}) will be retried for a day.`);
		return 0;
	},
	async "webhooks types"() {
		for (const [type, meaning] of Object.entries(webhookTypes)) console.log(`${type.padEnd(26)}${meaning}`);
		return 0;
	},
};
Object.assign(verbs, webhookVerbs);

async function decide(c: Context, decision: "approve" | "deny"): Promise<number> {
	const verb = `recovery ${decision}`;
	const id = need(c.args[0], "a request id", verb);
	const note = need(c.values.note, "--note", verb);
	try {
		const { request, recovery } = await decideRecoveryRequest(c.deps, { id, decision, actor: c.actor, note });
		console.log(
			recovery
				? `Approved. ${request.username}'s recovery waits until ${new Date(recovery.readyAt).toISOString()}; every address of the account has been alerted.`
				: `Denied the identity check of ${request.username}.`,
		);
		return 0;
	} catch (error) {
		if (error instanceof RequestNotOpen) {
			console.error(`tessera: ${error.message}`);
			return EX_DATAERR;
		}
		throw error;
	}
}

async function run(argv: string[]): Promise<number> {
	const [command, sub] = argv;
	if (command === undefined || command === "help" || command === "--help" || command === "-h") {
		// Asked for, it is the answer (stdout); as a mistake, it explains one (stderr).
		if (command === undefined) console.error(usage);
		else console.log(usage);
		return command === undefined ? EX_USAGE : 0;
	}
	if (command === "serve" || command === "migrate") {
		if (argv.includes("--help") || argv.includes("-h")) {
			console.log(help[command]);
			return 0;
		}
		if (argv.length > 1) throw new UsageError(`${command} takes no arguments.`, help[command]!);
		if (command === "serve") {
			// Loaded only here: the operator verbs start faster without the server's modules.
			const { main } = await import("./main.ts");
			await main();
			return -1; // keeps running
		}
		const config = loadConfig();
		const store = await openStore(config);
		try {
			const applied = await migrate(store, methodMigrations());
			console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
		} finally {
			await store.close();
		}
		return 0;
	}
	if (!["users", "recovery", "audit", "clients", "keys", "webhooks", "ssf"].includes(command)) throw new UsageError(`unknown command "${command}".`, usage);
	const verb = `${command} ${sub ?? ""}`.trim();
	const handler = verbs[verb];
	if (!handler) {
		if (sub === undefined || sub === "--help" || sub === "-h") {
			const list = Object.entries(help)
				.filter(([name]) => name.startsWith(`${command} `))
				.map(([, text]) => text.split("\n")[0])
				.join("\n");
			if (sub === undefined) console.error(list);
			else console.log(list);
			return sub === undefined ? EX_USAGE : 0;
		}
		throw new UsageError(`unknown command "${verb}".`, usage);
	}
	let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
	try {
		parsed = parseArgs({ args: argv.slice(2), options, allowPositionals: true });
	} catch (error) {
		throw new UsageError(`${verb}: ${error instanceof Error ? error.message : String(error)}`, help[verb]!);
	}
	if (parsed.values.help) {
		console.log(help[verb]);
		return 0;
	}
	checkShape(verb, parsed.positionals, parsed.values);
	const config = loadConfig();
	const { deps, store } = await openDeps(config);
	try {
		return await handler({ deps, store, actor: operatorName(parsed.values.operator), values: parsed.values, args: parsed.positionals });
	} finally {
		// Alerts go out before the command ends.
		await deps.alerts.drain();
		await deps.webhooks.close();
		deps.delivery.close();
		await deps.attempts.close();
		await store.close();
	}
}

if (import.meta.main) {
	run(process.argv.slice(2)).then(
		(code) => {
			if (code >= 0) process.exitCode = code;
		},
		(error: unknown) => {
			if (error instanceof UsageError) {
				console.error(`tessera: ${error.message}\n\n${error.help}`);
				process.exitCode = EX_USAGE;
			} else if (error instanceof UnknownAccount || isTesseraError(error)) {
				console.error(`tessera: ${error.message}`);
				process.exitCode = EX_DATAERR;
			} else if (error instanceof ConfigError) {
				console.error(`tessera: ${error.message}`);
				process.exitCode = EX_CONFIG;
			} else {
				console.error(`tessera: ${error instanceof Error ? error.message : String(error)}`);
				process.exitCode = 1;
			}
		},
	);
}
