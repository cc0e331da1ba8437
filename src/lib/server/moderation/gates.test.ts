import { describe, expect, it } from 'vitest';
import { Gates } from './gates';

describe('gates', () => {
	it('finds every string that occurs, overlapping, prefixes and single characters included', () => {
		const gates = new Gates(['blik', 'bli', 'kod', 'od', '+', 'z gory', 'xyz']);
		expect([...gates.present('podaj kod blik z gory +48')].sort()).toEqual(['+', 'bli', 'blik', 'kod', 'od', 'z gory']);
		expect([...gates.present('nic tu nie ma')]).toEqual([]);
		expect([...gates.present('')]).toEqual([]);
	});
});
