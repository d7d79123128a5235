import { defineMessages } from "../define.ts";

/** The operator console: its navigation, roles, people, and the actions operators take. */
export default defineMessages({
	en: {
		"console.nav.label": "Console",
		"console.nav.title": "Operator console",
		"console.nav.people": "People",
		"console.nav.identityChecks": "Identity checks",
		"console.nav.audit": "Audit log",
		"console.nav.reports": "Reports",
		"console.nav.apps": "Apps (OIDC clients)",
		"console.nav.webhooks": "Webhooks",
		"console.role.admin": "admin",
		"console.role.support": "support",
		"console.role.user": "user",

		"console.reprove.heading": "Confirm it's you",
		"console.reprove.intro": "Before this action, prove your own second step again. It counts for {minutes} minutes.",
		"console.reprove.again": "Back to the form",
		"console.refused.noTwoFactor":
			"Turn on two-factor authentication for your own account in your settings first: an operator without it cannot take this action.",
	},
	fr: {
		"console.nav.label": "Console",
		"console.nav.title": "Console d’exploitation",
		"console.nav.people": "Personnes",
		"console.nav.identityChecks": "Vérifications d’identité",
		"console.nav.audit": "Journal d’audit",
		"console.nav.reports": "Rapports",
		"console.nav.apps": "Applications (clients OIDC)",
		"console.nav.webhooks": "Webhooks",
		"console.role.admin": "administration",
		"console.role.support": "assistance",
		"console.role.user": "utilisateur",

		"console.reprove.heading": "Confirmez que c’est vous",
		"console.reprove.intro": "Avant cette action, prouvez à nouveau votre propre deuxième étape. Elle vaut pendant {minutes} minutes.",
		"console.reprove.again": "Revenir au formulaire",
		"console.refused.noTwoFactor":
			"Activez d’abord l’authentification à deux facteurs sur votre propre compte, dans vos paramètres : sans elle, un opérateur ne peut pas effectuer cette action.",
	},
	ar: {
		"console.nav.label": "لوحة التشغيل",
		"console.nav.title": "لوحة المشغّل",
		"console.nav.people": "الأشخاص",
		"console.nav.identityChecks": "عمليات التحقق من الهوية",
		"console.nav.audit": "سجل التدقيق",
		"console.nav.reports": "التقارير",
		"console.nav.apps": "التطبيقات (عملاء OIDC)",
		"console.nav.webhooks": "خطافات الويب",
		"console.role.admin": "مسؤول",
		"console.role.support": "دعم",
		"console.role.user": "مستخدم",

		"console.reprove.heading": "أكّد أنك أنت",
		"console.reprove.intro": "قبل هذا الإجراء، أثبت خطوتك الثانية مرة أخرى. يبقى ذلك صالحًا لمدة {minutes} دقائق.",
		"console.reprove.again": "العودة إلى النموذج",
		"console.refused.noTwoFactor": "فعّل أولًا المصادقة الثنائية لحسابك أنت من إعداداتك: لا يمكن لمشغّل بدونها اتخاذ هذا الإجراء.",
	},
});
