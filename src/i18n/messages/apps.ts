import { defineMessages } from "../define.ts";

/** Signing in to apps (OpenID Connect pages), apps with access, addresses and passkeys in settings, the development outbox. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
