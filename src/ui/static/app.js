// Progressive enhancement only: every page works without this file.

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
	for (const button of document.querySelectorAll("[data-copy-target]")) {
		button.hidden = false;
		button.addEventListener("click", async () => {
			const source = document.getElementById(button.getAttribute("data-copy-target"));
			if (!source) return;
			// A field copies its value; text on the page (a key) copies as it is shown. The page may give its own words.
			const field = "value" in source && typeof source.select === "function";
			try {
				await navigator.clipboard.writeText(field ? source.value : (source.textContent || "").trim());
				if (status) status.textContent = button.getAttribute("data-copied") || "Copied. Paste them somewhere safe, such as a password manager.";
			} catch {
				source.classList.remove("visually-hidden");
				source.closest("details")?.setAttribute("open", "");
				if (field) source.select();
				else window.getSelection()?.selectAllChildren(source);
				if (status) status.textContent = button.getAttribute("data-copy-failed") || "Select the codes and copy them.";
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
				if (status) status.textContent = "Image saved. Keep it somewhere safe, such as a private album.";
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
			if (status) status.textContent = "This browser cannot use passkeys. Try another way.";
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
			} catch (cause) {
				button.disabled = false;
				if (status) status.textContent = `The passkey didn't answer (${cause?.name ? cause.name : "cancelled"}). Try again, or try another way.`;
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

/** The codes as a picture for the camera roll: site, account, date, the codes with boxes to tick, a note. */
function drawCodes(button) {
	const codes = [...document.querySelectorAll("#backup-codes code")].map((c) => c.textContent || "");
	const scale = 2;
	const width = 640;
	const rows = Math.ceil(codes.length / 2);
	const height = 230 + rows * 52 + 110;
	const canvas = document.createElement("canvas");
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext("2d");
	ctx.scale(scale, scale);
	ctx.fillStyle = "#ffffff";
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = "#0b57d0";
	ctx.fillRect(0, 0, width, 8);
	ctx.fillStyle = "#1b1f24";
	ctx.font = "bold 28px system-ui, sans-serif";
	ctx.fillText("Backup codes", 40, 60);
	ctx.font = "18px system-ui, sans-serif";
	ctx.fillStyle = "#58606b";
	ctx.fillText(`Site: ${button.getAttribute("data-site") || ""}`, 40, 100);
	ctx.fillText(`Account: ${button.getAttribute("data-account") || ""}`, 40, 128);
	ctx.fillText(`Created: ${button.getAttribute("data-created") || ""}`, 40, 156);
	ctx.fillStyle = "#1b1f24";
	ctx.font = "26px ui-monospace, Menlo, Consolas, monospace";
	codes.forEach((code, i) => {
		const x = 40 + (i % 2) * 290;
		const y = 220 + Math.floor(i / 2) * 52;
		ctx.strokeStyle = "#8a929c";
		ctx.lineWidth = 2;
		ctx.strokeRect(x, y - 20, 22, 22);
		ctx.fillText(code, x + 36, y);
	});
	ctx.font = "16px system-ui, sans-serif";
	ctx.fillStyle = "#58606b";
	const noteY = 220 + rows * 52 + 20;
	ctx.fillText("Each code works once: tick it off when you use it.", 40, noteY);
	ctx.fillText("Keep this image private. A new list replaces this one.", 40, noteY + 26);
	ctx.fillText("Nobody will ever ask you for a code by message or phone call.", 40, noteY + 52);
	return canvas;
}
