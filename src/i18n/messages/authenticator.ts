import { defineMessages } from "../define.ts";

/** Setting up, replacing and removing the authenticator app. */
export default defineMessages({
	en: {
		"authenticator.password.label": "Your password",
		"authenticator.password.continue": "Continue",
		"authenticator.password.back": "Back to security settings",

		"authenticator.setUp.title": "Set up authenticator app",
		"authenticator.setUp.explanation": "To keep your account safe, enter your password before changing how you sign in.",
		"authenticator.setUp.alreadySetUp": "Moving to a new phone? Replace your authenticator app",
		"authenticator.setUp.scan": "Open your authenticator app, add an account, and scan this QR code.",
		"authenticator.setUp.qrLabel": "QR code for your authenticator app",
		"authenticator.setUp.onThisPhone": "Is the app on this phone? Open it from here instead of scanning.",
		"authenticator.setUp.openInApp": "Open in authenticator app",
		"authenticator.setUp.copyKey": "Copy key",
		"authenticator.setUp.keyCopied": "Key copied. Paste it into your authenticator app.",
		"authenticator.setUp.copyFailed": "Select the key and copy it.",
		"authenticator.setUp.cantScan": "Can't scan it? Enter the key instead",
		"authenticator.setUp.key": "Key (spaces don't matter): {key}",
		"authenticator.setUp.keyKind": "Time-based, 6 digits, every 30 seconds.",
		"authenticator.setUp.enterCode": "Enter the 6-digit code the app now shows for {product}.",
		"authenticator.setUp.codeLabel": "6-digit code",
		"authenticator.setUp.submit": "Turn on",
		"authenticator.setUp.cancel": "Cancel",
		"authenticator.setUp.help": "Help centre",

		"authenticator.replace.title": "Replace authenticator app",
		"authenticator.replace.explanation":
			"Moving to a new phone? Set up your authenticator app on it. Your current app keeps working until the new one gives its first code. Enter your password to continue.",
		"authenticator.replace.intro":
			"Your current app keeps giving codes until you type the first code from the new one. Then the old one stops working.",
		"authenticator.replace.scan": "On your new phone, open your authenticator app, add an account, and scan this QR code.",
		"authenticator.replace.enterCode": "Enter the 6-digit code the new app now shows for {product}.",
		"authenticator.replace.submit": "Switch to the new app",
		"authenticator.replace.cancel": "Cancel and keep the current app",

		"authenticator.replaced.title": "Your authenticator app is replaced",
		"authenticator.replaced.message":
			"From now on, use the app on your new phone: codes from the old one no longer work. You can delete {product} from the old app.",

		"authenticator.remove.title": "Remove authenticator app",
		"authenticator.remove.explanation":
			"Your app will no longer give codes for {product}; your other second steps keep working. Enter your password to confirm.",
		"authenticator.remove.submit": "Remove authenticator app",
		"authenticator.remove.replaceInstead":
			"Moving to a new phone? <link>Replace your authenticator app</link> instead: the old one keeps working until the new one is set up.",

		/** The link settings show next to the authenticator, to /settings/authenticator/replace. */
		"authenticator.settings.replace": "Replace",

	},
	fr: {
		"authenticator.password.label": "Votre mot de passe",
		"authenticator.password.continue": "Continuer",
		"authenticator.password.back": "Retour aux paramètres de sécurité",

		"authenticator.setUp.title": "Configurer l’application d’authentification",
		"authenticator.setUp.explanation":
			"Pour protéger votre compte, saisissez votre mot de passe avant de modifier votre façon de vous connecter.",
		"authenticator.setUp.alreadySetUp": "Vous changez de téléphone ? Remplacez votre application d’authentification",
		"authenticator.setUp.scan": "Ouvrez votre application d’authentification, ajoutez un compte et scannez ce code QR.",
		"authenticator.setUp.qrLabel": "Code QR pour votre application d’authentification",
		"authenticator.setUp.onThisPhone": "L’application est sur ce téléphone ? Ouvrez-la d’ici au lieu de scanner.",
		"authenticator.setUp.openInApp": "Ouvrir dans l’application d’authentification",
		"authenticator.setUp.copyKey": "Copier la clé",
		"authenticator.setUp.keyCopied": "Clé copiée. Collez-la dans votre application d’authentification.",
		"authenticator.setUp.copyFailed": "Sélectionnez la clé et copiez-la.",
		"authenticator.setUp.cantScan": "Impossible de scanner ? Saisissez plutôt la clé",
		"authenticator.setUp.key": "Clé (les espaces ne comptent pas) : {key}",
		"authenticator.setUp.keyKind": "Basée sur l’heure, 6 chiffres, toutes les 30 secondes.",
		"authenticator.setUp.enterCode": "Saisissez le code à 6 chiffres que l’application affiche maintenant pour {product}.",
		"authenticator.setUp.codeLabel": "Code à 6 chiffres",
		"authenticator.setUp.submit": "Activer",
		"authenticator.setUp.cancel": "Annuler",
		"authenticator.setUp.help": "Centre d’aide",

		"authenticator.replace.title": "Remplacer l’application d’authentification",
		"authenticator.replace.explanation":
			"Vous changez de téléphone ? Configurez-y votre application d’authentification. Votre application actuelle continue de fonctionner jusqu’à ce que la nouvelle donne son premier code. Saisissez votre mot de passe pour continuer.",
		"authenticator.replace.intro":
			"Votre application actuelle continue de donner des codes jusqu’à ce que vous saisissiez le premier code de la nouvelle. L’ancienne cesse alors de fonctionner.",
		"authenticator.replace.scan":
			"Sur votre nouveau téléphone, ouvrez votre application d’authentification, ajoutez un compte et scannez ce code QR.",
		"authenticator.replace.enterCode": "Saisissez le code à 6 chiffres que la nouvelle application affiche maintenant pour {product}.",
		"authenticator.replace.submit": "Passer à la nouvelle application",
		"authenticator.replace.cancel": "Annuler et garder l’application actuelle",

		"authenticator.replaced.title": "Votre application d’authentification a été remplacée",
		"authenticator.replaced.message":
			"Désormais, utilisez l’application de votre nouveau téléphone : les codes de l’ancienne ne fonctionnent plus. Vous pouvez supprimer {product} de l’ancienne application.",

		"authenticator.remove.title": "Supprimer l’application d’authentification",
		"authenticator.remove.explanation":
			"Votre application ne donnera plus de codes pour {product} ; vos autres moyens de confirmer votre identité continuent de fonctionner. Saisissez votre mot de passe pour confirmer.",
		"authenticator.remove.submit": "Supprimer l’application d’authentification",
		"authenticator.remove.replaceInstead":
			"Vous changez de téléphone ? <link>Remplacez plutôt votre application d’authentification</link> : l’ancienne continue de fonctionner jusqu’à ce que la nouvelle soit configurée.",

		"authenticator.settings.replace": "Remplacer",

	},
	ar: {
		"authenticator.password.label": "كلمة المرور",
		"authenticator.password.continue": "متابعة",
		"authenticator.password.back": "العودة إلى إعدادات الأمان",

		"authenticator.setUp.title": "إعداد تطبيق المصادقة",
		"authenticator.setUp.explanation": "لحماية حسابك، أدخل كلمة المرور قبل تغيير طريقة تسجيل الدخول.",
		"authenticator.setUp.alreadySetUp": "هل انتقلت إلى هاتف جديد؟ استبدل تطبيق المصادقة",
		"authenticator.setUp.scan": "افتح تطبيق المصادقة، وأضف حسابًا، ثم امسح رمز QR هذا.",
		"authenticator.setUp.qrLabel": "رمز QR لتطبيق المصادقة",
		"authenticator.setUp.onThisPhone": "هل التطبيق على هذا الهاتف؟ افتحه من هنا بدلًا من المسح.",
		"authenticator.setUp.openInApp": "فتح في تطبيق المصادقة",
		"authenticator.setUp.copyKey": "نسخ المفتاح",
		"authenticator.setUp.keyCopied": "تم نسخ المفتاح. الصقه في تطبيق المصادقة.",
		"authenticator.setUp.copyFailed": "حدّد المفتاح وانسخه.",
		"authenticator.setUp.cantScan": "لا يمكنك المسح؟ أدخل المفتاح بدلًا من ذلك",
		"authenticator.setUp.key": "المفتاح (المسافات لا تهم): {key}",
		"authenticator.setUp.keyKind": "مبني على الوقت، 6 أرقام، كل 30 ثانية.",
		"authenticator.setUp.enterCode": "أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق الآن لحساب {product}.",
		"authenticator.setUp.codeLabel": "رمز من 6 أرقام",
		"authenticator.setUp.submit": "تفعيل",
		"authenticator.setUp.cancel": "إلغاء",
		"authenticator.setUp.help": "مركز المساعدة",

		"authenticator.replace.title": "استبدال تطبيق المصادقة",
		"authenticator.replace.explanation":
			"هل انتقلت إلى هاتف جديد؟ أعِدّ تطبيق المصادقة عليه. يظل تطبيقك الحالي يعمل إلى أن يعطي التطبيق الجديد أول رمز له. أدخل كلمة المرور للمتابعة.",
		"authenticator.replace.intro": "يظل تطبيقك الحالي يعطي الرموز إلى أن تكتب أول رمز من التطبيق الجديد. عندها يتوقف القديم عن العمل.",
		"authenticator.replace.scan": "على هاتفك الجديد، افتح تطبيق المصادقة، وأضف حسابًا، ثم امسح رمز QR هذا.",
		"authenticator.replace.enterCode": "أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق الجديد الآن لحساب {product}.",
		"authenticator.replace.submit": "الانتقال إلى التطبيق الجديد",
		"authenticator.replace.cancel": "إلغاء والإبقاء على التطبيق الحالي",

		"authenticator.replaced.title": "تم استبدال تطبيق المصادقة",
		"authenticator.replaced.message":
			"من الآن فصاعدًا، استخدم التطبيق على هاتفك الجديد: لم تعد رموز التطبيق القديم تعمل. يمكنك حذف {product} من التطبيق القديم.",

		"authenticator.remove.title": "إزالة تطبيق المصادقة",
		"authenticator.remove.explanation":
			"لن يعطي تطبيقك رموزًا لحساب {product} بعد الآن، وستظل طرق التحقق الأخرى تعمل. أدخل كلمة المرور للتأكيد.",
		"authenticator.remove.submit": "إزالة تطبيق المصادقة",
		"authenticator.remove.replaceInstead":
			"هل انتقلت إلى هاتف جديد؟ <link>استبدل تطبيق المصادقة</link> بدلًا من ذلك: يظل القديم يعمل إلى أن يُعَدّ الجديد.",

		"authenticator.settings.replace": "استبدال",

	},
});
