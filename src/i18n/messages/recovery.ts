import { defineMessages } from "../define.ts";

/** Forgotten passwords and account recovery, identity checks. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
