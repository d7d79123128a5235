import { defineMessages } from "../define.ts";

/** What each second-factor method says about itself (MethodCopy). */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
