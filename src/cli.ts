import { ConfigError, loadConfig } from "./config.ts";
import { main as serve } from "./main.ts";
import { migrate, openStore } from "./store/db.ts";

const usage = `Usage: tessera <command>

Commands:
  serve      Start the server (the same as npm start).
  migrate    Bring the database schema up to date, then exit.
  help       Show this help.

Configuration comes from the environment; see the README for every variable.`;

async function run(args: string[]): Promise<number> {
	const [command, ...rest] = args;
	if (command === undefined || command === "help" || command === "--help" || command === "-h") {
		console.log(usage);
		return command === undefined ? 64 : 0;
	}
	if (rest.includes("--help") || rest.includes("-h")) {
		console.log(usage);
		return 0;
	}
	switch (command) {
		case "serve":
			await serve();
			return -1; // keeps running
		case "migrate": {
			const config = loadConfig();
			const store = await openStore(config);
			try {
				const applied = await migrate(store);
				console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
			} finally {
				await store.close();
			}
			return 0;
		}
		default:
			console.error(`tessera: unknown command "${command}"\n\n${usage}`);
			return 64; // EX_USAGE
	}
}

run(process.argv.slice(2)).then(
	(code) => {
		if (code >= 0) process.exit(code);
	},
	(error: unknown) => {
		console.error(`tessera: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
		process.exit(error instanceof ConfigError ? 78 : 1);
	},
);
