import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { configReference } from "../src/config.ts";
import { errorCodes, errorDetailKeys } from "../src/core/errors.ts";
import { statusOf } from "../src/http/errors.ts";

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
		for (const code of errorCodes) {
			assert.ok(errors.includes(`| \`${code}\` | ${statusOf(code)} |`), code);
		}
	});

	test("every property of an error's details is documented", () => {
		const errors = read("docs/errors.md");
		for (const key of errorDetailKeys) assert.ok(errors.includes(`| \`${key}\` |`), key);
	});

	test("the README links the architecture page, and no document links outside the repository", () => {
		assert.match(read("README.md"), /\]\(docs\/architecture\.md\)/);
		for (const doc of ["README.md", "docs/architecture.md", "docs/api.md", "docs/errors.md", "docs/openid-connect.md", "docs/webhooks.md", "docs/shared-signals.md", "docs/operators.md", "bench/README.md", "assets/README.md", "clients/typescript/README.md", "examples/oidc-app/README.md"]) {
			const text = read(doc);
			const depth = doc.split("/").length - 1;
			for (const [, target] of text.matchAll(/\]\(([^)#\s]+)/g)) {
				if (/^[a-z]+:/i.test(target!)) continue;
				const ups = target!.split("/").filter((part) => part === "..").length;
				assert.ok(ups <= depth, `${doc} links outside the repository: ${target}`);
			}
		}
	});
});
