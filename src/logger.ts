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

/**
 * A request address without what its query carries: links in messages hold
 * their token in the query (/reset-password?token=…), and a log line must not.
 */
export function loggableUrl(url: string): string {
	const at = url.indexOf("?");
	if (at < 0) return url;
	const names = url
		.slice(at + 1)
		.split("&")
		.map((pair) => pair.split("=")[0])
		.filter(Boolean);
	return `${url.slice(0, at)}?${names.map((name) => `${name}=[redacted]`).join("&")}`;
}

interface LoggedRequest {
	method?: string;
	url?: string;
	host?: string;
	hostname?: string;
	ip?: string;
	socket?: { remoteAddress?: string };
}

function requestSerializer(req: LoggedRequest) {
	return {
		method: req.method,
		url: loggableUrl(req.url ?? ""),
		host: req.host ?? req.hostname,
		remoteAddress: req.ip ?? req.socket?.remoteAddress,
	};
}

/**
 * The access log's own logger: one line a request, written where `logger` writes, at its
 * level. Its lines are made by app.ts from fields that cannot hold a secret (method, the
 * address without its query's values, status, time, client address, request id), so they
 * skip the redaction every other line goes through: it is most of a line's cost.
 */
export function accessLogger(logger: Logger): Logger {
	// Written where the logger writes, at once, like every other line. Batches of access lines
	// saved about 1 µs a line, but a burst of them to a slow reader of standard output held the
	// process long enough for a three-instance test's connections to be reset.
	const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
	return pino({ level: logger.level, base: { service: "tessera" } }, stream);
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
	const options = {
		level,
		redact: { paths: redactedPaths, censor: "[redacted]" },
		base: { service: "tessera" },
		serializers: { req: requestSerializer },
	};
	return destination ? pino(options, destination) : pino(options);
}
