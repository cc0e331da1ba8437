import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { createGroup, getGroup } from '../groups/groups';
import { unitTypeLabel } from '../groups/unit-types';
import { addUnit, groupUnits, guessUnitType, listUnits, setUnitSettings } from '../units/units';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { contractPdf, placeOrder, signContract } from './contracts';

let database: Database;
let ctx: Ctx;
let operator: Actor, coordinator: Actor;
const media = mkdtempSync(path.join(tmpdir(), 'order-units-'));
const scan = { name: 'umowa.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% podpisana\n%%EOF\n') };

const order = (units: string, extra: Record<string, unknown> = {}) => ({
	group: 'wiskitki',
	plan: 'monthly',
	startsOn: '2026-12-01',
	legalName: 'Gmina Wiskitki',
	nip: '838-157-40-08',
	regon: '013337502',
	street: 'ul. Kościuszki 1',
	postalCode: '96-315',
	city: 'Wiskitki',
	contactName: 'Agnieszka Lis',
	contactEmail: 'sekretariat@wiskitki.test',
	contactPhone: '',
	units,
	...extra
});

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database, '2026-11-20T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum mieszkańców gminy',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
});
afterAll(async () => database?.close());

const units = async () =>
	(await listUnits(ctx, coordinator, '1438053')).map((u) => ({
		name: u.name,
		type: u.type,
		canPublish: u.canPublish,
		awaitingContract: u.awaitingContract
	}));

describe('the units an order names', () => {
	it('guesses a unit’s kind from its name, else an organisation', () => {
		expect(guessUnitType('OSP Guzów')).toBe('fireBrigade');
		expect(guessUnitType('Szkoła Podstawowa w Wiskitkach')).toBe('primarySchool');
		expect(guessUnitType('Gminny Ośrodek Pomocy Społecznej')).toBe('socialHelp');
		expect(guessUnitType('Gminna Biblioteka Publiczna')).toBe('library');
		expect(guessUnitType('Centrum Sportu w Wiskitkach')).toBe('sportCentre');
		expect(guessUnitType('Przychodnia Gminna')).toBe('otherHealthcare');
		expect(guessUnitType('Urząd Miasta i Gminy Wiskitki')).toBe('office');
		expect(guessUnitType('Koło Gospodyń Wiejskich Guzów')).toBe('organisation');
	});

	it('an order creates them, not publishing; an existing name is not duplicated; bad input changes nothing', async () => {
		await addUnit(ctx, coordinator, '1438053', { name: 'OSP Wiskitki', type: 'fireBrigade' });
		await expect(placeOrder(ctx, coordinator, order('Biblioteka\nx', { nip: '123' }))).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(placeOrder(ctx, coordinator, order('Ab'))).rejects.toMatchObject({ code: 'validation' });
		expect(await units()).toEqual([
			{ name: 'OSP Wiskitki', type: 'fireBrigade', canPublish: true, awaitingContract: null }
		]);

		await placeOrder(
			ctx,
			coordinator,
			order('osp wiskitki\nCentrum Sportu w Wiskitkach\nGminna Biblioteka Publiczna\nGminna biblioteka publiczna\n')
		);
		const waiting = { canPublish: false, awaitingContract: 'UM/2026/0001' };
		expect(await units()).toEqual([
			{ name: 'Centrum Sportu w Wiskitkach', type: 'sportCentre', ...waiting },
			{ name: 'Gminna Biblioteka Publiczna', type: 'library', ...waiting },
			{ name: 'OSP Wiskitki', type: 'fireBrigade', canPublish: true, awaitingContract: null }
		]);
		const group = await getGroup(ctx.db, 'wiskitki');
		expect((await groupUnits(ctx, group)).every((u) => !u.publishing)).toBe(true);
		// Not switched on ahead of the contract: the coordinator is told when it will be.
		const library = (await listUnits(ctx, coordinator, '1438053')).find((u) => u.type === 'library')!;
		await expect(setUnitSettings(ctx, coordinator, library.id, { canPublish: true })).rejects.toMatchObject({
			code: 'conflict',
			message: 'Jednostka zacznie publikować bez akceptacji po podpisaniu umowy UM/2026/0001.'
		});
		await setUnitSettings(ctx, coordinator, library.id, { mayAlert: true }); // other switches are free
		expect((await units()).find((u) => u.type === 'library')).toMatchObject(waiting);
	});

	it('the contract names the seat in the locative: "z siedzibą w Wiskitkach"', async () => {
		const c = await ctx.db.selectFrom('contracts').selectAll().executeTakeFirstOrThrow();
		const file = path.join(media, 'umowa.pdf');
		writeFileSync(file, await contractPdf(c));
		let text: string;
		try {
			text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
		} catch {
			console.warn('pdftotext (Debian poppler-utils) is missing: the PDF text is not checked here');
			return;
		}
		expect(text.replace(/\s+/g, ' ')).toContain('Gmina Wiskitki, z siedzibą w Wiskitkach, NIP');
	});

	it('signing the contract turns them on', async () => {
		const c = await ctx.db.selectFrom('contracts').select('id').executeTakeFirstOrThrow();
		await signContract(ctx, operator, c.id, scan, media);
		expect((await units()).every((u) => u.canPublish && u.awaitingContract === null)).toBe(true);
		const left = await ctx.db.selectFrom('units').select('id').where('awaiting_contract_id', 'is not', null).execute();
		expect(left).toEqual([]);
	});

	it('the offer’s missing kinds exist: "centrum sportu" and "inna placówka ochrony zdrowia"', async () => {
		expect(unitTypeLabel('sportCentre')).toBe('Centrum sportu');
		expect(unitTypeLabel('otherHealthcare')).toBe('Inna placówka ochrony zdrowia');
		const id = await addUnit(ctx, coordinator, '1438053', { name: 'Gminna Przychodnia', type: 'otherHealthcare' });
		expect((await listUnits(ctx, coordinator, '1438053')).find((u) => u.id === id)?.typeLabel).toBe(
			'Inna placówka ochrony zdrowia'
		);
	});
});
