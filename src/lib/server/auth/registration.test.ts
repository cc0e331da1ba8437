import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { listOutbox } from '../notify/outbox';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup } from '../groups/groups';
import { registerUser, verifyEmail } from './accounts';

let database: Database;
let ctx: Ctx;
let operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Skąd jesteś?'
	});
});
afterAll(async () => database?.close());

const input = (email: string, extra: Record<string, string> = {}) => ({
	email,
	password: 'dlugie-haslo-1',
	displayName: 'Ola Nowak',
	accept: 'on',
	...extra
});
const tokenOf = async (email: string) =>
	/token=([\w-]+)/.exec((await listOutbox(ctx.db, { recipient: email }))[0].body_text)![1];

describe('registration', () => {
	it('refuses without accepting the rules and the privacy policy, and creates nothing', async () => {
		const { accept: _, ...without } = input('bez.zgody@example.pl');
		await expect(registerUser(ctx, without, '10.0.0.1')).rejects.toMatchObject({
			code: 'validation',
			fields: { accept: 'Zaakceptuj regulamin grup i politykę prywatności, aby założyć konto.' }
		});
		await expect(registerUser(ctx, { ...without, accept: 'tak' }, '10.0.0.1')).rejects.toMatchObject({
			code: 'validation'
		});
		expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'bez.zgody@example.pl').execute()).toEqual(
			[]
		);
	});

	it('records which rules and privacy policy were accepted, and when', async () => {
		const { confirmPath } = await registerUser(ctx, input('ola@example.pl'), '10.0.0.1');
		expect(confirmPath).toMatch(/^\/rejestracja\/potwierdz\?token=[\w-]+$/);
		const user = await ctx.db
			.selectFrom('users')
			.select(['terms_version', 'terms_accepted_at', 'privacy_version', 'privacy_accepted_at'])
			.where('email', '=', 'ola@example.pl')
			.executeTakeFirstOrThrow();
		expect(user).toEqual({
			terms_version: 1,
			terms_accepted_at: ctx.clock.now(),
			privacy_version: 'domyślna',
			privacy_accepted_at: ctx.clock.now()
		});
		// A taken address: a link of the same shape that confirms nothing (the owner is told by e-mail).
		const decoy = (await registerUser(ctx, input('ola@example.pl'), '10.0.0.2')).confirmPath;
		expect(decoy).toMatch(/^\/rejestracja\/potwierdz\?token=[\w-]+$/);
		expect(decoy).not.toBe(confirmPath);
		await expect(verifyEmail(ctx, decoy.split('token=')[1])).rejects.toThrow();
	});

	it('after confirming the address, leads to the group whose page they came from; without one, to none', async () => {
		await registerUser(ctx, input('z.grupy@example.pl', { grupa: 'wiskitki' }), '10.0.0.3');
		expect(await verifyEmail(ctx, await tokenOf('z.grupy@example.pl'))).toEqual({ groupSlug: 'wiskitki' });
		await registerUser(ctx, input('bez.grupy@example.pl', { grupa: 'nie-ma-takiej' }), '10.0.0.4');
		expect(await verifyEmail(ctx, await tokenOf('bez.grupy@example.pl'))).toEqual({ groupSlug: null });
	});
});
