import { defineMessages } from "../define.ts";

/** Settings: the overview, two-factor on and off, backup codes, trusted devices. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
