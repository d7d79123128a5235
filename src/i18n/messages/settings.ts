import { defineMessages } from "../define.ts";

/** Settings: the overview, two-factor on and off, backup codes, trusted devices. */
export default defineMessages({
	en: {
		"settings.title": "Security",
		"settings.back": "Back to security settings",
		"settings.continue": "Continue",
		"settings.yourPassword": "Your password",
		"settings.orList": "{items} or {last}",
		"settings.listSeparator": ", ",

		"settings.twoFactor.heading": "Two-factor authentication",
		"settings.twoFactor.on": "On. Signing in needs your password and a second step.",
		"settings.twoFactor.strongest": "Your strongest second step is {method}.",
		"settings.twoFactor.turnOff": "Turn off two-factor authentication",
		"settings.twoFactor.almostDone":
			"Almost done. Your authenticator app is set up; save a set of backup codes and type one back to turn two-factor authentication on.",
		"settings.twoFactor.off": "Off. Anyone with your password can sign in.",
		"settings.twoFactor.turnOnWith":
			"You can turn it on with {methods}: save a set of backup codes and type one back, in case you lose {count, plural, one {it} other {them}}.",
		"settings.twoFactor.turnOnWithCodes": "Turn on with backup codes",
		"settings.twoFactor.offAdvice": "Off. Anyone with your password can sign in. Turn on two-factor authentication to protect your account.",

		"settings.authenticator.heading": "Authenticator app",
		"settings.authenticator.setUp": "Set up. Your app shows a new 6-digit code every 30 seconds.",
		"settings.authenticator.onlyWay":
			"It is your only second step besides backup codes. To remove it, add another way first, or turn off two-factor authentication.",
		"settings.authenticator.startOver": "Start over",
		"settings.authenticator.remove": "Remove",
		"settings.authenticator.pitch":
			"Use an app such as Google Authenticator, Microsoft Authenticator or 1Password to get sign-in codes, even without signal.",
		"settings.authenticator.setUpButton": "Set up authenticator app",

		"settings.codes.heading": "Backup codes",
		"settings.codes.left": "<strong>{remaining}</strong> of {total} codes left.",
		"settings.codes.leftNone": "<strong>{remaining}</strong> of {total} codes left. You have used every code: get a new set now.",
		"settings.codes.leftLow": "<strong>{remaining}</strong> of {total} codes left. You are running low: get a new set and save it.",
		"settings.codes.created": "Created {when}. Use a backup code when you cannot use your phone. Each code works once.",
		"settings.codes.pending":
			"New codes are waiting. Type one of them to start using them, by {when}; until then your current codes keep working.",
		"settings.codes.confirmNew": "Confirm new codes",
		"settings.codes.confirmYours": "Confirm your backup codes",
		"settings.codes.get": "Get backup codes",
		"settings.codes.getNew": "Get new codes",

		"settings.account.heading": "Password and activity",
		"settings.account.changePassword": "Change password",
		"settings.account.activity": "<link>Account activity</link>: sign-ins and security changes of the last 90 days.",
		"settings.account.apps": "<link>Apps with access</link>: apps you allowed to sign you in, and what they can see.",
		"settings.help.codesNotWorking": "Backup codes not working?",
		"settings.help.centre": "Help centre",

		"settings.devices.heading": "Trusted devices",
		"settings.devices.none": "None. When you sign in, you can choose to trust a device for 30 days so it skips the second step.",
		"settings.devices.intro": "These skip the second step when you sign in, until the date shown. Changing your second steps removes them all.",
		"settings.devices.thisDevice": "This device",
		"settings.devices.on": "{browser} on {system}",
		"settings.devices.unknown": "Unknown device",
		"settings.devices.browser": "Browser",
		"settings.devices.app": "App",
		"settings.devices.times": "First used {first} · last used {last} · trusted until {until}",
		"settings.devices.stop": "Stop trusting",
		"settings.devices.stopAll": "Stop trusting all devices",

		"settings.notice.twoFactorOff": "Two-factor authentication is off. Your password alone now signs in.",
		"settings.notice.twoFactorOn": "Two-factor authentication is on. Keep your backup codes safe.",
		"settings.notice.codesReplaced": "Your new backup codes are active. Your old codes no longer work.",
		"settings.notice.passkeyAdded": "Your passkey is ready. Next time, confirm it is you with it.",
		"settings.notice.deviceRevoked": "Done. That device will be asked for a second step at its next sign-in.",
		"settings.notice.passwordChanged": "Your password is changed. Every other session has been signed out.",
		"settings.notice.emailVerified": "Your email address is confirmed. You can now sign in with it.",
		"settings.notice.phoneVerified": "Your phone number is confirmed.",
		"settings.notice.noCodesWaiting": "No new backup codes are waiting to be confirmed. To get a new set, choose “Get new codes”.",
		"settings.notice.backupCodeUsed": "You signed in with a backup code. {remaining} of {total} codes are left.",
		"settings.notice.backupCodeUsedPlain": "You signed in with a backup code.",

		"settings.off.intro": "Your password was right. Anyone with your password will be able to sign in once this is off.",
		"settings.off.explanation":
			"Without two-factor authentication, your password alone signs in. Your authenticator app and backup codes are removed. Enter your password, then confirm it is you with a second step.",
		"settings.off.tooLong": "That took too long",
		"settings.off.startAgain": "Start again",

		"settings.newCodes.title": "Get new backup codes",
		"settings.newCodes.explanation":
			"You will get a new set of {count} codes. Your current codes keep working until you type one of the new ones back to show you saved them. Enter your password to continue.",
		"settings.newCodes.expired": "Those codes expired",
		"settings.newCodes.getNewSet": "Get a new set",

		"settings.file.title": "Backup codes",
		"settings.file.site": "Site:    {site}",
		"settings.file.account": "Account: {username}",
		"settings.file.created": "Created: {day}",
		"settings.file.keep":
			"Each code works once: tick it off when you use it.\nKeep this list somewhere safe and away from your phone: a password manager,\nor printed and put with your important papers.\nA new list replaces this one; then these codes stop working.\nNobody from this site will ever ask you for a code by message, email or phone call.",
		"settings.image.site": "Site: {site}",
		"settings.image.account": "Account: {username}",
		"settings.image.created": "Created: {day}",
		"settings.image.keep":
			"Each code works once: tick it off when you use it.\nKeep this image private. A new list replaces this one.\nNobody will ever ask you for a code by message or phone call.",

		"settings.save.title": "Save your backup codes",
		"settings.save.printIntro":
			"Backup codes for <strong>{username}</strong> at {site}, created {day}. Each code works once: tick it off when you use it.",
		"settings.save.intro":
			"If you lose your phone, these codes are how you get back in. <strong>This is the only time they are shown.</strong> Save them now: copy, download or print them, and keep them somewhere safe.",
		"settings.save.listLabel": "Backup codes",
		"settings.save.created": "Created {when}. Each code works once.",
		"settings.save.copyAll": "Copy all",
		"settings.save.downloadTxt": "Download .txt",
		"settings.save.downloadImage": "Download as image",
		"settings.save.print": "Print",
		"settings.save.copied": "Copied. Paste them somewhere safe, such as a password manager.",
		"settings.save.copyByHand": "Select the codes and copy them.",
		"settings.save.imageSaved": "Image saved. Keep it somewhere safe, such as a private album.",
		"settings.save.lastStep": "Last step: show you saved them",
		"settings.save.showSaved": "Show you saved them",
		"settings.save.typeOneFirst":
			"Type any one of the codes above from where you saved it. Two-factor authentication turns on when you do. The code you type stays usable. Do this by {when}.",
		"settings.save.typeOneLater":
			"Type any one of the codes above from where you saved it. Your new codes replace the old ones when you do; until then your old codes keep working. The code you type stays usable. Do this by {when}.",
		"settings.save.codeLabel": "One of your new codes",
		"settings.save.confirm": "Confirm",

		"settings.confirm.introFirst": "Type any one of the new codes from where you saved them, by {when}. Two-factor authentication turns on when you do.",
		"settings.confirm.introLater": "Type any one of the new codes from where you saved them, by {when}. Your new codes then replace the old ones.",
		"settings.confirm.didntSave": "Didn't save them? <link>Get a new set</link>: the codes you were shown will not be shown again.",

		"settings.low.pendingTitle": "Confirm your new backup codes",
		"settings.low.pendingNone":
			"No codes are left in your current list, and you have a new set waiting. Type one of the new codes to start using them, by {when}.",
		"settings.low.pendingSome":
			"Only <strong>{remaining}</strong> of your current codes are left, and you have a new set waiting. Type one of the new codes to start using them, by {when}.",
		"settings.low.confirmNew": "Confirm your new codes",
		"settings.low.throwsAway": "Getting another set instead throws the waiting one away.",
		"settings.low.getAnother": "Get another set",
		"settings.low.notNow": "Not now",
		"settings.low.noneTitle": "You have used all your backup codes",
		"settings.low.lowTitle": "You are running low on backup codes",
		"settings.low.none": "No backup codes are left. Get a new set before anything else, so you can still get in if you lose your phone.",
		"settings.low.some": "Only <strong>{remaining}</strong> of your {total} backup codes are left. Get a new set now, while you can still sign in.",
	},
	fr: {
		"settings.title": "Sécurité",
		"settings.back": "Retour aux paramètres de sécurité",
		"settings.continue": "Continuer",
		"settings.yourPassword": "Votre mot de passe",
		"settings.orList": "{items} ou {last}",
		"settings.listSeparator": ", ",

		"settings.twoFactor.heading": "Validation en deux étapes",
		"settings.twoFactor.on": "Activée. Pour vous connecter, il faut votre mot de passe et une deuxième étape.",
		"settings.twoFactor.strongest": "Votre deuxième étape la plus sûre : {method}.",
		"settings.twoFactor.turnOff": "Désactiver la validation en deux étapes",
		"settings.twoFactor.almostDone":
			"C’est presque fini. Votre application d’authentification est configurée ; enregistrez une série de codes de secours et saisissez-en un pour activer la validation en deux étapes.",
		"settings.twoFactor.off": "Désactivée. Toute personne qui connaît votre mot de passe peut se connecter.",
		"settings.twoFactor.turnOnWith":
			"Vous pouvez l’activer avec {methods} : enregistrez une série de codes de secours et saisissez-en un, au cas où {count, plural, one {ce moyen vous ferait défaut} other {ces moyens vous feraient défaut}}.",
		"settings.twoFactor.turnOnWithCodes": "Activer avec des codes de secours",
		"settings.twoFactor.offAdvice":
			"Désactivée. Toute personne qui connaît votre mot de passe peut se connecter. Activez la validation en deux étapes pour protéger votre compte.",

		"settings.authenticator.heading": "Application d’authentification",
		"settings.authenticator.setUp": "Configurée. Votre application affiche un nouveau code à 6 chiffres toutes les 30 secondes.",
		"settings.authenticator.onlyWay":
			"C’est votre seule deuxième étape en dehors des codes de secours. Pour la retirer, ajoutez d’abord un autre moyen, ou désactivez la validation en deux étapes.",
		"settings.authenticator.startOver": "Recommencer",
		"settings.authenticator.remove": "Retirer",
		"settings.authenticator.pitch":
			"Utilisez une application comme Google Authenticator, Microsoft Authenticator ou 1Password pour obtenir vos codes de connexion, même sans réseau.",
		"settings.authenticator.setUpButton": "Configurer une application d’authentification",

		"settings.codes.heading": "Codes de secours",
		"settings.codes.left": "{remaining, plural, one {<strong>#</strong> code restant} other {<strong>#</strong> codes restants}} sur {total}.",
		"settings.codes.leftNone":
			"{remaining, plural, one {<strong>#</strong> code restant} other {<strong>#</strong> codes restants}} sur {total}. Vous avez utilisé tous vos codes : obtenez-en une nouvelle série dès maintenant.",
		"settings.codes.leftLow":
			"{remaining, plural, one {<strong>#</strong> code restant} other {<strong>#</strong> codes restants}} sur {total}. Il vous en reste peu : obtenez une nouvelle série et enregistrez-la.",
		"settings.codes.created":
			"Création : {when}. Utilisez un code de secours quand vous ne pouvez pas utiliser votre téléphone. Chaque code ne fonctionne qu’une fois.",
		"settings.codes.pending":
			"De nouveaux codes vous attendent. Saisissez-en un pour commencer à les utiliser, au plus tard {when} ; d’ici là, vos codes actuels continuent de fonctionner.",
		"settings.codes.confirmNew": "Confirmer les nouveaux codes",
		"settings.codes.confirmYours": "Confirmez vos codes de secours",
		"settings.codes.get": "Obtenir des codes de secours",
		"settings.codes.getNew": "Obtenir de nouveaux codes",

		"settings.account.heading": "Mot de passe et activité",
		"settings.account.changePassword": "Changer de mot de passe",
		"settings.account.activity": "<link>Activité du compte</link> : connexions et changements de sécurité des 90 derniers jours.",
		"settings.account.apps": "<link>Applications autorisées</link> : les applications que vous avez autorisées à vous connecter, et ce qu’elles peuvent voir.",
		"settings.help.codesNotWorking": "Vos codes de secours ne fonctionnent pas ?",
		"settings.help.centre": "Centre d’aide",

		"settings.devices.heading": "Appareils de confiance",
		"settings.devices.none":
			"Aucun. Quand vous vous connectez, vous pouvez faire confiance à un appareil pendant 30 jours : la deuxième étape ne lui est alors plus demandée.",
		"settings.devices.intro":
			"La deuxième étape n’est pas demandée à ces appareils lors de la connexion, jusqu’à la date indiquée. Modifier vos deuxièmes étapes les retire tous.",
		"settings.devices.thisDevice": "Cet appareil",
		"settings.devices.on": "{browser} sur {system}",
		"settings.devices.unknown": "Appareil inconnu",
		"settings.devices.browser": "Navigateur",
		"settings.devices.app": "Application",
		"settings.devices.times": "Première utilisation : {first} · dernière utilisation : {last} · de confiance jusqu’à {until}",
		"settings.devices.stop": "Ne plus faire confiance",
		"settings.devices.stopAll": "Ne plus faire confiance à aucun appareil",

		"settings.notice.twoFactorOff": "La validation en deux étapes est désactivée. Votre mot de passe suffit désormais pour vous connecter.",
		"settings.notice.twoFactorOn": "La validation en deux étapes est activée. Gardez vos codes de secours en lieu sûr.",
		"settings.notice.codesReplaced": "Vos nouveaux codes de secours sont actifs. Les anciens ne fonctionnent plus.",
		"settings.notice.passkeyAdded": "Votre clé d’accès est prête. La prochaine fois, confirmez votre identité avec elle.",
		"settings.notice.deviceRevoked": "C’est fait. Cet appareil devra passer la deuxième étape à sa prochaine connexion.",
		"settings.notice.passwordChanged": "Votre mot de passe est changé. Toutes vos autres sessions ont été déconnectées.",
		"settings.notice.emailVerified": "Votre adresse e-mail est confirmée. Vous pouvez désormais vous connecter avec elle.",
		"settings.notice.phoneVerified": "Votre numéro de téléphone est confirmé.",
		"settings.notice.noCodesWaiting":
			"Aucun nouveau code de secours n’attend d’être confirmé. Pour obtenir une nouvelle série, choisissez « Obtenir de nouveaux codes ».",
		"settings.notice.backupCodeUsed":
			"Connexion réussie avec un code de secours. {remaining, plural, one {# code restant} other {# codes restants}} sur {total}.",
		"settings.notice.backupCodeUsedPlain": "Connexion réussie avec un code de secours.",

		"settings.off.intro":
			"Votre mot de passe est correct. Une fois la validation désactivée, toute personne qui connaît votre mot de passe pourra se connecter.",
		"settings.off.explanation":
			"Sans validation en deux étapes, votre mot de passe suffit pour vous connecter. Votre application d’authentification et vos codes de secours sont retirés. Saisissez votre mot de passe, puis confirmez votre identité avec une deuxième étape.",
		"settings.off.tooLong": "Le délai est dépassé",
		"settings.off.startAgain": "Recommencer",

		"settings.newCodes.title": "Obtenir de nouveaux codes de secours",
		"settings.newCodes.explanation":
			"Vous allez recevoir une nouvelle série de {count, plural, one {# code} other {# codes}}. Vos codes actuels continuent de fonctionner jusqu’à ce que vous saisissiez l’un des nouveaux, pour montrer que vous les avez enregistrés. Saisissez votre mot de passe pour continuer.",
		"settings.newCodes.expired": "Ces codes ont expiré",
		"settings.newCodes.getNewSet": "Obtenir une nouvelle série",

		"settings.file.title": "Codes de secours",
		"settings.file.site": "Site :     {site}",
		"settings.file.account": "Compte :   {username}",
		"settings.file.created": "Création : {day}",
		"settings.file.keep":
			"Chaque code ne fonctionne qu’une fois : cochez-le quand vous l’utilisez.\nGardez cette liste en lieu sûr, loin de votre téléphone : dans un gestionnaire\nde mots de passe, ou imprimée et rangée avec vos papiers importants.\nUne nouvelle liste remplace celle-ci ; ces codes cessent alors de fonctionner.\nPersonne de ce site ne vous demandera jamais un code par message, e-mail ou téléphone.",
		"settings.image.site": "Site : {site}",
		"settings.image.account": "Compte : {username}",
		"settings.image.created": "Création : {day}",
		"settings.image.keep":
			"Chaque code ne fonctionne qu’une fois : cochez-le quand vous l’utilisez.\nGardez cette image privée. Une nouvelle liste remplace celle-ci.\nPersonne ne vous demandera jamais un code par message ou par téléphone.",

		"settings.save.title": "Enregistrez vos codes de secours",
		"settings.save.printIntro":
			"Codes de secours de <strong>{username}</strong> sur {site}, créés le {day}. Chaque code ne fonctionne qu’une fois : cochez-le quand vous l’utilisez.",
		"settings.save.intro":
			"Si vous perdez votre téléphone, ces codes vous permettront de revenir dans votre compte. <strong>C’est la seule fois qu’ils sont affichés.</strong> Enregistrez-les maintenant : copiez-les, téléchargez-les ou imprimez-les, et gardez-les en lieu sûr.",
		"settings.save.listLabel": "Codes de secours",
		"settings.save.created": "Création : {when}. Chaque code ne fonctionne qu’une fois.",
		"settings.save.copyAll": "Tout copier",
		"settings.save.downloadTxt": "Télécharger en .txt",
		"settings.save.downloadImage": "Télécharger en image",
		"settings.save.print": "Imprimer",
		"settings.save.copied": "Copiés. Collez-les en lieu sûr, par exemple dans un gestionnaire de mots de passe.",
		"settings.save.copyByHand": "Sélectionnez les codes et copiez-les.",
		"settings.save.imageSaved": "Image enregistrée. Gardez-la en lieu sûr, par exemple dans un album privé.",
		"settings.save.lastStep": "Dernière étape : montrez que vous les avez enregistrés",
		"settings.save.showSaved": "Montrez que vous les avez enregistrés",
		"settings.save.typeOneFirst":
			"Saisissez l’un des codes ci-dessus à partir de l’endroit où vous l’avez enregistré. La validation en deux étapes s’active à ce moment-là. Le code saisi reste utilisable. Faites-le au plus tard {when}.",
		"settings.save.typeOneLater":
			"Saisissez l’un des codes ci-dessus à partir de l’endroit où vous l’avez enregistré. Vos nouveaux codes remplacent alors les anciens ; d’ici là, vos anciens codes continuent de fonctionner. Le code saisi reste utilisable. Faites-le au plus tard {when}.",
		"settings.save.codeLabel": "L’un de vos nouveaux codes",
		"settings.save.confirm": "Confirmer",

		"settings.confirm.introFirst":
			"Saisissez l’un des nouveaux codes à partir de l’endroit où vous les avez enregistrés, au plus tard {when}. La validation en deux étapes s’active à ce moment-là.",
		"settings.confirm.introLater":
			"Saisissez l’un des nouveaux codes à partir de l’endroit où vous les avez enregistrés, au plus tard {when}. Vos nouveaux codes remplacent alors les anciens.",
		"settings.confirm.didntSave":
			"Vous ne les avez pas enregistrés ? <link>Obtenez une nouvelle série</link> : les codes qui vous ont été montrés ne seront plus affichés.",

		"settings.low.pendingTitle": "Confirmez vos nouveaux codes de secours",
		"settings.low.pendingNone":
			"Il ne reste plus aucun code dans votre liste actuelle, et une nouvelle série vous attend. Saisissez l’un des nouveaux codes pour commencer à les utiliser, au plus tard {when}.",
		"settings.low.pendingSome":
			"Il ne vous reste que {remaining, plural, one {<strong>#</strong> code} other {<strong>#</strong> codes}} dans votre liste actuelle, et une nouvelle série vous attend. Saisissez l’un des nouveaux codes pour commencer à les utiliser, au plus tard {when}.",
		"settings.low.confirmNew": "Confirmer vos nouveaux codes",
		"settings.low.throwsAway": "Si vous obtenez plutôt une autre série, celle qui attend sera abandonnée.",
		"settings.low.getAnother": "Obtenir une autre série",
		"settings.low.notNow": "Pas maintenant",
		"settings.low.noneTitle": "Vous avez utilisé tous vos codes de secours",
		"settings.low.lowTitle": "Il vous reste peu de codes de secours",
		"settings.low.none":
			"Il ne reste plus aucun code de secours. Obtenez une nouvelle série avant toute chose, pour pouvoir encore revenir dans votre compte si vous perdez votre téléphone.",
		"settings.low.some":
			"Il ne vous reste que {remaining, plural, one {<strong>#</strong> code de secours} other {<strong>#</strong> codes de secours}} sur {total}. Obtenez une nouvelle série maintenant, tant que vous pouvez encore vous connecter.",
	},
	ar: {
		"settings.title": "الأمان",
		"settings.back": "العودة إلى إعدادات الأمان",
		"settings.continue": "متابعة",
		"settings.yourPassword": "كلمة المرور",
		"settings.orList": "{items} أو {last}",
		"settings.listSeparator": "، ",

		"settings.twoFactor.heading": "المصادقة الثنائية",
		"settings.twoFactor.on": "مفعّلة. يتطلب تسجيل الدخول كلمة المرور وخطوة ثانية.",
		"settings.twoFactor.strongest": "أقوى خطوة ثانية لديك: {method}.",
		"settings.twoFactor.turnOff": "إيقاف المصادقة الثنائية",
		"settings.twoFactor.almostDone":
			"أوشكت على الانتهاء. تم إعداد تطبيق المصادقة؛ احفظ مجموعة من رموز الاحتياط واكتب أحدها لتفعيل المصادقة الثنائية.",
		"settings.twoFactor.off": "غير مفعّلة. يستطيع أي شخص يعرف كلمة المرور تسجيل الدخول.",
		"settings.twoFactor.turnOnWith":
			"يمكنك تفعيلها باستخدام {methods}: احفظ مجموعة من رموز الاحتياط واكتب أحدها، تحسّبًا لفقدانك {count, plural, zero {هذه الطرق} one {هذه الطريقة} two {هاتين الطريقتين} few {هذه الطرق} many {هذه الطرق} other {هذه الطرق}}.",
		"settings.twoFactor.turnOnWithCodes": "التفعيل باستخدام رموز الاحتياط",
		"settings.twoFactor.offAdvice": "غير مفعّلة. يستطيع أي شخص يعرف كلمة المرور تسجيل الدخول. فعّل المصادقة الثنائية لحماية حسابك.",

		"settings.authenticator.heading": "تطبيق المصادقة",
		"settings.authenticator.setUp": "تم الإعداد. يعرض تطبيقك رمزًا جديدًا من 6 أرقام كل 30 ثانية.",
		"settings.authenticator.onlyWay":
			"إنه خطوتك الثانية الوحيدة إلى جانب رموز الاحتياط. لإزالته، أضف طريقة أخرى أولًا، أو أوقف المصادقة الثنائية.",
		"settings.authenticator.startOver": "البدء من جديد",
		"settings.authenticator.remove": "إزالة",
		"settings.authenticator.pitch":
			"استخدم تطبيقًا مثل Google Authenticator أو Microsoft Authenticator أو 1Password للحصول على رموز تسجيل الدخول، حتى دون اتصال بالشبكة.",
		"settings.authenticator.setUpButton": "إعداد تطبيق المصادقة",

		"settings.codes.heading": "رموز الاحتياط",
		"settings.codes.left": "بقي <strong>{remaining}</strong> من أصل {total} من الرموز.",
		"settings.codes.leftNone": "بقي <strong>{remaining}</strong> من أصل {total} من الرموز. لقد استخدمت جميع الرموز: احصل على مجموعة جديدة الآن.",
		"settings.codes.leftLow": "بقي <strong>{remaining}</strong> من أصل {total} من الرموز. رموزك على وشك النفاد: احصل على مجموعة جديدة واحفظها.",
		"settings.codes.created": "تاريخ الإنشاء: {when}. استخدم رمز احتياط عندما لا تستطيع استخدام هاتفك. يصلح كل رمز لمرة واحدة فقط.",
		"settings.codes.pending": "هناك رموز جديدة بانتظارك. اكتب أحدها لبدء استخدامها، في موعد أقصاه {when}؛ وحتى ذلك الحين تبقى رموزك الحالية صالحة.",
		"settings.codes.confirmNew": "تأكيد الرموز الجديدة",
		"settings.codes.confirmYours": "تأكيد رموز الاحتياط",
		"settings.codes.get": "الحصول على رموز الاحتياط",
		"settings.codes.getNew": "الحصول على رموز جديدة",

		"settings.account.heading": "كلمة المرور والنشاط",
		"settings.account.changePassword": "تغيير كلمة المرور",
		"settings.account.activity": "<link>نشاط الحساب</link>: عمليات تسجيل الدخول والتغييرات الأمنية خلال آخر 90 يومًا.",
		"settings.account.apps": "<link>التطبيقات المصرّح لها</link>: التطبيقات التي سمحت لها بتسجيل دخولك، وما يمكنها رؤيته.",
		"settings.help.codesNotWorking": "رموز الاحتياط لا تعمل؟",
		"settings.help.centre": "مركز المساعدة",

		"settings.devices.heading": "الأجهزة الموثوقة",
		"settings.devices.none": "لا يوجد. عند تسجيل الدخول، يمكنك اختيار الوثوق بجهاز لمدة 30 يومًا فيتخطى الخطوة الثانية.",
		"settings.devices.intro": "تتخطى هذه الأجهزة الخطوة الثانية عند تسجيل الدخول، حتى التاريخ المبيّن. تغيير خطواتك الثانية يزيلها جميعًا.",
		"settings.devices.thisDevice": "هذا الجهاز",
		"settings.devices.on": "{browser} على {system}",
		"settings.devices.unknown": "جهاز غير معروف",
		"settings.devices.browser": "متصفح",
		"settings.devices.app": "تطبيق",
		"settings.devices.times": "أول استخدام: {first} · آخر استخدام: {last} · موثوق حتى: {until}",
		"settings.devices.stop": "إيقاف الوثوق",
		"settings.devices.stopAll": "إيقاف الوثوق بجميع الأجهزة",

		"settings.notice.twoFactorOff": "تم إيقاف المصادقة الثنائية. أصبحت كلمة المرور وحدها كافية لتسجيل الدخول.",
		"settings.notice.twoFactorOn": "تم تفعيل المصادقة الثنائية. احتفظ برموز الاحتياط في مكان آمن.",
		"settings.notice.codesReplaced": "رموز الاحتياط الجديدة فعّالة الآن. لم تعد رموزك القديمة تعمل.",
		"settings.notice.passkeyAdded": "مفتاح المرور جاهز. في المرة القادمة، أكّد هويتك باستخدامه.",
		"settings.notice.deviceRevoked": "تم. سيُطلب من ذلك الجهاز اجتياز خطوة ثانية عند تسجيل دخوله التالي.",
		"settings.notice.passwordChanged": "تم تغيير كلمة المرور. تم تسجيل الخروج من جميع الجلسات الأخرى.",
		"settings.notice.emailVerified": "تم تأكيد بريدك الإلكتروني. يمكنك الآن تسجيل الدخول به.",
		"settings.notice.phoneVerified": "تم تأكيد رقم هاتفك.",
		"settings.notice.noCodesWaiting": "لا توجد رموز احتياط جديدة بانتظار التأكيد. للحصول على مجموعة جديدة، اختر «الحصول على رموز جديدة».",
		"settings.notice.backupCodeUsed": "سجّلت الدخول باستخدام رمز احتياط. بقي {remaining} من أصل {total} من الرموز.",
		"settings.notice.backupCodeUsedPlain": "سجّلت الدخول باستخدام رمز احتياط.",

		"settings.off.intro": "كلمة المرور صحيحة. بعد الإيقاف، سيتمكن أي شخص يعرف كلمة المرور من تسجيل الدخول.",
		"settings.off.explanation":
			"بدون المصادقة الثنائية، تكفي كلمة المرور وحدها لتسجيل الدخول. سيُزال تطبيق المصادقة ورموز الاحتياط. أدخل كلمة المرور، ثم أكّد هويتك بخطوة ثانية.",
		"settings.off.tooLong": "استغرق ذلك وقتًا طويلًا",
		"settings.off.startAgain": "البدء من جديد",

		"settings.newCodes.title": "الحصول على رموز احتياط جديدة",
		"settings.newCodes.explanation":
			"ستحصل على مجموعة جديدة من {count, plural, zero {# رمز} one {رمز واحد} two {رمزين} few {# رموز} many {# رمزًا} other {# رمز}}. تبقى رموزك الحالية صالحة إلى أن تكتب أحد الرموز الجديدة لتُثبت أنك حفظتها. أدخل كلمة المرور للمتابعة.",
		"settings.newCodes.expired": "انتهت صلاحية تلك الرموز",
		"settings.newCodes.getNewSet": "الحصول على مجموعة جديدة",

		"settings.file.title": "رموز الاحتياط",
		"settings.file.site": "الموقع: {site}",
		"settings.file.account": "الحساب: {username}",
		"settings.file.created": "تاريخ الإنشاء: {day}",
		"settings.file.keep":
			"يصلح كل رمز لمرة واحدة فقط: ضع علامة عليه عند استخدامه.\nاحتفظ بهذه القائمة في مكان آمن بعيدًا عن هاتفك: في مدير كلمات المرور،\nأو مطبوعة مع أوراقك المهمة.\nتحلّ القائمة الجديدة محل هذه القائمة؛ وعندها تتوقف هذه الرموز عن العمل.\nلن يطلب منك أحد من هذا الموقع أي رمز عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية.",
		"settings.image.site": "الموقع: {site}",
		"settings.image.account": "الحساب: {username}",
		"settings.image.created": "تاريخ الإنشاء: {day}",
		"settings.image.keep":
			"يصلح كل رمز لمرة واحدة فقط: ضع علامة عليه عند استخدامه.\nاحتفظ بهذه الصورة لنفسك. تحلّ القائمة الجديدة محل هذه القائمة.\nلن يطلب منك أحد أي رمز عبر رسالة أو مكالمة هاتفية.",

		"settings.save.title": "احفظ رموز الاحتياط",
		"settings.save.printIntro":
			"رموز الاحتياط للحساب <strong>{username}</strong> على {site}، أُنشئت في {day}. يصلح كل رمز لمرة واحدة فقط: ضع علامة عليه عند استخدامه.",
		"settings.save.intro":
			"إذا فقدت هاتفك، فهذه الرموز هي طريقك للعودة إلى حسابك. <strong>هذه هي المرة الوحيدة التي تُعرض فيها.</strong> احفظها الآن: انسخها أو نزّلها أو اطبعها، واحتفظ بها في مكان آمن.",
		"settings.save.listLabel": "رموز الاحتياط",
		"settings.save.created": "تاريخ الإنشاء: {when}. يصلح كل رمز لمرة واحدة فقط.",
		"settings.save.copyAll": "نسخ الكل",
		"settings.save.downloadTxt": "تنزيل كملف نصي (txt)",
		"settings.save.downloadImage": "تنزيل كصورة",
		"settings.save.print": "طباعة",
		"settings.save.copied": "تم النسخ. الصقها في مكان آمن، مثل مدير كلمات المرور.",
		"settings.save.copyByHand": "حدّد الرموز وانسخها.",
		"settings.save.imageSaved": "تم حفظ الصورة. احتفظ بها في مكان آمن، مثل ألبوم خاص.",
		"settings.save.lastStep": "الخطوة الأخيرة: أثبت أنك حفظتها",
		"settings.save.showSaved": "أثبت أنك حفظتها",
		"settings.save.typeOneFirst":
			"اكتب أيًّا من الرموز أعلاه من المكان الذي حفظته فيه. تُفعَّل المصادقة الثنائية عندما تفعل ذلك. يبقى الرمز الذي تكتبه صالحًا للاستخدام. افعل ذلك في موعد أقصاه {when}.",
		"settings.save.typeOneLater":
			"اكتب أيًّا من الرموز أعلاه من المكان الذي حفظته فيه. تحلّ رموزك الجديدة محل القديمة عندما تفعل ذلك؛ وحتى ذلك الحين تبقى رموزك القديمة صالحة. يبقى الرمز الذي تكتبه صالحًا للاستخدام. افعل ذلك في موعد أقصاه {when}.",
		"settings.save.codeLabel": "أحد رموزك الجديدة",
		"settings.save.confirm": "تأكيد",

		"settings.confirm.introFirst": "اكتب أيًّا من الرموز الجديدة من المكان الذي حفظتها فيه، في موعد أقصاه {when}. تُفعَّل المصادقة الثنائية عندما تفعل ذلك.",
		"settings.confirm.introLater": "اكتب أيًّا من الرموز الجديدة من المكان الذي حفظتها فيه، في موعد أقصاه {when}. تحلّ رموزك الجديدة عندها محل القديمة.",
		"settings.confirm.didntSave": "لم تحفظها؟ <link>احصل على مجموعة جديدة</link>: الرموز التي عُرضت عليك لن تُعرض مرة أخرى.",

		"settings.low.pendingTitle": "تأكيد رموز الاحتياط الجديدة",
		"settings.low.pendingNone":
			"لم يبقَ أي رمز في قائمتك الحالية، ولديك مجموعة جديدة بانتظارك. اكتب أحد الرموز الجديدة لبدء استخدامها، في موعد أقصاه {when}.",
		"settings.low.pendingSome":
			"بقي <strong>{remaining}</strong> فقط من رموزك الحالية، ولديك مجموعة جديدة بانتظارك. اكتب أحد الرموز الجديدة لبدء استخدامها، في موعد أقصاه {when}.",
		"settings.low.confirmNew": "تأكيد رموزك الجديدة",
		"settings.low.throwsAway": "إذا حصلت على مجموعة أخرى بدلًا من ذلك، فستُلغى المجموعة التي بانتظارك.",
		"settings.low.getAnother": "الحصول على مجموعة أخرى",
		"settings.low.notNow": "ليس الآن",
		"settings.low.noneTitle": "لقد استخدمت جميع رموز الاحتياط",
		"settings.low.lowTitle": "رموز الاحتياط لديك على وشك النفاد",
		"settings.low.none": "لم يبقَ أي رمز احتياط. احصل على مجموعة جديدة قبل أي شيء آخر، حتى تتمكن من الدخول إذا فقدت هاتفك.",
		"settings.low.some": "بقي <strong>{remaining}</strong> فقط من أصل {total} من رموز الاحتياط. احصل على مجموعة جديدة الآن، ما دمت قادرًا على تسجيل الدخول.",
	},
});
