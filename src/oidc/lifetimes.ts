/** How long what the provider issues lives, in seconds. */
export const TOKEN_TTL = {
	AccessToken: 3600,
	AuthorizationCode: 60,
	IdToken: 3600,
	Interaction: 3600,
	Grant: 14 * 86_400,
	RefreshToken: 14 * 86_400,
	Session: 14 * 86_400,
} as const;

/** A key that signed tokens stays published this long after a newer one takes over. */
export const KEEP_RETIRED_KEY_MS = (Math.max(TOKEN_TTL.AccessToken, TOKEN_TTL.IdToken) + 600) * 1000;
