import activity from "./messages/activity.ts";
import apps from "./messages/apps.ts";
import auth from "./messages/auth.ts";
import authenticator from "./messages/authenticator.ts";
import common from "./messages/common.ts";
import consoleMessages from "./messages/console.ts";
import delivery from "./messages/delivery.ts";
import errors from "./messages/errors.ts";
import help from "./messages/help.ts";
import methods from "./messages/methods.ts";
import oversight from "./messages/oversight.ts";
import recovery from "./messages/recovery.ts";
import settings from "./messages/settings.ts";

/** Every area's messages, merged per language. Keys are prefixed by area, so areas never collide. */
const areas = [common, auth, settings, authenticator, recovery, help, delivery, activity, errors, methods, apps, consoleMessages, oversight] as const;

function merge<L extends "en" | "fr" | "ar">(locale: L) {
	return Object.assign({}, ...areas.map((area) => area[locale])) as typeof common.en &
		typeof auth.en &
		typeof settings.en &
		typeof authenticator.en &
		typeof recovery.en &
		typeof help.en &
		typeof delivery.en &
		typeof activity.en &
		typeof errors.en &
		typeof methods.en &
		typeof apps.en &
		typeof consoleMessages.en &
		typeof oversight.en;
}

export const catalogs = { en: merge("en"), fr: merge("fr"), ar: merge("ar") };

/** A message's key: "area.name". */
export type MessageKey = keyof typeof catalogs.en;
