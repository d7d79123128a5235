import { defineMessages } from "../define.ts";

/**
 * What each second-factor method says about itself (MethodCopy), and the
 * messages of the errors its answers fail with. Nouns and phrases ("noun",
 * "confirmWith", "signedInWith") are written to be dropped into a sentence of
 * the same language ("Now confirm it is you with {method}").
 */
export default defineMessages({
	en: {
		"methods.passkey.unreadable": "The passkey's answer was not readable. Try again.",
		"methods.passkey.unknown": "That passkey is not registered on this account.",
		"methods.passkey.notConfirmed": "The passkey didn't confirm this sign-in. Try again, or try another way.",
		"methods.passkey.counterBackwards": "This passkey's signature counter went backwards. Remove it and add it again.",
		"methods.totp.title": "Authenticator app",
		"methods.totp.label": "6-digit code",
		"methods.totp.hint": "Open your authenticator app and enter the code it shows for {product}.",
		"methods.totp.advice.code_already_used": "Wait for your app to show a new code, then type that one.",
		"methods.totp.advice.invalid_code":
			"Check that your phone's clock is right and that the code is the one shown for {product}, then type it again.",
		"methods.totp.setUpAdvice.invalid_code":
			"The codes depend on your phone's time being right: set its date and time to automatic, wait for a new code, then type that one.",
		"methods.totp.noun": "authenticator app",
		"methods.totp.confirmWith": "your authenticator app",
		"methods.totp.signedInWith": "your authenticator app",
		"methods.totp.wrongCode":
			"That code didn't work. Check that your phone's clock is right, wait for a new code and try again, or try another way.",
		"methods.totp.setUp.wrongCode":
			"That code didn't match. Check that your phone's clock is right: the codes depend on your phone's time, so set its date and time to automatic. Then check that the app shows {product} and type the newest code.",

		"methods.passkey.title": "Passkey",
		"methods.passkey.label": "Passkey",
		"methods.passkey.hint": "Use the passkey on this device or a security key: your fingerprint, face or screen lock confirms it is you.",
		"methods.passkey.advice.invalid_code": "Try your passkey again, on the device or security key you registered for this account.",
		"methods.passkey.advice.code_already_used": "Try your passkey again: each answer from it works once.",
		"methods.passkey.noun": "passkey",
		"methods.passkey.confirmWith": "your passkey",
		"methods.passkey.signedInWith": "a passkey",
		"methods.passkey.needsName":
			"Passkeys work only when {product} is reached by its name (like localhost), not by an IP address. Try another way.",
		"methods.passkey.notCreated": "The passkey could not be created. Try again.",

		"methods.backup_code.title": "Backup code",
		"methods.backup_code.label": "Backup code",
		"methods.backup_code.hint": "Enter one of the backup codes you saved. Each code works once; spaces and dashes don't matter.",
		"methods.backup_code.advice.code_typo":
			"Type it again, comparing each character with your list: one is probably missing or extra, or two are swapped.",
		"methods.backup_code.advice.code_already_used": "Cross that code off your list: it has been used. Check that you typed the one you meant.",
		"methods.backup_code.advice.code_replaced": "Find your newest list: codes from a list you replaced no longer work.",
		"methods.backup_code.advice.invalid_code": "Type it again carefully, checking each character against your list.",
		"methods.backup_code.noun": "backup code",
		"methods.backup_code.confirmWith": "your backup code",
		"methods.backup_code.signedInWith": "a backup code",
		"methods.backup_code.wrongCode":
			"That backup code didn't work. Check each character, try another code from your newest list, or try another way.",
		"methods.backup_code.notNewCode": "That code is not one of your new codes. Check it against the list you saved and type it again.",

		"methods.sms.title": "Text message",
		"methods.sms.label": "6-digit code",
		"methods.sms.hint": "Enter the 6-digit code we sent by text message.",
		"methods.sms.advice.invalid_code":
			"Check that you typed the code from the newest message: a new code replaces the one before, and each works for 10 minutes. If it has expired, send a new one.",
		"methods.sms.advice.code_already_used": "That code has been used already. Send a new code, then type that one.",
		"methods.sms.noun": "text message",
		"methods.sms.signedInWith": "a text message code",
		"methods.sms.confirmWith": "a text message",
		"methods.sms.sending.verb": "text",
		"methods.sms.sending.choose": "Get a code by text message to",
		"methods.sms.sending.nowhere": "your phone",
		"methods.sms.sending.willSend": "We'll text a 6-digit code to {where}.",
		"methods.sms.sending.choice": "Get a code by text message to {where}.",
		"methods.sms.sending.willSendNowhere": "We'll text a 6-digit code to your phone.",
		"methods.sms.sending.choiceNowhere": "Get a code by text message to your phone.",

		"methods.email.title": "Email",
		"methods.email.label": "6-digit code",
		"methods.email.hint": "Enter the 6-digit code we sent by email.",
		"methods.email.advice.invalid_code":
			"Check that you typed the code from the newest message: a new code replaces the one before, and each works for 10 minutes. If it has expired, send a new one.",
		"methods.email.advice.code_already_used": "That code has been used already. Send a new code, then type that one.",
		"methods.email.noun": "email code",
		"methods.email.signedInWith": "an email code",
		"methods.email.confirmWith": "an email",
		"methods.email.sending.verb": "email",
		"methods.email.sending.choose": "Get a code by email at",
		"methods.email.sending.nowhere": "your email address",
		"methods.email.sending.willSend": "We'll email a 6-digit code to {where}.",
		"methods.email.sending.choice": "Get a code by email at {where}.",
		"methods.email.sending.willSendNowhere": "We'll email a 6-digit code to your email address.",
		"methods.email.sending.choiceNowhere": "Get a code by email at your email address.",
	},
	fr: {
		"methods.passkey.unreadable": "La réponse de la clé d’accès est illisible. Réessayez.",
		"methods.passkey.unknown": "Cette clé d’accès n’est pas enregistrée sur ce compte.",
		"methods.passkey.notConfirmed": "La clé d’accès n’a pas confirmé cette connexion. Réessayez, ou essayez une autre méthode.",
		"methods.passkey.counterBackwards": "Le compteur de signatures de cette clé d’accès a reculé. Retirez-la, puis ajoutez-la à nouveau.",
		"methods.totp.title": "Application d’authentification",
		"methods.totp.label": "Code à 6 chiffres",
		"methods.totp.hint": "Ouvrez votre application d’authentification et saisissez le code qu’elle affiche pour {product}.",
		"methods.totp.advice.code_already_used": "Attendez que votre application affiche un nouveau code, puis saisissez celui-ci.",
		"methods.totp.advice.invalid_code":
			"Vérifiez que l’horloge de votre téléphone est à l’heure et que le code est bien celui affiché pour {product}, puis saisissez-le à nouveau.",
		"methods.totp.setUpAdvice.invalid_code":
			"Les codes dépendent de l’heure de votre téléphone : réglez sa date et son heure sur automatique, attendez un nouveau code, puis saisissez celui-ci.",
		"methods.totp.noun": "application d’authentification",
		"methods.totp.confirmWith": "votre application d’authentification",
		"methods.totp.signedInWith": "votre application d’authentification",
		"methods.totp.wrongCode":
			"Ce code n’a pas fonctionné. Vérifiez que l’horloge de votre téléphone est à l’heure, attendez un nouveau code et réessayez, ou choisissez une autre façon.",
		"methods.totp.setUp.wrongCode":
			"Ce code ne correspond pas. Vérifiez que l’horloge de votre téléphone est à l’heure : les codes dépendent de l’heure de votre téléphone, alors réglez sa date et son heure sur automatique. Vérifiez ensuite que l’application affiche {product} et saisissez le code le plus récent.",

		"methods.passkey.title": "Clé d’accès",
		"methods.passkey.label": "Clé d’accès",
		"methods.passkey.hint":
			"Utilisez la clé d’accès de cet appareil ou une clé de sécurité : votre empreinte, votre visage ou le verrouillage de l’écran confirme qu’il s’agit bien de vous.",
		"methods.passkey.advice.invalid_code":
			"Réessayez votre clé d’accès, sur l’appareil ou la clé de sécurité enregistrés pour ce compte.",
		"methods.passkey.advice.code_already_used": "Réessayez votre clé d’accès : chacune de ses réponses ne fonctionne qu’une fois.",
		"methods.passkey.noun": "clé d’accès",
		"methods.passkey.confirmWith": "votre clé d’accès",
		"methods.passkey.signedInWith": "une clé d’accès",
		"methods.passkey.needsName":
			"Les clés d’accès ne fonctionnent que lorsque {product} est joint par son nom (comme localhost), pas par une adresse IP. Choisissez une autre façon.",
		"methods.passkey.notCreated": "La clé d’accès n’a pas pu être créée. Réessayez.",

		"methods.backup_code.title": "Code de secours",
		"methods.backup_code.label": "Code de secours",
		"methods.backup_code.hint":
			"Saisissez l’un des codes de secours que vous avez enregistrés. Chaque code ne fonctionne qu’une fois ; les espaces et les tirets ne comptent pas.",
		"methods.backup_code.advice.code_typo":
			"Saisissez-le à nouveau en comparant chaque caractère à votre liste : il en manque probablement un, il y en a un de trop, ou deux sont inversés.",
		"methods.backup_code.advice.code_already_used":
			"Rayez ce code de votre liste : il a été utilisé. Vérifiez que vous avez saisi celui que vous vouliez.",
		"methods.backup_code.advice.code_replaced":
			"Retrouvez votre liste la plus récente : les codes d’une liste que vous avez remplacée ne fonctionnent plus.",
		"methods.backup_code.advice.invalid_code": "Saisissez-le à nouveau avec soin, en vérifiant chaque caractère d’après votre liste.",
		"methods.backup_code.noun": "code de secours",
		"methods.backup_code.confirmWith": "votre code de secours",
		"methods.backup_code.signedInWith": "un code de secours",
		"methods.backup_code.wrongCode":
			"Ce code de secours n’a pas fonctionné. Vérifiez chaque caractère, essayez un autre code de votre liste la plus récente, ou choisissez une autre façon.",
		"methods.backup_code.notNewCode":
			"Ce code ne fait pas partie de vos nouveaux codes. Comparez-le à la liste que vous avez enregistrée et saisissez-le à nouveau.",

		"methods.sms.title": "SMS",
		"methods.sms.label": "Code à 6 chiffres",
		"methods.sms.hint": "Saisissez le code à 6 chiffres que nous vous avons envoyé par SMS.",
		"methods.sms.advice.invalid_code":
			"Vérifiez que vous avez saisi le code du SMS le plus récent : un nouveau code remplace le précédent, et chacun est valable 10 minutes. S’il a expiré, demandez-en un nouveau.",
		"methods.sms.advice.code_already_used": "Ce code a déjà été utilisé. Demandez un nouveau code, puis saisissez celui-ci.",
		"methods.sms.noun": "SMS",
		"methods.sms.signedInWith": "un code reçu par SMS",
		"methods.sms.confirmWith": "un SMS",
		"methods.sms.sending.verb": "envoyer par SMS",
		"methods.sms.sending.choose": "Recevoir un code par SMS sur",
		"methods.sms.sending.nowhere": "votre téléphone",
		"methods.sms.sending.willSend": "Nous allons envoyer un code à 6 chiffres par SMS au {where}.",
		"methods.sms.sending.choice": "Recevoir un code par SMS au {where}.",
		"methods.sms.sending.willSendNowhere": "Nous allons envoyer un code à 6 chiffres par SMS sur votre téléphone.",
		"methods.sms.sending.choiceNowhere": "Recevoir un code par SMS sur votre téléphone.",

		"methods.email.title": "E-mail",
		"methods.email.label": "Code à 6 chiffres",
		"methods.email.hint": "Saisissez le code à 6 chiffres que nous vous avons envoyé par e-mail.",
		"methods.email.advice.invalid_code":
			"Vérifiez que vous avez saisi le code de l’e-mail le plus récent : un nouveau code remplace le précédent, et chacun est valable 10 minutes. S’il a expiré, demandez-en un nouveau.",
		"methods.email.advice.code_already_used": "Ce code a déjà été utilisé. Demandez un nouveau code, puis saisissez celui-ci.",
		"methods.email.noun": "code reçu par e-mail",
		"methods.email.signedInWith": "un code reçu par e-mail",
		"methods.email.confirmWith": "un e-mail",
		"methods.email.sending.verb": "envoyer par e-mail",
		"methods.email.sending.choose": "Recevoir un code par e-mail à",
		"methods.email.sending.nowhere": "votre adresse e-mail",
		"methods.email.sending.willSend": "Nous allons envoyer un code à 6 chiffres par e-mail à {where}.",
		"methods.email.sending.choice": "Recevoir un code par e-mail à {where}.",
		"methods.email.sending.willSendNowhere": "Nous allons envoyer un code à 6 chiffres à votre adresse e-mail.",
		"methods.email.sending.choiceNowhere": "Recevoir un code à votre adresse e-mail.",
	},
	ar: {
		"methods.passkey.unreadable": "تعذّرت قراءة رد مفتاح المرور. حاول مرة أخرى.",
		"methods.passkey.unknown": "مفتاح المرور هذا غير مسجَّل في هذا الحساب.",
		"methods.passkey.notConfirmed": "لم يؤكد مفتاح المرور تسجيل الدخول هذا. حاول مرة أخرى، أو جرّب طريقة أخرى.",
		"methods.passkey.counterBackwards": "عاد عدّاد التوقيعات في مفتاح المرور هذا إلى الوراء. أزله ثم أضفه من جديد.",
		"methods.totp.title": "تطبيق المصادقة",
		"methods.totp.label": "رمز من 6 أرقام",
		"methods.totp.hint": "افتح تطبيق المصادقة وأدخل الرمز الذي يعرضه لـ{product}.",
		"methods.totp.advice.code_already_used": "انتظر حتى يعرض تطبيقك رمزًا جديدًا، ثم اكتب ذلك الرمز.",
		"methods.totp.advice.invalid_code": "تحقّق من أن ساعة هاتفك مضبوطة ومن أن الرمز هو المعروض لـ{product}، ثم اكتبه مرة أخرى.",
		"methods.totp.setUpAdvice.invalid_code":
			"تعتمد الرموز على صحة الوقت في هاتفك: اضبط التاريخ والوقت فيه على الوضع التلقائي، وانتظر رمزًا جديدًا، ثم اكتب ذلك الرمز.",
		"methods.totp.noun": "تطبيق المصادقة",
		"methods.totp.confirmWith": "تطبيق المصادقة",
		"methods.totp.signedInWith": "تطبيق المصادقة",
		"methods.totp.wrongCode":
			"لم ينجح هذا الرمز. تحقّق من أن ساعة هاتفك مضبوطة، وانتظر رمزًا جديدًا وحاول مرة أخرى، أو جرّب طريقة أخرى.",
		"methods.totp.setUp.wrongCode":
			"هذا الرمز غير مطابق. تأكد من أن ساعة هاتفك مضبوطة: تعتمد الرموز على صحة الوقت في هاتفك، لذا اضبط التاريخ والوقت فيه على الوضع التلقائي. ثم تحقّق من أن التطبيق يعرض {product} واكتب أحدث رمز.",

		"methods.passkey.title": "مفتاح المرور",
		"methods.passkey.label": "مفتاح المرور",
		"methods.passkey.hint": "استخدم مفتاح المرور على هذا الجهاز أو مفتاح أمان: بصمتك أو وجهك أو قفل الشاشة يؤكد أنك أنت.",
		"methods.passkey.advice.invalid_code": "جرّب مفتاح المرور مرة أخرى، على الجهاز أو مفتاح الأمان الذي سجّلته لهذا الحساب.",
		"methods.passkey.advice.code_already_used": "جرّب مفتاح المرور مرة أخرى: كل إجابة منه تعمل مرة واحدة فقط.",
		"methods.passkey.noun": "مفتاح المرور",
		"methods.passkey.confirmWith": "مفتاح المرور",
		"methods.passkey.signedInWith": "مفتاح مرور",
		"methods.passkey.needsName":
			"لا تعمل مفاتيح المرور إلا عند الوصول إلى {product} باسمه (مثل localhost)، لا بعنوان IP. جرّب طريقة أخرى.",
		"methods.passkey.notCreated": "تعذّر إنشاء مفتاح المرور. حاول مرة أخرى.",

		"methods.backup_code.title": "رمز الاحتياط",
		"methods.backup_code.label": "رمز الاحتياط",
		"methods.backup_code.hint": "أدخل أحد رموز الاحتياط التي حفظتها. يعمل كل رمز مرة واحدة؛ ولا تهم المسافات والشرطات.",
		"methods.backup_code.advice.code_typo": "اكتبه مرة أخرى مقارنًا كل حرف بقائمتك: ربما ينقصه حرف أو فيه حرف زائد، أو تبادل حرفان مكانيهما.",
		"methods.backup_code.advice.code_already_used": "اشطب هذا الرمز من قائمتك: لقد استُخدم. تحقّق من أنك كتبت الرمز الذي قصدته.",
		"methods.backup_code.advice.code_replaced": "ابحث عن أحدث قائمة لديك: رموز القائمة التي استبدلتها لم تعد تعمل.",
		"methods.backup_code.advice.invalid_code": "اكتبه مرة أخرى بعناية، متحققًا من كل حرف مقارنةً بقائمتك.",
		"methods.backup_code.noun": "رمز احتياط",
		"methods.backup_code.confirmWith": "رمز الاحتياط",
		"methods.backup_code.signedInWith": "رمز احتياط",
		"methods.backup_code.wrongCode": "لم ينجح رمز الاحتياط هذا. تحقّق من كل حرف، أو جرّب رمزًا آخر من أحدث قائمة لديك، أو جرّب طريقة أخرى.",
		"methods.backup_code.notNewCode": "هذا الرمز ليس من رموزك الجديدة. قارنه بالقائمة التي حفظتها واكتبه مرة أخرى.",

		"methods.sms.title": "رسالة نصية",
		"methods.sms.label": "رمز من 6 أرقام",
		"methods.sms.hint": "أدخل الرمز المكوّن من 6 أرقام الذي أرسلناه برسالة نصية.",
		"methods.sms.advice.invalid_code":
			"تحقّق من أنك كتبت الرمز الوارد في أحدث رسالة نصية: كل رمز جديد يحل محل الرمز السابق، ويصلح كل رمز لمدة 10 دقائق. إن انتهت صلاحيته، فاطلب رمزًا جديدًا.",
		"methods.sms.advice.code_already_used": "سبق استخدام هذا الرمز. اطلب رمزًا جديدًا، ثم اكتب ذلك الرمز.",
		"methods.sms.noun": "رسالة نصية",
		"methods.sms.signedInWith": "رمز برسالة نصية",
		"methods.sms.confirmWith": "رسالة نصية",
		"methods.sms.sending.verb": "نرسل برسالة نصية",
		"methods.sms.sending.choose": "احصل على رمز برسالة نصية إلى",
		"methods.sms.sending.nowhere": "هاتفك",
		"methods.sms.sending.willSend": "سنرسل رمزًا من 6 أرقام برسالة نصية إلى {where}.",
		"methods.sms.sending.choice": "احصل على رمز برسالة نصية إلى {where}.",
		"methods.sms.sending.willSendNowhere": "سنرسل رمزًا من 6 أرقام برسالة نصية إلى هاتفك.",
		"methods.sms.sending.choiceNowhere": "احصل على رمز برسالة نصية إلى هاتفك.",

		"methods.email.title": "البريد الإلكتروني",
		"methods.email.label": "رمز من 6 أرقام",
		"methods.email.hint": "أدخل الرمز المكوّن من 6 أرقام الذي أرسلناه بالبريد الإلكتروني.",
		"methods.email.advice.invalid_code":
			"تحقّق من أنك كتبت الرمز الوارد في أحدث رسالة بريد إلكتروني: كل رمز جديد يحل محل الرمز السابق، ويصلح كل رمز لمدة 10 دقائق. إن انتهت صلاحيته، فاطلب رمزًا جديدًا.",
		"methods.email.advice.code_already_used": "سبق استخدام هذا الرمز. اطلب رمزًا جديدًا، ثم اكتب ذلك الرمز.",
		"methods.email.noun": "رمز بالبريد الإلكتروني",
		"methods.email.signedInWith": "رمز بالبريد الإلكتروني",
		"methods.email.confirmWith": "رسالة بريد إلكتروني",
		"methods.email.sending.verb": "نرسل بالبريد الإلكتروني",
		"methods.email.sending.choose": "احصل على رمز بالبريد الإلكتروني على",
		"methods.email.sending.nowhere": "عنوان بريدك الإلكتروني",
		"methods.email.sending.willSend": "سنرسل رمزًا من 6 أرقام بالبريد الإلكتروني إلى {where}.",
		"methods.email.sending.choice": "احصل على رمز بالبريد الإلكتروني على {where}.",
		"methods.email.sending.willSendNowhere": "سنرسل رمزًا من 6 أرقام إلى عنوان بريدك الإلكتروني.",
		"methods.email.sending.choiceNowhere": "احصل على رمز على عنوان بريدك الإلكتروني.",
	},
});
