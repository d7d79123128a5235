import { defineMessages } from "../define.ts";

/** Sign-up, sign-in, the second step and "Try another way". */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
