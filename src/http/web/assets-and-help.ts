import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Html } from "../../ui/html.ts";
import {
	backupCodesHelpPage,
	type HelpOptions,
	helpBack,
	helpIndexPage,
	lostPhoneHelpPage,
	phishingHelpPage,
	savingCodesHelpPage,
} from "../../ui/pages/help.ts";
import { noQuery, send, type Web } from "./context.ts";

const staticFiles = {
	"app.css": { type: "text/css; charset=utf-8", body: readFileSync(new URL("../../ui/static/app.css", import.meta.url)) },
	"webauthn.js": {
		type: "text/javascript; charset=utf-8",
		// The package's browser bundle (its "unpkg" file), served from our own origin.
		body: readFileSync(
			join(dirname(createRequire(import.meta.url).resolve("@simplewebauthn/browser")), "..", "dist", "bundle", "index.umd.min.js"),
		),
	},
	"icon.svg": { type: "image/svg+xml", body: readFileSync(new URL("../../ui/static/icon.svg", import.meta.url)) },
	"app.js": {
		type: "text/javascript; charset=utf-8",
		body: readFileSync(new URL("../../ui/static/app.js", import.meta.url)),
	},
} as const;

/** The stylesheet, scripts and icon every page uses; the operator's logo and colour when configured. */
export function assetRoutes(web: Web): void {
	const brand = web.deps.config.brand;
	const files: Record<string, { type: string; body: Buffer | string }> = { ...staticFiles };
	if (brand.logo) files["brand-logo"] = { type: brand.logo.type, body: brand.logo.body };
	if (brand.color) files["brand.css"] = { type: "text/css; charset=utf-8", body: `:root { --accent: ${brand.color}; }\n` };
	for (const [name, file] of Object.entries(files)) {
		web.app.get(`/assets/${name}`, { schema: noQuery }, async (_request, reply) =>
			reply.header("Cache-Control", "public, max-age=3600").type(file.type).send(file.body),
		);
	}
}

/**
 * The help centre: pages anyone can read, signed in or not. `back` is the page of
 * a journey under way the help was opened from: a path on this site, shown as a
 * "Back" link; any other value is ignored (never refused, never followed off-site).
 */
export function helpRoutes(web: Web): void {
	const helpPages: Record<string, (options: HelpOptions) => Html> = {
		"/help": helpIndexPage,
		"/help/backup-codes": backupCodesHelpPage,
		"/help/saving-codes": savingCodesHelpPage,
		"/help/lost-phone": lostPhoneHelpPage,
		"/help/phishing": phishingHelpPage,
	};
	const schema = {
		querystring: {
			type: "object",
			additionalProperties: false,
			// A repeated `back` is a list: still no reason to refuse the page.
			properties: { back: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } },
		},
	};
	for (const [path, page] of Object.entries(helpPages)) {
		web.app.get(path, { schema }, async (request, reply) => send(reply, page({ back: helpBack((request.query as { back?: unknown }).back) })));
	}
}
