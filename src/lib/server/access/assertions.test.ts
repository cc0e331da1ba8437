import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/context';
import { assertOperator, assertOwnerOrOperator, assertSignedIn, isOperator } from './actor';
import { subscriptionActive } from './package-state';
import { assertCan } from './policy';

const person: Actor = { id: '7', email: 'a@t.pl', displayName: 'Ala', isOperator: false, emailVerified: true };
const operator: Actor = { ...person, id: '1', isOperator: true };
const code = (f: () => void) => {
	try {
		f();
		return 'ok';
	} catch (e) {
		return (e as { code?: string }).code;
	}
};

describe('access assertions', () => {
	it('assertSignedIn refuses nobody with the given message, and narrows', () => {
		expect(() => assertSignedIn(null, 'Zaloguj się, aby pobrać fakturę.')).toThrow('Zaloguj się, aby pobrać fakturę.');
		expect(code(() => assertSignedIn(null))).toBe('unauthenticated');
		const actor: Actor | null = person;
		assertSignedIn(actor);
		expect(actor.id).toBe('7');
	});

	it('assertOperator: unauthenticated, forbidden, or an operator', () => {
		expect(code(() => assertOperator(null))).toBe('unauthenticated');
		expect(code(() => assertOperator(person))).toBe('forbidden');
		expect(code(() => assertOperator(operator))).toBe('ok');
		expect([isOperator(null), isOperator(person), isOperator(operator)]).toEqual([false, false, true]);
	});

	it('assertOwnerOrOperator lets the owner and the operator through', () => {
		expect(code(() => assertOwnerOrOperator(null, '7', 'Nie.'))).toBe('unauthenticated');
		expect(code(() => assertOwnerOrOperator(person, '8', 'Nie.'))).toBe('forbidden');
		expect(code(() => assertOwnerOrOperator(person, '7', 'Nie.'))).toBe('ok');
		expect(code(() => assertOwnerOrOperator(operator, null, 'Nie.'))).toBe('ok');
	});

	it('assertCan never narrows to a signed-in actor that is not there', () => {
		const group = { is_public: true };
		expect(code(() => assertCan('anonymous', 'read', group, null))).toBe('ok');
		expect(code(() => assertCan('anonymous', 'comment', group, null))).toBe('unauthenticated');
		// A role that does not match the actor (a caller's mistake) is refused rather than trusted.
		expect(code(() => assertCan('member', 'comment', group, null))).toBe('unauthenticated');
		expect(code(() => assertCan('member', 'comment', group, person))).toBe('ok');
		expect(code(() => assertCan('muted', 'comment', group, person))).toBe('forbidden');
	});

	it('a subscription counts from its first day to its last, a cancelled one up to cancel_at', () => {
		const s = { status: 'active' as const, starts_on: '2026-12-01', cancel_at: null };
		expect(subscriptionActive(s, '2026-11-30')).toBe(false);
		expect(subscriptionActive(s, '2026-12-01')).toBe(true);
		const cancelled = { ...s, status: 'cancelling' as const, cancel_at: '2027-01-31' };
		expect(subscriptionActive(cancelled, '2027-01-31')).toBe(true);
		expect(subscriptionActive(cancelled, '2027-02-01')).toBe(false);
		expect(subscriptionActive({ ...s, status: 'ended' }, '2026-12-15')).toBe(false);
	});
});
