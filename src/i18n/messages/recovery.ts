import { defineMessages } from "../define.ts";

/** Forgotten passwords, account recovery, identity checks and their review by an admin. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
