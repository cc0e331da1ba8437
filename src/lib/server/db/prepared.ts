import type { CompiledQuery, Compilable } from 'kysely';
import type { Db } from './database';

class Slot {
	constructor(readonly index: number) {}
}

/**
 * A query built and compiled by Kysely once, then run with new values: for the few queries every
 * signed-in request runs, where rebuilding the operation tree and compiling it again cost more
 * than PostgreSQL's answer. `build` receives stand-ins for its arguments and must only pass them
 * on as values (no branching on them, no arrays for `in`); every other value in it stays as built.
 */
export function prepared<A extends unknown[], O>(
	build: (db: Db, ...args: A) => Compilable<O>
): (db: Db, ...args: A) => Promise<O[]> {
	let compiled: CompiledQuery<O> | null = null;
	return async (db, ...args) => {
		if (!compiled) {
			const slots = Array.from({ length: build.length - 1 }, (_, i) => new Slot(i)) as unknown as A;
			compiled = build(db, ...slots).compile();
			const used = new Set(compiled.parameters.filter((p) => p instanceof Slot).map((p) => p.index));
			if (used.size !== slots.length) throw new Error('prepared: every argument must reach the query as a value');
		}
		const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
		const { rows } = await db.executeQuery<O>({ ...compiled, parameters });
		return rows;
	};
}
