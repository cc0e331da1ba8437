import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/context';
import { AppError } from '../core/errors';
import { formAction, loginPath, requireActor } from './http';

const anna: Actor = { id: '1', email: 'anna@example.pl', displayName: 'Anna', isOperator: false, emailVerified: true };
const locals = (actor: Actor | null) => ({ actor }) as App.Locals;

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('nothing thrown');
}

describe('requireActor', () => {
	it('returns the signed-in actor', () => {
		expect(requireActor({ locals: locals(anna), url: new URL('http://t/konto') })).toBe(anna);
	});

	it('sends a visitor to log in and back to the page with its query', () => {
		const r = thrown(() => requireActor({ locals: locals(null), url: new URL('http://t/zglos?post=12&x=a%20b') }));
		expect(isRedirect(r) && r.status).toBe(303);
		expect(isRedirect(r) && r.location).toBe(`/logowanie?dalej=${encodeURIComponent('/zglos?post=12&x=a%20b')}`);
	});

	it('comes back to the page, not to a form action', () => {
		expect(loginPath(new URL('http://t/konto?/password'))).toBe('/logowanie?dalej=%2Fkonto');
		expect(loginPath(new URL('http://t/konto/eksport/abc'))).toBe('/logowanie?dalej=%2Fkonto%2Feksport%2Fabc');
	});
});

describe('formAction', () => {
	const post = (fields: Record<string, string>) => {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		return { request: new Request('http://t/', { method: 'POST', body }), extra: 7 };
	};

	it('runs with the form fields and the event', async () => {
		const run = formAction(async (f, { extra }: { request: Request; extra: number }) => ({ got: f.name, extra }));
		expect(await run(post({ name: 'Ala' }))).toEqual({ got: 'Ala', extra: 7 });
	});

	it('returns a domain error to the form with the chosen values', async () => {
		const run = formAction(
			async () => {
				throw new AppError('validation', 'Podaj nazwę.', { name: 'Za krótka.' });
			},
			(f) => ({ form: 'add', name: f.name })
		);
		const r = await run(post({ name: 'A', secret: 'x' }));
		expect(isActionFailure(r)).toBe(true);
		expect(r).toMatchObject({
			status: 400,
			data: { error: 'Podaj nazwę.', fields: { name: 'Za krótka.' }, values: { form: 'add', name: 'A' } }
		});
	});

	it('lets other errors through', async () => {
		const run = formAction(async () => {
			throw new Error('boom');
		});
		await expect(run(post({}))).rejects.toThrow('boom');
	});
});
