import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../core/context';
import type { Database } from '../db/database';
import type { Group } from '../db/schema';
import { groupPage } from '../feed/group-page';
import { createGroup, decideMembership, getGroup, leaveGroup, requestMembership } from '../groups/groups';
import { addPlace, memberPlaceIds } from '../places/places';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { defaultAlertChoice, getAlertPreferences, setAlertPreferences } from './alerts';
import { answerAlertPrompt, joinGroup } from './opt-in';
import { sendPhoneCode, verifyPhoneCode } from './phone-verification';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor;
let group: Group, other: Group;
let guzow: string, guzowVillage: string, hipolitow: string, staryHipolitow: string, elsewhere: string;

const page = (actor: Actor | null) =>
	groupPage(ctx, actor, 'wiskitki', { category: null, cursor: null, unit: null, q: null });

async function member(g: Group, email: string) {
	const a = await makeUser(ctx, email);
	await requestMembership(ctx, a, g, 'Mieszkam w gminie');
	await decideMembership(ctx, operator, g, a.id, true);
	return a;
}

const membership = (userId: string, groupId = group.id) =>
	ctx.db
		.selectFrom('memberships')
		.select(['status', 'answer', 'alerts_asked_at'])
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.executeTakeFirst();

const subscription = (userId: string, groupId = group.id) =>
	ctx.db
		.selectFrom('alert_subscriptions')
		.select(['kinds', 'by_email', 'by_push', 'by_sms', 'phone', 'consent_source', 'updated_at'])
		.where('group_id', '=', groupId)
		.where('user_id', '=', userId)
		.executeTakeFirst();

const joining = (more: Record<string, unknown> = {}) => ({
	answer: 'Mieszkam w Guzowie',
	places: [guzowVillage],
	alerts: defaultAlertChoice,
	...more
});

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	await createGroup(ctx, operator, {
		slug: 'milanowek',
		municipalityCode: '1405011',
		name: 'Milanówek',
		membershipQuestion: 'Czy mieszkasz w Milanówku?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	other = await getGroup(ctx.db, 'milanowek');
	await activatePackage(ctx, operator, group);
	guzow = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Guzów' })).id;
	guzowVillage = (await addPlace(ctx, operator, group, { kind: 'locality', name: 'Guzów', areaId: guzow })).id;
	hipolitow = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Hipolitów' })).id;
	await addPlace(ctx, operator, group, { kind: 'locality', name: 'Hipolitów', areaId: hipolitow });
	staryHipolitow = (
		await addPlace(ctx, operator, group, { kind: 'locality', name: 'Stary Hipolitów', areaId: hipolitow })
	).id;
	elsewhere = (await addPlace(ctx, operator, other, { kind: 'locality', name: 'Turczynek' })).id;
});
afterAll(() => database?.close());

