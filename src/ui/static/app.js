// Progressive enhancement only: every page works without this file.
// It has no words of its own: what it says comes from the page, in the page's
// language (data-* attributes written from the catalogs).

// The browser's time zone, so pages (and, for a signed-in account, its emails and texts)
// show times as the person reads them. Not a secret: a plain cookie the server checks.
(() => {
	try {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		const current = document.cookie.split("; ").find((c) => c.startsWith("tessera_tz="));
		if (zone && current !== `tessera_tz=${encodeURIComponent(zone)}`) {
			// biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser yet
			document.cookie = `tessera_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
		}
	} catch {
		// No zone known: pages say UTC.
	}
})();
document.addEventListener("DOMContentLoaded", () => {
	const status = document.querySelector(".copy-status");
	/** Shows the page's own words in the status line; nothing when the page gave none. */
	const say = (text) => {
		if (status && text) status.textContent = text;
	};
	// "Copy": the target's text (a field, or an element such as a key); the button says what to tell.
	for (const button of document.querySelectorAll("[data-copy-target]")) {
		button.hidden = false;
		button.addEventListener("click", async () => {
			const source = document.getElementById(button.getAttribute("data-copy-target"));
			if (!source) return;
			// A field copies its value; text on the page (a key) copies as it is shown. The page may give its own words.
			const field = "value" in source && typeof source.select === "function";
			try {
				await navigator.clipboard.writeText(field ? source.value : (source.textContent || "").trim());
				say(button.getAttribute("data-copied"));
			} catch {
				source.classList.remove("visually-hidden");
				source.closest("details")?.setAttribute("open", "");
				if (field) source.select();
				else window.getSelection()?.selectAllChildren(source);
				say(button.getAttribute("data-copy-failed"));
			}
		});
	}
	for (const button of document.querySelectorAll("[data-image-download]")) {
		button.hidden = false;
		button.addEventListener("click", () => {
			const canvas = drawCodes(button);
			canvas.toBlob((blob) => {
				if (!blob) return;
				const url = URL.createObjectURL(blob);
				const link = document.createElement("a");
				link.href = url;
				link.download = button.getAttribute("data-image-download") || "backup-codes.png";
				document.body.append(link);
				link.click();
				link.remove();
				setTimeout(() => URL.revokeObjectURL(url), 10_000);
				say(button.getAttribute("data-saved"));
			}, "image/png");
		});
	}
	for (const button of document.querySelectorAll("[data-print]")) {
		button.hidden = false;
		button.addEventListener("click", () => window.print());
	}
	for (const form of document.querySelectorAll("[data-passkey-register], [data-passkey-authenticate]")) {
		const registering = form.hasAttribute("data-passkey-register");
		const options = JSON.parse(form.getAttribute(registering ? "data-passkey-register" : "data-passkey-authenticate") || "{}");
		const button = form.querySelector("[data-passkey-start]");
		const field = form.querySelector(registering ? "input[name=response]" : "input[name=code]");
		const webauthn = window.SimpleWebAuthnBrowser;
		if (!button || !field || !webauthn?.browserSupportsWebAuthn()) {
			say(form.getAttribute("data-passkey-unsupported"));
			continue;
		}
		button.hidden = false;
		button.addEventListener("click", async () => {
			button.disabled = true;
			try {
				const answer = registering
					? await webauthn.startRegistration({ optionsJSON: options })
					: await webauthn.startAuthentication({ optionsJSON: options });
				field.value = JSON.stringify(answer);
				form.submit();
			} catch {
				button.disabled = false;
				say(form.getAttribute("data-passkey-failed"));
			}
		});
	}
	for (const button of document.querySelectorAll("[data-show-password]")) {
		const field = document.getElementById(button.getAttribute("data-show-password"));
		if (!field) continue;
		button.hidden = false;
		button.addEventListener("click", () => {
			const show = field.type === "password";
			field.type = show ? "text" : "password";
			button.setAttribute("aria-pressed", String(show));
		});
		// Sent as a password field, so a password manager offers to save it as one.
		field.form?.addEventListener("submit", () => {
			field.type = "password";
			button.setAttribute("aria-pressed", "false");
		});
	}
	const error = document.getElementById("form-error");
	if (error) error.focus();
});

/**
 * The codes as a picture for the camera roll: the page's title, site, account and day,
 * the codes with boxes to tick, a note; laid out right to left on a right-to-left page.
 */
function drawCodes(button) {
	const codes = [...document.querySelectorAll("#backup-codes code")].map((c) => c.textContent || "");
	const lines = (button.getAttribute("data-image-lines") || "").split("\n");
	const notes = (button.getAttribute("data-image-notes") || "").split("\n");
	const rtl = document.documentElement.dir === "rtl";
	const scale = 2;
	const width = 640;
	const rows = Math.ceil(codes.length / 2);
	const top = 100 + (lines.length - 1) * 28;
	const height = top + 64 + rows * 52 + 20 + notes.length * 26 + 20;
	const canvas = document.createElement("canvas");
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext("2d");
	ctx.scale(scale, scale);
	ctx.direction = rtl ? "rtl" : "ltr";
	ctx.textAlign = "start";
	/** A distance from the start edge (the left, or the right on a right-to-left page). */
	const x = (fromStart) => (rtl ? width - fromStart : fromStart);
	ctx.fillStyle = "#ffffff";
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = "#0b57d0";
	ctx.fillRect(0, 0, width, 8);
	ctx.fillStyle = "#1b1f24";
	ctx.font = "bold 28px system-ui, sans-serif";
	ctx.fillText(button.getAttribute("data-image-title") || "", x(40), 60);
	ctx.font = "18px system-ui, sans-serif";
	ctx.fillStyle = "#58606b";
	for (const [i, line] of lines.entries()) ctx.fillText(line, x(40), 100 + i * 28);
	ctx.fillStyle = "#1b1f24";
	ctx.font = "26px ui-monospace, Menlo, Consolas, monospace";
	codes.forEach((code, i) => {
		const start = 40 + (i % 2) * 290;
		const y = top + 64 + Math.floor(i / 2) * 52;
		ctx.strokeStyle = "#8a929c";
		ctx.lineWidth = 2;
		ctx.strokeRect(rtl ? width - start - 22 : start, y - 20, 22, 22);
		// A code reads left to right whatever the page's direction.
		ctx.direction = "ltr";
		ctx.textAlign = rtl ? "right" : "left";
		ctx.fillText(code, x(start + 36), y);
		ctx.direction = rtl ? "rtl" : "ltr";
		ctx.textAlign = "start";
	});
	ctx.font = "16px system-ui, sans-serif";
	ctx.fillStyle = "#58606b";
	const noteY = top + 64 + rows * 52 + 20;
	for (const [i, note] of notes.entries()) ctx.fillText(note, x(40), noteY + i * 26);
	return canvas;
}
