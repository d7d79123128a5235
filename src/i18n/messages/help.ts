import { defineMessages } from "../define.ts";

/** The help centre. */
export default defineMessages({
	en: {
		"help.link.index": "Help centre",
		"help.link.backupCodes": "Backup codes not working?",
		"help.link.otherWays": "Other ways to sign in",
		"help.link.recovery": "How to get back into your account",
		"help.link.savingCodes": "Saving your codes",
		"help.link.lostPhone": "Lost your phone?",
		"help.link.phishing": "Recognising phishing",
		"help.link.forgotPassword": "Forgot your password?",

		"help.neverAsks":
			"{product} never asks for a code or your password by message, email or phone call. Type codes only on {product}'s own pages. <phishing>How to spot a fake</phishing>",
		"help.allTopics": "All help topics",
		"help.backToSignIn": "Back to sign-in",
		"help.back.signIn": "Back to signing in",
		"help.back.recovery": "Back to account recovery",
		"help.back.reset": "Back to resetting your password",
		"help.back.settings": "Back to settings",
		"help.back.other": "Back",
		"help.support.both": "{url} or {email}",

		"help.index.title": "Help centre",
		"help.index.intro": "Locked out, or worried something is wrong? Your account stays protected while you sort it out. Choose what fits.",
		"help.index.about.backupCodes": "What to try, in order, when a code is turned down, and how to get back in if nothing works.",
		"help.index.about.lostPhone": "Get back in, then make sure the lost phone can't be used to sign in as you.",
		"help.index.about.savingCodes": "How to keep your backup codes so they are there when you need them.",
		"help.index.about.phishing": "How to tell a real {product} page or message from a fake one.",
		"help.index.about.forgotPassword": "Choose a new password and get back in.",
		"help.index.support":
			"Tried these and still stuck? The people who run {product} can help: {contact}. They will never ask for your password or a code.",

		"help.backupCodes.intro":
			"When a backup code doesn't work, {product} tells you why. Go through these steps in order, and stop as soon as one works.",
		"help.backupCodes.step1.title": "Type it again",
		"help.backupCodes.step1.forgiving": "Spaces, dashes and capital letters don't matter, and the letters O, I and L are read as 0, 1 and 1.",
		"help.backupCodes.step1.typo":
			"If {product} says the code <em>can't be one of your codes</em>, a character is missing or extra, or two are swapped: every code carries a check character that catches these slips. Compare what you typed with your list, one character at a time.",
		"help.backupCodes.step1.next": "<strong>Did that work?</strong> Then you're in, and you're done. If not, <step>go to step 2</step>.",
		"help.backupCodes.step2.title": "Try another unused code",
		"help.backupCodes.step2.used":
			"Each code works once. If {product} says a code was <em>already used</em>, cross it off your list and take the next one.",
		"help.backupCodes.step2.old":
			"If it says the code is <em>from an old list</em>, you made a new set since. Find your newest list: look through your downloads, your password manager or your printouts, and check the date on each. Codes from a replaced list never work again, so you can throw that list away.",
		"help.backupCodes.step2.next":
			"<strong>Did that work?</strong> Then you're in, and you're done. If you have no unused codes, or can't find your newest list, <step>go to step 3</step>.",
		"help.backupCodes.step3.title": "Use another way to sign in",
		"help.backupCodes.step3.how":
			"On the sign-in page, after your password, choose <strong>Try another way</strong>. You can then use your authenticator app, a passkey, or a code sent by text message or email, whichever your account has.",
		"help.backupCodes.step3.next": "<strong>Did that work?</strong> Then you're in, and you're done. If none of them works, <step>go to step 4</step>.",
		"help.backupCodes.step4.title": "Recover your account",
		"help.backupCodes.step4.why":
			"If no code and no other way works, you can still get back in. It takes a few days, on purpose: that wait is what stops someone who has only your password from taking your account.",
		"help.backupCodes.step4.signIn":
			"Sign in with your password. On the page that asks for your second step, choose <strong>Can't use any of these?</strong>",
		"help.backupCodes.step4.prove":
			"Prove you still have an email address or phone number that is verified on your account: we send a code to it.",
		"help.backupCodes.step4.wait":
			"Wait. The waiting period is 72 hours, unless the people who run this {product} have set a different one. During it, every email address and phone number on your account gets an alert with a link that cancels the recovery. If you didn't start it, use that link.",
		"help.backupCodes.step4.after":
			"When the wait is over, sign in with your password. {product} then asks you to set up two-factor authentication again, with a new set of backup codes. Your old codes stop working.",
		"help.backupCodes.step4.found":
			"Found your codes or your phone while you wait? Just sign in as usual with your second step: that cancels the recovery.",
		"help.backupCodes.step4.identity":
			"No working email address or phone number on your account? Ask for an identity check instead, from the same place. The people who run this {product} look at each request themselves. If they approve it, your recovery starts, with the same wait and the same alerts.",
		"help.backupCodes.step4.forgot": "Forgotten your password as well? <forgot>Choose a new password first</forgot>.",
		"help.backupCodes.safe.title": "Keeping your codes safe",
		"help.backupCodes.safe.where": "Save them where your phone isn't: a password manager, or printed and kept with your important papers.",
		"help.backupCodes.safe.typeBack":
			"When you get a new set, {product} asks you to type one of the new codes back, so you can't lose your way in by forgetting to save them.",
		"help.backupCodes.safe.more": "More in <saving>Saving your codes</saving>.",

		"help.saving.intro":
			"Backup codes are how you get in when you can't use your phone. They only help if you can find them on the day you need them.",
		"help.saving.ways.title": "Four ways to save them",
		"help.saving.ways.intro": "When {product} shows you a new set, you can:",
		"help.saving.ways.copy": "<strong>Copy all</strong>, then paste them into your password manager.",
		"help.saving.ways.text": "<strong>Download .txt</strong>: a small text file with the site, your username, the date and one code per line.",
		"help.saving.ways.print": "<strong>Print</strong> them, with a box next to each code to tick off.",
		"help.saving.ways.image": "<strong>Download as image</strong>: a picture of the list, to print later or keep with your other papers.",
		"help.saving.ways.once": "The codes are shown only once. Save them before you leave the page.",
		"help.saving.where.title": "Where to keep them",
		"help.saving.where.manager": "In a password manager, next to your {product} password.",
		"help.saving.where.printed": "Printed, and kept with your important papers at home.",
		"help.saving.where.notPhone":
			"<strong>Not only on the phone that has your authenticator app.</strong> If you lose that phone, you lose both at once.",
		"help.saving.where.two": "Two places are better than one: for example, your password manager and a printout.",
		"help.saving.once.title": "Each code works once",
		"help.saving.once.body": "When you use a code, cross it off or tick its box, so you don't try it again later. The next time you sign in, use another one.",
		"help.saving.newSet.title": "Getting a new set",
		"help.saving.newSet.how":
			"In <settings>Settings</settings>, under Backup codes, choose <strong>Get new codes</strong>. Save the new set, then type any one of the new codes back to show you saved it. Only then does the new set replace the old one: until you type a code back, your old codes keep working. Do it by the time shown on the page.",
		"help.saving.newSet.old": "Once the new set is active, the old list never works again. Throw it away, so you don't pick it up by mistake.",
		"help.saving.low.title": "Running low",
		"help.saving.low.body":
			"Settings shows how many codes you have left. When you have {count, plural, other {#}} or fewer, {product} warns you: get a new set in <settings>Settings</settings> straight away, while you can still sign in.",

		"help.lostPhone.title": "Lost your phone",
		"help.lostPhone.intro":
			"Your account is still protected: whoever has the phone still needs your password. Take these steps as soon as you can.",
		"help.lostPhone.backup.title": "Sign in with a backup code",
		"help.lostPhone.backup.how":
			"Sign in with your password. On the page that asks for your second step, choose <strong>Try another way</strong>, then <strong>Backup code</strong>, and type one of your codes. You can also use any other way your account has, such as a passkey on another device or a code by email.",
		"help.lostPhone.backup.notWorking": "Codes not working? See <backupCodes>Backup codes not working?</backupCodes>",
		"help.lostPhone.remove.title": "Remove what was on the lost phone",
		"help.lostPhone.remove.intro": "In <settings>Settings</settings>:",
		"help.lostPhone.remove.authenticator":
			"Under Authenticator app, choose <strong>Remove</strong>, then set it up again on your new phone. If the app is your only second step, {product} asks you to add another way first, such as a passkey or your email address.",
		"help.lostPhone.remove.passkey": "Under Passkeys, remove the passkey that lived on the lost phone. It is listed under the name you gave it.",
		"help.lostPhone.trust.title": "Stop trusting your devices",
		"help.lostPhone.trust.body":
			"If you chose to trust the lost phone, it could skip the second step. In <settings>Settings</settings>, under Trusted devices, choose <strong>Stop trusting all devices</strong>. Your other devices will simply ask for a second step next time.",
		"help.lostPhone.sim.title": "If your phone number gets your codes",
		"help.lostPhone.sim.body":
			"If {product} sends codes to this phone number by text message, call your mobile carrier. Ask them to block the SIM and give you a replacement with the same number. Until then, anyone who puts your SIM in another phone could receive those texts.",
		"help.lostPhone.recovery.title": "If you have no codes and no other way in",
		"help.lostPhone.recovery.body":
			"You can still get back in with account recovery. You prove you have an email address or phone number that is on your account, then wait: 72 hours, unless the people who run this {product} have set a different time. During the wait, every address on your account gets an alert with a link to cancel it. Then you sign in with your password and set up two-factor authentication again, with new backup codes. With no working email or phone, you can ask for an identity check instead.",
		"help.lostPhone.recovery.link": "How account recovery works, step by step",
		"help.lostPhone.notYou.title": "Something you didn't do?",
		"help.lostPhone.notYou.body":
			"Every security alert from {product} has a <strong>Wasn't you?</strong> link. It signs you out everywhere, including on the lost phone. Then choose a new password with <forgot>Forgot password</forgot> (you confirm it with your authenticator app, a passkey or a backup code), and look at <activity>your account activity</activity> for anything you don't recognise.",
		"help.lostPhone.support.title": "Still can't get in?",
		"help.lostPhone.support.body":
			"The people who run {product} can help: {contact}. Tell them your username and what happened. They will never ask for your password or a code, so never give them one.",

		"help.phishing.intro":
			"Phishing is when someone pretends to be {product} to get your password or a code. With both, they could sign in as you. These are the rules to remember.",
		"help.phishing.never.title": "{product} never asks for your codes",
		"help.phishing.never.notice":
			"{product} never asks for a code or your password by message, email or phone call. Not ever, and not even to “check your account”. Nobody who runs this {product} will ask you for one either.",
		"help.phishing.never.yours": "A code is yours to type, never to read out or send to anyone.",
		"help.phishing.own.title": "Type codes only on {product}'s own pages",
		"help.phishing.own.addressBar":
			"Before you type a password or a code, look at the address bar. It should show the address you always use for {product}, spelled exactly the same. Fake sites often use an address that looks close: a letter swapped or doubled, an extra word, or a different ending.",
		"help.phishing.own.doubt": "If in doubt, don't follow the link. Type the address yourself, or use your bookmark.",
		"help.phishing.own.passkeys": "Passkeys check the address for you: a passkey only works on the real site, so it can't be phished.",
		"help.phishing.messages.title": "What {product}'s messages look like",
		"help.phishing.messages.alerts":
			"Security alerts tell you what happened, when, and from where. They never contain a code and never ask you for one.",
		"help.phishing.messages.notYou": "Every alert has a <strong>Wasn't you?</strong> link, in case it wasn't you.",
		"help.phishing.messages.codes":
			"A text or email with a sign-in code comes only after you asked for one on a {product} page. If a code arrives that you didn't ask for, someone else may have your password: don't share the code, and change your password.",
		"help.phishing.signs.title": "Signs of phishing",
		"help.phishing.signs.hurry":
			"<strong>Hurry.</strong> “Your account will be closed in one hour”, “Act now”. Real security problems can wait the minute it takes to check.",
		"help.phishing.signs.lookalike":
			"<strong>A link to a look-alike address.</strong> The page may look exactly like {product}. Check the address bar, not the page.",
		"help.phishing.signs.support":
			"<strong>Someone “from support” asking for a code.</strong> By phone, message or chat, they ask you to read out or forward a code “to confirm it's you”. That is always a trick.",
		"help.phishing.slip.title": "If you typed a code or password somewhere else",
		"help.phishing.slip.intro": "It happens to careful people too. Act straight away: these steps shut the other person out.",
		"help.phishing.slip.signOut":
			"Sign out everywhere with the <strong>Wasn't you?</strong> link from a {product} alert, then change your password: in <settings>Settings</settings> if you can still sign in, or with <forgot>Forgot password</forgot>, confirmed with your authenticator app, a passkey or a backup code.",
		"help.phishing.slip.activity": "Look at <activity>your account activity</activity> for sign-ins or changes you don't recognise.",
		"help.phishing.slip.codes": "If you gave away a backup code, get a new set in <settings>Settings</settings>: the old ones stop working.",
	},
	fr: {
		"help.link.index": "Centre d’aide",
		"help.link.backupCodes": "Vos codes de secours ne fonctionnent pas ?",
		"help.link.otherWays": "Les autres façons de vous connecter",
		"help.link.recovery": "Comment retrouver l’accès à votre compte",
		"help.link.savingCodes": "Conserver vos codes",
		"help.link.lostPhone": "Vous avez perdu votre téléphone ?",
		"help.link.phishing": "Reconnaître l’hameçonnage",
		"help.link.forgotPassword": "Mot de passe oublié ?",

		"help.neverAsks":
			"{product} ne vous demande jamais de code ni votre mot de passe par message, par e-mail ou par téléphone. Ne saisissez vos codes que sur les pages de {product}. <phishing>Comment repérer une imitation</phishing>",
		"help.allTopics": "Toutes les rubriques d’aide",
		"help.backToSignIn": "Retour à la connexion",
		"help.back.signIn": "Revenir à la connexion",
		"help.back.recovery": "Revenir à la récupération du compte",
		"help.back.reset": "Revenir à la réinitialisation du mot de passe",
		"help.back.settings": "Revenir aux paramètres",
		"help.back.other": "Retour",
		"help.support.both": "{url} ou {email}",

		"help.index.title": "Centre d’aide",
		"help.index.intro":
			"Vous ne pouvez plus vous connecter, ou vous craignez un problème ? Votre compte reste protégé pendant que vous réglez la situation. Choisissez ce qui vous correspond.",
		"help.index.about.backupCodes":
			"Ce qu’il faut essayer, dans l’ordre, quand un code est refusé, et comment retrouver l’accès si rien ne fonctionne.",
		"help.index.about.lostPhone":
			"Reconnectez-vous, puis faites en sorte que le téléphone perdu ne puisse pas servir à se connecter à votre place.",
		"help.index.about.savingCodes": "Comment garder vos codes de secours pour les avoir sous la main le jour où vous en aurez besoin.",
		"help.index.about.phishing": "Comment distinguer une vraie page ou un vrai message de {product} d’une imitation.",
		"help.index.about.forgotPassword": "Choisissez un nouveau mot de passe et reconnectez-vous.",
		"help.index.support":
			"Vous avez tout essayé, sans succès ? Les personnes qui gèrent {product} peuvent vous aider : {contact}. Elles ne vous demanderont jamais votre mot de passe ni un code.",

		"help.backupCodes.intro":
			"Quand un code de secours ne fonctionne pas, {product} vous dit pourquoi. Suivez ces étapes dans l’ordre, et arrêtez-vous dès que l’une d’elles fonctionne.",
		"help.backupCodes.step1.title": "Saisissez-le de nouveau",
		"help.backupCodes.step1.forgiving":
			"Les espaces, les tirets et les majuscules ne comptent pas, et les lettres O, I et L sont lues comme 0, 1 et 1.",
		"help.backupCodes.step1.typo":
			"Si {product} indique que le code <em>ne peut pas être l’un de vos codes</em>, un caractère manque ou est en trop, ou deux caractères sont inversés : chaque code contient un caractère de contrôle qui repère ces erreurs de frappe. Comparez ce que vous avez saisi avec votre liste, caractère par caractère.",
		"help.backupCodes.step1.next": "<strong>Ça a fonctionné ?</strong> Vous avez retrouvé l’accès à votre compte : c’est terminé. Sinon, <step>passez à l’étape 2</step>.",
		"help.backupCodes.step2.title": "Essayez un autre code non utilisé",
		"help.backupCodes.step2.used":
			"Chaque code ne fonctionne qu’une fois. Si {product} indique qu’un code a <em>déjà été utilisé</em>, rayez-le de votre liste et prenez le suivant.",
		"help.backupCodes.step2.old":
			"S’il indique que le code <em>vient d’une ancienne liste</em>, c’est que vous avez créé une nouvelle série depuis. Retrouvez votre liste la plus récente : regardez dans vos téléchargements, votre gestionnaire de mots de passe ou vos impressions, et vérifiez la date de chacune. Les codes d’une liste remplacée ne fonctionneront plus jamais : vous pouvez jeter cette liste.",
		"help.backupCodes.step2.next":
			"<strong>Ça a fonctionné ?</strong> Vous avez retrouvé l’accès à votre compte : c’est terminé. S’il ne vous reste aucun code non utilisé, ou si vous ne trouvez pas votre liste la plus récente, <step>passez à l’étape 3</step>.",
		"help.backupCodes.step3.title": "Connectez-vous d’une autre façon",
		"help.backupCodes.step3.how":
			"Sur la page de connexion, après votre mot de passe, choisissez <strong>Essayer une autre méthode</strong>. Vous pourrez alors utiliser votre application d’authentification, une clé d’accès, ou un code envoyé par SMS ou par e-mail, selon ce que votre compte propose.",
		"help.backupCodes.step3.next":
			"<strong>Ça a fonctionné ?</strong> Vous avez retrouvé l’accès à votre compte : c’est terminé. Si aucune ne fonctionne, <step>passez à l’étape 4</step>.",
		"help.backupCodes.step4.title": "Récupérez votre compte",
		"help.backupCodes.step4.why":
			"Si aucun code ni aucune autre méthode ne fonctionne, vous pouvez encore retrouver l’accès. Cela prend quelques jours, exprès : ce délai est ce qui empêche quelqu’un qui n’a que votre mot de passe de s’emparer de votre compte.",
		"help.backupCodes.step4.signIn":
			"Connectez-vous avec votre mot de passe. Sur la page qui vous demande la deuxième étape, choisissez <strong>Aucune de ces méthodes ne vous est possible ?</strong>",
		"help.backupCodes.step4.prove":
			"Prouvez que vous avez toujours accès à une adresse e-mail ou à un numéro de téléphone vérifié sur votre compte : nous y envoyons un code.",
		"help.backupCodes.step4.wait":
			"Patientez. Le délai d’attente est de 72 heures, sauf si les personnes qui gèrent {product} ici en ont fixé un autre. Pendant ce temps, chaque adresse e-mail et chaque numéro de téléphone de votre compte reçoit une alerte avec un lien qui annule la récupération. Si ce n’est pas vous qui l’avez lancée, utilisez ce lien.",
		"help.backupCodes.step4.after":
			"Une fois le délai écoulé, connectez-vous avec votre mot de passe. {product} vous demande alors de configurer de nouveau la validation en deux étapes, avec une nouvelle série de codes de secours. Vos anciens codes cessent de fonctionner.",
		"help.backupCodes.step4.found":
			"Vous avez retrouvé vos codes ou votre téléphone pendant l’attente ? Connectez-vous simplement comme d’habitude, avec votre deuxième étape : cela annule la récupération.",
		"help.backupCodes.step4.identity":
			"Aucune adresse e-mail ni aucun numéro de téléphone utilisable sur votre compte ? Demandez plutôt une vérification d’identité, depuis le même endroit. Les personnes qui gèrent {product} ici examinent elles-mêmes chaque demande. Si elles l’approuvent, votre récupération commence, avec le même délai et les mêmes alertes.",
		"help.backupCodes.step4.forgot": "Vous avez aussi oublié votre mot de passe ? <forgot>Choisissez d’abord un nouveau mot de passe</forgot>.",
		"help.backupCodes.safe.title": "Garder vos codes en lieu sûr",
		"help.backupCodes.safe.where":
			"Conservez-les ailleurs que sur votre téléphone : dans un gestionnaire de mots de passe, ou imprimés et rangés avec vos papiers importants.",
		"help.backupCodes.safe.typeBack":
			"Quand vous obtenez une nouvelle série, {product} vous demande de ressaisir l’un des nouveaux codes : vous ne pouvez donc pas perdre l’accès en oubliant de les enregistrer.",
		"help.backupCodes.safe.more": "Pour en savoir plus : <saving>Conserver vos codes</saving>.",

		"help.saving.intro":
			"Les codes de secours vous permettent d’entrer quand vous ne pouvez pas utiliser votre téléphone. Ils ne vous servent que si vous les retrouvez le jour où vous en avez besoin.",
		"help.saving.ways.title": "Quatre façons de les enregistrer",
		"help.saving.ways.intro": "Quand {product} vous présente une nouvelle série, vous pouvez :",
		"help.saving.ways.copy": "<strong>Tout copier</strong>, puis les coller dans votre gestionnaire de mots de passe ;",
		"help.saving.ways.text":
			"<strong>Télécharger en .txt</strong> : un petit fichier texte avec le site, votre nom d’utilisateur, la date et un code par ligne ;",
		"help.saving.ways.print": "les <strong>imprimer</strong>, avec une case à cocher à côté de chaque code ;",
		"help.saving.ways.image":
			"<strong>Télécharger en image</strong> : une image de la liste, à imprimer plus tard ou à garder avec vos autres papiers.",
		"help.saving.ways.once": "Les codes ne s’affichent qu’une seule fois. Enregistrez-les avant de quitter la page.",
		"help.saving.where.title": "Où les garder",
		"help.saving.where.manager": "Dans un gestionnaire de mots de passe, à côté de votre mot de passe {product}.",
		"help.saving.where.printed": "Imprimés, et rangés chez vous avec vos papiers importants.",
		"help.saving.where.notPhone":
			"<strong>Pas seulement sur le téléphone qui contient votre application d’authentification.</strong> Si vous perdez ce téléphone, vous perdez les deux à la fois.",
		"help.saving.where.two": "Deux endroits valent mieux qu’un : par exemple, votre gestionnaire de mots de passe et une version imprimée.",
		"help.saving.once.title": "Chaque code ne fonctionne qu’une fois",
		"help.saving.once.body":
			"Quand vous utilisez un code, rayez-le ou cochez sa case, pour ne pas le réessayer plus tard. À la prochaine connexion, prenez-en un autre.",
		"help.saving.newSet.title": "Obtenir une nouvelle série",
		"help.saving.newSet.how":
			"Dans les <settings>Paramètres</settings>, sous Codes de secours, choisissez <strong>Obtenir de nouveaux codes</strong>. Enregistrez la nouvelle série, puis ressaisissez l’un des nouveaux codes pour montrer que vous l’avez bien enregistrée. C’est seulement alors que la nouvelle série remplace l’ancienne : tant que vous n’avez pas ressaisi de code, vos anciens codes continuent de fonctionner. Faites-le avant l’heure indiquée sur la page.",
		"help.saving.newSet.old":
			"Une fois la nouvelle série active, l’ancienne liste ne fonctionne plus jamais. Jetez-la, pour ne pas la reprendre par erreur.",
		"help.saving.low.title": "Quand il vous en reste peu",
		"help.saving.low.body":
			"Les paramètres indiquent combien de codes il vous reste. Quand il vous en reste {count, plural, other {#}} ou moins, {product} vous prévient : obtenez tout de suite une nouvelle série dans les <settings>Paramètres</settings>, tant que vous pouvez encore vous connecter.",

		"help.lostPhone.title": "Vous avez perdu votre téléphone",
		"help.lostPhone.intro":
			"Votre compte reste protégé : la personne qui a le téléphone a toujours besoin de votre mot de passe. Suivez ces étapes dès que possible.",
		"help.lostPhone.backup.title": "Connectez-vous avec un code de secours",
		"help.lostPhone.backup.how":
			"Connectez-vous avec votre mot de passe. Sur la page qui vous demande la deuxième étape, choisissez <strong>Essayer une autre méthode</strong>, puis <strong>Code de secours</strong>, et saisissez l’un de vos codes. Vous pouvez aussi utiliser toute autre méthode de votre compte, par exemple une clé d’accès sur un autre appareil ou un code par e-mail.",
		"help.lostPhone.backup.notWorking": "Vos codes ne fonctionnent pas ? Consultez <backupCodes>Vos codes de secours ne fonctionnent pas ?</backupCodes>",
		"help.lostPhone.remove.title": "Retirez ce qui se trouvait sur le téléphone perdu",
		"help.lostPhone.remove.intro": "Dans les <settings>Paramètres</settings> :",
		"help.lostPhone.remove.authenticator":
			"Sous Application d’authentification, choisissez <strong>Retirer</strong>, puis configurez-la de nouveau sur votre nouveau téléphone. Si l’application est votre seule deuxième étape, {product} vous demande d’abord d’ajouter une autre méthode, par exemple une clé d’accès ou votre adresse e-mail.",
		"help.lostPhone.remove.passkey":
			"Sous Clés d’accès, supprimez la clé d’accès qui se trouvait sur le téléphone perdu. Elle apparaît sous le nom que vous lui avez donné.",
		"help.lostPhone.trust.title": "Ne faites plus confiance à vos appareils",
		"help.lostPhone.trust.body":
			"Si vous aviez choisi de faire confiance au téléphone perdu, il pourrait se passer de la deuxième étape. Dans les <settings>Paramètres</settings>, sous Appareils de confiance, choisissez <strong>Ne plus faire confiance à aucun appareil</strong>. Vos autres appareils vous demanderont simplement une deuxième étape la prochaine fois.",
		"help.lostPhone.sim.title": "Si votre numéro de téléphone reçoit vos codes",
		"help.lostPhone.sim.body":
			"Si {product} envoie des codes par SMS à ce numéro, appelez votre opérateur mobile. Demandez-lui de bloquer la carte SIM et de vous en fournir une nouvelle avec le même numéro. D’ici là, quiconque met votre carte SIM dans un autre téléphone pourrait recevoir ces SMS.",
		"help.lostPhone.recovery.title": "Si vous n’avez plus de codes ni d’autre moyen d’entrer",
		"help.lostPhone.recovery.body":
			"Vous pouvez encore retrouver l’accès grâce à la récupération du compte. Vous prouvez que vous avez une adresse e-mail ou un numéro de téléphone enregistré sur votre compte, puis vous patientez : 72 heures, sauf si les personnes qui gèrent {product} ici ont fixé un autre délai. Pendant l’attente, chaque adresse de votre compte reçoit une alerte avec un lien pour l’annuler. Vous vous connectez ensuite avec votre mot de passe et configurez de nouveau la validation en deux étapes, avec de nouveaux codes de secours. Sans adresse e-mail ni téléphone utilisable, vous pouvez demander une vérification d’identité à la place.",
		"help.lostPhone.recovery.link": "Comment fonctionne la récupération du compte, étape par étape",
		"help.lostPhone.notYou.title": "Quelque chose que vous n’avez pas fait ?",
		"help.lostPhone.notYou.body":
			"Chaque alerte de sécurité de {product} contient un lien <strong>Ce n’était pas vous ?</strong>. Il vous déconnecte partout, y compris sur le téléphone perdu. Choisissez ensuite un nouveau mot de passe avec <forgot>Mot de passe oublié</forgot> (vous le confirmez avec votre application d’authentification, une clé d’accès ou un code de secours), et consultez <activity>l’activité de votre compte</activity> pour repérer ce que vous ne reconnaissez pas.",
		"help.lostPhone.support.title": "Vous ne parvenez toujours pas à entrer ?",
		"help.lostPhone.support.body":
			"Les personnes qui gèrent {product} peuvent vous aider : {contact}. Indiquez-leur votre nom d’utilisateur et ce qui s’est passé. Elles ne vous demanderont jamais votre mot de passe ni un code : ne leur en donnez jamais.",

		"help.phishing.intro":
			"L’hameçonnage, c’est quand quelqu’un se fait passer pour {product} afin d’obtenir votre mot de passe ou un code. Avec les deux, il pourrait se connecter à votre place. Voici les règles à retenir.",
		"help.phishing.never.title": "{product} ne vous demande jamais vos codes",
		"help.phishing.never.notice":
			"{product} ne vous demande jamais de code ni votre mot de passe par message, par e-mail ou par téléphone. Jamais, pas même pour « vérifier votre compte ». Personne parmi ceux qui gèrent {product} ici ne vous en demandera non plus.",
		"help.phishing.never.yours": "Un code, c’est à vous de le saisir, jamais de le lire à voix haute ni de l’envoyer à qui que ce soit.",
		"help.phishing.own.title": "Ne saisissez vos codes que sur les pages de {product}",
		"help.phishing.own.addressBar":
			"Avant de saisir un mot de passe ou un code, regardez la barre d’adresse. Elle doit afficher l’adresse que vous utilisez toujours pour {product}, écrite exactement de la même façon. Les faux sites utilisent souvent une adresse qui y ressemble : une lettre inversée ou doublée, un mot en plus, ou une fin différente.",
		"help.phishing.own.doubt": "En cas de doute, ne suivez pas le lien. Saisissez l’adresse vous-même, ou utilisez votre favori.",
		"help.phishing.own.passkeys":
			"Les clés d’accès vérifient l’adresse pour vous : une clé d’accès ne fonctionne que sur le vrai site, elle ne peut donc pas être hameçonnée.",
		"help.phishing.messages.title": "À quoi ressemblent les messages de {product}",
		"help.phishing.messages.alerts":
			"Les alertes de sécurité vous disent ce qui s’est passé, quand et d’où. Elles ne contiennent jamais de code et ne vous en demandent jamais.",
		"help.phishing.messages.notYou": "Chaque alerte contient un lien <strong>Ce n’était pas vous ?</strong>, au cas où ce ne serait pas vous.",
		"help.phishing.messages.codes":
			"Un SMS ou un e-mail contenant un code de connexion n’arrive qu’après que vous l’avez demandé sur une page de {product}. Si vous recevez un code que vous n’avez pas demandé, quelqu’un d’autre a peut-être votre mot de passe : ne communiquez pas le code, et changez votre mot de passe.",
		"help.phishing.signs.title": "Les signes de l’hameçonnage",
		"help.phishing.signs.hurry":
			"<strong>L’urgence.</strong> « Votre compte sera fermé dans une heure », « Agissez maintenant ». Un vrai problème de sécurité peut attendre la minute qu’il faut pour vérifier.",
		"help.phishing.signs.lookalike":
			"<strong>Un lien vers une adresse qui ressemble à la vraie.</strong> La page peut ressembler trait pour trait à {product}. Vérifiez la barre d’adresse, pas la page.",
		"help.phishing.signs.support":
			"<strong>Quelqu’un « du support » qui vous demande un code.</strong> Par téléphone, par message ou par chat, on vous demande de lire ou de transférer un code « pour confirmer que c’est bien vous ». C’est toujours une arnaque.",
		"help.phishing.slip.title": "Si vous avez saisi un code ou votre mot de passe ailleurs",
		"help.phishing.slip.intro":
			"Cela arrive aussi aux personnes prudentes. Agissez tout de suite : ces étapes mettent l’autre personne dehors.",
		"help.phishing.slip.signOut":
			"Déconnectez-vous partout avec le lien <strong>Ce n’était pas vous ?</strong> d’une alerte de {product}, puis changez votre mot de passe : dans les <settings>Paramètres</settings> si vous pouvez encore vous connecter, ou avec <forgot>Mot de passe oublié</forgot>, en confirmant avec votre application d’authentification, une clé d’accès ou un code de secours.",
		"help.phishing.slip.activity":
			"Consultez <activity>l’activité de votre compte</activity> pour repérer des connexions ou des modifications que vous ne reconnaissez pas.",
		"help.phishing.slip.codes":
			"Si vous avez donné un code de secours, obtenez une nouvelle série dans les <settings>Paramètres</settings> : les anciens codes cessent de fonctionner.",
	},
	ar: {
		"help.link.index": "مركز المساعدة",
		"help.link.backupCodes": "رموز الاحتياط لا تعمل؟",
		"help.link.otherWays": "طرق أخرى لتسجيل الدخول",
		"help.link.recovery": "كيف تستعيد الوصول إلى حسابك",
		"help.link.savingCodes": "حفظ رموزك",
		"help.link.lostPhone": "فقدت هاتفك؟",
		"help.link.phishing": "التعرّف على التصيّد الاحتيالي",
		"help.link.forgotPassword": "نسيت كلمة المرور؟",

		"help.neverAsks":
			"لا يطلب منك {product} أبدًا رمزًا أو كلمة مرورك عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية. لا تكتب الرموز إلا في صفحات {product} نفسها. <phishing>كيف تكشف الصفحات المزيّفة</phishing>",
		"help.allTopics": "كل مواضيع المساعدة",
		"help.backToSignIn": "العودة إلى تسجيل الدخول",
		"help.back.signIn": "العودة إلى تسجيل الدخول",
		"help.back.recovery": "العودة إلى استرداد الحساب",
		"help.back.reset": "العودة إلى إعادة تعيين كلمة المرور",
		"help.back.settings": "العودة إلى الإعدادات",
		"help.back.other": "رجوع",
		"help.support.both": "{url} أو {email}",

		"help.index.title": "مركز المساعدة",
		"help.index.intro": "لا تستطيع الدخول إلى حسابك، أو تخشى أن يكون هناك خطب ما؟ يبقى حسابك محميًا ريثما تحلّ المشكلة. اختر ما يناسب حالتك.",
		"help.index.about.backupCodes": "ما الذي تجرّبه، بالترتيب، عندما يُرفض رمز، وكيف تعود إلى حسابك إن لم ينجح شيء.",
		"help.index.about.lostPhone": "عُد إلى حسابك، ثم تأكّد من أنه لا يمكن استخدام الهاتف المفقود لتسجيل الدخول باسمك.",
		"help.index.about.savingCodes": "كيف تحتفظ برموز الاحتياط لتجدها عندما تحتاج إليها.",
		"help.index.about.phishing": "كيف تميّز صفحة أو رسالة حقيقية من {product} من أخرى مزيّفة.",
		"help.index.about.forgotPassword": "اختر كلمة مرور جديدة وعُد إلى حسابك.",
		"help.index.support":
			"جرّبت كل هذا وما زلت عالقًا؟ يمكن للقائمين على {product} مساعدتك: {contact}. لن يطلبوا منك أبدًا كلمة مرورك أو أي رمز.",

		"help.backupCodes.intro": "عندما لا يعمل رمز احتياطي، يخبرك {product} بالسبب. اتّبع هذه الخطوات بالترتيب، وتوقّف فور نجاح إحداها.",
		"help.backupCodes.step1.title": "اكتبه مرة أخرى",
		"help.backupCodes.step1.forgiving": "المسافات والشرطات والأحرف الكبيرة لا تهمّ، وتُقرأ الأحرف O وI وL على أنها 0 و1 و1.",
		"help.backupCodes.step1.typo":
			"إذا قال {product} إن الرمز <em>لا يمكن أن يكون من رموزك</em>، فهناك حرف ناقص أو زائد، أو حرفان متبادلان: يحمل كل رمز حرف تحقق يكشف مثل هذه الأخطاء. قارن ما كتبته بقائمتك، حرفًا حرفًا.",
		"help.backupCodes.step1.next": "<strong>هل نجح ذلك؟</strong> إذن دخلت إلى حسابك، وانتهى الأمر. وإلا، <step>انتقل إلى الخطوة 2</step>.",
		"help.backupCodes.step2.title": "جرّب رمزًا آخر لم تستخدمه",
		"help.backupCodes.step2.used": "كل رمز يعمل مرة واحدة. إذا قال {product} إن الرمز <em>مستخدم من قبل</em>، فاشطبه من قائمتك وخذ الرمز التالي.",
		"help.backupCodes.step2.old":
			"إذا قال إن الرمز <em>من قائمة قديمة</em>، فقد أنشأت مجموعة جديدة بعدها. ابحث عن أحدث قائمة لديك: في تنزيلاتك أو مدير كلمات المرور أو النسخ المطبوعة، وتحقّق من تاريخ كل منها. رموز القائمة المستبدلة لا تعمل مجددًا أبدًا، لذا يمكنك التخلص من تلك القائمة.",
		"help.backupCodes.step2.next":
			"<strong>هل نجح ذلك؟</strong> إذن دخلت إلى حسابك، وانتهى الأمر. إذا لم يبقَ لديك رموز غير مستخدمة، أو لم تجد أحدث قائمة، <step>انتقل إلى الخطوة 3</step>.",
		"help.backupCodes.step3.title": "استخدم طريقة أخرى لتسجيل الدخول",
		"help.backupCodes.step3.how":
			"في صفحة تسجيل الدخول، بعد كلمة المرور، اختر <strong>جرّب طريقة أخرى</strong>. يمكنك عندها استخدام تطبيق المصادقة، أو مفتاح المرور، أو رمز يُرسل برسالة نصية أو بالبريد الإلكتروني، أيّها كان متاحًا في حسابك.",
		"help.backupCodes.step3.next": "<strong>هل نجح ذلك؟</strong> إذن دخلت إلى حسابك، وانتهى الأمر. إذا لم تنجح أيٌّ منها، <step>انتقل إلى الخطوة 4</step>.",
		"help.backupCodes.step4.title": "استرد حسابك",
		"help.backupCodes.step4.why":
			"إذا لم يعمل أي رمز ولا أي طريقة أخرى، فما زال بإمكانك العودة إلى حسابك. يستغرق ذلك بضعة أيام، عن قصد: فهذا الانتظار هو ما يمنع من لا يملك إلا كلمة مرورك من الاستيلاء على حسابك.",
		"help.backupCodes.step4.signIn":
			"سجّل الدخول بكلمة المرور. في الصفحة التي تطلب الخطوة الثانية، اختر <strong>لا يمكنك استخدام أيٍّ من هذه الطرق؟</strong>",
		"help.backupCodes.step4.prove": "أثبت أنك ما زلت تملك عنوان بريد إلكتروني أو رقم هاتف موثّقًا في حسابك: نرسل إليه رمزًا.",
		"help.backupCodes.step4.wait":
			"انتظر. مدة الانتظار 72 ساعة، ما لم يحدّد القائمون على {product} هنا مدة أخرى. خلالها، يتلقى كل عنوان بريد إلكتروني وكل رقم هاتف في حسابك تنبيهًا فيه رابط يلغي الاسترداد. إن لم تكن أنت من بدأه، فاستخدم ذلك الرابط.",
		"help.backupCodes.step4.after":
			"عند انتهاء الانتظار، سجّل الدخول بكلمة المرور. سيطلب منك {product} عندها إعداد المصادقة الثنائية من جديد، مع مجموعة جديدة من رموز الاحتياط. وتتوقف رموزك القديمة عن العمل.",
		"help.backupCodes.step4.found": "وجدت رموزك أو هاتفك أثناء الانتظار؟ سجّل الدخول كالمعتاد بخطوتك الثانية: فهذا يلغي الاسترداد.",
		"help.backupCodes.step4.identity":
			"لا يوجد في حسابك عنوان بريد إلكتروني أو رقم هاتف صالح للاستخدام؟ اطلب التحقق من الهوية بدلًا من ذلك، من المكان نفسه. يراجع القائمون على {product} هنا كل طلب بأنفسهم. وإن وافقوا عليه، يبدأ الاسترداد، مع الانتظار نفسه والتنبيهات نفسها.",
		"help.backupCodes.step4.forgot": "نسيت كلمة المرور أيضًا؟ <forgot>اختر كلمة مرور جديدة أولًا</forgot>.",
		"help.backupCodes.safe.title": "الحفاظ على رموزك",
		"help.backupCodes.safe.where": "احفظها في مكان غير هاتفك: في مدير كلمات المرور، أو مطبوعة ومحفوظة مع أوراقك المهمة.",
		"help.backupCodes.safe.typeBack":
			"عندما تحصل على مجموعة جديدة، يطلب منك {product} أن تكتب أحد الرموز الجديدة، حتى لا تفقد طريقك إلى حسابك إن نسيت حفظها.",
		"help.backupCodes.safe.more": "المزيد في <saving>حفظ رموزك</saving>.",

		"help.saving.intro": "رموز الاحتياط هي وسيلتك للدخول عندما لا تستطيع استخدام هاتفك. ولا تنفعك إلا إذا وجدتها يوم تحتاج إليها.",
		"help.saving.ways.title": "أربع طرق لحفظها",
		"help.saving.ways.intro": "عندما يعرض عليك {product} مجموعة جديدة، يمكنك:",
		"help.saving.ways.copy": "<strong>نسخ الكل</strong>، ثم لصقها في مدير كلمات المرور.",
		"help.saving.ways.text": "<strong>تنزيل كملف ‎.txt</strong>: ملف نصي صغير فيه الموقع واسم المستخدم والتاريخ ورمز في كل سطر.",
		"help.saving.ways.print": "<strong>طباعة</strong> الرموز، مع مربع بجانب كل رمز لتضع عليه علامة.",
		"help.saving.ways.image": "<strong>تنزيل كصورة</strong>: صورة للقائمة، لتطبعها لاحقًا أو تحتفظ بها مع أوراقك الأخرى.",
		"help.saving.ways.once": "لا تُعرض الرموز إلا مرة واحدة. احفظها قبل مغادرة الصفحة.",
		"help.saving.where.title": "أين تحتفظ بها",
		"help.saving.where.manager": "في مدير كلمات المرور، بجانب كلمة مرور {product}.",
		"help.saving.where.printed": "مطبوعة، ومحفوظة مع أوراقك المهمة في المنزل.",
		"help.saving.where.notPhone": "<strong>ليس على الهاتف الذي فيه تطبيق المصادقة وحده.</strong> إن فقدت ذلك الهاتف، فقدت الاثنين معًا.",
		"help.saving.where.two": "مكانان أفضل من مكان واحد: مثلًا، مدير كلمات المرور ونسخة مطبوعة.",
		"help.saving.once.title": "كل رمز يعمل مرة واحدة",
		"help.saving.once.body": "عندما تستخدم رمزًا، اشطبه أو ضع علامة في مربعه، حتى لا تجرّبه مرة أخرى لاحقًا. وفي المرة التالية التي تسجّل فيها الدخول، استخدم رمزًا آخر.",
		"help.saving.newSet.title": "الحصول على مجموعة جديدة",
		"help.saving.newSet.how":
			"في <settings>الإعدادات</settings>، ضمن رموز الاحتياط، اختر <strong>الحصول على رموز جديدة</strong>. احفظ المجموعة الجديدة، ثم اكتب أيّ رمز منها لتُظهر أنك حفظتها. عندها فقط تحلّ المجموعة الجديدة محل القديمة: وإلى أن تكتب رمزًا، تبقى رموزك القديمة صالحة. افعل ذلك قبل الوقت المبيّن في الصفحة.",
		"help.saving.newSet.old": "بعد تفعيل المجموعة الجديدة، لا تعمل القائمة القديمة مجددًا أبدًا. تخلّص منها، حتى لا تأخذها بالخطأ.",
		"help.saving.low.title": "عندما تقترب الرموز من النفاد",
		"help.saving.low.body":
			"تعرض الإعدادات عدد الرموز المتبقية لديك. عندما {count, plural, zero {لا يبقى لديك أي رمز} one {يبقى لديك رمز واحد أو أقل} two {يبقى لديك رمزان أو أقل} few {يبقى لديك # رموز أو أقل} many {يبقى لديك # رمزًا أو أقل} other {يبقى لديك # رمز أو أقل}}، ينبّهك {product}: احصل على مجموعة جديدة من <settings>الإعدادات</settings> فورًا، ما دمت تستطيع تسجيل الدخول.",

		"help.lostPhone.title": "فقدت هاتفك",
		"help.lostPhone.intro": "ما زال حسابك محميًا: فمن يحمل الهاتف ما زال يحتاج إلى كلمة مرورك. اتّبع هذه الخطوات في أقرب وقت ممكن.",
		"help.lostPhone.backup.title": "سجّل الدخول برمز احتياطي",
		"help.lostPhone.backup.how":
			"سجّل الدخول بكلمة المرور. في الصفحة التي تطلب الخطوة الثانية، اختر <strong>جرّب طريقة أخرى</strong>، ثم <strong>رمز الاحتياط</strong>، واكتب أحد رموزك. يمكنك أيضًا استخدام أي طريقة أخرى في حسابك، مثل مفتاح مرور على جهاز آخر أو رمز بالبريد الإلكتروني.",
		"help.lostPhone.backup.notWorking": "الرموز لا تعمل؟ راجع <backupCodes>رموز الاحتياط لا تعمل؟</backupCodes>",
		"help.lostPhone.remove.title": "أزِل ما كان على الهاتف المفقود",
		"help.lostPhone.remove.intro": "في <settings>الإعدادات</settings>:",
		"help.lostPhone.remove.authenticator":
			"ضمن تطبيق المصادقة، اختر <strong>إزالة</strong>، ثم أعِد إعداده على هاتفك الجديد. إذا كان التطبيق خطوتك الثانية الوحيدة، يطلب منك {product} أولًا إضافة طريقة أخرى، مثل مفتاح مرور أو عنوان بريدك الإلكتروني.",
		"help.lostPhone.remove.passkey": "ضمن مفاتيح المرور، أزِل مفتاح المرور الذي كان على الهاتف المفقود. ستجده بالاسم الذي أعطيته له.",
		"help.lostPhone.trust.title": "توقّف عن الوثوق بأجهزتك",
		"help.lostPhone.trust.body":
			"إذا كنت قد اخترت الوثوق بالهاتف المفقود، فقد يتخطى الخطوة الثانية. في <settings>الإعدادات</settings>، ضمن الأجهزة الموثوقة، اختر <strong>إيقاف الوثوق بجميع الأجهزة</strong>. ستطلب أجهزتك الأخرى ببساطة خطوة ثانية في المرة القادمة.",
		"help.lostPhone.sim.title": "إذا كانت رموزك تصل إلى رقم هاتفك",
		"help.lostPhone.sim.body":
			"إذا كان {product} يرسل الرموز إلى هذا الرقم برسائل نصية، فاتصل بشركة الاتصالات. اطلب منها إيقاف الشريحة وإعطاءك شريحة بديلة بالرقم نفسه. وإلى ذلك الحين، يمكن لأي شخص يضع شريحتك في هاتف آخر أن يتلقى تلك الرسائل.",
		"help.lostPhone.recovery.title": "إذا لم تكن لديك رموز ولا طريقة أخرى للدخول",
		"help.lostPhone.recovery.body":
			"ما زال بإمكانك العودة إلى حسابك عبر استرداد الحساب. تثبت أنك تملك عنوان بريد إلكتروني أو رقم هاتف مسجّلًا في حسابك، ثم تنتظر: 72 ساعة، ما لم يحدّد القائمون على {product} هنا مدة أخرى. خلال الانتظار، يتلقى كل عنوان في حسابك تنبيهًا فيه رابط لإلغائه. بعد ذلك تسجّل الدخول بكلمة المرور وتعيد إعداد المصادقة الثنائية، مع رموز احتياط جديدة. وإن لم يكن لديك بريد إلكتروني أو هاتف صالح، يمكنك طلب التحقق من الهوية بدلًا من ذلك.",
		"help.lostPhone.recovery.link": "كيف يعمل استرداد الحساب، خطوة بخطوة",
		"help.lostPhone.notYou.title": "أمر لم تفعله أنت؟",
		"help.lostPhone.notYou.body":
			"في كل تنبيه أمني من {product} رابط <strong>لست أنت؟</strong>. يسجّل خروجك من كل مكان، بما في ذلك الهاتف المفقود. ثم اختر كلمة مرور جديدة عبر <forgot>نسيت كلمة المرور</forgot> (تؤكّدها بتطبيق المصادقة أو مفتاح المرور أو رمز احتياطي)، وراجع <activity>نشاط حسابك</activity> بحثًا عن أي شيء لا تعرفه.",
		"help.lostPhone.support.title": "ما زلت لا تستطيع الدخول؟",
		"help.lostPhone.support.body":
			"يمكن للقائمين على {product} مساعدتك: {contact}. أخبرهم باسم المستخدم وبما حدث. لن يطلبوا منك أبدًا كلمة مرورك أو أي رمز، فلا تعطِهم أيًّا منهما.",

		"help.phishing.intro":
			"التصيّد الاحتيالي هو أن ينتحل شخص صفة {product} ليحصل على كلمة مرورك أو على رمز. وإن حصل على الاثنين، أمكنه تسجيل الدخول باسمك. هذه هي القواعد التي عليك تذكّرها.",
		"help.phishing.never.title": "لا يطلب منك {product} رموزك أبدًا",
		"help.phishing.never.notice":
			"لا يطلب منك {product} أبدًا رمزًا أو كلمة مرورك عبر رسالة أو بريد إلكتروني أو مكالمة هاتفية. لا يفعل ذلك أبدًا، ولا حتى «للتحقق من حسابك». ولن يطلبه منك أحد من القائمين على {product} هنا أيضًا.",
		"help.phishing.never.yours": "الرمز لك أنت لتكتبه، لا لتقرأه لأحد أو ترسله إلى أي شخص.",
		"help.phishing.own.title": "لا تكتب الرموز إلا في صفحات {product} نفسها",
		"help.phishing.own.addressBar":
			"قبل أن تكتب كلمة مرور أو رمزًا، انظر إلى شريط العنوان. يجب أن يعرض العنوان الذي تستخدمه دائمًا لـ{product}، مكتوبًا بالطريقة نفسها تمامًا. كثيرًا ما تستخدم المواقع المزيّفة عنوانًا يبدو قريبًا: حرف مبدّل أو مكرّر، أو كلمة زائدة، أو نهاية مختلفة.",
		"help.phishing.own.doubt": "إن ساورك الشك، فلا تتبع الرابط. اكتب العنوان بنفسك، أو استخدم الإشارة المرجعية.",
		"help.phishing.own.passkeys": "مفاتيح المرور تتحقق من العنوان نيابةً عنك: لا يعمل مفتاح المرور إلا على الموقع الحقيقي، لذا لا يمكن اصطياده.",
		"help.phishing.messages.title": "كيف تبدو رسائل {product}",
		"help.phishing.messages.alerts": "تخبرك التنبيهات الأمنية بما حدث، ومتى، ومن أين. لا تحتوي أبدًا على رمز ولا تطلب منك رمزًا أبدًا.",
		"help.phishing.messages.notYou": "في كل تنبيه رابط <strong>لست أنت؟</strong>، تحسّبًا لأن يكون شخص غيرك.",
		"help.phishing.messages.codes":
			"لا تصلك رسالة نصية أو بريد إلكتروني فيه رمز تسجيل دخول إلا بعد أن تطلبه في صفحة من صفحات {product}. إذا وصلك رمز لم تطلبه، فربما يملك شخص آخر كلمة مرورك: لا تشارك الرمز، وغيّر كلمة المرور.",
		"help.phishing.signs.title": "علامات التصيّد الاحتيالي",
		"help.phishing.signs.hurry":
			"<strong>الاستعجال.</strong> «سيُغلق حسابك خلال ساعة»، «تصرّف الآن». مشكلات الأمان الحقيقية تحتمل الانتظار دقيقةً تتحقق فيها.",
		"help.phishing.signs.lookalike": "<strong>رابط إلى عنوان مشابه.</strong> قد تبدو الصفحة مطابقة تمامًا لـ{product}. تحقّق من شريط العنوان، لا من الصفحة.",
		"help.phishing.signs.support":
			"<strong>شخص «من الدعم» يطلب رمزًا.</strong> عبر الهاتف أو الرسائل أو الدردشة، يطلب منك قراءة رمز أو إعادة توجيهه «للتأكد من أنك أنت». هذه خدعة دائمًا.",
		"help.phishing.slip.title": "إذا كتبت رمزًا أو كلمة مرور في مكان آخر",
		"help.phishing.slip.intro": "يحدث هذا للحذرين أيضًا. تصرّف فورًا: هذه الخطوات تُخرج الشخص الآخر من حسابك.",
		"help.phishing.slip.signOut":
			"سجّل خروجك من كل مكان عبر رابط <strong>لست أنت؟</strong> في أحد تنبيهات {product}، ثم غيّر كلمة المرور: من <settings>الإعدادات</settings> إن كنت ما زلت تستطيع تسجيل الدخول، أو عبر <forgot>نسيت كلمة المرور</forgot>، مع التأكيد بتطبيق المصادقة أو مفتاح المرور أو رمز احتياطي.",
		"help.phishing.slip.activity": "راجع <activity>نشاط حسابك</activity> بحثًا عن عمليات تسجيل دخول أو تغييرات لا تعرفها.",
		"help.phishing.slip.codes": "إذا أعطيت أحدًا رمزًا احتياطيًا، فاحصل على مجموعة جديدة من <settings>الإعدادات</settings>: تتوقف الرموز القديمة عن العمل.",
	},
});