describe('joining with places and alerts', () => {
	it('offers the places grouped by sołectwo and the suggested alerts', async () => {
		const ewa = await makeUser(ctx, 'ewa.podglad@t.pl');
		const view = await page(ewa);
		expect(view.access.canJoin).toBe(true);
		expect(view.placePicker).toEqual([
			{ label: null, places: [{ id: guzowVillage, name: 'Guzów' }] },
			{
				label: 'sołectwo Hipolitów',
				places: [expect.objectContaining({ name: 'Hipolitów' }), { id: staryHipolitow, name: 'Stary Hipolitów' }]
			}
		]);
		expect(view.alertChoice?.defaults).toEqual({
			kinds: ['safety', 'weather', 'utilities'],
			byPush: true,
			byEmail: false
		});
		expect(view.alertChoice?.kinds.map((k) => k.id)).toEqual([
			'safety',
			'weather',
			'utilities',
			'roads',
			'health',
			'other'
		]);
		expect(view.alertPrompt).toBe(false);
	});

	it('writes the request, the places and the alert choice dated now (the consent) in one go', async () => {
		clock.set('2026-11-26T10:00:00Z');
		const ewa = await makeUser(ctx, 'ewa@t.pl');
		await expect(
			joinGroup(ctx, ewa, group, joining({ places: [guzowVillage, staryHipolitow, guzowVillage] }))
		).resolves.toEqual({ status: 'pending', alertsKept: false });
		expect(await membership(ewa.id)).toEqual({
			status: 'pending',
			answer: 'Mieszkam w Guzowie',
			alerts_asked_at: new Date('2026-11-26T10:00:00Z')
		});
		expect((await memberPlaceIds(ctx.db, group.id, ewa.id)).sort()).toEqual([guzowVillage, staryHipolitow].sort());
		expect(await subscription(ewa.id)).toEqual({
			kinds: ['safety', 'weather', 'utilities'],
			by_email: false,
			by_push: true,
			by_sms: false,
			phone: null,
			consent_source: 'join',
			updated_at: new Date('2026-11-26T10:00:00Z')
		});

		clock.advance(3_600_000);
		await decideMembership(ctx, operator, group, ewa.id, true);
		expect(await getAlertPreferences(ctx, ewa, group)).toMatchObject({
			kinds: ['safety', 'weather', 'utilities'],
			byPush: true,
			byEmail: false,
			bySms: false,
			consent: { source: 'join', at: '2026-11-26T10:00:00.000Z' }
		});
		// Asked when joining: the group page does not ask again.
		expect((await page(ewa)).alertPrompt).toBe(false);
	});

	it('takes an explicit e-mail, no place ("inna / nie podaję") and no alerts at all', async () => {
		const olek = await makeUser(ctx, 'olek@t.pl');
		await joinGroup(ctx, olek, group, joining({ places: [], alerts: { ...defaultAlertChoice, byEmail: true } }));
		expect(await subscription(olek.id)).toMatchObject({ by_email: true, by_push: true, consent_source: 'join' });
		expect(await memberPlaceIds(ctx.db, group.id, olek.id)).toEqual([]);

		const zofia = await makeUser(ctx, 'zofia@t.pl');
		await joinGroup(ctx, zofia, group, joining({ alerts: { kinds: [], byPush: false, byEmail: false } }));
		expect(await subscription(zofia.id)).toMatchObject({ kinds: [], by_push: false, by_email: false });
		expect((await membership(zofia.id))?.alerts_asked_at).not.toBeNull();
	});

	it('bad input writes nothing, with a clear Polish message', async () => {
		const piotr = await makeUser(ctx, 'piotr@t.pl');
		const cases: [Record<string, unknown>, Record<string, unknown>][] = [
			[{ places: ['999999'] }, { message: 'Wybierz miejscowości z listy.', fields: { places: expect.any(String) } }],
			[{ places: [elsewhere] }, { fields: { places: 'Nie ma takiej miejscowości w tej gminie.' } }],
			[{ places: ['Guzów'] }, { fields: { places: 'Nie ma takiej miejscowości.' } }],
			[
				{ alerts: { kinds: ['safety', 'earthquakes'], byPush: true } },
				{ message: 'Nie ma takiego rodzaju komunikatu.' }
			],
			[{ alerts: undefined }, { message: 'Wybierz, które komunikaty pilne chcesz dostawać.' }],
			[{ answer: '' }, { fields: { answer: 'Odpowiedz na pytanie (co najmniej 2 znaki).' } }],
			[{ places: Array.from({ length: 11 }, () => guzowVillage) }, { message: 'Wybierz najwyżej 10 miejscowości.' }]
		];
		for (const [more, error] of cases)
			await expect(joinGroup(ctx, piotr, group, joining(more)), JSON.stringify(more)).rejects.toMatchObject({
				code: 'validation',
				...error
			});
		expect(await membership(piotr.id)).toBeUndefined();
		expect(await memberPlaceIds(ctx.db, group.id, piotr.id)).toEqual([]);
		expect(await subscription(piotr.id)).toBeUndefined();
	});

	it('a write failing half-way leaves no request and no places behind (one transaction)', async () => {
		const kasia = await makeUser(ctx, 'kasia@t.pl');
		// The last write (the alert choice) fails in the database.
		await sql`CREATE FUNCTION refuse_subscription() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'refused for the test'; END $$`.execute(ctx.db);
		await sql`CREATE TRIGGER refuse_subscription BEFORE INSERT ON alert_subscriptions
			FOR EACH ROW EXECUTE FUNCTION refuse_subscription()`.execute(ctx.db);
		try {
			await expect(joinGroup(ctx, kasia, group, joining())).rejects.toThrow(/refused for the test/);
		} finally {
			await sql`DROP TRIGGER refuse_subscription ON alert_subscriptions`.execute(ctx.db);
			await sql`DROP FUNCTION refuse_subscription()`.execute(ctx.db);
		}
		expect(await membership(kasia.id)).toBeUndefined();
		expect(await memberPlaceIds(ctx.db, group.id, kasia.id)).toEqual([]);
		await joinGroup(ctx, kasia, group, joining());
		expect(await membership(kasia.id)).toMatchObject({ status: 'pending' });
	});

	it('re-joining keeps the alert choice made before and does not overwrite it', async () => {
		const jan = await makeUser(ctx, 'jan@t.pl');
		await joinGroup(ctx, jan, group, joining());
		await decideMembership(ctx, operator, group, jan.id, true);
		clock.advance(60_000);
		await setAlertPreferences(ctx, jan, group, { kinds: ['roads'], byEmail: true });
		const chosen = await subscription(jan.id);
		await leaveGroup(ctx, jan, group);
		clock.advance(60_000);
		await expect(joinGroup(ctx, jan, group, joining({ places: [staryHipolitow] }))).resolves.toEqual({
			status: 'pending',
			alertsKept: true
		});
		expect(await subscription(jan.id)).toEqual(chosen);
		expect(chosen).toMatchObject({ kinds: ['roads'], consent_source: 'settings' });
		expect(await memberPlaceIds(ctx.db, group.id, jan.id)).toEqual([staryHipolitow]);
	});
});

