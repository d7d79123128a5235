import { defineMessages } from "../define.ts";

/**
 * Emails and texts: codes, links, alerts. Written in the account's language; a
 * code, a link or an address is a value, never part of the words. No message
 * asks for a code: each says where to type it, and that nobody will ask for it.
 */
export default defineMessages({
	en: {
		"delivery.code.sms":
			"{purpose, select, sign_in {{product} code {code} to finish signing in.} contact {{product} code {code} to confirm this address.} recovery {{product} code {code} to start recovering your account.} other {{product} code {code} to reset your password.}} Valid 10 minutes. {product} never asks for it by message or call.",
		"delivery.code.subject":
			"{purpose, select, sign_in {{product} sign-in code} contact {Confirm your email for {product}} recovery {{product} account recovery code} other {{product} password reset code}}",
		"delivery.code.lead":
			"{purpose, select, sign_in {Your {product} code to finish signing in is:} contact {Your {product} code to confirm this address is:} recovery {Your {product} code to start recovering your account is:} other {Your {product} code to reset your password is:}}",
		"delivery.code.valid": "It is valid for 10 minutes.",
		"delivery.code.never": "{product} never asks for this code by message, email or phone call. Type it only on the {product} page where you asked for it.",
		"delivery.code.signInWhy": "Someone who knows your password is signing in to your {product} account. If that is you, type the code on the sign-in page.",
		"delivery.code.notYouLink": "Not you? Change your password. This link signs your account out everywhere first (no sign-in needed):",
		"delivery.code.notYouNoLink": "Not you? Change your password with \"Forgot password\" on the {product} sign-in page.",
		"delivery.code.ignore": "If you did not ask for it, you can ignore this email; someone may have typed your address by mistake.",

		"delivery.reset.subject": "Reset your {product} password",
		"delivery.reset.asked": "Someone asked to reset the password of your {product} account.",
		"delivery.reset.open": "To choose a new password, open this link within 30 minutes. It works once:",
		"delivery.reset.twoFactor":
			"If your account has two-factor authentication, the new password takes effect only once you confirm it with your authenticator app, a passkey or a backup code.",
		"delivery.reset.ignore": "If you did not ask for this, ignore this email: your password stays as it is.",
		"delivery.reset.never": "{product} never asks for your codes or your password by message, email or phone call.",

		"delivery.alert.subject": "{product} security alert: {what}",
		"delivery.alert.what": "{what}.",
		"delivery.alert.when": "When: {when}",
		"delivery.alert.where": "From: {where}",
		"delivery.alert.codesLeft": "Backup codes left: {count}",
		"delivery.alert.recoveryReset": "Two-factor authentication on your account will be reset after {when}, at the next sign-in with your password.",
		"delivery.alert.recoveryStop": "If you can still sign in with your second step, doing so cancels the recovery.",
		"delivery.alert.cancel": "Didn't ask for this? Cancel the recovery (no sign-in needed):",
		"delivery.alert.wasYou": "If this was you, there is nothing to do.",
		"delivery.alert.secure": "Wasn't you? Sign out everywhere (no sign-in needed), then reset your password:",
		"delivery.alert.noLink": "This address is no longer on the account, so this message carries no link.",
		"delivery.alert.noLinkWhatToDo": "Wasn't you? Sign in to {product} as you usually do, or use \"Forgot password\" on its sign-in page.",
		"delivery.alert.never":
			"{product} never asks for your codes or your password by message, email or phone call. Never give a code to anyone, even someone who says they are from {product}.",
		"delivery.alert.sms": "{product} security alert: {what}, {when}.",
		"delivery.alert.smsCancel": "Cancel it: {link}",
		"delivery.alert.smsSecure": "Wasn't you? {link}",
		"delivery.alert.smsNoLink": "This number is no longer on the account.",
		"delivery.alert.smsNever": "{product} never asks for codes by message.",
	},
	fr: {
		"delivery.code.sms":
			"{purpose, select, sign_in {Code {product} {code} pour terminer la connexion.} contact {Code {product} {code} pour confirmer cette adresse.} recovery {Code {product} {code} pour récupérer votre compte.} other {Code {product} {code} pour réinitialiser votre mot de passe.}} Valable 10 minutes. {product} ne le demande jamais par message ni par appel.",
		"delivery.code.subject":
			"{purpose, select, sign_in {Code de connexion {product}} contact {Confirmez votre adresse e-mail pour {product}} recovery {Code de récupération de compte {product}} other {Code de réinitialisation du mot de passe {product}}}",
		"delivery.code.lead":
			"{purpose, select, sign_in {Votre code {product} pour terminer la connexion :} contact {Votre code {product} pour confirmer cette adresse :} recovery {Votre code {product} pour commencer la récupération de votre compte :} other {Votre code {product} pour réinitialiser votre mot de passe :}}",
		"delivery.code.valid": "Il est valable 10 minutes.",
		"delivery.code.never":
			"{product} ne vous demande jamais ce code par message, par e-mail ni par téléphone. Saisissez-le uniquement sur la page {product} où vous l’avez demandé.",
		"delivery.code.signInWhy":
			"Quelqu’un qui connaît votre mot de passe est en train de se connecter à votre compte {product}. Si c’est vous, saisissez le code sur la page de connexion.",
		"delivery.code.notYouLink":
			"Ce n’est pas vous ? Changez votre mot de passe. Ce lien commence par déconnecter votre compte partout (sans avoir à vous connecter) :",
		"delivery.code.notYouNoLink": "Ce n’est pas vous ? Changez votre mot de passe avec « Mot de passe oublié ? » sur la page de connexion de {product}.",
		"delivery.code.ignore": "Si vous ne l’avez pas demandé, vous pouvez ignorer cet e-mail : quelqu’un a peut-être saisi votre adresse par erreur.",

		"delivery.reset.subject": "Réinitialisez votre mot de passe {product}",
		"delivery.reset.asked": "Quelqu’un a demandé à réinitialiser le mot de passe de votre compte {product}.",
		"delivery.reset.open": "Pour choisir un nouveau mot de passe, ouvrez ce lien dans les 30 minutes. Il ne fonctionne qu’une fois :",
		"delivery.reset.twoFactor":
			"Si votre compte utilise la validation en deux étapes, le nouveau mot de passe ne prend effet qu’une fois confirmé avec votre application d’authentification, une clé d’accès ou un code de secours.",
		"delivery.reset.ignore": "Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.",
		"delivery.reset.never": "{product} ne vous demande jamais vos codes ni votre mot de passe par message, par e-mail ou par téléphone.",

		"delivery.alert.subject": "Alerte de sécurité {product} : {what}",
		"delivery.alert.what": "{what}.",
		"delivery.alert.when": "Quand : {when}",
		"delivery.alert.where": "Depuis : {where}",
		"delivery.alert.codesLeft": "Codes de secours restants : {count}",
		"delivery.alert.recoveryReset":
			"La validation en deux étapes de votre compte sera réinitialisée après le {when}, à la prochaine connexion avec votre mot de passe.",
		"delivery.alert.recoveryStop": "Si vous pouvez encore vous connecter avec votre deuxième étape, faites-le : cela annule la récupération.",
		"delivery.alert.cancel": "Vous n’avez rien demandé ? Annulez la récupération (sans avoir à vous connecter) :",
		"delivery.alert.wasYou": "Si c’était vous, vous n’avez rien à faire.",
		"delivery.alert.secure": "Ce n’était pas vous ? Déconnectez-vous partout (sans avoir à vous connecter), puis réinitialisez votre mot de passe :",
		"delivery.alert.noLink": "Cette adresse n’est plus associée au compte : ce message ne contient donc aucun lien.",
		"delivery.alert.noLinkWhatToDo":
			"Ce n’était pas vous ? Connectez-vous à {product} comme d’habitude, ou utilisez « Mot de passe oublié ? » sur sa page de connexion.",
		"delivery.alert.never":
			"{product} ne vous demande jamais vos codes ni votre mot de passe par message, par e-mail ou par téléphone. Ne donnez jamais un code à personne, même à quelqu’un qui dit travailler pour {product}.",
		"delivery.alert.sms": "Alerte de sécurité {product} : {what}, {when}.",
		"delivery.alert.smsCancel": "Pour l’annuler : {link}",
		"delivery.alert.smsSecure": "Ce n’était pas vous ? {link}",
		"delivery.alert.smsNoLink": "Ce numéro n’est plus associé au compte.",
		"delivery.alert.smsNever": "{product} ne demande jamais de code par message.",
	},
	ar: {
		"delivery.code.sms":
			"{purpose, select, sign_in {رمز {product}: {code} لإكمال تسجيل الدخول.} contact {رمز {product}: {code} لتأكيد هذا العنوان.} recovery {رمز {product}: {code} لبدء استرداد حسابك.} other {رمز {product}: {code} لإعادة تعيين كلمة المرور.}} صالح لمدة 10 دقائق. لا يُطلب منك هذا الرمز أبدًا في رسالة أو مكالمة.",
		"delivery.code.subject":
			"{purpose, select, sign_in {رمز تسجيل الدخول إلى {product}} contact {أكّد بريدك الإلكتروني في {product}} recovery {رمز استرداد حساب {product}} other {رمز إعادة تعيين كلمة مرور {product}}}",
		"delivery.code.lead":
			"{purpose, select, sign_in {رمز {product} لإكمال تسجيل الدخول هو:} contact {رمز {product} لتأكيد هذا العنوان هو:} recovery {رمز {product} لبدء استرداد حسابك هو:} other {رمز {product} لإعادة تعيين كلمة المرور هو:}}",
		"delivery.code.valid": "الرمز صالح لمدة 10 دقائق.",
		"delivery.code.never":
			"لا يطلب منك {product} هذا الرمز أبدًا عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية. اكتبه فقط في صفحة {product} التي طلبته منها.",
		"delivery.code.signInWhy": "شخص يعرف كلمة مرورك يسجّل الدخول الآن إلى حسابك في {product}. إن كنت أنت، فاكتب الرمز في صفحة تسجيل الدخول.",
		"delivery.code.notYouLink": "لست أنت؟ غيّر كلمة مرورك. يبدأ هذا الرابط بتسجيل خروج حسابك من كل مكان (دون الحاجة إلى تسجيل الدخول):",
		"delivery.code.notYouNoLink": "لست أنت؟ غيّر كلمة مرورك عبر «نسيت كلمة المرور؟» في صفحة تسجيل الدخول إلى {product}.",
		"delivery.code.ignore": "إن لم تطلب هذا الرمز، يمكنك تجاهل هذه الرسالة؛ ربما كتب أحدهم عنوانك عن طريق الخطأ.",

		"delivery.reset.subject": "أعد تعيين كلمة مرورك في {product}",
		"delivery.reset.asked": "طلب أحدهم إعادة تعيين كلمة مرور حسابك في {product}.",
		"delivery.reset.open": "لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال 30 دقيقة. لا يعمل الرابط إلا مرة واحدة:",
		"delivery.reset.twoFactor":
			"إذا كانت المصادقة الثنائية مفعّلة في حسابك، فلن تسري كلمة المرور الجديدة إلا بعد تأكيدها بتطبيق المصادقة أو بمفتاح المرور أو بأحد رموز الاحتياط.",
		"delivery.reset.ignore": "إن لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.",
		"delivery.reset.never": "لا يطلب منك {product} أبدًا رموزك أو كلمة مرورك عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية.",

		"delivery.alert.subject": "تنبيه أمني من {product}: {what}",
		"delivery.alert.what": "{what}.",
		"delivery.alert.when": "الوقت: {when}",
		"delivery.alert.where": "من: {where}",
		"delivery.alert.codesLeft": "رموز الاحتياط المتبقية: {count}",
		"delivery.alert.recoveryReset": "ستُعاد تهيئة المصادقة الثنائية في حسابك بعد {when}، عند تسجيل الدخول التالي بكلمة المرور.",
		"delivery.alert.recoveryStop": "إن كنت لا تزال قادرًا على تسجيل الدخول بخطوتك الثانية، فسجّل الدخول بها: ذلك يلغي الاسترداد.",
		"delivery.alert.cancel": "لم تطلب ذلك؟ ألغِ الاسترداد (دون الحاجة إلى تسجيل الدخول):",
		"delivery.alert.wasYou": "إن كنت أنت، فلا حاجة إلى فعل أي شيء.",
		"delivery.alert.secure": "لست أنت؟ سجّل الخروج من كل مكان (دون الحاجة إلى تسجيل الدخول)، ثم أعد تعيين كلمة المرور:",
		"delivery.alert.noLink": "لم يعد هذا العنوان مرتبطًا بالحساب، لذا لا تحمل هذه الرسالة أي رابط.",
		"delivery.alert.noLinkWhatToDo": "لست أنت؟ سجّل الدخول إلى {product} كما تفعل عادةً، أو استخدم «نسيت كلمة المرور؟» في صفحة تسجيل الدخول.",
		"delivery.alert.never":
			"لا يطلب منك {product} أبدًا رموزك أو كلمة مرورك عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية. لا تُعطِ أي رمز لأي شخص، حتى لو قال إنه من {product}.",
		"delivery.alert.sms": "تنبيه أمني من {product}: {what}، {when}.",
		"delivery.alert.smsCancel": "لإلغائه: {link}",
		"delivery.alert.smsSecure": "لست أنت؟ {link}",
		"delivery.alert.smsNoLink": "لم يعد هذا الرقم مرتبطًا بالحساب.",
		"delivery.alert.smsNever": "لا يطلب منك {product} أي رمز عبر الرسائل أبدًا.",
	},
});
