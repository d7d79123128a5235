/**
 * HTML templates that escape by default: every interpolated value is escaped
 * unless it is already `Html` (the output of another template, or `trusted`).
 */
export class Html {
	readonly value: string;
	constructor(value: string) {
		this.value = value;
	}
	toString(): string {
		return this.value;
	}
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
	if (value === null || value === undefined || value === false) return "";
	if (value instanceof Html) return value.value;
	if (Array.isArray(value)) return value.map(render).join("");
	return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
	let out = strings[0]!;
	for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
	return new Html(out);
}

/** Markup Tessera produced itself (such as the QR code's SVG), inserted as is. */
export function trusted(markup: string): Html {
	return new Html(markup);
}
