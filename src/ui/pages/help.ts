import type { ErrorCode } from "../../core/errors.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { presentation } from "../../i18n/context.ts";
import { type MessageKey, type MessageTags, rich, t } from "../../i18n/translate.ts";
import { type Html, html } from "../html.ts";
import { layout } from "./layout.ts";

/**
 * The help centre: short pages for people who are locked out, worried or
 * unsure, written so each can be followed from top to bottom. A page opened
 * from a journey under way (the second step of a sign-in, say) is given that
 * page as `back`, and leads back to it.
 */

export interface HelpLink {
	href: string;
	text: string;
}

interface HelpTopic {
	href: string;
	key: MessageKey;
}

const helpIndex: HelpTopic = { href: "/help", key: "help.link.index" };
const backupCodesHelp: HelpTopic = { href: "/help/backup-codes", key: "help.link.backupCodes" };
const otherWaysHelp: HelpTopic = { href: "/help/backup-codes#step-3", key: "help.link.otherWays" };
const recoveryHelp: HelpTopic = { href: "/help/backup-codes#step-4", key: "help.link.recovery" };
const savingCodesHelp: HelpTopic = { href: "/help/saving-codes", key: "help.link.savingCodes" };
const lostPhoneHelp: HelpTopic = { href: "/help/lost-phone", key: "help.link.lostPhone" };
const phishingHelp: HelpTopic = { href: "/help/phishing", key: "help.link.phishing" };
const forgotPassword: HelpTopic = { href: "/forgot-password", key: "help.link.forgotPassword" };

/** What a help page is opened with: the page of the journey it was opened from, if any. */
export interface HelpOptions {
	back?: string | undefined;
}

const MAX_BACK = 2000;

/**
 * The page to go back to, when `value` is a path on this site: one "/" first, no
 * "//" or "/\" (which browsers read as another host), no backslash, space or
 * control character, at most 2000 characters. Anything else is no page to go back to.
 */
export function helpBack(value: unknown): string | undefined {
	if (typeof value !== "string" || value.length > MAX_BACK) return undefined;
	if (!value.startsWith("/") || value.includes("//") || value.includes("\\")) return undefined;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
	if (/[\s\u0000-\u001f\u007f]/.test(value)) return undefined;
	return value;
}

/**
 * A link to a help page that leads back to `back` (a local path): `?back=` goes
 * before any "#step-n", where the browser still sends it. Other links are left as they are.
 */
