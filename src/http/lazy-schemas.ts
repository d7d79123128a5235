import { createRequire } from "node:module";
import type { FastifyServerOptions } from "fastify";

/**
 * Fastify's own schema compilers, each route's validator and serializer compiled on its first
 * use rather than all of them at start.
 *
 * Fastify compiles an ajv validator and a fast-json-stringify serializer for every route as the
 * route registers; most of the ~120 routes are asked for rarely or never by a given instance,
 * and their compiled code stays in the heap. These are the very builders Fastify would use
 * (resolved from Fastify's own dependencies, called with the same external schemas and the
 * same `ajv` and `serializerOpts` options), so validation, coercion and error messages are
 * unchanged: only the moment of compiling moves. A schema that fails to compile therefore
 * fails on its route's first request (a 500) instead of at start; the tests that walk every
 * route (test/http/bad-input.test.ts) compile them all.
 *
 * Fastify reads a custom builder as a custom compiler, which only changes how a `headers`
 * schema is normalised; no route has one.
 */

type RouteDefinition = { schema: unknown; method: string; url: string; httpPart?: string };
type Validator = ((data: unknown) => unknown) & { errors?: unknown };
type Serializer = (data: unknown) => string;
type ValidatorBuilder = (externalSchemas: unknown, ajvOptions: unknown) => (route: RouteDefinition) => Validator;
type SerializerBuilder = (externalSchemas: unknown, serializerOptions: unknown) => (route: RouteDefinition) => Serializer;

const fromFastify = createRequire(import.meta.resolve("fastify"));

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]>;

export function lazySchemaCompilers(): CompilersFactory {
	const buildValidator = (fromFastify("@fastify/ajv-compiler") as () => ValidatorBuilder)();
	const buildSerializer = (fromFastify("@fastify/fast-json-stringify-compiler") as () => SerializerBuilder)();
	const lazyValidator: ValidatorBuilder = (externalSchemas, ajvOptions) => {
		let compile: ReturnType<ValidatorBuilder> | undefined;
		return (route) => {
			let validate: Validator | undefined;
			const lazy: Validator = (data) => {
				if (!validate) {
					compile ??= buildValidator(externalSchemas, ajvOptions);
					validate = compile(route);
				}
				const result = validate(data);
				// Fastify reads the errors off the function it was given.
				lazy.errors = validate.errors;
				return result;
			};
			return lazy;
		};
	};
	const lazySerializer: SerializerBuilder = (externalSchemas, serializerOptions) => {
		let compile: ReturnType<SerializerBuilder> | undefined;
		return (route) => {
			let serialize: Serializer | undefined;
			return (data) => {
				if (!serialize) {
					compile ??= buildSerializer(externalSchemas, serializerOptions);
					serialize = compile(route);
				}
				return serialize(data);
			};
		};
	};
	return { buildValidator: lazyValidator, buildSerializer: lazySerializer } as unknown as CompilersFactory;
}
