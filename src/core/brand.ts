/**
 * The operator's branding: the product's name, logo, colour and where people get
 * help. Every page, email and text shows it. Pure: the configuration reads it.
 */
export interface Brand {
	/** The product's name, in every page title, email and text ("Tessera" unless the operator names it). */
	name: string;
	/** The logo, served from Tessera's own origin at /assets/brand-logo. */
	logo?: { body: Buffer; type: "image/svg+xml" | "image/png" } | undefined;
	/** The accent colour (buttons, links), #rrggbb, with enough contrast against white. */
	color?: string | undefined;
	/** Where people get help from a person: a web address, an email address, or both. */
	support?: { url?: string | undefined; email?: string | undefined } | undefined;
}

export const defaultBrand: Brand = { name: "Tessera" };

/** The WCAG minimum for normal text, and for a button's white label on the accent colour. */
export const MIN_CONTRAST = 4.5;

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
	const n = Number.parseInt(hex.slice(1), 16);
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}