export function helpHref(href: string, back: string | undefined): string {
	if (!back || !/^\/help(?=$|[/?#])/.test(href)) return href;
	const [path, fragment] = href.split("#") as [string, string | undefined];
	return `${path}${path.includes("?") ? "&" : "?"}back=${encodeURIComponent(back)}${fragment ? `#${fragment}` : ""}`;
}

/** What the "Back" link says: where it leads, when the page is one a person would name. */
function backText(back: string): string {
	const path = back.split(/[?#]/)[0]!;
	const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
	if (under("/sign-in/recover")) return t("help.back.recovery");
	if (under("/sign-in")) return t("help.back.signIn");
	if (under("/reset-password") || under("/forgot-password")) return t("help.back.reset");
	if (under("/settings")) return t("help.back.settings");
	return t("help.back.other");
}

function backLink(back: string | undefined): Html {
	return back ? html`<p class="help-back"><a href="${back}">${backText(back)}</a></p>` : html``;
}

function link(href: string): (content: Html) => Html {
	return (content) => html`<a href="${href}">${content}</a>`;
}

/** The markup help messages use: emphasis, and links to settings, activity, a new password and other help pages. */
function tags(back: string | undefined, extra: MessageTags = {}): MessageTags {
	return {
		strong: (content) => html`<strong>${content}</strong>`,
		em: (content) => html`<em>${content}</em>`,
		settings: link("/settings"),
		activity: link("/settings/activity"),
		forgot: link(forgotPassword.href),
		phishing: link(helpHref(phishingHelp.href, back)),
		backupCodes: link(helpHref(backupCodesHelp.href, back)),
		saving: link(helpHref(savingCodesHelp.href, back)),
		...extra,
	};
}

/** The operator's support contact as links, or nothing when none is configured. */
function supportContact(): Html | undefined {
	const support = presentation().brand.support;
	if (!support || (!support.url && !support.email)) return undefined;
	const url = support.url ? html`<a href="${support.url}">${support.url.replace(/^https?:\/\//, "")}</a>` : undefined;
	const email = support.email ? html`<a href="mailto:${support.email}">${support.email}</a>` : undefined;
	return url && email ? rich("help.support.both", { url, email }) : (url ?? email);
}

/** The one line every help page carries: nobody gets a code by asking for it. */
function neverAsks(back: string | undefined): Html {
	return html`<p class="safety">${rich("help.neverAsks", {}, tags(back))}</p>`;
}

/** The way out of every help page except the index. */
function helpFooter(back: string | undefined): Html {
	return html`<p><a href="${helpHref(helpIndex.href, back)}">${t("help.allTopics")}</a> · ${
		back ? html`<a href="${back}">${backText(back)}</a>` : html`<a href="/sign-in">${t("help.backToSignIn")}</a>`
	}</p>`;
}

function helpPage(title: string, back: string | undefined, body: Html): Html {
	return layout({
		title,
		wide: true,
		body: html`${backLink(back)}<h1>${title}</h1>
${body}
${neverAsks(back)}
${helpFooter(back)}`,
	});
}

/** "/help": where to start. */
export function helpIndexPage(options: HelpOptions = {}): Html {
	const back = options.back;
	const topics: { link: HelpTopic; about: MessageKey }[] = [
		{ link: backupCodesHelp, about: "help.index.about.backupCodes" },
		{ link: lostPhoneHelp, about: "help.index.about.lostPhone" },
		{ link: savingCodesHelp, about: "help.index.about.savingCodes" },
		{ link: phishingHelp, about: "help.index.about.phishing" },
		{ link: forgotPassword, about: "help.index.about.forgotPassword" },
	];
	const contact = supportContact();
	return layout({
		title: t("help.index.title"),
		wide: true,
		body: html`${backLink(back)}<h1>${t("help.index.title")}</h1>
<p>${t("help.index.intro")}</p>
<ul class="choices">
${topics.map(
	(topic) => html`<li><a class="choice" href="${helpHref(topic.link.href, back)}"><strong>${t(topic.link.key)}</strong><span>${t(topic.about)}</span></a></li>
`,
)}</ul>
${contact ? html`<p class="help-support">${rich("help.index.support", { contact })}</p>
` : ""}${neverAsks(back)}
<p>${back ? html`<a href="${back}">${backText(back)}</a>` : html`<a href="/sign-in">${t("help.backToSignIn")}</a>`}</p>`,
	});
}

/** "Backup codes not working?": the decision a locked-out person walks through, in order. */
export function backupCodesHelpPage(options: HelpOptions = {}): Html {
	const back = options.back;
	const say = (key: MessageKey, extra?: MessageTags) => rich(key, {}, tags(back, extra));
	const step = (n: number) => ({ step: link(`#step-${n}`) });
	return helpPage(
		t("help.link.backupCodes"),
		back,
		html`<p>${say("help.backupCodes.intro")}</p>
<ol class="help-steps">
  <li id="step-1">
    <h2>${t("help.backupCodes.step1.title")}</h2>
    <p>${say("help.backupCodes.step1.forgiving")}</p>
    <p>${say("help.backupCodes.step1.typo")}</p>
    <p>${say("help.backupCodes.step1.next", step(2))}</p>
  </li>
  <li id="step-2">
    <h2>${t("help.backupCodes.step2.title")}</h2>
    <p>${say("help.backupCodes.step2.used")}</p>
    <p>${say("help.backupCodes.step2.old")}</p>
    <p>${say("help.backupCodes.step2.next", step(3))}</p>
  </li>
  <li id="step-3">
    <h2>${t("help.backupCodes.step3.title")}</h2>
    <p>${say("help.backupCodes.step3.how")}</p>
    <p>${say("help.backupCodes.step3.next", step(4))}</p>
  </li>
  <li id="step-4">
    <h2>${t("help.backupCodes.step4.title")}</h2>
    <p>${say("help.backupCodes.step4.why")}</p>
    <ol>
      <li>${say("help.backupCodes.step4.signIn")}</li>
      <li>${say("help.backupCodes.step4.prove")}</li>
      <li>${say("help.backupCodes.step4.wait")}</li>
      <li>${say("help.backupCodes.step4.after")}</li>
    </ol>
    <p>${say("help.backupCodes.step4.found")}</p>
    <p>${say("help.backupCodes.step4.identity")}</p>
    <p>${say("help.backupCodes.step4.forgot")}</p>
  </li>
</ol>
<h2>${t("help.backupCodes.safe.title")}</h2>
<ul>
  <li>${say("help.backupCodes.safe.where")}</li>
  <li>${say("help.backupCodes.safe.typeBack")}</li>
  <li>${say("help.backupCodes.safe.more")}</li>
</ul>`,
	);
}

/** "Saving your codes": how, where, and what to do when they run low. */
export function savingCodesHelpPage(options: HelpOptions = {}): Html {
	const back = options.back;
	const say = (key: MessageKey) => rich(key, {}, tags(back));
	return helpPage(
		t("help.link.savingCodes"),
		back,
		html`<p>${say("help.saving.intro")}</p>
<h2>${t("help.saving.ways.title")}</h2>
<p>${say("help.saving.ways.intro")}</p>
<ul>
  <li>${say("help.saving.ways.copy")}</li>
  <li>${say("help.saving.ways.text")}</li>
  <li>${say("help.saving.ways.print")}</li>
  <li>${say("help.saving.ways.image")}</li>
</ul>
<p>${say("help.saving.ways.once")}</p>
<h2>${t("help.saving.where.title")}</h2>
<ul>
  <li>${say("help.saving.where.manager")}</li>
  <li>${say("help.saving.where.printed")}</li>
  <li>${say("help.saving.where.notPhone")}</li>
</ul>
<p>${say("help.saving.where.two")}</p>
<h2>${t("help.saving.once.title")}</h2>
<p>${say("help.saving.once.body")}</p>
<h2>${t("help.saving.newSet.title")}</h2>
<p>${say("help.saving.newSet.how")}</p>
<p>${say("help.saving.newSet.old")}</p>
<h2>${t("help.saving.low.title")}</h2>
<p>${rich("help.saving.low.body", { count: RUNNING_LOW_AT }, tags(back))}</p>`,
	);
}

/** "Lost your phone": get back in, then shut the lost phone out. */
export function lostPhoneHelpPage(options: HelpOptions = {}): Html {
	const back = options.back;
	const say = (key: MessageKey) => rich(key, {}, tags(back));
	const contact = supportContact();
	return helpPage(
		t("help.lostPhone.title"),
		back,
		html`<p>${say("help.lostPhone.intro")}</p>
<h2>${t("help.lostPhone.backup.title")}</h2>
<p>${say("help.lostPhone.backup.how")}</p>
<p>${say("help.lostPhone.backup.notWorking")}</p>
<h2>${t("help.lostPhone.remove.title")}</h2>
<p>${say("help.lostPhone.remove.intro")}</p>
<ul>
  <li>${say("help.lostPhone.remove.authenticator")}</li>
  <li>${say("help.lostPhone.remove.passkey")}</li>
</ul>
<h2>${t("help.lostPhone.trust.title")}</h2>
<p>${say("help.lostPhone.trust.body")}</p>
<h2>${t("help.lostPhone.sim.title")}</h2>
<p>${say("help.lostPhone.sim.body")}</p>
<h2>${t("help.lostPhone.recovery.title")}</h2>
<p>${say("help.lostPhone.recovery.body")}</p>
<p><a href="${helpHref(recoveryHelp.href, back)}">${t("help.lostPhone.recovery.link")}</a></p>
<h2>${t("help.lostPhone.notYou.title")}</h2>
<p>${say("help.lostPhone.notYou.body")}</p>${
			contact
				? html`
<h2>${t("help.lostPhone.support.title")}</h2>
<p class="help-support">${rich("help.lostPhone.support.body", { contact })}</p>`
				: ""
		}`,
	);
}

/** "Recognising phishing": who asks for codes (nobody), and what to do after a slip. */
export function phishingHelpPage(options: HelpOptions = {}): Html {
	const back = options.back;
	const say = (key: MessageKey) => rich(key, {}, tags(back));
	const title = t("help.link.phishing");
	return layout({
		title,
		wide: true,
		body: html`${backLink(back)}<h1>${title}</h1>
<p>${say("help.phishing.intro")}</p>
<h2>${t("help.phishing.never.title")}</h2>
<p class="notice">${say("help.phishing.never.notice")}</p>
<p>${say("help.phishing.never.yours")}</p>
<h2>${t("help.phishing.own.title")}</h2>
<p>${say("help.phishing.own.addressBar")}</p>
<p>${say("help.phishing.own.doubt")}</p>
<p>${say("help.phishing.own.passkeys")}</p>
<h2>${t("help.phishing.messages.title")}</h2>
<ul>
  <li>${say("help.phishing.messages.alerts")}</li>
  <li>${say("help.phishing.messages.notYou")}</li>
  <li>${say("help.phishing.messages.codes")}</li>
</ul>
<h2>${t("help.phishing.signs.title")}</h2>
<ul>
  <li>${say("help.phishing.signs.hurry")}</li>
  <li>${say("help.phishing.signs.lookalike")}</li>
  <li>${say("help.phishing.signs.support")}</li>
</ul>
<h2>${t("help.phishing.slip.title")}</h2>
<p>${say("help.phishing.slip.intro")}</p>
<ol>
  <li>${say("help.phishing.slip.signOut")}</li>
  <li>${say("help.phishing.slip.activity")}</li>
  <li>${say("help.phishing.slip.codes")}</li>
</ol>
${helpFooter(back)}`,
	});
}

/**
 * The help page most likely to get someone past an error, so every error
 * message can end with a link. Unknown codes get the help centre.
 */
const helpByError: Partial<Record<ErrorCode, HelpTopic>> = {
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

/** The help for an error, its words in the current language; with `back`, the help page leads back there. */
export function helpFor(errorCode: string, back?: string): HelpLink {
	const topic = (Object.hasOwn(helpByError, errorCode) ? helpByError[errorCode as ErrorCode] : undefined) ?? helpIndex;
	return { href: helpHref(topic.href, back), text: t(topic.key) };
}
