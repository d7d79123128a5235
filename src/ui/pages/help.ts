import type { ErrorCode } from "../../core/errors.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { type Html, html } from "../html.ts";
import { layout } from "./layout.ts";

/**
 * The help centre: short pages for people who are locked out, worried or
 * unsure, written so each can be followed from top to bottom.
 */

export interface HelpLink {
	href: string;
	text: string;
}

const helpIndex: HelpLink = { href: "/help", text: "Help centre" };
const backupCodesHelp: HelpLink = { href: "/help/backup-codes", text: "Backup codes not working?" };
const otherWaysHelp: HelpLink = { href: "/help/backup-codes#step-3", text: "Other ways to sign in" };
const recoveryHelp: HelpLink = { href: "/help/backup-codes#step-4", text: "How to get back into your account" };
const savingCodesHelp: HelpLink = { href: "/help/saving-codes", text: "Saving your codes" };
const lostPhoneHelp: HelpLink = { href: "/help/lost-phone", text: "Lost your phone?" };
const phishingHelp: HelpLink = { href: "/help/phishing", text: "Recognising phishing" };
const forgotPassword: HelpLink = { href: "/forgot-password", text: "Forgot your password?" };

/** The one line every help page carries: nobody gets a code by asking for it. */
const neverAsks = html`<p class="safety">Tessera never asks for a code or your password by message, email or phone call. Type codes only on Tessera's own pages. <a href="/help/phishing">How to spot a fake</a></p>`;

/** The way out of every help page except the index. */
const helpFooter = html`<p><a href="/help">All help topics</a> · <a href="/sign-in">Back to sign-in</a></p>`;

function helpPage(title: string, body: Html): Html {
	return layout({ title, wide: true, body: html`<h1>${title}</h1>
${body}
${neverAsks}
${helpFooter}` });
}

/** "/help": where to start. */
export function helpIndexPage(): Html {
	const topics: { link: HelpLink; about: string }[] = [
		{ link: backupCodesHelp, about: "What to try, in order, when a code is turned down, and how to get back in if nothing works." },
		{ link: lostPhoneHelp, about: "Get back in, then make sure the lost phone can't be used to sign in as you." },
		{ link: savingCodesHelp, about: "How to keep your backup codes so they are there when you need them." },
		{ link: phishingHelp, about: "How to tell a real Tessera page or message from a fake one." },
		{ link: forgotPassword, about: "Choose a new password and get back in." },
	];
	return layout({
		title: "Help centre",
		wide: true,
		body: html`<h1>Help centre</h1>
<p>Locked out, or worried something is wrong? Your account stays protected while you sort it out. Choose what fits.</p>
<ul class="choices">
${topics.map((t) => html`<li><a class="choice" href="${t.link.href}"><strong>${t.link.text}</strong><span>${t.about}</span></a></li>
`)}</ul>
${neverAsks}
<p><a href="/sign-in">Back to sign-in</a></p>`,
	});
}

/** "Backup codes not working?": the decision a locked-out person walks through, in order. */
export function backupCodesHelpPage(): Html {
	return helpPage(
		"Backup codes not working?",
		html`<p>When a backup code doesn't work, Tessera tells you why. Go through these steps in order, and stop as soon as one works.</p>
<ol class="help-steps">
  <li id="step-1">
    <h2>Type it again</h2>
    <p>Spaces, dashes and capital letters don't matter, and the letters O, I and L are read as 0, 1 and 1.</p>
    <p>If Tessera says the code <em>can't be one of your codes</em>, a character is missing or extra, or two are swapped: every code carries a check character that catches these slips. Compare what you typed with your list, one character at a time.</p>
    <p><strong>Did that work?</strong> Then you're in, and you're done. If not, <a href="#step-2">go to step 2</a>.</p>
  </li>
  <li id="step-2">
    <h2>Try another unused code</h2>
    <p>Each code works once. If Tessera says a code was <em>already used</em>, cross it off your list and take the next one.</p>
    <p>If it says the code is <em>from an old list</em>, you made a new set since. Find your newest list: look through your downloads, your password manager or your printouts, and check the date on each. Codes from a replaced list never work again, so you can throw that list away.</p>
    <p><strong>Did that work?</strong> Then you're in, and you're done. If you have no unused codes, or can't find your newest list, <a href="#step-3">go to step 3</a>.</p>
  </li>
  <li id="step-3">
    <h2>Use another way to sign in</h2>
    <p>On the sign-in page, after your password, choose <strong>Try another way</strong>. You can then use your authenticator app, a passkey, or a code sent by text message or email, whichever your account has.</p>
    <p><strong>Did that work?</strong> Then you're in, and you're done. If none of them works, <a href="#step-4">go to step 4</a>.</p>
  </li>
  <li id="step-4">
    <h2>Recover your account</h2>
    <p>If no code and no other way works, you can still get back in. It takes a few days, on purpose: that wait is what stops someone who has only your password from taking your account.</p>
    <ol>
      <li>Sign in with your password. On the page that asks for your second step, choose <strong>Can't use any of these?</strong></li>
      <li>Prove you still have an email address or phone number that is verified on your account: we send a code to it.</li>
      <li>Wait. The waiting period is 72 hours, unless the people who run this Tessera have set a different one. During it, every email address and phone number on your account gets an alert with a link that cancels the recovery. If you didn't start it, use that link.</li>
      <li>When the wait is over, sign in with your password. Tessera then asks you to set up two-factor authentication again, with a new set of backup codes. Your old codes stop working.</li>
    </ol>
    <p>Found your codes or your phone while you wait? Just sign in as usual with your second step: that cancels the recovery.</p>
    <p>No working email address or phone number on your account? Ask for an identity check instead, from the same place. The people who run this Tessera look at each request themselves. If they approve it, your recovery starts, with the same wait and the same alerts.</p>
    <p>Forgotten your password as well? <a href="/forgot-password">Choose a new password first</a>.</p>
  </li>
</ol>
<h2>Keeping your codes safe</h2>
<ul>
  <li>Save them where your phone isn't: a password manager, or printed and kept with your important papers.</li>
  <li>When you get a new set, Tessera asks you to type one of the new codes back, so you can't lose your way in by forgetting to save them.</li>
  <li>More in <a href="/help/saving-codes">Saving your codes</a>.</li>
</ul>`,
	);
}