describe('the one-time question to existing members', () => {
	it('is shown once to a member who joined before it; "Nie teraz" ends it without a choice', async () => {
		const marek = await member(group, 'marek@t.pl');
		expect(await membership(marek.id)).toMatchObject({ alerts_asked_at: null });
		const view = await page(marek);
		expect(view.alertPrompt).toBe(true);
		expect(view.alertChoice?.defaults).toEqual(defaultAlertChoice);
		// Seen again until answered.
		expect((await page(marek)).alertPrompt).toBe(true);

		clock.set('2026-11-27T08:00:00Z');
		await expect(answerAlertPrompt(ctx, marek, group, { answer: 'later' })).resolves.toBe('later');
		expect(await membership(marek.id)).toMatchObject({ alerts_asked_at: new Date('2026-11-27T08:00:00Z') });
		expect(await subscription(marek.id)).toBeUndefined();
		expect((await page(marek)).alertPrompt).toBe(false);
		// A second "Nie teraz" (another tab) changes nothing.
		clock.advance(60_000);
		await answerAlertPrompt(ctx, marek, group, { answer: 'later' });
		expect(await membership(marek.id)).toMatchObject({ alerts_asked_at: new Date('2026-11-27T08:00:00Z') });
	});

	it('saved, records the choice from the question with its date, and is not shown again', async () => {
		const anna = await member(group, 'anna@t.pl');
		clock.set('2026-11-28T09:30:00Z');
		await expect(answerAlertPrompt(ctx, anna, group, { answer: 'save', alerts: defaultAlertChoice })).resolves.toBe(
			'saved'
		);
		expect(await subscription(anna.id)).toEqual({
			kinds: ['safety', 'weather', 'utilities'],
			by_email: false,
			by_push: true,
			by_sms: false,
			phone: null,
			consent_source: 'prompt',
			updated_at: new Date('2026-11-28T09:30:00Z')
		});
		expect(await membership(anna.id)).toMatchObject({ alerts_asked_at: new Date('2026-11-28T09:30:00Z') });
		expect((await page(anna)).alertPrompt).toBe(false);
		// Answering again (an old tab) does not overwrite the choice.
		await expect(
			answerAlertPrompt(ctx, anna, group, { answer: 'save', alerts: { kinds: ['roads'] } })
		).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('ustawieniach') });
		expect(await subscription(anna.id)).toMatchObject({ kinds: ['safety', 'weather', 'utilities'] });
		await expect(
			answerAlertPrompt(ctx, anna, group, { answer: 'save', alerts: { kinds: ['earthquakes'] } })
		).rejects.toMatchObject({ code: 'validation', message: 'Nie ma takiego rodzaju komunikatu.' });
		await expect(answerAlertPrompt(ctx, anna, group, { answer: 'maybe' })).rejects.toMatchObject({
			code: 'validation'
		});
	});

	it('is not shown to members who chose in the settings; saving there marks them asked, from the settings', async () => {
		const tomek = await member(group, 'tomek@t.pl');
		clock.set('2026-11-29T12:00:00Z');
		await setAlertPreferences(ctx, tomek, group, { kinds: ['weather'], byPush: true });
		expect(await membership(tomek.id)).toMatchObject({ alerts_asked_at: new Date('2026-11-29T12:00:00Z') });
		expect(await subscription(tomek.id)).toMatchObject({ consent_source: 'settings' });
		expect((await page(tomek)).alertPrompt).toBe(false);

		// Chosen before the question existed (no date of asking): still not asked.
		const stary = await member(group, 'stary@t.pl');
		await ctx.db
			.insertInto('alert_subscriptions')
			.values({ group_id: group.id, user_id: stary.id, kinds: ['safety'], updated_at: clock.now() })
			.execute();
		expect((await page(stary)).alertPrompt).toBe(false);
	});

	it('is not shown to visitors, people not in the group or waiting for approval', async () => {
		expect((await page(null)).alertPrompt).toBe(false);
		const outsider = await makeUser(ctx, 'obcy.pytanie@t.pl');
		expect((await page(outsider)).alertPrompt).toBe(false);
		const waiting = await makeUser(ctx, 'czeka@t.pl');
		await requestMembership(ctx, waiting, group, 'Mieszkam tu');
		expect((await page(waiting)).alertPrompt).toBe(false);
		expect((await page(waiting)).alertChoice).toBeNull();
	});
});

