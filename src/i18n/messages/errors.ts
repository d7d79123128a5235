import { defineMessages } from "../define.ts";

/**
 * The words of every error code (pages and the API's error.message), of the
 * messages some errors carry instead, and of the problems of fields
 * ("errors.field.<reason>"). Codes, reasons and details are data and never
 * change with the language; only these words do.
 */
export default defineMessages({
	en: {
		"errors.field.method.notReplaceable": "Only a method with one credential is replaced: add the new one, then remove the old.",
		"errors.sentCode.expired": "That code has expired or a newer one was sent. Send a new code, or try another way.",
		"errors.sentCode.sixDigits": "Codes are 6 digits. Check the message and type it again.",
		"errors.sentCode.wrong": "That code didn't match. Check the message and type it again, or send a new code.",
		"errors.invalid_request": "Some of the fields are missing or not in the expected form.",
		"errors.invalid_json": "The request body is not valid JSON.",
		"errors.invalid_encoding": "The request contains text that is not valid UTF-8.",
		"errors.payload_too_large": "The request is larger than {product} accepts.",
		"errors.unsupported_media_type": "Send JSON (application/json) or a form (application/x-www-form-urlencoded).",
		"errors.weak_password": "Choose a different password.",
		"errors.username_taken": "That username is already taken. Try another one.",
		"errors.invalid_credentials": "The username or password is not right. Check both and try again.",
		"errors.unauthenticated": "You are not signed in, or your session has ended. Sign in again.",
		"errors.invalid_code": "That code didn't work. Check it and try again, or try another way to sign in.",
		"errors.code_already_used": "That backup code has already been used. Each code works once: try another one from your list.",
		"errors.code_typo":
			"That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.",
		"errors.code_replaced": "That code is from an old list that has been replaced. Use a code from your newest list.",
		"errors.no_pending_codes": "There are no new backup codes waiting to be confirmed. They may have expired after an hour: get a new set.",
		"errors.challenge_expired": "This sign-in attempt has expired or already finished. Start again with your username and password.",
		"errors.app_sign_in_expired": "This sign-in to an app has expired or already finished. Go back to the app and start again from there.",
		"errors.too_many_attempts": "Too many attempts. For your safety, wait a little before trying again.",
		"errors.method_not_available": "That way of signing in is not set up on this account.",
		"errors.second_factor_unavailable":
			"Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in.",
		"errors.two_factor_already_enabled": "The authenticator app is already turned on for this account.",
		"errors.totp_not_pending": "Start setting up the authenticator app again: there is no set-up waiting for a code.",
		"errors.two_factor_not_enabled": "Two-factor authentication is not turned on for this account.",
		"errors.resend_too_soon": "A code was sent less than a minute ago. Give it a moment to arrive before asking for another.",
		"errors.delivery_failed": "We couldn't send the code. Try again in a little while, or use another way.",
		"errors.phone_in_use": "That phone number already protects another account. Use a different number.",
		"errors.email_in_use": "That email address belongs to another account. Use a different address.",
		"errors.no_contact": "There is no such address on this account waiting for a code. Add it again.",
		"errors.last_second_factor":
			"This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.",
		"errors.passkey_already_registered": "This passkey is already registered. Use it, or create a new one on another device or security key.",
		"errors.channel_unavailable": "{product} cannot send messages of this kind right now. Use another way.",
		"errors.recovery_in_progress":
			"Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.",
		"errors.recovery_request_open":
			"You have already asked for an identity check. The people who run this service will look at it; there is no need to ask again.",
		"errors.recovery_paused":
			"The password of this account was reset without a second step. For your safety, a code by email or text message cannot start a recovery until your authenticator app, a passkey or a backup code has signed in. You can ask for an identity check instead.",
		"errors.two_factor_setup_required":
			"Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.",
		"errors.new_backup_codes_required":
			"Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.",
		"errors.invalid_link": "This link has expired or has already been used. Links in our messages work once, for a limited time.",
		"errors.own_identity_check": "This identity check is for your own account: another operator must decide it.",
		"errors.server_busy": "{product} is very busy right now and could not take this request. Nothing was changed; try again in a moment.",
		"errors.csrf_failed": "This form has expired or did not come from {product}. Reload the page and try again.",
		"errors.not_found": "There is nothing here.",
		"errors.stream_exists": "This receiver already has its stream: read it, or change it with PATCH or PUT.",
		"errors.stream_disabled_by_operator": "Tessera's operator disabled this stream: only the operator can enable it again.",
		"errors.ssf.token": "The bearer token is missing, or is not a receiver's token for this stream.",
		"errors.internal_error": "Something went wrong on our side. Nothing was changed; please try again.",

		// Written from the details: {when} is a moment as formatWhen writes it ("today, 20:34").
		"errors.code_already_used.backupCodeAt":
			"That backup code was already used ({when}). Each code works once: try another unused code from your list.",
		"errors.code_already_used.sent": "That code was already used. Send a new code if you need one.",
		"errors.code_already_used.sentAt": "That code was already used ({when}). Send a new code if you need one.",
		"errors.code_already_used.totp": "That code has already been used. Wait for your app to show a new code, then type the new one.",
		"errors.code_already_used.passkey": "That passkey answer was already used. Try the passkey again.",
		"errors.code_replaced.at": "That code is from a list that was replaced ({when}). Use a code from your newest list.",

		// Messages some errors carry instead of their code's.
		"errors.request.contentLength": "The request body does not match its Content-Length.",
		"errors.request.tooDeep": "The request body nests deeper than {depth} levels.",
		"errors.request.emptyBody": "The request body is empty; send a JSON object.",
		"errors.request.twoHosts": "The request has more than one Host header.",
		"errors.session.ended": "Your session has ended. Sign in again.",
		"errors.password.notRight": "That password is not right. Enter the password you use to sign in.",

		// The problem of a field, by its reason.
		"errors.field.required": "This field is required.",
		"errors.field.not_accepted": "This field is not accepted here.",
		"errors.field.wrong_type": "Must be of type {type}.",
		"errors.field.too_long": "{limit, plural, one {Must be at most # character.} other {Must be at most # characters.}}",
		"errors.field.too_short": "{limit, plural, one {Must be at least # character.} other {Must be at least # characters.}}",
		"errors.field.not_one_of": "Must be one of: {values}.",
		"errors.field.not_valid": "Not in the expected form.",
		"errors.field.invalid": "Not valid.",
		"errors.field.username_length": "Use {min} to {max} characters.",
		"errors.field.username_characters": "Use only letters a-z, digits 0-9, dots and underscores.",
		"errors.field.username_lower_case":
			"Usernames are kept in lower case, without spaces, so yours would be “{name}”. Type it that way if it suits you.",
		"errors.field.username_taken": "That username is taken.",
		"errors.field.email_format": "Enter an email address like name@example.com, or leave it empty.",
		"errors.field.email_format.contact": "Enter an email address like name@example.com.",
		"errors.field.password_length": "Use {min} to {max} characters.",
		"errors.field.password_common": "This password is one of the most common passwords, so it is easy to guess. Choose another.",
		"errors.field.password_has_username": "Your password must not contain your username.",
		"errors.field.password_wrong": "Not the right password.",
		"errors.field.phone_invalid": "That is not a valid phone number.",
		"errors.field.phone_not_mobile": "Use a mobile number that can receive text messages.",
		"errors.field.phone_no_country_code": "Write the number with its country code, starting with +, like +44 7911 123456.",
		"errors.field.sent_twice": "This field was sent twice.",
		"errors.field.bad_text": "Contains a NUL character or broken Unicode text.",
		"errors.field.required.forMethod": "Required for this method.",
		"errors.field.required.response": "The authenticator's answer, as an object, is required for this method.",
		"errors.field.required.answer": "A code, or the authenticator's answer, is required.",
		"errors.field.method.settable": "These can be set up here: {methods}.",
		"errors.field.method.useOneOf": "Use one of: {methods}.",
		"errors.field.method.noneStarts": "This account has no method that starts this way.",
		"errors.field.method.senders": "Codes can be sent by: {methods}.",
		"errors.field.method.noSenders": "This account has no method that sends codes.",
		"errors.field.identityCheck.tooShort": "Tell us a little more: at least a sentence about the account and what happened.",
		"errors.field.note.required": "A note is required.",
		"errors.passkey.unreadable": "The answer from your passkey or security key was not readable. Try again.",
		"errors.twoFactor.setUpFirst":
			"Set up a way to confirm it is you first (an authenticator app, a passkey or a verified phone number), then get backup codes to turn two-factor authentication on.",
		"errors.recovery.noConfirmedPhone": "This account has no confirmed phone number. Use another one, or ask for an identity check.",
		"errors.recovery.noConfirmedEmail": "This account has no confirmed email address. Use another one, or ask for an identity check.",
		"errors.reset.wrongCode": "That code didn't work, or it has expired. Check the text message, or ask for a new code.",
		"errors.identityCheck.noteRequired": "Write a note for the audit log: why this request is approved or denied.",
	},
	fr: {
		"errors.field.method.notReplaceable": "Seule une méthode à un seul identifiant peut être remplacée : ajoutez la nouvelle, puis retirez l’ancienne.",
		"errors.sentCode.expired": "Ce code a expiré, ou un code plus récent a été envoyé. Demandez un nouveau code, ou essayez une autre méthode.",
		"errors.sentCode.sixDigits": "Les codes comportent 6 chiffres. Vérifiez le message et saisissez-le à nouveau.",
		"errors.sentCode.wrong": "Ce code ne correspond pas. Vérifiez le message et saisissez-le à nouveau, ou demandez un nouveau code.",
		"errors.invalid_request": "Certains champs manquent ou n’ont pas la forme attendue.",
		"errors.invalid_json": "Le corps de la requête n’est pas du JSON valide.",
		"errors.invalid_encoding": "La requête contient du texte qui n’est pas de l’UTF-8 valide.",
		"errors.payload_too_large": "La requête dépasse la taille que {product} accepte.",
		"errors.unsupported_media_type": "Envoyez du JSON (application/json) ou un formulaire (application/x-www-form-urlencoded).",
		"errors.weak_password": "Choisissez un autre mot de passe.",
		"errors.username_taken": "Ce nom d’utilisateur est déjà pris. Essayez-en un autre.",
		"errors.invalid_credentials": "Le nom d’utilisateur ou le mot de passe n’est pas bon. Vérifiez les deux et réessayez.",
		"errors.unauthenticated": "Vous n’êtes pas connecté, ou votre session a pris fin. Reconnectez-vous.",
		"errors.invalid_code": "Ce code n’a pas fonctionné. Vérifiez-le et réessayez, ou choisissez une autre façon de vous connecter.",
		"errors.code_already_used":
			"Ce code de secours a déjà été utilisé. Chaque code ne fonctionne qu’une fois : essayez-en un autre de votre liste.",
		"errors.code_typo":
			"Ce ne peut pas être l’un de vos codes : il manque probablement un caractère, il y en a un de trop, ou deux sont inversés. Comparez-le à votre liste et saisissez-le à nouveau.",
		"errors.code_replaced": "Ce code vient d’une ancienne liste, qui a été remplacée. Utilisez un code de votre liste la plus récente.",
		"errors.no_pending_codes":
			"Aucun nouveau code de secours n’attend d’être confirmé. Ils ont peut-être expiré au bout d’une heure : demandez-en une nouvelle série.",
		"errors.challenge_expired":
			"Cette tentative de connexion a expiré ou est déjà terminée. Recommencez avec votre nom d’utilisateur et votre mot de passe.",
		"errors.app_sign_in_expired":
			"Cette connexion à une application a expiré ou est déjà terminée. Retournez dans l’application et recommencez depuis celle-ci.",
		"errors.too_many_attempts": "Trop de tentatives. Pour votre sécurité, patientez un peu avant de réessayer.",
		"errors.method_not_available": "Cette façon de se connecter n’est pas configurée sur ce compte.",
		"errors.second_factor_unavailable":
			"Votre compte demande une deuxième étape pour se connecter, mais aucune de ses méthodes n’est plus utilisable. Votre compte reste protégé ; une récupération du compte est nécessaire pour y revenir.",
		"errors.two_factor_already_enabled": "L’application d’authentification est déjà activée sur ce compte.",
		"errors.totp_not_pending":
			"Recommencez la configuration de l’application d’authentification : aucune configuration n’attend de code.",
		"errors.two_factor_not_enabled": "La validation en deux étapes n’est pas activée sur ce compte.",
		"errors.resend_too_soon":
			"Un code a été envoyé il y a moins d’une minute. Laissez-lui le temps d’arriver avant d’en demander un autre.",
		"errors.delivery_failed": "Nous n’avons pas pu envoyer le code. Réessayez dans un petit moment, ou utilisez une autre façon.",
		"errors.phone_in_use": "Ce numéro de téléphone protège déjà un autre compte. Utilisez un autre numéro.",
		"errors.email_in_use": "Cette adresse e-mail appartient à un autre compte. Utilisez une autre adresse.",
		"errors.no_contact": "Aucune adresse de ce type n’attend de code sur ce compte. Ajoutez-la à nouveau.",
		"errors.last_second_factor":
			"C’est la dernière façon de confirmer votre identité. Pour la retirer, désactivez plutôt la validation en deux étapes, ou ajoutez d’abord une autre méthode.",
		"errors.passkey_already_registered":
			"Cette clé d’accès est déjà enregistrée. Utilisez-la, ou créez-en une nouvelle sur un autre appareil ou une autre clé de sécurité.",
		"errors.channel_unavailable": "{product} ne peut pas envoyer de messages de ce type pour le moment. Utilisez une autre façon.",
		"errors.recovery_in_progress":
			"Une récupération de ce compte est déjà en cours. Attendez qu’elle se termine, ou connectez-vous avec une deuxième étape pour l’annuler.",
		"errors.recovery_request_open":
			"Vous avez déjà demandé une vérification d’identité. Les personnes qui gèrent ce service vont l’examiner ; inutile de la demander à nouveau.",
		"errors.recovery_paused":
			"Le mot de passe de ce compte a été réinitialisé sans deuxième étape. Pour votre sécurité, un code par e-mail ou par SMS ne peut pas lancer de récupération tant que votre application d’authentification, une clé d’accès ou un code de secours n’a pas servi à vous connecter. Vous pouvez demander une vérification d’identité à la place.",
		"errors.two_factor_setup_required":
			"La validation en deux étapes a été réinitialisée. Configurez une application d’authentification et enregistrez une nouvelle série de codes de secours avant toute autre chose.",
		"errors.new_backup_codes_required":
			"Tous les codes de secours de ce compte ont été utilisés. Obtenez une nouvelle série de codes de secours et enregistrez-la avant toute autre chose.",
		"errors.invalid_link":
			"Ce lien a expiré ou a déjà été utilisé. Les liens de nos messages ne fonctionnent qu’une fois, pendant une durée limitée.",
		"errors.own_identity_check": "Cette vérification d’identité concerne votre propre compte : un autre opérateur doit en décider.",
		"errors.server_busy":
			"{product} est très sollicité en ce moment et n’a pas pu traiter cette requête. Rien n’a été modifié ; réessayez dans un instant.",
		"errors.csrf_failed": "Ce formulaire a expiré ou ne vient pas de {product}. Rechargez la page et réessayez.",
		"errors.not_found": "Il n’y a rien ici.",
		"errors.stream_exists": "Ce destinataire a déjà son flux : lisez-le, ou modifiez-le avec PATCH ou PUT.",
		"errors.stream_disabled_by_operator": "L'opérateur de Tessera a désactivé ce flux : lui seul peut le réactiver.",
		"errors.ssf.token": "Le jeton porteur manque, ou n’est pas celui d’un destinataire de ce flux.",
		"errors.internal_error": "Un problème est survenu de notre côté. Rien n’a été modifié ; veuillez réessayer.",

		"errors.code_already_used.backupCodeAt":
			"Ce code de secours a déjà été utilisé ({when}). Chaque code ne fonctionne qu’une fois : essayez un autre code non utilisé de votre liste.",
		"errors.code_already_used.sent": "Ce code a déjà été utilisé. Demandez un nouveau code si besoin.",
		"errors.code_already_used.sentAt": "Ce code a déjà été utilisé ({when}). Demandez un nouveau code si besoin.",
		"errors.code_already_used.totp":
			"Ce code a déjà été utilisé. Attendez que votre application affiche un nouveau code, puis saisissez celui-ci.",
		"errors.code_already_used.passkey": "Cette réponse de la clé d’accès a déjà été utilisée. Réessayez avec la clé d’accès.",
		"errors.code_replaced.at":
			"Ce code vient d’une liste qui a été remplacée ({when}). Utilisez un code de votre liste la plus récente.",

		"errors.request.contentLength": "Le corps de la requête ne correspond pas à son en-tête Content-Length.",
		"errors.request.tooDeep": "Le corps de la requête comporte plus de {depth} niveaux d’imbrication.",
		"errors.request.emptyBody": "Le corps de la requête est vide ; envoyez un objet JSON.",
		"errors.request.twoHosts": "La requête comporte plus d’un en-tête Host.",
		"errors.session.ended": "Votre session a pris fin. Reconnectez-vous.",
		"errors.password.notRight": "Ce mot de passe n’est pas le bon. Saisissez le mot de passe que vous utilisez pour vous connecter.",

		"errors.field.required": "Ce champ est obligatoire.",
		"errors.field.not_accepted": "Ce champ n’est pas accepté ici.",
		"errors.field.wrong_type": "Doit être de type {type}.",
		"errors.field.too_long": "{limit, plural, one {Doit comporter au plus # caractère.} other {Doit comporter au plus # caractères.}}",
		"errors.field.too_short": "{limit, plural, one {Doit comporter au moins # caractère.} other {Doit comporter au moins # caractères.}}",
		"errors.field.not_one_of": "Doit être l’une de ces valeurs : {values}.",
		"errors.field.not_valid": "N’a pas la forme attendue.",
		"errors.field.invalid": "Non valide.",
		"errors.field.username_length": "Utilisez de {min} à {max} caractères.",
		"errors.field.username_characters": "Utilisez uniquement des lettres a-z, des chiffres 0-9, des points et des tirets bas.",
		"errors.field.username_lower_case":
			"Les noms d’utilisateur sont gardés en minuscules, sans espaces : le vôtre serait « {name} ». Saisissez-le ainsi s’il vous convient.",
		"errors.field.username_taken": "Ce nom d’utilisateur est déjà pris.",
		"errors.field.email_format": "Saisissez une adresse e-mail comme nom@example.com, ou laissez ce champ vide.",
		"errors.field.email_format.contact": "Saisissez une adresse e-mail comme nom@example.com.",
		"errors.field.password_length": "Utilisez de {min} à {max} caractères.",
		"errors.field.password_common":
			"Ce mot de passe fait partie des plus courants : il est donc facile à deviner. Choisissez-en un autre.",
		"errors.field.password_has_username": "Votre mot de passe ne doit pas contenir votre nom d’utilisateur.",
		"errors.field.password_wrong": "Ce n’est pas le bon mot de passe.",
		"errors.field.phone_invalid": "Ce numéro de téléphone n’est pas valide.",
		"errors.field.phone_not_mobile": "Utilisez un numéro de mobile qui peut recevoir des SMS.",
		"errors.field.phone_no_country_code": "Écrivez le numéro avec son indicatif de pays, en commençant par +, comme +33 6 12 34 56 78.",
		"errors.field.sent_twice": "Ce champ a été envoyé deux fois.",
		"errors.field.bad_text": "Contient un caractère NUL ou du texte Unicode endommagé.",
		"errors.field.required.forMethod": "Obligatoire pour cette méthode.",
		"errors.field.required.response": "La réponse de l’authentificateur, sous forme d’objet, est obligatoire pour cette méthode.",
		"errors.field.required.answer": "Un code, ou la réponse de l’authentificateur, est obligatoire.",
		"errors.field.method.settable": "Méthodes configurables ici : {methods}.",
		"errors.field.method.useOneOf": "Utilisez l’une de ces méthodes : {methods}.",
		"errors.field.method.noneStarts": "Ce compte n’a aucune méthode qui commence de cette façon.",
		"errors.field.method.senders": "Les codes peuvent être envoyés par : {methods}.",
		"errors.field.method.noSenders": "Ce compte n’a aucune méthode qui envoie des codes.",
		"errors.field.identityCheck.tooShort":
			"Dites-nous-en un peu plus : au moins une phrase sur le compte et sur ce qui s’est passé.",
		"errors.field.note.required": "Une note est obligatoire.",
		"errors.passkey.unreadable": "La réponse de votre clé d’accès ou de votre clé de sécurité était illisible. Réessayez.",
		"errors.twoFactor.setUpFirst":
			"Configurez d’abord une façon de confirmer votre identité (une application d’authentification, une clé d’accès ou un numéro de téléphone vérifié), puis obtenez des codes de secours pour activer la validation en deux étapes.",
		"errors.recovery.noConfirmedPhone":
			"Ce compte n’a aucun numéro de téléphone confirmé. Utilisez un autre moyen, ou demandez une vérification d’identité.",
		"errors.recovery.noConfirmedEmail":
			"Ce compte n’a aucune adresse e-mail confirmée. Utilisez un autre moyen, ou demandez une vérification d’identité.",
		"errors.reset.wrongCode": "Ce code n’a pas fonctionné, ou il a expiré. Vérifiez le SMS, ou demandez un nouveau code.",
		"errors.identityCheck.noteRequired": "Rédigez une note pour le journal d’audit : pourquoi cette demande est approuvée ou refusée.",
	},
	ar: {
		"errors.field.method.notReplaceable": "لا يُستبدل إلا أسلوب ذو بيانات اعتماد واحدة: أضف الجديد، ثم أزل القديم.",
		"errors.sentCode.expired": "انتهت صلاحية هذا الرمز أو أُرسل رمز أحدث. اطلب رمزًا جديدًا، أو جرّب طريقة أخرى.",
		"errors.sentCode.sixDigits": "تتكون الرموز من 6 أرقام. راجع الرسالة واكتبه مرة أخرى.",
		"errors.sentCode.wrong": "هذا الرمز غير مطابق. راجع الرسالة واكتبه مرة أخرى، أو اطلب رمزًا جديدًا.",
		"errors.invalid_request": "بعض الحقول ناقصة أو ليست بالصيغة المتوقعة.",
		"errors.invalid_json": "محتوى الطلب ليس JSON صالحًا.",
		"errors.invalid_encoding": "يحتوي الطلب على نص ليس بترميز UTF-8 صالح.",
		"errors.payload_too_large": "حجم الطلب أكبر مما يقبله {product}.",
		"errors.unsupported_media_type": "أرسل JSON ‏(application/json) أو نموذجًا (application/x-www-form-urlencoded).",
		"errors.weak_password": "اختر كلمة مرور أخرى.",
		"errors.username_taken": "اسم المستخدم هذا مأخوذ بالفعل. جرّب اسمًا آخر.",
		"errors.invalid_credentials": "اسم المستخدم أو كلمة المرور غير صحيحين. تحقّق من كليهما وحاول مرة أخرى.",
		"errors.unauthenticated": "أنت غير مسجّل الدخول، أو انتهت جلستك. سجّل الدخول مرة أخرى.",
		"errors.invalid_code": "لم ينجح هذا الرمز. تحقّق منه وحاول مرة أخرى، أو جرّب طريقة أخرى لتسجيل الدخول.",
		"errors.code_already_used": "سبق استخدام رمز الاحتياط هذا. يعمل كل رمز مرة واحدة فقط: جرّب رمزًا آخر من قائمتك.",
		"errors.code_typo":
			"لا يمكن أن يكون هذا أحد رموزك: ربما ينقصه حرف، أو فيه حرف زائد، أو تبادل حرفان مكانيهما. قارنه بقائمتك واكتبه مرة أخرى.",
		"errors.code_replaced": "هذا الرمز من قائمة قديمة استُبدلت. استخدم رمزًا من أحدث قائمة لديك.",
		"errors.no_pending_codes": "لا توجد رموز احتياط جديدة بانتظار التأكيد. ربما انتهت صلاحيتها بعد ساعة: احصل على مجموعة جديدة.",
		"errors.challenge_expired": "انتهت صلاحية محاولة تسجيل الدخول هذه أو اكتملت بالفعل. ابدأ من جديد باسم المستخدم وكلمة المرور.",
		"errors.app_sign_in_expired": "انتهت صلاحية تسجيل الدخول هذا إلى التطبيق أو اكتمل بالفعل. عُد إلى التطبيق وابدأ من جديد من هناك.",
		"errors.too_many_attempts": "محاولات كثيرة جدًا. حفاظًا على أمانك، انتظر قليلًا قبل المحاولة مرة أخرى.",
		"errors.method_not_available": "طريقة تسجيل الدخول هذه غير مُعدّة في هذا الحساب.",
		"errors.second_factor_unavailable":
			"يحتاج حسابك إلى خطوة ثانية لتسجيل الدخول، لكن لم تعد أي من طرقه قابلة للاستخدام. يبقى حسابك محميًا؛ ويلزم استرداد الحساب للعودة إليه.",
		"errors.two_factor_already_enabled": "تطبيق المصادقة مفعّل بالفعل في هذا الحساب.",
		"errors.totp_not_pending": "ابدأ إعداد تطبيق المصادقة من جديد: لا يوجد إعداد بانتظار رمز.",
		"errors.two_factor_not_enabled": "المصادقة الثنائية غير مفعّلة في هذا الحساب.",
		"errors.resend_too_soon": "أُرسل رمز قبل أقل من دقيقة. امنحه لحظة ليصل قبل أن تطلب رمزًا آخر.",
		"errors.delivery_failed": "تعذّر علينا إرسال الرمز. حاول مرة أخرى بعد قليل، أو استخدم طريقة أخرى.",
		"errors.phone_in_use": "رقم الهاتف هذا يحمي حسابًا آخر بالفعل. استخدم رقمًا مختلفًا.",
		"errors.email_in_use": "عنوان البريد الإلكتروني هذا يخص حسابًا آخر. استخدم عنوانًا مختلفًا.",
		"errors.no_contact": "لا يوجد في هذا الحساب عنوان كهذا بانتظار رمز. أضفه مرة أخرى.",
		"errors.last_second_factor":
			"هذه آخر طريقة لتأكيد هويتك. لإزالتها، أوقف المصادقة الثنائية بدلًا من ذلك، أو أضف طريقة أخرى أولًا.",
		"errors.passkey_already_registered": "مفتاح المرور هذا مسجّل بالفعل. استخدمه، أو أنشئ مفتاحًا جديدًا على جهاز آخر أو مفتاح أمان آخر.",
		"errors.channel_unavailable": "لا يستطيع {product} إرسال رسائل من هذا النوع حاليًا. استخدم طريقة أخرى.",
		"errors.recovery_in_progress":
			"استرداد هذا الحساب جارٍ بالفعل. انتظر حتى يكتمل، أو سجّل الدخول بخطوة ثانية لإلغائه.",
		"errors.recovery_request_open":
			"لقد طلبت التحقق من الهوية بالفعل. سينظر فيه القائمون على هذه الخدمة؛ لا حاجة إلى الطلب مرة أخرى.",
		"errors.recovery_paused":
			"أُعيد تعيين كلمة مرور هذا الحساب دون خطوة ثانية. حفاظًا على أمانك، لا يمكن لرمز عبر البريد الإلكتروني أو الرسائل النصية بدء الاسترداد حتى يُستخدم تطبيق المصادقة أو مفتاح مرور أو رمز احتياط لتسجيل الدخول. يمكنك طلب التحقق من الهوية بدلًا من ذلك.",
		"errors.two_factor_setup_required":
			"أُعيد تعيين المصادقة الثنائية. أعدّ تطبيق مصادقة واحفظ مجموعة جديدة من رموز الاحتياط قبل القيام بأي شيء آخر.",
		"errors.new_backup_codes_required":
			"استُخدمت جميع رموز الاحتياط في هذا الحساب. احصل على مجموعة جديدة من رموز الاحتياط واحفظها قبل القيام بأي شيء آخر.",
		"errors.invalid_link": "انتهت صلاحية هذا الرابط أو سبق استخدامه. تعمل الروابط في رسائلنا مرة واحدة، لمدة محدودة.",
		"errors.own_identity_check": "طلب التحقق من الهوية هذا يخص حسابك أنت: يجب أن يبتّ فيه مشغّل آخر.",
		"errors.server_busy": "{product} مشغول جدًا الآن ولم يتمكن من قبول هذا الطلب. لم يتغير شيء؛ حاول مرة أخرى بعد لحظة.",
		"errors.csrf_failed": "انتهت صلاحية هذا النموذج أو لم يأتِ من {product}. أعد تحميل الصفحة وحاول مرة أخرى.",
		"errors.not_found": "لا يوجد شيء هنا.",
		"errors.stream_exists": "لدى هذا المستقبِل تدفّقه بالفعل: اقرأه، أو عدّله باستخدام PATCH أو PUT.",
		"errors.stream_disabled_by_operator": "عطّل مشغّل Tessera هذا التدفّق: وحده المشغّل يستطيع تفعيله من جديد.",
		"errors.ssf.token": "رمز الحامل مفقود، أو ليس رمز مستقبِل لهذا التدفّق.",
		"errors.internal_error": "حدث خطأ من جهتنا. لم يتغير شيء؛ يُرجى المحاولة مرة أخرى.",

		"errors.code_already_used.backupCodeAt":
			"سبق استخدام رمز الاحتياط هذا ({when}). يعمل كل رمز مرة واحدة فقط: جرّب رمزًا آخر غير مستخدم من قائمتك.",
		"errors.code_already_used.sent": "سبق استخدام هذا الرمز. اطلب رمزًا جديدًا إن احتجت إليه.",
		"errors.code_already_used.sentAt": "سبق استخدام هذا الرمز ({when}). اطلب رمزًا جديدًا إن احتجت إليه.",
		"errors.code_already_used.totp": "سبق استخدام هذا الرمز. انتظر حتى يعرض تطبيقك رمزًا جديدًا، ثم اكتب الرمز الجديد.",
		"errors.code_already_used.passkey": "سبق استخدام إجابة مفتاح المرور هذه. جرّب مفتاح المرور مرة أخرى.",
		"errors.code_replaced.at": "هذا الرمز من قائمة استُبدلت ({when}). استخدم رمزًا من أحدث قائمة لديك.",

		"errors.request.contentLength": "محتوى الطلب لا يطابق ترويسة Content-Length الخاصة به.",
		"errors.request.tooDeep": "محتوى الطلب متداخل لأكثر من {depth} مستوى.",
		"errors.request.emptyBody": "محتوى الطلب فارغ؛ أرسل كائن JSON.",
		"errors.request.twoHosts": "يحتوي الطلب على أكثر من ترويسة Host واحدة.",
		"errors.session.ended": "انتهت جلستك. سجّل الدخول مرة أخرى.",
		"errors.password.notRight": "كلمة المرور هذه غير صحيحة. أدخل كلمة المرور التي تستخدمها لتسجيل الدخول.",

		"errors.field.required": "هذا الحقل مطلوب.",
		"errors.field.not_accepted": "هذا الحقل غير مقبول هنا.",
		"errors.field.wrong_type": "يجب أن يكون من النوع {type}.",
		"errors.field.too_long":
			"{limit, plural, zero {يجب ألا يتجاوز # حرف.} one {يجب ألا يتجاوز حرفًا واحدًا.} two {يجب ألا يتجاوز حرفين.} few {يجب ألا يتجاوز # أحرف.} many {يجب ألا يتجاوز # حرفًا.} other {يجب ألا يتجاوز # حرف.}}",
		"errors.field.too_short":
			"{limit, plural, zero {يجب ألا يقل عن # حرف.} one {يجب ألا يقل عن حرف واحد.} two {يجب ألا يقل عن حرفين.} few {يجب ألا يقل عن # أحرف.} many {يجب ألا يقل عن # حرفًا.} other {يجب ألا يقل عن # حرف.}}",
		"errors.field.not_one_of": "يجب أن يكون إحدى هذه القيم: {values}.",
		"errors.field.not_valid": "ليس بالصيغة المتوقعة.",
		"errors.field.invalid": "غير صالح.",
		"errors.field.username_length": "استخدم من {min} إلى {max} حرفًا.",
		"errors.field.username_characters": "استخدم فقط الحروف a-z والأرقام 0-9 والنقاط والشرطات السفلية.",
		"errors.field.username_lower_case":
			"تُحفظ أسماء المستخدمين بأحرف صغيرة ودون مسافات، لذا سيكون اسمك «{name}». اكتبه بهذه الطريقة إن كان يناسبك.",
		"errors.field.username_taken": "اسم المستخدم هذا مأخوذ.",
		"errors.field.email_format": "أدخل عنوان بريد إلكتروني مثل name@example.com، أو اترك الحقل فارغًا.",
		"errors.field.email_format.contact": "أدخل عنوان بريد إلكتروني مثل name@example.com.",
		"errors.field.password_length": "استخدم من {min} إلى {max} حرفًا.",
		"errors.field.password_common": "كلمة المرور هذه من أكثر كلمات المرور شيوعًا، لذا يسهل تخمينها. اختر كلمة أخرى.",
		"errors.field.password_has_username": "يجب ألا تحتوي كلمة المرور على اسم المستخدم.",
		"errors.field.password_wrong": "ليست كلمة المرور الصحيحة.",
		"errors.field.phone_invalid": "هذا ليس رقم هاتف صالحًا.",
		"errors.field.phone_not_mobile": "استخدم رقم هاتف محمول يمكنه استقبال الرسائل النصية.",
		"errors.field.phone_no_country_code": "اكتب الرقم مع رمز البلد، بدءًا بعلامة +، مثل ‎+44 7911 123456.",
		"errors.field.sent_twice": "أُرسل هذا الحقل مرتين.",
		"errors.field.bad_text": "يحتوي على محرف NUL أو نص Unicode تالف.",
		"errors.field.required.forMethod": "مطلوب لهذه الطريقة.",
		"errors.field.required.response": "إجابة أداة المصادقة، في صورة كائن، مطلوبة لهذه الطريقة.",
		"errors.field.required.answer": "مطلوب رمز، أو إجابة أداة المصادقة.",
		"errors.field.method.settable": "يمكن إعداد ما يلي هنا: {methods}.",
		"errors.field.method.useOneOf": "استخدم إحدى هذه الطرق: {methods}.",
		"errors.field.method.noneStarts": "لا توجد في هذا الحساب طريقة تبدأ بهذا الشكل.",
		"errors.field.method.senders": "يمكن إرسال الرموز عبر: {methods}.",
		"errors.field.method.noSenders": "لا توجد في هذا الحساب طريقة ترسل الرموز.",
		"errors.field.identityCheck.tooShort": "أخبرنا بالمزيد قليلًا: جملة واحدة على الأقل عن الحساب وعمّا حدث.",
		"errors.field.note.required": "الملاحظة مطلوبة.",
		"errors.passkey.unreadable": "تعذّرت قراءة الإجابة من مفتاح المرور أو مفتاح الأمان. حاول مرة أخرى.",
		"errors.twoFactor.setUpFirst":
			"أعدّ أولًا طريقة لتأكيد هويتك (تطبيق مصادقة، أو مفتاح مرور، أو رقم هاتف موثّق)، ثم احصل على رموز الاحتياط لتفعيل المصادقة الثنائية.",
		"errors.recovery.noConfirmedPhone": "لا يوجد في هذا الحساب رقم هاتف مؤكَّد. استخدم طريقة أخرى، أو اطلب التحقق من الهوية.",
		"errors.recovery.noConfirmedEmail": "لا يوجد في هذا الحساب عنوان بريد إلكتروني مؤكَّد. استخدم طريقة أخرى، أو اطلب التحقق من الهوية.",
		"errors.reset.wrongCode": "لم ينجح هذا الرمز، أو انتهت صلاحيته. تحقّق من الرسالة النصية، أو اطلب رمزًا جديدًا.",
		"errors.identityCheck.noteRequired": "اكتب ملاحظة لسجل التدقيق: لماذا تمت الموافقة على هذا الطلب أو رفضه.",
	},
});
