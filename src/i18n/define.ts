/**
 * One area's messages in every language, ICU MessageFormat. English names the
 * keys; French and Arabic must have exactly the same ones (the type checker
 * says which is missing, and test/unit/i18n-catalogs.test.ts checks the
 * arguments too). A message may use {product}: the operator's product name.
 */
export function defineMessages<K extends string>(messages: {
	en: Record<K, string>;
	fr: Record<NoInfer<K>, string>;
	ar: Record<NoInfer<K>, string>;
}): { en: Record<K, string>; fr: Record<K, string>; ar: Record<K, string> } {
	return messages;
}
