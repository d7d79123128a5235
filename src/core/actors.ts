/**
 * Who raised a security event (its `actor`): "person", "system", an operator at
 * the command line ("operator:<name>"), or an operator in the console at /admin
 * ("admin:<username>" or "support:<username>", by the operator's role).
 */

/** Whether an operator raised the event: at the command line, or in the console. */
export function isOperatorActor(actor: string): boolean {
	return actor.startsWith("operator:") || isConsoleActor(actor);
}

/** Whether an operator raised the event in the console (an admin or support). */
export function isConsoleActor(actor: string): boolean {
	return actor.startsWith("admin:") || actor.startsWith("support:");
}
