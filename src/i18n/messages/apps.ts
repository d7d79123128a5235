import { defineMessages } from "../define.ts";

/** Signing in to apps (OpenID Connect pages), the admin pages, the development outbox, error pages. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
