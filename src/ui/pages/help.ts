import { type Html, html } from "../html.ts";
import { layout } from "./layout.ts";

/** "Backup codes not working?": the decision a locked-out person walks through, in order. */
export function backupCodesHelpPage(): Html {
	return layout({
		title: "Backup codes not working?",
		wide: true,
		body: html`<h1>Backup codes not working?</h1>
<p>When a backup code doesn't work, Tessera tells you why. Go through these steps in order.</p>
<ol class="help-steps">
  <li>
    <h2>Type it again</h2>
    <p>Spaces, dashes and capital letters don't matter, and the letters O, I and L are read as 0, 1 and 1.
    If Tessera says the code <em>can't be one of your codes</em>, a character is missing or extra, or two are swapped: every code carries a check character that catches these slips. Compare it with your list, character by character.</p>
  </li>
  <li>
    <h2>Try another unused code</h2>
    <p>Each code works once. If Tessera says a code was <em>already used</em>, cross it off and take the next one.
    If it says the code is <em>from an old list</em>, you made a new set since: look for the newest list (check your downloads, password manager or printouts by date). Codes from a replaced list never work again.</p>
  </li>
  <li>
    <h2>Use another way to sign in</h2>
    <p>On the sign-in page, choose <strong>Try another way</strong> to use your authenticator app or any other method your account has.</p>
  </li>
  <li>
    <h2>Still locked out</h2>
    <p>If no code and no other method works, your account needs to be recovered. For your safety, a recovery never switches off two-factor authentication quietly: the people who run this Tessera can help you prove the account is yours.</p>
  </li>
</ol>
<h2>Keeping your codes safe</h2>
<ul>
  <li>Save them where your phone isn't: a password manager, or printed and kept with your important papers.</li>
  <li>When you get a new set, Tessera asks you to type one of the new codes back, so you can't lose your way in by forgetting to save them.</li>
  <li>Nobody from Tessera will ever ask you for a code by message, email or phone call. Type codes only on the sign-in page.</li>
</ul>
<p><a href="/sign-in">Back to sign-in</a></p>`,
	});
}
