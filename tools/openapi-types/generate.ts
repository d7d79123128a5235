/**
 * Writes the typed client's types (clients/typescript/src/openapi.ts) from the
 * OpenAPI document a server with the default settings serves: `npm run api:types`.
 * The file records the document's SHA-256; a test compares it with the document
 * served now, and CI regenerates the file and fails if it differs from the one
 * committed. openapi-typescript needs TypeScript 5: both are this folder's own
 * (`npm ci --prefix tools/openapi-types`).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { servedDocument, TYPES_FILE } from "./document.ts";

const { document, hash } = await servedDocument();
const ast = await openapiTS(document as never, { alphabetize: false, exportType: false });
const header = [
	"// The types of Tessera's API, generated from its OpenAPI document by `npm run api:types`",
	"// (tools/openapi-types): do not edit. A test fails when the document changes and this file does not.",
	`// Document SHA-256: ${hash}`,
	"",
].join("\n");
writeFileSync(TYPES_FILE, `${header}\n${astToString(ast)}`);
console.log(`${fileURLToPath(TYPES_FILE)}: document ${hash}`);
