import { defineMessages } from "../define.ts";

/** The words of every error code (pages and the API's error.message). */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
