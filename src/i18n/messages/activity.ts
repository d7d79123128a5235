import { defineMessages } from "../define.ts";


/** The activity page and the words of every security event (pages, API descriptions, alerts). */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
