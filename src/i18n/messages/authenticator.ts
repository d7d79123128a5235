import { defineMessages } from "../define.ts";


/** Setting up, replacing and removing the authenticator app. */
export default defineMessages({
	en: {},
	fr: {},
	ar: {},
});
