import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Once the app is built, one last-resort collection: V8 then gives back what starting left
 * behind, and its young generation, grown to its ceiling while ~120 routes were set up, goes
 * back to its smallest. Under load it grows again as far as the load needs (a session check
 * under load takes it to its ceiling; the hashing scenarios, at a few dozen requests a second,
 * much less), instead of holding its ceiling from the start.
 *
 * `gc` is reached through a context of its own, so the app's global never has it.
 */
export function collectStartupGarbage(): void {
	setFlagsFromString("--expose-gc");
	const gc = runInNewContext("gc") as (options: { type: string; execution: string; flavor: string }) => void;
	setFlagsFromString("--no-expose-gc");
	gc({ type: "major", execution: "sync", flavor: "last-resort" });
}
