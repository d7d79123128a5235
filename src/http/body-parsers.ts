import type { FastifyInstance } from "fastify";
import { fieldProblem, TesseraError, words } from "../core/errors.ts";

/** How deep a JSON body may nest: far more than any route's schema, far less than the stack allows. */
const MAX_JSON_DEPTH = 32;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(body: Buffer): string {
	try {
		return strictUtf8.decode(body);
	} catch {
		throw new TesseraError("invalid_encoding");
	}
}

/**
 * application/x-www-form-urlencoded, strictly: the body and every
 * percent-encoded value must be valid UTF-8 (URLSearchParams would quietly turn
 * bad bytes into U+FFFD), and a repeated field is refused rather than guessed at.
 */
export function parseForm(text: string): Record<string, string> {
	const entries: [string, string][] = [];
	const seen = new Set<string>();
	for (const part of text.split("&")) {
		if (part === "") continue;
		const eq = part.indexOf("=");
		const rawKey = eq === -1 ? part : part.slice(0, eq);
		const rawValue = eq === -1 ? "" : part.slice(eq + 1);
		let key: string;
		let value: string;
		try {
			key = decodeURIComponent(rawKey.replace(/\+/g, " "));
			value = decodeURIComponent(rawValue.replace(/\+/g, " "));
		} catch {
			throw new TesseraError("invalid_encoding");
		}
		if (seen.has(key)) {
			throw new TesseraError("invalid_request", { fields: [fieldProblem(key, "sent_twice")] });
		}
		seen.add(key);
		entries.push([key, value]);
	}
	// fromEntries defines own properties, so a field named __proto__ is just a field.
	return Object.fromEntries(entries);
}

/**
 * Text that is not text is refused at the door, not deep inside a query: NUL
 * (PostgreSQL cannot store it) and lone UTF-16 surrogates (JSON's \ud800 escapes
 * get past the UTF-8 check, and both databases would quietly store U+FFFD).
 * Returns the path of the first offending field.
 */
export function findMalformedText(value: unknown, path = "", depth = 0): string | undefined {
	if (typeof value === "string") return isCleanText(value) ? undefined : path || "body";
	if (typeof value !== "object" || value === null) return undefined;
	// No request Tessera takes nests deeper than a few levels; thousands would exhaust the stack.
	if (depth >= MAX_JSON_DEPTH) throw new TesseraError("invalid_json", { message: words("errors.request.tooDeep", { depth: MAX_JSON_DEPTH }) });
	for (const [key, item] of Object.entries(value)) {
		const childPath = path ? `${path}.${key}` : key;
		if (!isCleanText(key)) return childPath;
		const found = findMalformedText(item, childPath, depth + 1);
		if (found) return found;
	}
	return undefined;
}

function isCleanText(text: string): boolean {
	return text.isWellFormed() && !text.includes("\u0000");
}

function refuseMalformedText(value: unknown): unknown {
	const field = findMalformedText(value);
	if (field) {
		throw new TesseraError("invalid_encoding", {
			fields: [fieldProblem(field, "bad_text")],
		});
	}
	return value;
}

/** JSON bodies, for the API: strict UTF-8, the usual prototype-poisoning protection, clean text. */
export function registerJsonParser(app: FastifyInstance): void {
	app.removeAllContentTypeParsers();
	const parseJson = app.getDefaultJsonParser("error", "error");
	app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
		let text: string;
		try {
			text = decodeUtf8(body as Buffer);
		} catch (error) {
			done(error as Error, undefined);
			return;
		}
		if (text.trim() === "") {
			if (request.method === "DELETE" || request.method === "GET") {
				done(null, undefined);
				return;
			}
			done(new TesseraError("invalid_json", { message: words("errors.request.emptyBody") }), undefined);
			return;
		}
		parseJson(request, text, (error, value) => {
			if (error) {
				done(new TesseraError("invalid_json"), undefined);
				return;
			}
			try {
				done(null, refuseMalformedText(value));
			} catch (textError) {
				done(textError as Error, undefined);
			}
		});
	});
}

/**
 * Form bodies, for the pages only: the API takes JSON alone, so a cross-site
 * HTML form cannot post to it.
 */
export function registerFormParser(app: FastifyInstance): void {
	app.removeAllContentTypeParsers();
	app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "buffer" }, (_request, body, done) => {
		try {
			done(null, refuseMalformedText(parseForm(decodeUtf8(body as Buffer))));
		} catch (error) {
			done(error as Error, undefined);
		}
	});
}
