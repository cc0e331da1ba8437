import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { listNotifications } from '../notify/notifications';
import { grounds } from './terms';
import { checkTerms, clauseAnchor, parseTerms, publishTerms, termsHrefFor, termsPage } from './terms-versions';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let resident: Actor;
let outsider: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Skąd jesteś?'
	});
	const group = await getGroup(ctx.db, 'wiskitki');
	resident = await makeUser(ctx, 'mieszkanka@t.pl');
	await requestMembership(ctx, resident, group, 'Mieszkam w Guzowie.');
	await decideMembership(ctx, operator, group, resident.id, true);
	outsider = await makeUser(ctx, 'spoza@t.pl');
});
afterAll(async () => database?.close());

describe('the groups’ rules', () => {
	it('version 1 comes with the migration and holds every clause that decisions cite, each paragraph § 1 … § 9', async () => {
		const page = await termsPage(ctx, null);
		expect(page.version).toBe(1);
		expect(page.isCurrent).toBe(true);
		expect(page.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(() => checkTerms(page.paragraphs)).not.toThrow();
		for (const g of Object.values(grounds)) {
			const [, paragraph, clause] = /§ (\d+)(?: ust\. (\d+))?/.exec(g.clause)!;
			const p = page.paragraphs.find((x) => x.number === Number(paragraph))!;
			expect(p, g.clause).toBeDefined();
			if (clause)
				expect(
					p.clauses.map((c) => c.number),
					g.clause
				).toContain(Number(clause));
		}
		expect(clauseAnchor('§ 4 ust. 2')).toBe('p4');
		expect(clauseAnchor('§ 8')).toBe('p8');
	});

	it('refuses a text that drops a cited clause or numbers paragraphs out of order, and only the operator publishes', async () => {
		const { body } = await ctx.db.selectFrom('terms_versions').select('body').executeTakeFirstOrThrow();
		await expect(
			publishTerms(ctx, operator, { body: body.replace('2. Nie obrażamy', 'Nie obrażamy'), summary: 'Zmiana' })
		).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('§ 4 ust. 2') });
		await expect(
			publishTerms(ctx, operator, { body: body.replace('§ 6. Dane', '§ 7. Dane'), summary: 'Zmiana' })
		).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('po kolei') });
		await expect(publishTerms(ctx, resident, { body, summary: 'Zmiana' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(publishTerms(ctx, null, { body, summary: 'Zmiana' })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		expect(parseTerms(body)).toHaveLength(9);
		expect((await termsPage(ctx, null)).versions).toHaveLength(1);
	});

	it('a new version replaces the text in force, keeps the old one readable and notifies every member', async () => {
		const decidedUnderV1 = clock.now();
		clock.advance(60_000);
		const { body } = await ctx.db.selectFrom('terms_versions').select('body').executeTakeFirstOrThrow();
		const changed = body.replace('§ 3. Tematyka', '§ 3. Tematyka grupy');
		expect(await publishTerms(ctx, operator, { body: changed, summary: 'Doprecyzowaliśmy § 3.' })).toBe(2);
		const now = await termsPage(ctx, null);
		expect([now.version, now.current, now.paragraphs[2].title]).toEqual([2, 2, 'Tematyka grupy']);
		const old = await termsPage(ctx, '1');
		expect([old.version, old.isCurrent, old.paragraphs[2].title]).toEqual([1, false, 'Tematyka']);
		await expect(termsPage(ctx, '7')).rejects.toMatchObject({ code: 'not_found' });
		await expect(termsPage(ctx, 'abc')).rejects.toMatchObject({ code: 'not_found' });
		const [n] = await listNotifications(ctx, resident);
		expect(n).toMatchObject({ kind: 'terms_changed', link: '/regulamin?wersja=2' });
		expect(n.detail).toContain('Doprecyzowaliśmy § 3.');
		expect(await listNotifications(ctx, outsider)).toEqual([]);
		// A decision cites the rules in force when it was made.
		expect(await termsHrefFor(ctx.db, '§ 4 ust. 2', decidedUnderV1)).toBe('/regulamin?wersja=1#p4');
		expect(await termsHrefFor(ctx.db, '§ 4 ust. 2', clock.now())).toBe('/regulamin#p4');
	});
});
