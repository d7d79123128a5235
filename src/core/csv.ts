/**
 * CSV (RFC 4180) for files an operator opens in a spreadsheet. A cell that a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) is written with a leading apostrophe, so text a person
 * typed (a username, a note, a reason) can never run as one.
 */

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return "";
	let text = String(value);
	if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of CSV, ending with CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
	return `${cells.map(csvCell).join(",")}\r\n`;
}
