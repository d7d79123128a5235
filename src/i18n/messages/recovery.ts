import { defineMessages } from "../define.ts";

/** Forgotten passwords, account recovery, identity checks and their review by an admin. */
export default defineMessages({
	en: {
		// Shared
		"recovery.neverAsks": "{product} never asks for a code or your password by message, email or phone call. Type them only on these pages.",
		"recovery.newPassword.label": "New password",
		"recovery.newPassword.hint": "At least 8 characters. A few unrelated words make a strong password that is easy to remember.",
		"recovery.code.label": "6-digit code",
		"recovery.back": "Back",
		"recovery.backToSignIn": "Back to sign-in",
		"recovery.goToSignIn": "Go to sign-in",
		"recovery.signIn": "Sign in",
		"recovery.helpCentre": "Help centre",
		"recovery.help": "Help",
		"recovery.backToSettings": "Back to security settings",
		"recovery.optional": "(optional)",
		"recovery.signInFirst": "To recover your account, first sign in with your username and password.",

		// Forgot password
		"recovery.forgot.title": "Forgot your password?",
		"recovery.forgot.intro":
			"Enter your username, or the email address or phone number you confirmed on your account. We'll send a link to your email, or a code by text message to your phone.",
		"recovery.forgot.identifier": "Username, email or phone",
		"recovery.forgot.submit": "Send me a link or code",
		"recovery.forgot.twoFactorNote":
			"Resetting your password does not turn off two-factor authentication: you will still need your second step, or a backup code, to sign in.",

		// After asking for a reset
		"recovery.resetSent.title": "Check your email or phone",
		"recovery.resetSent.message":
			"If an account matches, we sent a link to its confirmed email address, or a code by text message to its confirmed phone. The link works for 30 minutes, the code for 10.",
		"recovery.resetSent.emailHeading": "Got an email?",
		"recovery.resetSent.emailBody": "Open the link in it on any device. You can close this page.",
		"recovery.resetSent.textHeading": "Got a text message?",
		"recovery.resetSent.submit": "Save new password",
		"recovery.resetSent.nothing":
			"Nothing arrived after a few minutes? Check your spam folder, then <link>ask again</link>. If your phone number is shared by several accounts, type your username instead.",
		"recovery.resetSent.newCode": "Ask for a new code",

		// The reset link and its second step
		"recovery.reset.title": "Choose a new password",
		"recovery.reset.intro":
			"Every session signs out and trusted devices are forgotten. If two-factor authentication is on, you confirm the new password with your authenticator app, a passkey or a backup code next.",
		"recovery.reset.submit": "Continue",
		"recovery.reset.expiredTitle": "This link has expired",
		"recovery.reset.expiredMessage": "Password reset links work once, for 30 minutes. Ask for a new one.",
		"recovery.reset.newLink": "Ask for a new link",
		"recovery.reset.confirmHeading": "Confirm your new password",
		"recovery.reset.confirmIntro":
			"Your new password takes effect once you confirm it is you. A code by email or text message cannot confirm a reset: use your authenticator app, a passkey or a backup code.",
		"recovery.reset.tooLongTitle": "That took too long",
		"recovery.reset.tooLongMessage": "{reason} Your password was not changed.",
		"recovery.resetDone.title": "Password changed",
		"recovery.resetDone.notice": "Your new password is saved. Every session was signed out and trusted devices were forgotten.",
		"recovery.resetDone.next": "Sign in with your new password. If two-factor authentication is on, you will still need your second step or a backup code.",

		// "Wasn't you?"
		"recovery.secure.title": "Secure your account",
		"recovery.secure.intro":
			"This signs your account out on every device, forgets every trusted device, stops any password reset or account recovery under way, and withdraws an identity check not yet decided. It changes nothing else: your password and two-factor authentication stay as they are.",
		"recovery.secure.submit": "Sign out everywhere",
		"recovery.secure.next":
			"Next, choose a new password with “Forgot password”: if two-factor authentication is on, you confirm it with your authenticator app, a passkey or a backup code.",
		"recovery.secure.expiredMessage":
			"“Wasn't you?” links work once, for 7 days, and only while the address they were sent to is on the account. If you are worried about your account, reset your password now.",
		"recovery.secure.resetPassword": "Reset your password",
		"recovery.secureDone.title": "Signed out everywhere",
		"recovery.secureDone.notice": "Every session is signed out, trusted devices are forgotten, and resets and recoveries under way are stopped.",
		"recovery.secureDone.next": "If someone else may know your password, choose a new one now. Then sign in and check your account activity.",
		"recovery.secureDone.choose": "Choose a new password",

		// Changing the password, signed in
		"recovery.change.title": "Change password",
		"recovery.change.intro": "Every other session signs out and trusted devices are forgotten. This browser stays signed in.",
		"recovery.change.current": "Current password",
		"recovery.change.submit": "Change password",
		"recovery.change.wrongCurrent": "Not the right password.",

		// Account recovery
		"recovery.start.title": "Recover your account",
		"recovery.start.intro":
			"If you can't use any of your second steps, you can still get back in. For your safety it takes time: after you prove you still have your email or phone, there is a waiting period of {hours, plural, one {# hour} other {# hours}}. During it, every address on your account is told, with a link to cancel, and signing in with any working second step cancels it too.",
		"recovery.start.prove": "Prove it's you",
		"recovery.start.textCode": "Text a code to {address}",
		"recovery.start.emailCode": "Email a code to {address}",
		"recovery.start.noContacts": "Your account has no confirmed email address or phone number.",
		"recovery.start.paused":
			"Codes by email and text message are paused on this account: its password was reset ({when}) without a second step. Until your authenticator app, a passkey or a backup code has signed in, an email or a text message cannot start a recovery. You can still ask for an identity check, below.",
		"recovery.start.pausedReason": "Paused since the password reset. Ask for an identity check instead.",
		"recovery.start.noAccess": "No access to any of these?",
		"recovery.start.requestOpen": "You have already asked for an identity check. The people who run this service will look at it.",
		"recovery.start.lastDenied":
			"Your last identity check, asked {askedAt}, was not approved. You can ask again, with more that shows the account is yours.",
		"recovery.start.askIdentity":
			"<link>Ask for an identity check</link>: tell the people who run this service what you know about the account, and they will decide.",
		"recovery.start.otherWays": "Back to other ways to sign in",
		"recovery.waiting.title": "Recovery under way",
		"recovery.waiting.notice":
			"Your account recovery started {startedAt}. After {readyAt}, sign in with your password: two-factor authentication will be reset and you will set it up again.",
		"recovery.waiting.found": "Found your phone or your codes? Sign in with them as usual: that cancels the recovery.",

		// The code that proves an address
		"recovery.code.title": "Enter the code",
		"recovery.code.enter": "Enter the code we sent to {address}. It is valid for {minutes, plural, one {# minute} other {# minutes}}.",
		"recovery.code.sent": "We sent a code to {address}. It is valid for {minutes, plural, one {# minute} other {# minutes}}.",
		"recovery.code.notSent": "We couldn't send the code to {address} right away. It may still arrive in a minute.",
		"recovery.code.submit": "Start recovery",
		"recovery.code.resend": "Send a new code",
		"recovery.code.lostPhone": "Lost your phone? How to get back in",
		"recovery.started.title": "Recovery started",
		"recovery.started.notice":
			"After {readyAt}, sign in with your username and password. Two-factor authentication will be reset, and you will set up an authenticator app and save new backup codes before anything else.",
		"recovery.started.told":
			"We've told every email address and phone number on your account, with a link to cancel. If you didn't start this, someone knows your password: use that link, then change your password.",
		"recovery.started.found": "Found your phone or codes meanwhile? Sign in with them as usual: that cancels the recovery.",

		// Identity checks
		"recovery.identity.title": "Ask for an identity check",
		"recovery.identity.intro":
			"The people who run this service will read this and decide. If they approve, the same waiting period and alerts as any recovery follow. Never include a password or a code.",
		"recovery.identity.howLongHeading": "How long it takes",
		"recovery.identity.howLong":
			"A person who runs {product} reads each request and decides; no set time applies, so it depends on when they can look at it. If they approve it, a waiting period of {hours, plural, one {# hour} other {# hours}} follows, as with any recovery. After it, you sign in with your password and set up two-factor again.",
		"recovery.identity.answerHeading": "How you will hear back",
		"recovery.identity.answerTo":
			"If it is approved, we tell every address on your account: {addresses}. Whatever the answer, you can see where your request stands: sign in with your username and password, then choose “Can't use any of these?”.",
		"recovery.identity.answerNowhere":
			"No message can reach you: your account has no confirmed email address or phone number that we can send to. To see where your request stands, sign in with your username and password, then choose “Can't use any of these?”.",
		"recovery.identity.message": "What happened, and anything that shows the account is yours",
		"recovery.identity.contactsUsed": "Email addresses or phone numbers you used with the account",
		"recovery.identity.lastSignIn": "When you last signed in, roughly",
		"recovery.identity.submit": "Send",
		"recovery.identitySent.title": "Request sent",
		"recovery.identitySent.notice":
			"The people who run this service will look at your request. If they approve it, the recovery waiting period starts and every address on your account is told; after it, you can sign in with your password and set up two-factor again.",

		// Cancelling a recovery from an alert
		"recovery.cancel.title": "Cancel account recovery",
		"recovery.cancel.intro":
			"Someone started recovering your account, which would reset its two-factor authentication after the waiting period. If it wasn't you, cancel it now. No sign-in is needed.",
		"recovery.cancel.submit": "Cancel the recovery",
		"recovery.cancel.hint": "If you did start it and still need it, close this page.",
		"recovery.cancel.expiredTitle": "This link no longer works",
		"recovery.cancel.expiredMessage": "The recovery has already ended (cancelled, or completed), or this link was used or has expired.",
		"recovery.cancelled.title": "Recovery cancelled",
		"recovery.cancelled.notice": "The recovery is cancelled. Your two-factor authentication stays as it was.",
		"recovery.cancelled.next":
			"Whoever started it knew your password. Change it now: <link>reset your password</link>, or sign in and change it in your security settings.",

		// Setting two-factor up again
		"recovery.setUpAgain.title": "Set up two-factor again",
		"recovery.setUpAgain.notice":
			"Your account's two-factor authentication was reset. Before anything else, set up an authenticator app and save a new set of backup codes.",
		"recovery.setUpAgain.authenticator": "Set up authenticator app",
		"recovery.setUpAgain.passkey": "Add a passkey",
		"recovery.setUpAgain.readyWith": "Or turn it on with {ways}: save a new set of backup codes and type one back.",
		"recovery.setUpAgain.confirmCodes": "Confirm your backup codes",
		"recovery.setUpAgain.getCodes": "Get backup codes",
		"recovery.setUpAgain.hint": "Your old authenticator entry, passkeys and backup codes no longer work. You can delete the old entry from your app.",

		// Admin: identity checks
		"recovery.admin.title": "Identity checks",
		"recovery.admin.none": "No request is waiting.",
		"recovery.admin.asked": "Asked {when} from {device}, {ip}",
		"recovery.admin.anUnknownDevice": "an unknown device",
		"recovery.admin.unknownDevice": "unknown device",
		"recovery.admin.unknownAddress": "unknown address",
		"recovery.admin.requestTitle": "Identity check: {username}",
		"recovery.admin.status": "Status",
		"recovery.admin.status.open": "Waiting for a decision",
		"recovery.admin.status.approved": "Approved",
		"recovery.admin.status.denied": "Denied",
		"recovery.admin.status.withdrawn": "Withdrawn",
		"recovery.admin.askedLabel": "Asked",
		"recovery.admin.askedValue": "{when}, {device}, {ip}",
		"recovery.admin.says": "What they say",
		"recovery.admin.contactsUsed": "Addresses they used",
		"recovery.admin.lastSignIn": "Last sign-in, as they remember it",
		"recovery.admin.activity": "Recent activity on the account",
		"recovery.admin.event": "{when}: {description} ({device}, {ip})",
		"recovery.admin.note": "Note for the audit log",
		"recovery.admin.approve": "Approve: start the waiting period",
		"recovery.admin.deny": "Deny",
		"recovery.admin.decided": "Decided {when} by {by}: {note}",
		"recovery.admin.all": "All requests",
		"recovery.admin.approved": "Approved: the waiting period has started and the person has been alerted.",
		"recovery.admin.denied": "Denied.",
		"recovery.admin.chooseDecision": "Choose approve or deny.",
		"recovery.admin.alreadyDecided": "This request was already decided.",
	},
	fr: {
		"recovery.neverAsks":
			"{product} ne vous demande jamais de code ni votre mot de passe par message, par e-mail ou par téléphone. Saisissez-les uniquement sur ces pages.",
		"recovery.newPassword.label": "Nouveau mot de passe",
		"recovery.newPassword.hint":
			"Au moins 8 caractères. Quelques mots sans rapport entre eux font un mot de passe solide et facile à retenir.",
		"recovery.code.label": "Code à 6 chiffres",
		"recovery.back": "Retour",
		"recovery.backToSignIn": "Retour à la connexion",
		"recovery.goToSignIn": "Aller à la connexion",
		"recovery.signIn": "Se connecter",
		"recovery.helpCentre": "Centre d’aide",
		"recovery.help": "Aide",
		"recovery.backToSettings": "Retour aux paramètres de sécurité",
		"recovery.optional": "(facultatif)",
		"recovery.signInFirst": "Pour récupérer votre compte, connectez-vous d’abord avec votre nom d’utilisateur et votre mot de passe.",

		"recovery.forgot.title": "Mot de passe oublié ?",
		"recovery.forgot.intro":
			"Saisissez votre nom d’utilisateur, ou l’adresse e-mail ou le numéro de téléphone que vous avez confirmé sur votre compte. Nous enverrons un lien à votre adresse e-mail, ou un code par SMS à votre téléphone.",
		"recovery.forgot.identifier": "Nom d’utilisateur, e-mail ou téléphone",
		"recovery.forgot.submit": "M’envoyer un lien ou un code",
		"recovery.forgot.twoFactorNote":
			"Réinitialiser votre mot de passe ne désactive pas la validation en deux étapes : il vous faudra toujours votre deuxième étape, ou un code de secours, pour vous connecter.",

		"recovery.resetSent.title": "Consultez vos e-mails ou votre téléphone",
		"recovery.resetSent.message":
			"Si un compte correspond, nous avons envoyé un lien à son adresse e-mail confirmée, ou un code par SMS à son téléphone confirmé. Le lien est valable 30 minutes, le code 10.",
		"recovery.resetSent.emailHeading": "Vous avez reçu un e-mail ?",
		"recovery.resetSent.emailBody": "Ouvrez le lien qu’il contient, sur n’importe quel appareil. Vous pouvez fermer cette page.",
		"recovery.resetSent.textHeading": "Vous avez reçu un SMS ?",
		"recovery.resetSent.submit": "Enregistrer le nouveau mot de passe",
		"recovery.resetSent.nothing":
			"Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables, puis <link>faites une nouvelle demande</link>. Si votre numéro de téléphone est partagé par plusieurs comptes, saisissez plutôt votre nom d’utilisateur.",
		"recovery.resetSent.newCode": "Demander un nouveau code",

		"recovery.reset.title": "Choisissez un nouveau mot de passe",
		"recovery.reset.intro":
			"Toutes les sessions sont déconnectées et les appareils de confiance oubliés. Si la validation en deux étapes est activée, vous confirmez ensuite le nouveau mot de passe avec votre application d’authentification, une clé d’accès ou un code de secours.",
		"recovery.reset.submit": "Continuer",
		"recovery.reset.expiredTitle": "Ce lien a expiré",
		"recovery.reset.expiredMessage":
			"Les liens de réinitialisation du mot de passe ne servent qu’une fois, pendant 30 minutes. Demandez-en un nouveau.",
		"recovery.reset.newLink": "Demander un nouveau lien",
		"recovery.reset.confirmHeading": "Confirmez votre nouveau mot de passe",
		"recovery.reset.confirmIntro":
			"Votre nouveau mot de passe prend effet une fois que vous avez confirmé que c’est bien vous. Un code par e-mail ou par SMS ne peut pas confirmer une réinitialisation : utilisez votre application d’authentification, une clé d’accès ou un code de secours.",
		"recovery.reset.tooLongTitle": "Cela a pris trop de temps",
		"recovery.reset.tooLongMessage": "{reason} Votre mot de passe n’a pas été modifié.",
		"recovery.resetDone.title": "Mot de passe modifié",
		"recovery.resetDone.notice":
			"Votre nouveau mot de passe est enregistré. Toutes les sessions ont été déconnectées et les appareils de confiance oubliés.",
		"recovery.resetDone.next":
			"Connectez-vous avec votre nouveau mot de passe. Si la validation en deux étapes est activée, il vous faudra toujours votre deuxième étape ou un code de secours.",

		"recovery.secure.title": "Sécurisez votre compte",
		"recovery.secure.intro":
			"Cette action déconnecte votre compte sur tous les appareils, oublie tous les appareils de confiance, arrête toute réinitialisation du mot de passe ou récupération du compte en cours, et retire une demande de vérification d’identité pas encore tranchée. Elle ne change rien d’autre : votre mot de passe et la validation en deux étapes restent tels quels.",
		"recovery.secure.submit": "Se déconnecter partout",
		"recovery.secure.next":
			"Ensuite, choisissez un nouveau mot de passe avec « Mot de passe oublié » : si la validation en deux étapes est activée, vous le confirmez avec votre application d’authentification, une clé d’accès ou un code de secours.",
		"recovery.secure.expiredMessage":
			"Les liens « Ce n’était pas vous ? » ne servent qu’une fois, pendant 7 jours, et seulement tant que l’adresse à laquelle ils ont été envoyés figure sur le compte. En cas de doute sur la sécurité de votre compte, réinitialisez votre mot de passe maintenant.",
		"recovery.secure.resetPassword": "Réinitialiser votre mot de passe",
		"recovery.secureDone.title": "Déconnexion effectuée partout",
		"recovery.secureDone.notice":
			"Toutes les sessions sont déconnectées, les appareils de confiance sont oubliés, et les réinitialisations et récupérations en cours sont arrêtées.",
		"recovery.secureDone.next":
			"Si quelqu’un d’autre connaît peut-être votre mot de passe, choisissez-en un nouveau maintenant. Connectez-vous ensuite et vérifiez l’activité de votre compte.",
		"recovery.secureDone.choose": "Choisir un nouveau mot de passe",

		"recovery.change.title": "Changer de mot de passe",
		"recovery.change.intro":
			"Toutes les autres sessions sont déconnectées et les appareils de confiance oubliés. Ce navigateur reste connecté.",
		"recovery.change.current": "Mot de passe actuel",
		"recovery.change.submit": "Changer de mot de passe",
		"recovery.change.wrongCurrent": "Ce n’est pas le bon mot de passe.",

		"recovery.start.title": "Récupérer votre compte",
		"recovery.start.intro":
			"Si vous ne pouvez utiliser aucune de vos deuxièmes étapes, vous pouvez quand même retrouver l’accès. Pour votre sécurité, cela prend du temps : une fois que vous avez prouvé que vous avez toujours accès à votre e-mail ou à votre téléphone, il y a un délai d’attente de {hours, plural, one {# heure} other {# heures}}. Pendant ce délai, chaque adresse de votre compte est prévenue, avec un lien pour annuler, et une connexion avec une deuxième étape qui fonctionne l’annule aussi.",
		"recovery.start.prove": "Prouvez que c’est bien vous",
		"recovery.start.textCode": "Envoyer un code par SMS au numéro {address}",
		"recovery.start.emailCode": "Envoyer un code par e-mail à {address}",
		"recovery.start.noContacts": "Votre compte n’a aucune adresse e-mail ni aucun numéro de téléphone confirmé.",
		"recovery.start.paused":
			"Les codes par e-mail et par SMS sont suspendus sur ce compte : son mot de passe a été réinitialisé ({when}) sans deuxième étape. Tant que votre application d’authentification, une clé d’accès ou un code de secours n’a pas servi à vous connecter, un e-mail ou un SMS ne peut pas lancer de récupération. Vous pouvez toujours demander une vérification d’identité, ci-dessous.",
		"recovery.start.pausedReason": "Suspendu depuis la réinitialisation du mot de passe. Demandez plutôt une vérification d’identité.",
		"recovery.start.noAccess": "Vous n’avez accès à aucun de ces moyens ?",
		"recovery.start.requestOpen":
			"Vous avez déjà demandé une vérification d’identité. Les personnes qui gèrent ce service vont l’examiner.",
		"recovery.start.lastDenied":
			"Votre dernière demande de vérification d’identité ({askedAt}) n’a pas été acceptée. Vous pouvez en faire une nouvelle, avec davantage d’éléments montrant que le compte est le vôtre.",
		"recovery.start.askIdentity":
			"<link>Demander une vérification d’identité</link> : dites aux personnes qui gèrent ce service ce que vous savez du compte, et elles décideront.",
		"recovery.start.otherWays": "Retour aux autres moyens de connexion",
		"recovery.waiting.title": "Récupération en cours",
		"recovery.waiting.notice":
			"La récupération de votre compte a commencé ({startedAt}). Une fois le délai d’attente écoulé ({readyAt}), connectez-vous avec votre mot de passe : la validation en deux étapes sera réinitialisée et vous la configurerez à nouveau.",
		"recovery.waiting.found":
			"Vous avez retrouvé votre téléphone ou vos codes ? Connectez-vous avec eux comme d’habitude : cela annule la récupération.",

		"recovery.code.title": "Saisissez le code",
		"recovery.code.enter":
			"Saisissez le code que nous avons envoyé à {address}. Il est valable {minutes, plural, one {# minute} other {# minutes}}.",
		"recovery.code.sent": "Nous avons envoyé un code à {address}. Il est valable {minutes, plural, one {# minute} other {# minutes}}.",
		"recovery.code.notSent": "Nous n’avons pas pu envoyer le code à {address} tout de suite. Il peut encore arriver d’ici une minute.",
		"recovery.code.submit": "Lancer la récupération",
		"recovery.code.resend": "Envoyer un nouveau code",
		"recovery.code.lostPhone": "Téléphone perdu ? Comment retrouver l’accès",
		"recovery.started.title": "Récupération lancée",
		"recovery.started.notice":
			"Une fois le délai d’attente écoulé ({readyAt}), connectez-vous avec votre nom d’utilisateur et votre mot de passe. La validation en deux étapes sera réinitialisée, et vous configurerez une application d’authentification et enregistrerez de nouveaux codes de secours avant toute autre chose.",
		"recovery.started.told":
			"Nous avons prévenu chaque adresse e-mail et chaque numéro de téléphone de votre compte, avec un lien pour annuler. Si ce n’est pas vous qui l’avez lancée, quelqu’un connaît votre mot de passe : utilisez ce lien, puis changez de mot de passe.",
		"recovery.started.found":
			"Vous avez retrouvé votre téléphone ou vos codes entre-temps ? Connectez-vous avec eux comme d’habitude : cela annule la récupération.",

		"recovery.identity.title": "Demander une vérification d’identité",
		"recovery.identity.intro":
			"Les personnes qui gèrent ce service liront votre demande et décideront. Si elles l’acceptent, le même délai d’attente et les mêmes alertes que pour toute récupération s’appliquent. N’indiquez jamais de mot de passe ni de code.",
		"recovery.identity.howLongHeading": "Combien de temps cela prend",
		"recovery.identity.howLong":
			"Une personne qui gère {product} lit chaque demande et décide ; aucun délai n’est fixé, cela dépend du moment où elle peut l’examiner. Si elle l’accepte, un délai d’attente de {hours, plural, one {# heure} other {# heures}} suit, comme pour toute récupération. Ensuite, vous vous connectez avec votre mot de passe et vous configurez à nouveau la validation en deux étapes.",
		"recovery.identity.answerHeading": "Comment vous aurez la réponse",
		"recovery.identity.answerTo":
			"Si elle est acceptée, nous prévenons chaque adresse de votre compte : {addresses}. Quelle que soit la réponse, vous pouvez voir où en est votre demande : connectez-vous avec votre nom d’utilisateur et votre mot de passe, puis choisissez « Vous ne pouvez utiliser aucune de ces méthodes ? ».",
		"recovery.identity.answerNowhere":
			"Aucun message ne peut vous parvenir : votre compte n’a aucune adresse e-mail ni aucun numéro de téléphone confirmé auquel nous puissions écrire. Pour voir où en est votre demande, connectez-vous avec votre nom d’utilisateur et votre mot de passe, puis choisissez « Vous ne pouvez utiliser aucune de ces méthodes ? ».",
		"recovery.identity.message": "Ce qui s’est passé, et tout ce qui montre que le compte est le vôtre",
		"recovery.identity.contactsUsed": "Adresses e-mail ou numéros de téléphone que vous avez utilisés avec le compte",
		"recovery.identity.lastSignIn": "Date approximative de votre dernière connexion",
		"recovery.identity.submit": "Envoyer",
		"recovery.identitySent.title": "Demande envoyée",
		"recovery.identitySent.notice":
			"Les personnes qui gèrent ce service vont examiner votre demande. Si elles l’acceptent, le délai d’attente de la récupération commence et chaque adresse de votre compte est prévenue ; ensuite, vous pourrez vous connecter avec votre mot de passe et configurer à nouveau la validation en deux étapes.",

		"recovery.cancel.title": "Annuler la récupération du compte",
		"recovery.cancel.intro":
			"Quelqu’un a lancé la récupération de votre compte, ce qui réinitialiserait sa validation en deux étapes après le délai d’attente. Si ce n’était pas vous, annulez-la maintenant. Aucune connexion n’est nécessaire.",
		"recovery.cancel.submit": "Annuler la récupération",
		"recovery.cancel.hint": "Si c’est bien vous qui l’avez lancée et que vous en avez encore besoin, fermez cette page.",
		"recovery.cancel.expiredTitle": "Ce lien ne fonctionne plus",
		"recovery.cancel.expiredMessage":
			"La récupération est déjà terminée (annulée ou menée à bien), ou ce lien a déjà servi ou a expiré.",
		"recovery.cancelled.title": "Récupération annulée",
		"recovery.cancelled.notice": "La récupération est annulée. Votre validation en deux étapes reste telle quelle.",
		"recovery.cancelled.next":
			"La personne qui l’a lancée connaissait votre mot de passe. Changez-le maintenant : <link>réinitialisez votre mot de passe</link>, ou connectez-vous et changez-le dans vos paramètres de sécurité.",

		"recovery.setUpAgain.title": "Configurez à nouveau la validation en deux étapes",
		"recovery.setUpAgain.notice":
			"La validation en deux étapes de votre compte a été réinitialisée. Avant toute autre chose, configurez une application d’authentification et enregistrez un nouveau jeu de codes de secours.",
		"recovery.setUpAgain.authenticator": "Configurer l’application d’authentification",
		"recovery.setUpAgain.passkey": "Ajouter une clé d’accès",
		"recovery.setUpAgain.readyWith":
			"Ou activez-la avec {ways} : enregistrez un nouveau jeu de codes de secours et saisissez-en un pour le confirmer.",
		"recovery.setUpAgain.confirmCodes": "Confirmer vos codes de secours",
		"recovery.setUpAgain.getCodes": "Obtenir des codes de secours",
		"recovery.setUpAgain.hint":
			"Votre ancienne entrée dans l’application d’authentification, vos clés d’accès et vos codes de secours ne fonctionnent plus. Vous pouvez supprimer l’ancienne entrée de votre application.",

		"recovery.admin.title": "Vérifications d’identité",
		"recovery.admin.none": "Aucune demande en attente.",
		"recovery.admin.asked": "Demandée : {when}, depuis {device}, {ip}",
		"recovery.admin.anUnknownDevice": "un appareil inconnu",
		"recovery.admin.unknownDevice": "appareil inconnu",
		"recovery.admin.unknownAddress": "adresse inconnue",
		"recovery.admin.requestTitle": "Vérification d’identité : {username}",
		"recovery.admin.status": "État",
		"recovery.admin.status.open": "En attente d’une décision",
		"recovery.admin.status.approved": "Acceptée",
		"recovery.admin.status.denied": "Refusée",
		"recovery.admin.status.withdrawn": "Retirée",
		"recovery.admin.askedLabel": "Date de la demande",
		"recovery.admin.askedValue": "{when}, {device}, {ip}",
		"recovery.admin.says": "Ce que la personne dit",
		"recovery.admin.contactsUsed": "Adresses qu’elle a utilisées",
		"recovery.admin.lastSignIn": "Dernière connexion, selon ses souvenirs",
		"recovery.admin.activity": "Activité récente du compte",
		"recovery.admin.event": "{when} : {description} ({device}, {ip})",
		"recovery.admin.note": "Note pour le journal d’audit",
		"recovery.admin.approve": "Accepter : lancer le délai d’attente",
		"recovery.admin.deny": "Refuser",
		"recovery.admin.decided": "Décision ({when}) de {by} : {note}",
		"recovery.admin.all": "Toutes les demandes",
		"recovery.admin.approved": "Acceptée : le délai d’attente a commencé et la personne a été prévenue.",
		"recovery.admin.denied": "Refusée.",
		"recovery.admin.chooseDecision": "Choisissez d’accepter ou de refuser.",
		"recovery.admin.alreadyDecided": "Cette demande a déjà été tranchée.",
	},
	ar: {
		"recovery.neverAsks":
			"لا يطلب منك {product} أبدًا رمزًا أو كلمة مرورك عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية. لا تكتبها إلا في هذه الصفحات.",
		"recovery.newPassword.label": "كلمة المرور الجديدة",
		"recovery.newPassword.hint": "8 أحرف على الأقل. بضع كلمات لا رابط بينها تصنع كلمة مرور قوية يسهل تذكرها.",
		"recovery.code.label": "الرمز المكوّن من 6 أرقام",
		"recovery.back": "رجوع",
		"recovery.backToSignIn": "العودة إلى تسجيل الدخول",
		"recovery.goToSignIn": "الذهاب إلى تسجيل الدخول",
		"recovery.signIn": "تسجيل الدخول",
		"recovery.helpCentre": "مركز المساعدة",
		"recovery.help": "مساعدة",
		"recovery.backToSettings": "العودة إلى إعدادات الأمان",
		"recovery.optional": "(اختياري)",
		"recovery.signInFirst": "لاستعادة حسابك، سجّل الدخول أولًا باسم المستخدم وكلمة المرور.",

		"recovery.forgot.title": "هل نسيت كلمة المرور؟",
		"recovery.forgot.intro":
			"أدخل اسم المستخدم، أو عنوان البريد الإلكتروني أو رقم الهاتف الذي أكّدته في حسابك. سنرسل رابطًا إلى بريدك الإلكتروني، أو رمزًا في رسالة نصية إلى هاتفك.",
		"recovery.forgot.identifier": "اسم المستخدم أو البريد الإلكتروني أو الهاتف",
		"recovery.forgot.submit": "أرسل لي رابطًا أو رمزًا",
		"recovery.forgot.twoFactorNote":
			"إعادة تعيين كلمة المرور لا توقف المصادقة الثنائية: ستظل بحاجة إلى خطوتك الثانية، أو إلى رمز من رموز الاحتياط، لتسجيل الدخول.",

		"recovery.resetSent.title": "تحقّق من بريدك الإلكتروني أو هاتفك",
		"recovery.resetSent.message":
			"إن كان هناك حساب مطابق، فقد أرسلنا رابطًا إلى عنوان بريده الإلكتروني المؤكَّد، أو رمزًا في رسالة نصية إلى هاتفه المؤكَّد. يعمل الرابط مدة 30 دقيقة، والرمز مدة 10 دقائق.",
		"recovery.resetSent.emailHeading": "هل وصلتك رسالة بريد إلكتروني؟",
		"recovery.resetSent.emailBody": "افتح الرابط الذي فيها على أي جهاز. يمكنك إغلاق هذه الصفحة.",
		"recovery.resetSent.textHeading": "هل وصلتك رسالة نصية؟",
		"recovery.resetSent.submit": "حفظ كلمة المرور الجديدة",
		"recovery.resetSent.nothing":
			"لم يصلك شيء بعد بضع دقائق؟ تحقّق من مجلد الرسائل غير المرغوب فيها، ثم <link>اطلب مرة أخرى</link>. إذا كان رقم هاتفك مشتركًا بين عدة حسابات، فاكتب اسم المستخدم بدلًا منه.",
		"recovery.resetSent.newCode": "اطلب رمزًا جديدًا",

		"recovery.reset.title": "اختر كلمة مرور جديدة",
		"recovery.reset.intro":
			"يُسجَّل الخروج من كل الجلسات وتُنسى الأجهزة الموثوقة. إذا كانت المصادقة الثنائية مفعّلة، فستؤكّد كلمة المرور الجديدة بعد ذلك بتطبيق المصادقة أو بمفتاح المرور أو برمز من رموز الاحتياط.",
		"recovery.reset.submit": "متابعة",
		"recovery.reset.expiredTitle": "انتهت صلاحية هذا الرابط",
		"recovery.reset.expiredMessage": "روابط إعادة تعيين كلمة المرور تعمل مرة واحدة، مدة 30 دقيقة. اطلب رابطًا جديدًا.",
		"recovery.reset.newLink": "اطلب رابطًا جديدًا",
		"recovery.reset.confirmHeading": "أكّد كلمة المرور الجديدة",
		"recovery.reset.confirmIntro":
			"تسري كلمة المرور الجديدة بعد أن تؤكّد أنك أنت. لا يمكن لرمز يصل بالبريد الإلكتروني أو برسالة نصية أن يؤكّد إعادة التعيين: استخدم تطبيق المصادقة أو مفتاح المرور أو رمزًا من رموز الاحتياط.",
		"recovery.reset.tooLongTitle": "استغرق ذلك وقتًا طويلًا",
		"recovery.reset.tooLongMessage": "{reason} لم تتغير كلمة المرور.",
		"recovery.resetDone.title": "تم تغيير كلمة المرور",
		"recovery.resetDone.notice": "حُفظت كلمة المرور الجديدة. سُجِّل الخروج من كل الجلسات ونُسيت الأجهزة الموثوقة.",
		"recovery.resetDone.next":
			"سجّل الدخول بكلمة المرور الجديدة. إذا كانت المصادقة الثنائية مفعّلة، فستظل بحاجة إلى خطوتك الثانية أو إلى رمز من رموز الاحتياط.",

		"recovery.secure.title": "أمِّن حسابك",
		"recovery.secure.intro":
			"يسجّل هذا خروج حسابك من كل الأجهزة، وينسى كل الأجهزة الموثوقة، ويوقف أي إعادة تعيين لكلمة المرور أو استعادة للحساب جارية، ويسحب أي طلب تحقق من الهوية لم يُبتّ فيه بعد. ولا يغيّر شيئًا آخر: تبقى كلمة المرور والمصادقة الثنائية على حالهما.",
		"recovery.secure.submit": "تسجيل الخروج من كل مكان",
		"recovery.secure.next":
			"بعد ذلك، اختر كلمة مرور جديدة عبر «نسيت كلمة المرور»: إذا كانت المصادقة الثنائية مفعّلة، فستؤكّدها بتطبيق المصادقة أو بمفتاح المرور أو برمز من رموز الاحتياط.",
		"recovery.secure.expiredMessage":
			"روابط «لست أنت؟» تعمل مرة واحدة، مدة 7 أيام، وما دام العنوان الذي أُرسلت إليه موجودًا في الحساب. إن كنت قلقًا على حسابك، فأعد تعيين كلمة المرور الآن.",
		"recovery.secure.resetPassword": "أعد تعيين كلمة المرور",
		"recovery.secureDone.title": "تم تسجيل الخروج من كل مكان",
		"recovery.secureDone.notice": "سُجِّل الخروج من كل الجلسات، ونُسيت الأجهزة الموثوقة، وأُوقفت عمليات إعادة التعيين والاستعادة الجارية.",
		"recovery.secureDone.next":
			"إن كان شخص آخر قد يعرف كلمة مرورك، فاختر كلمة جديدة الآن. ثم سجّل الدخول وراجع نشاط حسابك.",
		"recovery.secureDone.choose": "اختر كلمة مرور جديدة",

		"recovery.change.title": "تغيير كلمة المرور",
		"recovery.change.intro": "يُسجَّل الخروج من كل الجلسات الأخرى وتُنسى الأجهزة الموثوقة. يبقى هذا المتصفح مسجَّل الدخول.",
		"recovery.change.current": "كلمة المرور الحالية",
		"recovery.change.submit": "تغيير كلمة المرور",
		"recovery.change.wrongCurrent": "كلمة المرور هذه غير صحيحة.",

		"recovery.start.title": "استعد حسابك",
		"recovery.start.intro":
			"إذا لم تستطع استخدام أيٍّ من خطواتك الثانية، فلا يزال بإمكانك استعادة الوصول. حفاظًا على أمانك يستغرق ذلك وقتًا: بعد أن تثبت أن بريدك الإلكتروني أو هاتفك لا يزال معك، تبدأ فترة انتظار مدتها {hours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}. خلالها يُبلَّغ كل عنوان في حسابك، مع رابط للإلغاء، كما يلغيها تسجيل الدخول بأي خطوة ثانية تعمل.",
		"recovery.start.prove": "أثبت أنك أنت",
		"recovery.start.textCode": "أرسل رمزًا في رسالة نصية إلى {address}",
		"recovery.start.emailCode": "أرسل رمزًا بالبريد الإلكتروني إلى {address}",
		"recovery.start.noContacts": "لا يوجد في حسابك عنوان بريد إلكتروني أو رقم هاتف مؤكَّد.",
		"recovery.start.paused":
			"الرموز عبر البريد الإلكتروني والرسائل النصية معلّقة في هذا الحساب: أُعيد تعيين كلمة مروره ({when}) دون خطوة ثانية. وإلى أن تسجّل الدخول بتطبيق المصادقة أو بمفتاح المرور أو برمز من رموز الاحتياط، لا يمكن لبريد إلكتروني أو رسالة نصية أن يبدأ الاستعادة. لا يزال بإمكانك طلب التحقق من الهوية، أدناه.",
		"recovery.start.pausedReason": "معلّق منذ إعادة تعيين كلمة المرور. اطلب التحقق من الهوية بدلًا من ذلك.",
		"recovery.start.noAccess": "لا تستطيع الوصول إلى أيٍّ من هذه؟",
		"recovery.start.requestOpen": "لقد طلبت التحقق من الهوية من قبل. سينظر فيه القائمون على هذه الخدمة.",
		"recovery.start.lastDenied":
			"لم تتم الموافقة على آخر طلب للتحقق من الهوية قدّمته ({askedAt}). يمكنك تقديم طلب جديد، مع مزيد مما يثبت أن الحساب حسابك.",
		"recovery.start.askIdentity":
			"<link>اطلب التحقق من الهوية</link>: أخبر القائمين على هذه الخدمة بما تعرفه عن الحساب، وسيتخذون القرار.",
		"recovery.start.otherWays": "العودة إلى طرق تسجيل الدخول الأخرى",
		"recovery.waiting.title": "الاستعادة جارية",
		"recovery.waiting.notice":
			"بدأت استعادة حسابك ({startedAt}). بعد انتهاء فترة الانتظار ({readyAt})، سجّل الدخول بكلمة المرور: ستُعاد تهيئة المصادقة الثنائية وستُعدّها من جديد.",
		"recovery.waiting.found": "هل وجدت هاتفك أو رموزك؟ سجّل الدخول بها كالمعتاد: فهذا يلغي الاستعادة.",

		"recovery.code.title": "أدخل الرمز",
		"recovery.code.enter":
			"أدخل الرمز الذي أرسلناه إلى {address}. وهو صالح مدة {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
		"recovery.code.sent":
			"أرسلنا رمزًا إلى {address}. وهو صالح مدة {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
		"recovery.code.notSent": "لم نتمكن من إرسال الرمز إلى {address} على الفور. قد يصل خلال دقيقة.",
		"recovery.code.submit": "ابدأ الاستعادة",
		"recovery.code.resend": "أرسل رمزًا جديدًا",
		"recovery.code.lostPhone": "فقدت هاتفك؟ كيف تستعيد الوصول",
		"recovery.started.title": "بدأت الاستعادة",
		"recovery.started.notice":
			"بعد انتهاء فترة الانتظار ({readyAt})، سجّل الدخول باسم المستخدم وكلمة المرور. ستُعاد تهيئة المصادقة الثنائية، وستُعدّ تطبيق المصادقة وتحفظ رموز احتياط جديدة قبل أي شيء آخر.",
		"recovery.started.told":
			"أبلغنا كل عنوان بريد إلكتروني وكل رقم هاتف في حسابك، مع رابط للإلغاء. إن لم تكن أنت من بدأها، فهناك من يعرف كلمة مرورك: استخدم ذلك الرابط، ثم غيّر كلمة المرور.",
		"recovery.started.found": "هل وجدت هاتفك أو رموزك في هذه الأثناء؟ سجّل الدخول بها كالمعتاد: فهذا يلغي الاستعادة.",

		"recovery.identity.title": "اطلب التحقق من الهوية",
		"recovery.identity.intro":
			"سيقرأ القائمون على هذه الخدمة طلبك ويتخذون القرار. إن وافقوا، تتبع ذلك فترة الانتظار والتنبيهات نفسها كما في أي استعادة. لا تضمّن طلبك أبدًا كلمة مرور أو رمزًا.",
		"recovery.identity.howLongHeading": "كم يستغرق ذلك",
		"recovery.identity.howLong":
			"يقرأ شخص من القائمين على {product} كل طلب ويتخذ القرار؛ لا توجد مدة محددة، فالأمر يتوقف على الوقت الذي يتمكن فيه من النظر فيه. إن وافق عليه، تتبعه فترة انتظار مدتها {hours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}، كما في أي استعادة. بعدها تسجّل الدخول بكلمة المرور وتُعدّ المصادقة الثنائية من جديد.",
		"recovery.identity.answerHeading": "كيف يصلك الرد",
		"recovery.identity.answerTo":
			"إن تمت الموافقة عليه، نبلغ كل عنوان في حسابك: {addresses}. وأيًّا كان الرد، يمكنك معرفة حالة طلبك: سجّل الدخول باسم المستخدم وكلمة المرور، ثم اختر «لا يمكنك استخدام أيٍّ من هذه الطرق؟».",
		"recovery.identity.answerNowhere":
			"لا يمكن أن تصلك أي رسالة: لا يوجد في حسابك عنوان بريد إلكتروني أو رقم هاتف مؤكَّد يمكننا الإرسال إليه. لمعرفة حالة طلبك، سجّل الدخول باسم المستخدم وكلمة المرور، ثم اختر «لا يمكنك استخدام أيٍّ من هذه الطرق؟».",
		"recovery.identity.message": "ما الذي حدث، وكل ما يثبت أن الحساب حسابك",
		"recovery.identity.contactsUsed": "عناوين البريد الإلكتروني أو أرقام الهاتف التي استخدمتها مع الحساب",
		"recovery.identity.lastSignIn": "متى سجّلت الدخول آخر مرة، على وجه التقريب",
		"recovery.identity.submit": "إرسال",
		"recovery.identitySent.title": "أُرسل الطلب",
		"recovery.identitySent.notice":
			"سينظر القائمون على هذه الخدمة في طلبك. إن وافقوا عليه، تبدأ فترة انتظار الاستعادة ويُبلَّغ كل عنوان في حسابك؛ وبعدها يمكنك تسجيل الدخول بكلمة المرور وإعداد المصادقة الثنائية من جديد.",

		"recovery.cancel.title": "إلغاء استعادة الحساب",
		"recovery.cancel.intro":
			"بدأ أحدهم استعادة حسابك، وهذا سيعيد تهيئة المصادقة الثنائية فيه بعد فترة الانتظار. إن لم تكن أنت، فألغِها الآن. لا حاجة إلى تسجيل الدخول.",
		"recovery.cancel.submit": "إلغاء الاستعادة",
		"recovery.cancel.hint": "إن كنت أنت من بدأها وما زلت تحتاج إليها، فأغلق هذه الصفحة.",
		"recovery.cancel.expiredTitle": "هذا الرابط لم يعد يعمل",
		"recovery.cancel.expiredMessage": "انتهت الاستعادة بالفعل (أُلغيت أو اكتملت)، أو سبق استخدام هذا الرابط أو انتهت صلاحيته.",
		"recovery.cancelled.title": "أُلغيت الاستعادة",
		"recovery.cancelled.notice": "أُلغيت الاستعادة. تبقى المصادقة الثنائية على حالها.",
		"recovery.cancelled.next":
			"من بدأها كان يعرف كلمة مرورك. غيّرها الآن: <link>أعد تعيين كلمة المرور</link>، أو سجّل الدخول وغيّرها من إعدادات الأمان.",

		"recovery.setUpAgain.title": "أعِدّ المصادقة الثنائية من جديد",
		"recovery.setUpAgain.notice":
			"أُعيدت تهيئة المصادقة الثنائية في حسابك. قبل أي شيء آخر، أعِدّ تطبيق المصادقة واحفظ مجموعة جديدة من رموز الاحتياط.",
		"recovery.setUpAgain.authenticator": "إعداد تطبيق المصادقة",
		"recovery.setUpAgain.passkey": "إضافة مفتاح مرور",
		"recovery.setUpAgain.readyWith": "أو فعّلها باستخدام {ways}: احفظ مجموعة جديدة من رموز الاحتياط واكتب أحدها لتأكيدها.",
		"recovery.setUpAgain.confirmCodes": "تأكيد رموز الاحتياط",
		"recovery.setUpAgain.getCodes": "الحصول على رموز الاحتياط",
		"recovery.setUpAgain.hint":
			"لم يعد الإدخال القديم في تطبيق المصادقة ولا مفاتيح المرور ولا رموز الاحتياط تعمل. يمكنك حذف الإدخال القديم من تطبيقك.",

		"recovery.admin.title": "طلبات التحقق من الهوية",
		"recovery.admin.none": "لا يوجد طلب في الانتظار.",
		"recovery.admin.asked": "تاريخ الطلب: {when}، من {device}، {ip}",
		"recovery.admin.anUnknownDevice": "جهاز غير معروف",
		"recovery.admin.unknownDevice": "جهاز غير معروف",
		"recovery.admin.unknownAddress": "عنوان غير معروف",
		"recovery.admin.requestTitle": "التحقق من الهوية: {username}",
		"recovery.admin.status": "الحالة",
		"recovery.admin.status.open": "في انتظار القرار",
		"recovery.admin.status.approved": "تمت الموافقة",
		"recovery.admin.status.denied": "مرفوض",
		"recovery.admin.status.withdrawn": "مسحوب",
		"recovery.admin.askedLabel": "تاريخ الطلب",
		"recovery.admin.askedValue": "{when}، {device}، {ip}",
		"recovery.admin.says": "ما يقوله صاحب الطلب",
		"recovery.admin.contactsUsed": "العناوين التي استخدمها",
		"recovery.admin.lastSignIn": "آخر تسجيل دخول، كما يتذكره",
		"recovery.admin.activity": "النشاط الأخير في الحساب",
		"recovery.admin.event": "{when}: {description} ({device}، {ip})",
		"recovery.admin.note": "ملاحظة لسجل التدقيق",
		"recovery.admin.approve": "الموافقة: بدء فترة الانتظار",
		"recovery.admin.deny": "الرفض",
		"recovery.admin.decided": "صدر القرار ({when}) من {by}: {note}",
		"recovery.admin.all": "كل الطلبات",
		"recovery.admin.approved": "تمت الموافقة: بدأت فترة الانتظار وأُبلغ صاحب الحساب.",
		"recovery.admin.denied": "رُفض الطلب.",
		"recovery.admin.chooseDecision": "اختر الموافقة أو الرفض.",
		"recovery.admin.alreadyDecided": "سبق البتّ في هذا الطلب.",
	},
});
