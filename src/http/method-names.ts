import type { MethodName } from "../methods/types.ts";

/**
 * The two methods whose set-up has routes of its own in both faces (the pages at
 * /settings/authenticator and /settings/passkeys, the API at /account/totp and
 * /account/passkeys), kept as they were. Those routes call the same flows as the
 * routes every method has (/api/v1/account/methods/:method), with these names.
 */
export const AUTHENTICATOR: MethodName = "totp";
export const PASSKEY: MethodName = "passkey";
