import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Kysely's SQLite dialect expects a better-sqlite3-shaped database. node:sqlite
 * is close; this adapter fills the gap (the `reader` flag, array parameters) and
 * keeps prepared statements, since the same few queries run on every request.
 */
export class NodeSqliteDatabase implements SqliteDatabase {
	readonly raw: DatabaseSync;
	readonly #statements = new Map<string, SqliteStatement>();

	constructor(path: string) {
		this.raw = new DatabaseSync(path);
		this.raw.exec("PRAGMA journal_mode = WAL");
		this.raw.exec("PRAGMA synchronous = NORMAL");
		this.raw.exec("PRAGMA foreign_keys = ON");
		this.raw.exec("PRAGMA busy_timeout = 5000");
	}

	prepare(sql: string): SqliteStatement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = wrap(this.raw.prepare(sql));
			if (this.#statements.size >= 500) this.#statements.clear();
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	close(): void {
		this.#statements.clear();
		if (this.raw.isOpen) this.raw.close();
	}
}

function wrap(statement: StatementSync): SqliteStatement {
	const reader = statement.columns().length > 0;
	const args = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqlite);
	return {
		reader,
		all: (parameters) => statement.all(...args(parameters)),
		run: (parameters) => statement.run(...args(parameters)),
		iterate: (parameters) => statement.iterate(...args(parameters)) as IterableIterator<unknown>,
	};
}

function toSqlite(value: unknown): SQLInputValue {
	if (typeof value === "boolean") return value ? 1 : 0;
	if (value === undefined) return null;
	return value as SQLInputValue;
}
