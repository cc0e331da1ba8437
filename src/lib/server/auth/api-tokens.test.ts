import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { actorForApiToken, createOwnApiToken, issueApiTokenFor, TOKEN_USE_RESOLUTION_MS } from './sessions';
import { accountPage } from '../privacy/account-views';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let resident: Actor;
let editor: Actor;
let coordinator: Actor;
const WISKITKI = '1438053';

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	resident = await makeUser(ctx, 'mieszkaniec@t.pl');
	editor = await makeUser(ctx, 'redakcja@t.pl');
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	const unit = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: WISKITKI,
			slug: 'sp',
			name: 'Szkoła Podstawowa',
			type: 'school',
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await ctx.db.insertInto('unit_members').values({ unit_id: unit.id, user_id: editor.id, role: 'editor' }).execute();
	await ctx.db.insertInto('coordinators').values({ municipality_code: WISKITKI, user_id: coordinator.id }).execute();
});
afterAll(async () => database?.close());

const tokenCount = async () =>
	Number(
		(
			await ctx.db
				.selectFrom('api_tokens')
				.select((b) => b.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

async function refusal(fn: () => Promise<unknown>) {
	const e = await fn().then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(AppError);
	return e as AppError;
}

describe('personal API tokens: only for those whose systems use the API', () => {
	it('unit staff, coordinators and the operator make their own; the account page offers it to them only', async () => {
		for (const who of [editor, coordinator, operator]) {
			const token = await createOwnApiToken(ctx, who, 'strona szkoły');
			expect((await actorForApiToken(ctx, token))?.id).toBe(who.id);
			expect((await accountPage(ctx, who)).canCreateTokens).toBe(true);
		}
		expect((await accountPage(ctx, resident)).canCreateTokens).toBe(false);
	});

	it('a resident is refused with a clear message and nothing is written; bad names are refused', async () => {
		const before = await tokenCount();
		const e = await refusal(() => createOwnApiToken(ctx, resident, 'mój skrypt'));
		expect(e.code).toBe('forbidden');
		expect(e.message).toMatch(/zespoły jednostek/);
		expect((await refusal(() => createOwnApiToken(ctx, null, 'x y'))).code).toBe('unauthenticated');
		const bad = await refusal(() => createOwnApiToken(ctx, editor, ' a '));
		expect(bad.code).toBe('validation');
		expect(bad.fields?.tokenName).toMatch(/2–100 znaków/);
		expect(await tokenCount()).toBe(before);
	});

	it('the operator issues a token for anyone; nobody else may, and an unknown address is refused', async () => {
		const token = await issueApiTokenFor(ctx, operator, 'MIESZKANIEC@t.pl', 'narzędzie');
		expect((await actorForApiToken(ctx, token))?.id).toBe(resident.id);
		const before = await tokenCount();
		for (const who of [resident, editor, coordinator])
			expect((await refusal(() => issueApiTokenFor(ctx, who, 'mieszkaniec@t.pl', 'narzędzie'))).code).toBe('forbidden');
		expect((await refusal(() => issueApiTokenFor(ctx, operator, 'nikt@t.pl', 'narzędzie'))).code).toBe('not_found');
		expect((await refusal(() => issueApiTokenFor(ctx, operator, 'nie-adres', 'narzędzie'))).fields?.email).toBeTruthy();
		expect(await tokenCount()).toBe(before);
	});
});

describe('reading with a token does not write', () => {
	it('records the use at most once a minute per token, whatever the number of requests', async () => {
		const token = await createOwnApiToken(ctx, editor, 'strona szkoły co minutę');
		// `xmin` changes with every write of the row, even one that writes the same value.
		const lastUsed = () =>
			ctx.db
				.selectFrom('api_tokens')
				.select(['last_used_at', sql<string>`xmin::text`.as('version')])
				.where('name', '=', 'strona szkoły co minutę')
				.executeTakeFirstOrThrow();
		expect((await lastUsed()).last_used_at).toBeNull();
		expect((await actorForApiToken(ctx, token))?.id).toBe(editor.id);
		const first = await lastUsed();
		expect(first.last_used_at?.getTime()).toBe(clock.now().getTime());
		// Further reads within the minute leave the row as it is (the same row version).
		for (let i = 0; i < 5; i++) {
			clock.advance(TOKEN_USE_RESOLUTION_MS / 10);
			expect((await actorForApiToken(ctx, token))?.id).toBe(editor.id);
		}
		expect(await lastUsed()).toEqual(first);
		clock.advance(TOKEN_USE_RESOLUTION_MS);
		await actorForApiToken(ctx, token);
		expect((await lastUsed()).last_used_at?.getTime()).toBe(clock.now().getTime());
	});
});
