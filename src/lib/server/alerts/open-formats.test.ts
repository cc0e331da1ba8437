import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { closeAlert, updateAlert } from '../feed/alert-posts';
import { createGroup, getGroup } from '../groups/groups';
import { addPlace } from '../places/places';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit } from '../units/units';
import { acceptInvitation, inviteStaff } from '../units/staff';
import { alertCap, groupAlertsAtom } from './open-formats';
import { sendAlert } from './send';

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const schema = path.join(referenceDir, 'cap', 'CAP-v1.2.xsd');
const canValidate = existsSync(schema) && !spawnSync('xmllint', ['--version']).error;
const work = mkdtempSync(path.join(tmpdir(), 'cap-'));

/** Throws with xmllint's complaint when the XML does not validate against the CAP 1.2 schema. */
function validate(xml: string, name: string) {
	if (!canValidate) return;
	const file = path.join(work, `${name}.cap.xml`);
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], { stdio: 'pipe' });
}

const tag = (xml: string, name: string) =>
	[...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

let database: Database;
let ctx: Ctx;
let clerk: Actor;
let group: Group;
let utilityId: string;
let guzow: string;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	const operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	utilityId = await addUnit(ctx, operator, '1438053', { name: 'Zakład Gospodarki Komunalnej', type: 'utility' });
	clerk = await makeUser(ctx, 'zgk@t.pl');
	const { token } = await inviteStaff(ctx, operator, utilityId, { email: clerk.email, role: 'editor' });
	await acceptInvitation(ctx, clerk, token);
	guzow = (await addPlace(ctx, operator, group, { kind: 'solectwo', name: 'Guzów' })).id;
});
afterAll(async () => {
	rmSync(work, { recursive: true, force: true });
	await database?.close();
});

describe('alerts in open formats', () => {
	let postId: string;

	it('an alert is a valid CAP 1.2 Alert naming its places with the gmina TERYT code', async () => {
		({ postId } = await sendAlert(ctx, clerk, group, {
			unitId: utilityId,
			kind: 'utilities',
			title: 'Awaria wodociągu w Guzowie',
			body: 'Woda niezdatna do picia. Beczkowóz przy remizie & szkole.',
			until: new Date(ctx.clock.now().getTime() + 6 * 3_600_000),
			channels: ['push'],
			places: [guzow]
		}));
		const xml = await alertCap(ctx, null, postId);
		validate(xml, 'alert');
		expect(tag(xml, 'identifier')).toEqual([`tablica-wiskitki-${postId}`]);
		expect(tag(xml, 'msgType')).toEqual(['Alert']);
		expect(tag(xml, 'language')).toEqual(['pl-PL']);
		expect(tag(xml, 'category')).toEqual(['Infra']);
		expect(tag(xml, 'headline')).toEqual(['Awaria wodociągu w Guzowie']);
		expect(tag(xml, 'description')).toEqual(['Woda niezdatna do picia. Beczkowóz przy remizie &amp; szkole.']);
		expect(tag(xml, 'senderName')).toEqual(['Zakład Gospodarki Komunalnej']);
		expect(tag(xml, 'areaDesc')).toEqual(['sołectwo Guzów, gmina Wiskitki']);
		expect(tag(xml, 'value')).toEqual(['1438053']);
	});

	it('its update and its all-clear are CAP Update and Cancel referring to it; Atom lists it while active', async () => {
		let atom = await groupAlertsAtom(ctx, null, 'wiskitki');
		expect(atom).toContain(
			`<link rel="alternate" type="application/cap+xml" href="http://tablica.test/alerty/${postId}.cap.xml"/>`
		);
		await updateAlert(ctx, clerk, postId, 'Beczkowóz do 18:00.');
		const updateId = (await ctx.db.selectFrom('alert_updates').select('id').executeTakeFirstOrThrow()).id;
		atom = await groupAlertsAtom(ctx, null, 'wiskitki');
		expect(atom).toContain(`/alerty/${postId}-aktualizacja-${updateId}.cap.xml`);
		expect(tag(atom, 'summary')).toEqual(['Aktualizacja: Beczkowóz do 18:00.']);

		const update = await alertCap(ctx, null, `${postId}-aktualizacja-${updateId}`);
		validate(update, 'update');
		expect(tag(update, 'msgType')).toEqual(['Update']);
		expect(tag(update, 'references')[0]).toMatch(
			new RegExp(`^tablica@tablica\\.test,tablica-wiskitki-${postId},2026-`)
		);
		expect(tag(update, 'description')).toEqual(['Beczkowóz do 18:00.']);

		await expect(alertCap(ctx, null, `${postId}-odwolanie`)).rejects.toMatchObject({ code: 'not_found' });
		await closeAlert(ctx, clerk, postId, 'Woda znów zdatna do picia.');
		const cancel = await alertCap(ctx, null, `${postId}-odwolanie`);
		validate(cancel, 'cancel');
		expect(tag(cancel, 'msgType')).toEqual(['Cancel']);
		expect(tag(cancel, 'description')).toEqual(['Woda znów zdatna do picia.']);
		atom = await groupAlertsAtom(ctx, null, 'wiskitki');
		expect(atom).not.toContain('<entry>');
		expect(atom).toContain('<title>Komunikaty pilne: Wiskitki</title>');
	});

	it('unknown references and ordinary posts are not found', async () => {
		for (const ref of ['abc', '1;drop', `${postId}-aktualizacja-999999`, '999999', `${postId}-cos`])
			await expect(alertCap(ctx, null, ref)).rejects.toMatchObject({ code: 'not_found' });
		await expect(groupAlertsAtom(ctx, null, 'nie-ma-takiej')).rejects.toMatchObject({ code: 'not_found' });
	});
});
