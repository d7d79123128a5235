import { defineMessages } from "../define.ts";

/**
 * The activity page and the words of every security event (pages, API
 * descriptions, alerts). A method's own words ("your authenticator app") come
 * from its copy and arrive here as {method}.
 */
export default defineMessages({
	en: {
		"activity.title": "Account activity",
		"activity.intro":
			"Security events of the last 90 days, newest first. Don't recognise one? Choose “This wasn't me” beside it to change your password: every other session signs out and trusted devices are forgotten.",
		"activity.settings": "Check your second steps in <link>security settings</link> too.",
		"activity.none": "Nothing yet.",
		"activity.listLabel": "Security events",
		"activity.byOperator": "{what} (by an operator)",
		"activity.notMe": "This wasn't me",
		"activity.device.on": "{browser} on {system}",
		"activity.device.unknown": "Unknown device",
		"activity.device.browser": "Browser",
		"activity.device.app": "App",
		"activity.back": "Back to security settings",

		"activity.kind.signed_up": "Account created",
		"activity.kind.signed_in": "Signed in",
		"activity.kind.backup_code_used": "Backup code used",
		"activity.kind.backup_codes_replaced": "Backup codes replaced",
		"activity.kind.two_factor_enabled": "Two-factor authentication turned on",
		"activity.kind.two_factor_disabled": "Two-factor authentication turned off",
		"activity.kind.second_factor_added": "Second step added",
		"activity.kind.second_factor_removed": "Second step removed",
		"activity.kind.second_factor_replaced": "Second step replaced",
		"activity.secondStepReplaced": "{method} replaced: the old one no longer works",
		"activity.kind.password_changed": "Password changed",
		"activity.kind.password_reset_requested": "Password reset asked for",
		"activity.kind.sessions_ended": "Signed out everywhere",
		"activity.kind.code_failed": "Failed try with a code",
		"activity.kind.too_many_failed_codes": "Too many wrong codes",
		"activity.kind.device_trusted": "Device trusted: no second step on it for 30 days",
		"activity.kind.recovery_started": "Account recovery started",
		"activity.kind.recovery_cancelled": "Account recovery cancelled",
		"activity.kind.recovery_completed": "Account recovered: two-factor reset",
		"activity.kind.recovery_requested": "Identity check asked for",
		"activity.kind.recovery_approved": "Identity check approved",
		"activity.kind.recovery_denied": "Identity check denied",
		"activity.kind.two_factor_reset": "Two-factor reset by an operator",
		"activity.kind.account_locked": "Account locked",
		"activity.kind.account_unlocked": "Account unlocked",
		"activity.kind.role_changed": "Role changed",
		"activity.kind.contacts_revealed": "Addresses and numbers shown in full to an operator",
		"activity.kind.app_allowed": "App allowed",
		"activity.kind.app_access_withdrawn": "App access withdrawn",
		"activity.kind.app_token_reused": "An app's refresh token was used twice: its access ended",

		"activity.word.password": "password",
		"activity.word.withPassword": "your password",
		"activity.word.trustedDevice": "trusted device",
		"activity.word.withTrustedDevice": "a trusted device",
		"activity.word.secondStep": "second step",

		"activity.signedInWith":
			"{newDevice, select, yes {Signed in with {method} from a new device} other {Signed in with {method}}}{remaining, select, some { ({count} left)} other {}}",
		"activity.signedInNewDevice": "Signed in from a new device",
		"activity.stepUp": "Confirmed it was you with {method}, for an app that asked{remaining, select, some { ({count} left)} other {}}",
		"activity.backupCodeUsed":
			"{via, select, reset {Backup code used to confirm a password reset ({count} left)} other {Backup code used to sign in ({count} left)}}",
		"activity.address":
			"{address, select, email {{change, select, added {Email address added} other {Email address removed}}} other {{change, select, added {Phone number added} other {Phone number removed}}}}",
		"activity.secondStep": "{change, select, added {{method} added} other {{method} removed}}",
		"activity.passwordChanged":
			"{via, select, reset {Password reset} secure_account {Password changed after a “Wasn't you?” link} other {Password changed}}",
		"activity.recoveryStarted":
			"{via, select, operator {Account recovery started after an identity check} email {Account recovery started by proving your email address} phone {Account recovery started by proving your phone number} other {Account recovery started}}",
		"activity.codeFailed":
			"{reason, select, typo {Failed try with {method}: a typo} already_used {Failed try with {method}: already used} old_list {Failed try with {method}: from an old list} not_confirmed {Failed try with {method}: not confirmed} other {Failed try with {method}: wrong code}}",
		"activity.appAllowed": "{named, select, yes {Allowed {app} to sign you in} other {Allowed an app to sign you in}}",
		"activity.appWithdrawn": "{named, select, yes {Withdrew {app}'s access} other {Withdrew an app's access}}",
		"activity.appTokenReused":
			"{named, select, yes {{app}'s refresh token was used twice: its access ended, sign in to it again} other {An app's refresh token was used twice: its access ended, sign in to it again}}",
	},
	fr: {
		"activity.title": "Activité du compte",
		"activity.intro":
			"Les événements de sécurité des 90 derniers jours, du plus récent au plus ancien. Vous ne reconnaissez pas l’un d’eux ? Choisissez « Ce n’était pas moi » à côté pour changer votre mot de passe : toutes les autres sessions sont déconnectées et les appareils de confiance oubliés.",
		"activity.settings": "Vérifiez aussi vos deuxièmes étapes dans les <link>paramètres de sécurité</link>.",
		"activity.none": "Rien pour l’instant.",
		"activity.listLabel": "Événements de sécurité",
		"activity.byOperator": "{what} (par un opérateur)",
		"activity.notMe": "Ce n’était pas moi",
		"activity.device.on": "{browser} sur {system}",
		"activity.device.unknown": "Appareil inconnu",
		"activity.device.browser": "Navigateur",
		"activity.device.app": "Application",
		"activity.back": "Retour aux paramètres de sécurité",

		"activity.kind.signed_up": "Compte créé",
		"activity.kind.signed_in": "Connexion",
		"activity.kind.backup_code_used": "Code de secours utilisé",
		"activity.kind.backup_codes_replaced": "Codes de secours remplacés",
		"activity.kind.two_factor_enabled": "Validation en deux étapes activée",
		"activity.kind.two_factor_disabled": "Validation en deux étapes désactivée",
		"activity.kind.second_factor_added": "Deuxième étape ajoutée",
		"activity.kind.second_factor_removed": "Deuxième étape retirée",
		"activity.kind.second_factor_replaced": "Deuxième étape remplacée",
		"activity.secondStepReplaced": "{method} remplacée : l’ancienne ne fonctionne plus",
		"activity.kind.password_changed": "Mot de passe modifié",
		"activity.kind.password_reset_requested": "Réinitialisation du mot de passe demandée",
		"activity.kind.sessions_ended": "Déconnexion partout",
		"activity.kind.code_failed": "Essai de code échoué",
		"activity.kind.too_many_failed_codes": "Trop de codes erronés",
		"activity.kind.device_trusted": "Appareil de confiance : pas de deuxième étape sur cet appareil pendant 30 jours",
		"activity.kind.recovery_started": "Récupération du compte lancée",
		"activity.kind.recovery_cancelled": "Récupération du compte annulée",
		"activity.kind.recovery_completed": "Compte récupéré : validation en deux étapes réinitialisée",
		"activity.kind.recovery_requested": "Vérification d’identité demandée",
		"activity.kind.recovery_approved": "Vérification d’identité approuvée",
		"activity.kind.recovery_denied": "Vérification d’identité refusée",
		"activity.kind.two_factor_reset": "Validation en deux étapes réinitialisée par un opérateur",
		"activity.kind.account_locked": "Compte verrouillé",
		"activity.kind.account_unlocked": "Compte déverrouillé",
		"activity.kind.role_changed": "Rôle modifié",
		"activity.kind.contacts_revealed": "Adresses et numéros affichés en entier à un opérateur",
		"activity.kind.app_allowed": "Application autorisée",
		"activity.kind.app_access_withdrawn": "Accès d’une application retiré",
		"activity.kind.app_token_reused": "Le jeton d’actualisation d’une application a été utilisé deux fois : son accès a pris fin",

		"activity.word.password": "mot de passe",
		"activity.word.withPassword": "votre mot de passe",
		"activity.word.trustedDevice": "appareil de confiance",
		"activity.word.withTrustedDevice": "un appareil de confiance",
		"activity.word.secondStep": "deuxième étape",

		"activity.signedInWith":
			"{newDevice, select, yes {Connexion avec {method} depuis un nouvel appareil} other {Connexion avec {method}}}{remaining, select, some { ({count, plural, one {# restant} other {# restants}})} other {}}",
		"activity.signedInNewDevice": "Connexion depuis un nouvel appareil",
		"activity.stepUp":
			"Identité confirmée avec {method}, à la demande d’une application{remaining, select, some { ({count, plural, one {# restant} other {# restants}})} other {}}",
		"activity.backupCodeUsed":
			"{via, select, reset {Code de secours utilisé pour confirmer une réinitialisation du mot de passe} other {Code de secours utilisé pour se connecter}} ({count, plural, one {# restant} other {# restants}})",
		"activity.address":
			"{address, select, email {{change, select, added {Adresse e-mail ajoutée} other {Adresse e-mail retirée}}} other {{change, select, added {Numéro de téléphone ajouté} other {Numéro de téléphone retiré}}}}",
		"activity.secondStep": "{change, select, added {Deuxième étape ajoutée : {method}} other {Deuxième étape retirée : {method}}}",
		"activity.passwordChanged":
			"{via, select, reset {Mot de passe réinitialisé} secure_account {Mot de passe modifié après un lien « Ce n’était pas vous ? »} other {Mot de passe modifié}}",
		"activity.recoveryStarted":
			"{via, select, operator {Récupération du compte lancée après une vérification d’identité} email {Récupération du compte lancée en prouvant votre adresse e-mail} phone {Récupération du compte lancée en prouvant votre numéro de téléphone} other {Récupération du compte lancée}}",
		"activity.codeFailed":
			"{reason, select, typo {Essai échoué avec {method} : faute de frappe} already_used {Essai échoué avec {method} : code déjà utilisé} old_list {Essai échoué avec {method} : code d’une ancienne liste} not_confirmed {Essai échoué avec {method} : non confirmé} other {Essai échoué avec {method} : code erroné}}",
		"activity.appAllowed": "{named, select, yes {Autorisation donnée à {app} de vous connecter} other {Autorisation donnée à une application de vous connecter}}",
		"activity.appWithdrawn": "{named, select, yes {Accès retiré à {app}} other {Accès retiré à une application}}",
		"activity.appTokenReused":
			"{named, select, yes {Le jeton d’actualisation de {app} a été utilisé deux fois : son accès a pris fin, reconnectez-vous à cette application} other {Le jeton d’actualisation d’une application a été utilisé deux fois : son accès a pris fin, reconnectez-vous à cette application}}",
	},
	ar: {
		"activity.title": "نشاط الحساب",
		"activity.intro":
			"أحداث الأمان خلال آخر 90 يومًا، من الأحدث إلى الأقدم. هل هناك حدث لا تعرفه؟ اختر «لم أكن أنا» بجانبه لتغيير كلمة المرور: سيُسجَّل الخروج من كل الجلسات الأخرى وتُنسى الأجهزة الموثوقة.",
		"activity.settings": "وتحقّق أيضًا من خطواتك الثانية في <link>إعدادات الأمان</link>.",
		"activity.none": "لا شيء حتى الآن.",
		"activity.listLabel": "أحداث الأمان",
		"activity.byOperator": "{what} (بواسطة أحد المسؤولين)",
		"activity.notMe": "لم أكن أنا",
		"activity.device.on": "{browser} على {system}",
		"activity.device.unknown": "جهاز غير معروف",
		"activity.device.browser": "متصفح",
		"activity.device.app": "تطبيق",
		"activity.back": "العودة إلى إعدادات الأمان",

		"activity.kind.signed_up": "تم إنشاء الحساب",
		"activity.kind.signed_in": "تسجيل الدخول",
		"activity.kind.backup_code_used": "استُخدم رمز احتياط",
		"activity.kind.backup_codes_replaced": "تم استبدال رموز الاحتياط",
		"activity.kind.two_factor_enabled": "تم تفعيل المصادقة الثنائية",
		"activity.kind.two_factor_disabled": "تم إيقاف المصادقة الثنائية",
		"activity.kind.second_factor_added": "تمت إضافة خطوة ثانية",
		"activity.kind.second_factor_removed": "تمت إزالة خطوة ثانية",
		"activity.kind.second_factor_replaced": "تم استبدال خطوة ثانية",
		"activity.secondStepReplaced": "تم استبدال {method}: القديم لم يعد يعمل",
		"activity.kind.password_changed": "تم تغيير كلمة المرور",
		"activity.kind.password_reset_requested": "طُلبت إعادة تعيين كلمة المرور",
		"activity.kind.sessions_ended": "تم تسجيل الخروج من كل مكان",
		"activity.kind.code_failed": "محاولة فاشلة برمز",
		"activity.kind.too_many_failed_codes": "عدد كبير جدًا من الرموز الخاطئة",
		"activity.kind.device_trusted": "جهاز موثوق: لا حاجة إلى خطوة ثانية عليه لمدة 30 يومًا",
		"activity.kind.recovery_started": "بدأ استرداد الحساب",
		"activity.kind.recovery_cancelled": "أُلغي استرداد الحساب",
		"activity.kind.recovery_completed": "تم استرداد الحساب: أُعيد تعيين المصادقة الثنائية",
		"activity.kind.recovery_requested": "طُلب التحقق من الهوية",
		"activity.kind.recovery_approved": "تمت الموافقة على التحقق من الهوية",
		"activity.kind.recovery_denied": "رُفض التحقق من الهوية",
		"activity.kind.two_factor_reset": "أعاد أحد المسؤولين تعيين المصادقة الثنائية",
		"activity.kind.account_locked": "تم قفل الحساب",
		"activity.kind.account_unlocked": "تم فتح قفل الحساب",
		"activity.kind.role_changed": "تم تغيير الدور",
		"activity.kind.contacts_revealed": "عُرضت العناوين والأرقام كاملةً لمشغّل",
		"activity.kind.app_allowed": "تم السماح لتطبيق",
		"activity.kind.app_access_withdrawn": "تم سحب وصول أحد التطبيقات",
		"activity.kind.app_token_reused": "استُخدم رمز التحديث الخاص بأحد التطبيقات مرتين: انتهى وصوله",

		"activity.word.password": "كلمة المرور",
		"activity.word.withPassword": "كلمة المرور",
		"activity.word.trustedDevice": "جهاز موثوق",
		"activity.word.withTrustedDevice": "جهاز موثوق",
		"activity.word.secondStep": "خطوة ثانية",

		"activity.signedInWith":
			"{newDevice, select, yes {تسجيل الدخول باستخدام {method} من جهاز جديد} other {تسجيل الدخول باستخدام {method}}}{remaining, select, some { (المتبقي: {count})} other {}}",
		"activity.signedInNewDevice": "تسجيل الدخول من جهاز جديد",
		"activity.stepUp": "تم تأكيد هويتك باستخدام {method} بطلب من أحد التطبيقات{remaining, select, some { (المتبقي: {count})} other {}}",
		"activity.backupCodeUsed":
			"{via, select, reset {استُخدم رمز احتياط لتأكيد إعادة تعيين كلمة المرور} other {استُخدم رمز احتياط لتسجيل الدخول}} (المتبقي: {count})",
		"activity.address":
			"{address, select, email {{change, select, added {تمت إضافة عنوان بريد إلكتروني} other {تمت إزالة عنوان البريد الإلكتروني}}} other {{change, select, added {تمت إضافة رقم هاتف} other {تمت إزالة رقم الهاتف}}}}",
		"activity.secondStep": "{change, select, added {تمت إضافة خطوة ثانية: {method}} other {تمت إزالة خطوة ثانية: {method}}}",
		"activity.passwordChanged":
			"{via, select, reset {تمت إعادة تعيين كلمة المرور} secure_account {تم تغيير كلمة المرور بعد رابط «لست أنت؟»} other {تم تغيير كلمة المرور}}",
		"activity.recoveryStarted":
			"{via, select, operator {بدأ استرداد الحساب بعد التحقق من الهوية} email {بدأ استرداد الحساب بإثبات عنوان بريدك الإلكتروني} phone {بدأ استرداد الحساب بإثبات رقم هاتفك} other {بدأ استرداد الحساب}}",
		"activity.codeFailed":
			"{reason, select, typo {محاولة فاشلة باستخدام {method}: خطأ في الكتابة} already_used {محاولة فاشلة باستخدام {method}: سبق استخدامه} old_list {محاولة فاشلة باستخدام {method}: من قائمة قديمة} not_confirmed {محاولة فاشلة باستخدام {method}: لم يتم التأكيد} other {محاولة فاشلة باستخدام {method}: رمز خاطئ}}",
		"activity.appAllowed": "{named, select, yes {تم السماح للتطبيق {app} بتسجيل دخولك} other {تم السماح لأحد التطبيقات بتسجيل دخولك}}",
		"activity.appWithdrawn": "{named, select, yes {تم سحب وصول التطبيق {app}} other {تم سحب وصول أحد التطبيقات}}",
		"activity.appTokenReused":
			"{named, select, yes {استُخدم رمز التحديث الخاص بالتطبيق {app} مرتين: انتهى وصوله، فسجّل الدخول إليه من جديد} other {استُخدم رمز التحديث الخاص بأحد التطبيقات مرتين: انتهى وصوله، فسجّل الدخول إليه من جديد}}",
	},
});
