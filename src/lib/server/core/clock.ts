export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and then runs on with real time (the server
 * started with `TABLICA_NOW` for tests and demos: "today" is 1 January 2027 and minutes still pass).
 */
export function runningClockFrom(start: Date | string, real: Clock = systemClock): Clock & { offsetMs: number } {
	const offsetMs = new Date(start).getTime() - real.now().getTime();
	if (Number.isNaN(offsetMs)) throw new Error(`Nieprawidłowa chwila startu zegara: ${String(start)}`);
	return { offsetMs, now: () => new Date(real.now().getTime() + offsetMs) };
}

/** The process's clock: real time, or running from `start` (TABLICA_NOW) when given. */
export function processClock(start: Date | undefined): Clock {
	return start ? runningClockFrom(start) : systemClock;
}

/** A clock for tests: starts at the given instant and moves only when told. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
	let current = new Date(start);
	return {
		now: () => new Date(current),
		advance: (ms) => {
			current = new Date(current.getTime() + ms);
		},
		set: (d) => {
			current = new Date(d);
		}
	};
}
