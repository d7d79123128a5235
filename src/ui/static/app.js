// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
	const status = document.querySelector(".copy-status");
	for (const button of document.querySelectorAll("[data-copy-target]")) {
		button.hidden = false;
		button.addEventListener("click", async () => {
			const source = document.getElementById(button.getAttribute("data-copy-target"));
			if (!source) return;
			try {
				await navigator.clipboard.writeText(source.value);
				if (status) status.textContent = "Copied. Paste them somewhere safe, such as a password manager.";
			} catch {
				source.classList.remove("visually-hidden");
				source.select();
				if (status) status.textContent = "Select the codes and copy them.";
			}
		});
	}
	for (const button of document.querySelectorAll("[data-print]")) {
		button.hidden = false;
		button.addEventListener("click", () => window.print());
	}
	const error = document.getElementById("form-error");
	if (error) error.focus();
});
