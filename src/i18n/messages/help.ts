import { defineMessages } from "../define.ts";

/** The help centre. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
