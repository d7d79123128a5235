import { defineMessages } from "../define.ts";

/** Emails and texts: codes, links, alerts. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
