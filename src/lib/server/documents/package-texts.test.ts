import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { createGroup } from '../groups/groups';
import { renderedPage } from '../site/pages';
import { addPrice } from '../subscriptions/prices';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { contractClauses } from './contract';
import { offerPdf } from './documents';
import { layoutText } from '../testing/pdf-text';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-12-02T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum mieszkańców gminy',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
});
afterAll(async () => database?.close());

const offerText = async () =>
	(await renderedPage(ctx, 'oferta', null)).html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

describe('the offer describes all three packages, dated by the clock', () => {
	it('before 2027: Pakiet 2 and 3 "będą dostępne od 1 stycznia 2027 roku"; prices once the operator sets them', async () => {
		let text = await offerText();
		expect(text).toContain('Pakiet nr 2 – wzmocnienie treści');
		expect(text).toContain('Pakiet nr 3 – zasięg regionalny');
		expect(text).toContain('będą dostępne od 1 stycznia 2027 roku');
		expect(text).toContain('Cena pakietu nr 2: według cennika operatora.');
		await addPrice(ctx, operator, {
			package: 'pakiet2',
			plan: 'monthly',
			gross: '5 500',
			vatRate: '23',
			validFrom: '2027-01-01'
		});
		text = await offerText();
		expect(text).toMatch(/Cena pakietu nr 2: 5\s500,00\szł brutto miesięcznie\./);
		clock.set('2026-12-31T22:59:00Z');
		expect(await offerText()).toContain('będą dostępne od 1 stycznia 2027 roku');
		const pdf = layoutText(await offerPdf(ctx, 'wiskitki'));
		if (pdf === null) console.warn('pdftotext missing: the PDF text is not checked here');
		else {
			expect(pdf).toContain('Opis pakietów — Wiskitki');
			expect(pdf.replace(/\s+/g, ' ')).toContain('będą dostępne od 1 stycznia 2027 roku');
			expect(pdf).toContain('Pakiet nr 3 – zasięg regionalny');
		}
	});

	it('from 1 January 2027 (Warsaw): "są dostępne od 1 stycznia 2027 roku", with no change of text', async () => {
		clock.set('2026-12-31T23:00:00Z');
		const text = await offerText();
		expect(text).toContain('są dostępne od 1 stycznia 2027 roku');
		expect(text).not.toContain('będą dostępne');
	});
});

describe('the contract template names the package and its scope', () => {
	const fill = {
		legalName: 'Gmina Wiskitki',
		city: 'Wiskitki',
		nip: '838-157-40-08',
		regon: '013337502',
		groupName: 'Wiskitki – forum mieszkańców gminy',
		municipality: 'Wiskitki',
		units: [],
		startsOn: '01.01.2027',
		plan: 'monthly' as const,
		months: null,
		price: '5 500,00 zł',
		priceNote: null
	};
	const prices = { monthly: '3 850,00 zł', commitment: '3 500,00 zł' };
	const text = (pkg?: 'pakiet1' | 'pakiet2' | 'pakiet3') =>
		contractClauses(prices, pkg ? { ...fill, package: pkg } : null)
			.flatMap((c) => c.points)
			.join('\n');

	it('Pakiet 1 has no extended scope; 2 adds promotion and the digest; 3 adds the region', () => {
		expect(text('pakiet1')).toContain('„Pakiet nr 1 – publikowanie treści w grupie”');
		expect(text('pakiet1')).not.toContain('wyróżnianie');
		expect(text('pakiet2')).toContain('„Pakiet nr 2 – publikowanie i wzmocnienie treści”');
		expect(text('pakiet2')).toContain('Tydzień w gminie');
		expect(text('pakiet2')).not.toContain('sąsiednich gmin');
		expect(text('pakiet3')).toContain('„Pakiet nr 3 – publikowanie, wzmocnienie i zasięg regionalny treści”');
		expect(text('pakiet3')).toContain('sąsiednich gmin');
		// Every contract says how a change of package works.
		expect(text('pakiet1')).toContain('od pierwszego dnia następnego okresu rozliczeniowego');
		// The blank template describes all three.
		expect(text()).toContain('Pakiet nr 3');
		expect(text()).toContain('Tydzień w gminie');
	});
});
