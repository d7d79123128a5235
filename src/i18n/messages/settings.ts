import { defineMessages } from "../define.ts";

/** Settings: two-factor, backup codes, the authenticator, passkeys, addresses, trusted devices, activity, apps with access. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