/** "Saving your codes": how, where, and what to do when they run low. */
export function savingCodesHelpPage(): Html {
	return helpPage(
		"Saving your codes",
		html`<p>Backup codes are how you get in when you can't use your phone. They only help if you can find them on the day you need them.</p>
<h2>Four ways to save them</h2>
<p>When Tessera shows you a new set, you can:</p>
<ul>
  <li><strong>Copy all</strong>, then paste them into your password manager.</li>
  <li><strong>Download .txt</strong>: a small text file with the site, your username, the date and one code per line.</li>
  <li><strong>Print</strong> them, with a box next to each code to tick off.</li>
  <li><strong>Download as image</strong>: a picture of the list, to print later or keep with your other papers.</li>
</ul>
<p>The codes are shown only once. Save them before you leave the page.</p>
<h2>Where to keep them</h2>
<ul>
  <li>In a password manager, next to your Tessera password.</li>
  <li>Printed, and kept with your important papers at home.</li>
  <li><strong>Not only on the phone that has your authenticator app.</strong> If you lose that phone, you lose both at once.</li>
</ul>
<p>Two places are better than one: for example, your password manager and a printout.</p>
<h2>Each code works once</h2>
<p>When you use a code, cross it off or tick its box, so you don't try it again later. The next time you sign in, use another one.</p>
<h2>Getting a new set</h2>
<p>In <a href="/settings">Settings</a>, under Backup codes, choose <strong>Get new codes</strong>. Save the new set, then type any one of the new codes back to show you saved it. Only then does the new set replace the old one: until you type a code back, your old codes keep working. Do it by the time shown on the page.</p>
<p>Once the new set is active, the old list never works again. Throw it away, so you don't pick it up by mistake.</p>
<h2>Running low</h2>
<p>Settings shows how many codes you have left. When you have ${RUNNING_LOW_AT} or fewer, Tessera warns you: get a new set in <a href="/settings">Settings</a> straight away, while you can still sign in.</p>`,
	);
}

/** "Lost your phone": get back in, then shut the lost phone out. */
export function lostPhoneHelpPage(): Html {
	return helpPage(
		"Lost your phone",
		html`<p>Your account is still protected: whoever has the phone still needs your password. Take these steps as soon as you can.</p>
<h2>Sign in with a backup code</h2>
<p>Sign in with your password. On the page that asks for your second step, choose <strong>Try another way</strong>, then <strong>Backup code</strong>, and type one of your codes. You can also use any other way your account has, such as a passkey on another device or a code by email.</p>
<p>Codes not working? See <a href="/help/backup-codes">Backup codes not working?</a></p>
<h2>Remove what was on the lost phone</h2>
<p>In <a href="/settings">Settings</a>:</p>
<ul>
  <li>Under Authenticator app, choose <strong>Remove</strong>, then set it up again on your new phone. If the app is your only second step, Tessera asks you to add another way first, such as a passkey or your email address.</li>
  <li>Under Passkeys, remove the passkey that lived on the lost phone. It is listed under the name you gave it.</li>
</ul>
<h2>Stop trusting your devices</h2>
<p>If you chose to trust the lost phone, it could skip the second step. In <a href="/settings">Settings</a>, under Trusted devices, choose <strong>Forget all trusted devices</strong>. Your other devices will simply ask for a second step next time.</p>
<h2>If your phone number gets your codes</h2>
<p>If Tessera sends codes to this phone number by text message, call your mobile carrier. Ask them to block the SIM and give you a replacement with the same number. Until then, anyone who puts your SIM in another phone could receive those texts.</p>
<h2>If you have no codes and no other way in</h2>
<p>You can still get back in with account recovery. You prove you have an email address or phone number that is on your account, then wait: 72 hours, unless the people who run this Tessera have set a different time. During the wait, every address on your account gets an alert with a link to cancel it. Then you sign in with your password and set up two-factor authentication again, with new backup codes. With no working email or phone, you can ask for an identity check instead.</p>
<p><a href="/help/backup-codes#step-4">How account recovery works, step by step</a></p>
<h2>Something you didn't do?</h2>
<p>Every security alert from Tessera has a <strong>Wasn't you?</strong> link. It signs you out everywhere, including on the lost phone. Then choose a new password with <a href="/forgot-password">Forgot password</a> (you confirm it with your authenticator app, a passkey or a backup code), and look at <a href="/settings/activity">your account activity</a> for anything you don't recognise.</p>`,
	);
}

