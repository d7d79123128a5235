import { asLocale } from "../../i18n/locales.ts";
import { setCookie } from "./cookies.ts";
import type { Web } from "./context.ts";

const YEAR_SECONDS = 365 * 24 * 3600;

/** Where the switcher returns to: a path on this site, never another site ("//host" or "/\host"). */
function localPath(value: string | undefined): string {
	return value && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 2000 ? value : "/";
}

/**
 * The language switcher on every page: a link to here, which remembers the choice
 * (a cookie for a year) and returns to the page. A signed-in account takes the
 * choice on its next page, for its emails and texts too. A link followed from
 * another site changes nothing.
 */
export function languageRoutes(web: Web): void {
	web.app.get(
		"/language",
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					required: ["to"],
					properties: { to: { type: "string", maxLength: 16 }, back: { type: "string", maxLength: 2000 } },
				},
			},
		},
		async (request, reply) => {
			const { to, back } = request.query as { to: string; back?: string };
			const locale = asLocale(to, web.deps.config.pseudoLocale);
			const crossSite = request.headers["sec-fetch-site"] === "cross-site";
			if (locale && !crossSite) setCookie(request, reply, "lang", locale, YEAR_SECONDS);
			return reply.redirect(localPath(back), 303);
		},
	);
}
