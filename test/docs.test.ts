import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { configReference } from "../src/config.ts";
import { errorCatalogue } from "../src/core/errors.ts";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("documentation matches the code", () => {
	test("the README opens with the two commands and lists every variable with its default", () => {
		const readme = read("README.md");
		const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
		assert.match(firstBlock, /^npm ci && npm start/m);
		assert.match(firstBlock, /^npm test/m);
		for (const [name, defaultValue] of configReference) {
			assert.ok(readme.includes(`| \`${name}\` | \`${defaultValue}\` |`), `${name} with default ${defaultValue}`);
		}
	});

	test("every error code is documented with its status", () => {
		const errors = read("docs/errors.md");
		for (const [code, { status }] of Object.entries(errorCatalogue)) {
			assert.ok(errors.includes(`| \`${code}\` | ${status} |`), code);
		}
	});
});
