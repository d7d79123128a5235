import pino, { type DestinationStream, type Logger } from "pino";

/** Paths that could ever hold a secret are removed from log lines, whatever logs them. */
export const redactedPaths = [
	"req.headers.authorization",
	"req.headers.cookie",
	'res.headers["set-cookie"]',
	"*.password",
	"*.code",
	"*.token",
	"*.challenge",
	"*.secret",
	"*.codes",
	"*.deviceToken",
	"*.response",
	"body",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
	const options = { level, redact: { paths: redactedPaths, censor: "[redacted]" }, base: { service: "tessera" } };
	return destination ? pino(options, destination) : pino(options);
}
