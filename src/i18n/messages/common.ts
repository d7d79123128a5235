import { defineMessages } from "../define.ts";

/** What every page shares: the frame, the language switcher, the words used everywhere. */
export default defineMessages({
	en: {
		"common.title": "{title} · {product}",
		"common.signOut": "Sign out",
		"common.language": "Language",
		"common.support": "Need help from a person? {contact}",
		"common.logoAlt": "{product}",
		"common.oneThing": "{count, plural, one {One thing to change:} other {# things to change:}}",
		"common.today": "today, {time}",
		"common.yesterday": "yesterday, {time}",
		"common.dateTime": "{date}, {time}",
	},
	fr: {
		"common.title": "{title} · {product}",
		"common.signOut": "Se déconnecter",
		"common.language": "Langue",
		"common.support": "Besoin de l’aide d’une personne ? {contact}",
		"common.logoAlt": "{product}",
		"common.oneThing": "{count, plural, one {Une chose à corriger :} other {# choses à corriger :}}",
		"common.today": "aujourd’hui, {time}",
		"common.yesterday": "hier, {time}",
		"common.dateTime": "{date}, {time}",
	},
	ar: {
		"common.title": "{title} · {product}",
		"common.signOut": "تسجيل الخروج",
		"common.language": "اللغة",
		"common.support": "هل تحتاج إلى مساعدة من شخص؟ {contact}",
		"common.logoAlt": "{product}",
		"common.oneThing":
			"{count, plural, zero {لا شيء لتغييره:} one {شيء واحد لتغييره:} two {شيئان لتغييرهما:} few {# أشياء لتغييرها:} many {# شيئًا لتغييره:} other {# شيء لتغييره:}}",
		"common.today": "اليوم، {time}",
		"common.yesterday": "أمس، {time}",
		"common.dateTime": "{date}، {time}",
	},
});