describe('who may do what (joining, the question, confirming a phone)', () => {
	type Who = 'anonymous' | 'non-member' | 'member' | "other group's member";
	const who: Who[] = ['anonymous', 'non-member', 'member', "other group's member"];
	let n = 0;

	async function actorFor(w: Who): Promise<Actor | null> {
		n++;
		if (w === 'anonymous') return null;
		if (w === 'non-member') return makeUser(ctx, `nikt${n}@t.pl`);
		return member(w === 'member' ? group : other, `czlonek${n}@t.pl`);
	}

	const smsOn = () => ctx.db.updateTable('customers').set({ sms_enabled: true }).execute();

	const actions: Record<string, (a: Actor | null) => Promise<unknown>> = {
		joinGroup: (a) => joinGroup(ctx, a, group, joining()),
		'answerAlertPrompt (later)': (a) => answerAlertPrompt(ctx, a, group, { answer: 'later' }),
		'answerAlertPrompt (save)': (a) => answerAlertPrompt(ctx, a, group, { answer: 'save', alerts: defaultAlertChoice }),
		sendPhoneCode: (a) => sendPhoneCode(ctx, a, group, { phone: '600 200 300' }),
		verifyPhoneCode: async (a) => {
			if (a) await sendPhoneCode(ctx, a, group, { phone: '600 200 301' }).catch(() => undefined);
			const sms = await ctx.db
				.selectFrom('outbox')
				.select('body_text')
				.where('recipient', '=', '+48600200301')
				.orderBy('id', 'desc')
				.executeTakeFirst();
			return verifyPhoneCode(ctx, a, group, { code: /\d{6}/.exec(sms?.body_text ?? '')?.[0] ?? '123456' });
		}
	};

	// Each cell: allowed ('ok') or the exact AppError code.
	const expected: Record<string, Record<Who, string>> = {
		joinGroup: {
			anonymous: 'unauthenticated',
			'non-member': 'ok',
			member: 'forbidden',
			"other group's member": 'ok'
		},
		'answerAlertPrompt (later)': {
			anonymous: 'unauthenticated',
			'non-member': 'forbidden',
			member: 'ok',
			"other group's member": 'forbidden'
		},
		'answerAlertPrompt (save)': {
			anonymous: 'unauthenticated',
			'non-member': 'forbidden',
			member: 'ok',
			"other group's member": 'forbidden'
		},
		sendPhoneCode: {
			anonymous: 'unauthenticated',
			'non-member': 'forbidden',
			member: 'ok',
			"other group's member": 'forbidden'
		},
		verifyPhoneCode: {
			anonymous: 'unauthenticated',
			'non-member': 'forbidden',
			member: 'ok',
			"other group's member": 'forbidden'
		}
	};

	for (const [name, run] of Object.entries(actions))
		for (const w of who)
			it(`${name} × ${w}: ${expected[name][w]}`, async () => {
				await smsOn();
				const actor = await actorFor(w);
				const outcome = await run(actor).then(
					() => 'ok',
					(e: { code?: string }) => e.code ?? String(e)
				);
				expect(outcome).toBe(expected[name][w]);
			});
});