/** "Recognising phishing": who asks for codes (nobody), and what to do after a slip. */
export function phishingHelpPage(): Html {
	return layout({
		title: "Recognising phishing",
		wide: true,
		body: html`<h1>Recognising phishing</h1>
<p>Phishing is when someone pretends to be Tessera to get your password or a code. With both, they could sign in as you. These are the rules to remember.</p>
<h2>Tessera never asks for your codes</h2>
<p class="notice">Tessera never asks for a code or your password by message, email or phone call. Not ever, and not even to “check your account”. Nobody who runs this Tessera will ask you for one either.</p>
<p>A code is yours to type, never to read out or send to anyone.</p>
<h2>Type codes only on Tessera's own pages</h2>
<p>Before you type a password or a code, look at the address bar. It should show the address you always use for Tessera, spelled exactly the same. Fake sites often use an address that looks close: a letter swapped or doubled, an extra word, or a different ending.</p>
<p>If in doubt, don't follow the link. Type the address yourself, or use your bookmark.</p>
<p>Passkeys check the address for you: a passkey only works on the real site, so it can't be phished.</p>
<h2>What Tessera's messages look like</h2>
<ul>
  <li>Security alerts tell you what happened, when, and from where. They never contain a code and never ask you for one.</li>
  <li>Every alert has a <strong>Wasn't you?</strong> link, in case it wasn't you.</li>
  <li>A text or email with a sign-in code comes only after you asked for one on a Tessera page. If a code arrives that you didn't ask for, someone else may have your password: don't share the code, and change your password.</li>
</ul>
<h2>Signs of phishing</h2>
<ul>
  <li><strong>Hurry.</strong> “Your account will be closed in one hour”, “Act now”. Real security problems can wait the minute it takes to check.</li>
  <li><strong>A link to a look-alike address.</strong> The page may look exactly like Tessera. Check the address bar, not the page.</li>
  <li><strong>Someone “from support” asking for a code.</strong> By phone, message or chat, they ask you to read out or forward a code “to confirm it's you”. That is always a trick.</li>
</ul>
<h2>If you typed a code or password somewhere else</h2>
<p>It happens to careful people too. Act straight away: these steps shut the other person out.</p>
<ol>
  <li>Sign out everywhere with the <strong>Wasn't you?</strong> link from a Tessera alert, then change your password: in <a href="/settings">Settings</a> if you can still sign in, or with <a href="/forgot-password">Forgot password</a>, confirmed with your authenticator app, a passkey or a backup code.</li>
  <li>Look at <a href="/settings/activity">your account activity</a> for sign-ins or changes you don't recognise.</li>
  <li>If you gave away a backup code, get a new set in <a href="/settings">Settings</a>: the old ones stop working.</li>
</ol>
${helpFooter}`,
	});
}

/**
 * The help page most likely to get someone past an error, so every error
 * message can end with a link. Unknown codes get the help centre.
 */
const helpByError: Partial<Record<ErrorCode, HelpLink>> = {
	invalid_code: backupCodesHelp,
	code_already_used: backupCodesHelp,
	code_typo: backupCodesHelp,
	code_replaced: backupCodesHelp,
	no_pending_codes: savingCodesHelp,
	two_factor_setup_required: savingCodesHelp,
	invalid_credentials: forgotPassword,
	second_factor_unavailable: recoveryHelp,
	recovery_in_progress: recoveryHelp,
	recovery_request_open: recoveryHelp,
	method_not_available: otherWaysHelp,
	delivery_failed: otherWaysHelp,
	channel_unavailable: otherWaysHelp,
	last_second_factor: lostPhoneHelp,
};

export function helpFor(errorCode: string): HelpLink {
	const link = (Object.hasOwn(helpByError, errorCode) ? helpByError[errorCode as ErrorCode] : undefined) ?? helpIndex;
	return { ...link };
}
