import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { actorForApiToken } from '../auth/sessions';
import { createGroup } from '../groups/groups';
import { addCoordinator } from '../subscriptions/customers';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addUnit, unitById, updateUnitProfile } from './units';
import { changeStaffRole, removeStaff } from './staff';
import { createUnitToken, listUnitTokens, revokeUnitToken } from './tokens';
import { unitWorkspace } from './workspace';

// What the unit's admin does in the workspace (/jednostka/{id}): the profile, the staff's roles and
// access, the unit's tokens. Who may is walked in access/policy.test.ts; here, what each does.

let database: Database;
let ctx: Ctx;
let school: string, library: string;
let coordinator: Actor, unitAdmin: Actor, editor: Actor, librarian: Actor, operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	coordinator = await makeUser(ctx, 'koordynator@t.pl', { name: 'Agnieszka Lis' });
	await addCoordinator(ctx, operator, '1438053', coordinator.email);
	school = await addUnit(ctx, coordinator, '1438053', {
		name: 'Szkoła Podstawowa',
		type: 'primarySchool',
		description: 'Szkoła w Wiskitkach',
		contactEmail: 'sp@wiskitki.test'
	});
	library = await addUnit(ctx, coordinator, '1438053', { name: 'Biblioteka', type: 'library' });
	unitAdmin = await makeUser(ctx, 'dyrekcja@szkola.test', { name: 'Jan Dyrektor' });
	editor = await makeUser(ctx, 'redakcja@szkola.test', { name: 'Ewa Redakcja' });
	librarian = await makeUser(ctx, 'biblioteka@t.pl', { name: 'Olga Bibliotekarka' });
	await ctx.db
		.insertInto('unit_members')
		.values([
			{ unit_id: school, user_id: unitAdmin.id, role: 'unitAdmin' },
			{ unit_id: school, user_id: editor.id, role: 'editor' },
			{ unit_id: library, user_id: librarian.id, role: 'unitAdmin' }
		])
		.execute();
}, 180_000);
afterAll(async () => database?.close());

const profileOf = async (unitId: string) => {
	const u = await unitById(ctx.db, unitId);
	return {
		name: u.name,
		type: u.type,
		description: u.description,
		contactEmail: u.contact_email,
		contactPhone: u.contact_phone,
		website: u.website
	};
};
const roleOf = async (unitId: string, userId: string) =>
	(
		await ctx.db
			.selectFrom('unit_members')
			.select('role')
			.where('unit_id', '=', unitId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
	)?.role ?? null;

describe('the unit’s profile', () => {
	it('its admin changes the description and contacts; the name and kind stay the coordinator’s', async () => {
		await updateUnitProfile(ctx, unitAdmin, school, {
			name: 'Urząd Gminy Wiskitki',
			type: 'office',
			description: '  Szkoła z tradycjami, 300 uczniów.  ',
			contactEmail: 'Sekretariat@SP.Wiskitki.pl',
			contactPhone: '46 856 45 10',
			website: 'https://sp.wiskitki.pl'
		});
		expect(await profileOf(school)).toEqual({
			name: 'Szkoła Podstawowa',
			type: 'primarySchool',
			description: 'Szkoła z tradycjami, 300 uczniów.',
			contactEmail: 'sekretariat@sp.wiskitki.pl',
			contactPhone: '46 856 45 10',
			website: 'https://sp.wiskitki.pl'
		});
		// What the workspace shows its editor.
		expect((await unitWorkspace(ctx, editor, school)).unit).toMatchObject({
			description: 'Szkoła z tradycjami, 300 uczniów.',
			website: 'https://sp.wiskitki.pl'
		});
		// Empty fields clear the contacts.
		await updateUnitProfile(ctx, coordinator, school, { description: 'Szkoła z tradycjami, 300 uczniów.' });
		expect(await profileOf(school)).toMatchObject({ contactEmail: '', contactPhone: '', website: '' });
	});

	it('refuses bad input with a Polish message per field and changes nothing', async () => {
		const before = await profileOf(school);
		await expect(
			updateUnitProfile(ctx, unitAdmin, school, {
				description: 'x'.repeat(501),
				contactEmail: 'nie e-mail',
				contactPhone: 'zadzwoń',
				website: 'sp.wiskitki.pl'
			})
		).rejects.toMatchObject({
			code: 'validation',
			message: 'Opis może mieć najwyżej 500 znaków.',
			fields: {
				description: 'Opis może mieć najwyżej 500 znaków.',
				contactEmail: 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.',
				contactPhone: 'Podaj numer telefonu, np. 46 856 45 00.',
				website: 'Podaj adres strony zaczynający się od https://.'
			}
		});
		await expect(updateUnitProfile(ctx, unitAdmin, school, { website: 'javascript:alert(1)' })).rejects.toMatchObject({
			code: 'validation',
			fields: { website: expect.stringContaining('https://') }
		});
		expect(await profileOf(school)).toEqual(before);
	});

	it('is refused to an editor, another unit’s admin and a visitor, and to an unknown unit', async () => {
		const before = await profileOf(school);
		await expect(updateUnitProfile(ctx, editor, school, { description: 'Redakcja' })).rejects.toMatchObject({
			code: 'forbidden',
			message: 'Profil jednostki zmienia jej administrator albo koordynator gminy.'
		});
		await expect(updateUnitProfile(ctx, librarian, school, { description: 'Obca' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(updateUnitProfile(ctx, null, school, { description: 'Anonim' })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(updateUnitProfile(ctx, unitAdmin, '999999', {})).rejects.toMatchObject({ code: 'not_found' });
		expect(await profileOf(school)).toEqual(before);
	});
});

describe('the staff’s roles and access', () => {
	it('the unit’s admin makes an editor an admin, who then manages the unit, and back', async () => {
		expect((await unitWorkspace(ctx, editor, school)).unit.manages).toBe(false);
		expect(await changeStaffRole(ctx, unitAdmin, school, editor.id, { role: 'unitAdmin' })).toEqual({
			name: 'Ewa Redakcja',
			role: 'unitAdmin'
		});
		expect(await roleOf(school, editor.id)).toBe('unitAdmin');
		const asAdmin = await unitWorkspace(ctx, editor, school);
		expect(asAdmin.unit.manages).toBe(true);
		expect(asAdmin.unit.staff.map((s) => [s.name, s.role])).toContainEqual(['Ewa Redakcja', 'unitAdmin']);
		// The same role again changes nothing and is not an error.
		await changeStaffRole(ctx, unitAdmin, school, editor.id, { role: 'unitAdmin' });
		await changeStaffRole(ctx, coordinator, school, editor.id, { role: 'editor' });
		expect(await roleOf(school, editor.id)).toBe('editor');
		expect((await unitWorkspace(ctx, editor, school)).unit.manages).toBe(false);
	});

	it('refuses an unknown role, someone not on the staff and the unit’s service account, changing nothing', async () => {
		await expect(changeStaffRole(ctx, unitAdmin, school, editor.id, { role: 'owner' })).rejects.toMatchObject({
			code: 'validation',
			message: 'Wybierz rolę: redaktor albo administrator jednostki.'
		});
		await expect(changeStaffRole(ctx, unitAdmin, school, editor.id, {})).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(changeStaffRole(ctx, unitAdmin, school, librarian.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'not_found',
			message: 'Tej osoby nie ma w zespole jednostki.'
		});
		await expect(changeStaffRole(ctx, unitAdmin, school, 'abc', { role: 'editor' })).rejects.toMatchObject({
			code: 'validation'
		});
		await createUnitToken(ctx, unitAdmin, school, 'strona szkoły');
		const service = (await unitById(ctx.db, school)).service_user_id!;
		await expect(changeStaffRole(ctx, unitAdmin, school, service, { role: 'unitAdmin' })).rejects.toMatchObject({
			code: 'not_found'
		});
		await expect(removeStaff(ctx, coordinator, school, service)).rejects.toMatchObject({ code: 'not_found' });
		expect(await roleOf(school, service)).toBe('editor');
		expect(await roleOf(school, editor.id)).toBe('editor');
		expect(await roleOf(school, librarian.id)).toBeNull();
	});

	it('an editor and another unit’s admin may not change roles or take access away', async () => {
		await expect(changeStaffRole(ctx, editor, school, editor.id, { role: 'unitAdmin' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(changeStaffRole(ctx, librarian, school, editor.id, { role: 'unitAdmin' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(removeStaff(ctx, editor, school, unitAdmin.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect(await roleOf(school, editor.id)).toBe('editor');
		expect(await roleOf(school, unitAdmin.id)).toBe('unitAdmin');
	});

	it('a unit admin neither changes their own role nor removes themselves; the coordinator may', async () => {
		await expect(changeStaffRole(ctx, unitAdmin, school, unitAdmin.id, { role: 'editor' })).rejects.toMatchObject({
			code: 'conflict',
			message: 'Własnej roli nie zmienisz — poproś o to innego administratora jednostki albo koordynatora gminy.'
		});
		await expect(removeStaff(ctx, unitAdmin, school, unitAdmin.id)).rejects.toMatchObject({
			code: 'conflict',
			message: 'Własnego dostępu nie odbierzesz — poproś o to innego administratora jednostki albo koordynatora gminy.'
		});
		expect(await roleOf(school, unitAdmin.id)).toBe('unitAdmin');
		// The coordinator, on the school's staff too, changes their own role there.
		await ctx.db
			.insertInto('unit_members')
			.values({ unit_id: school, user_id: coordinator.id, role: 'unitAdmin' })
			.execute();
		await changeStaffRole(ctx, coordinator, school, coordinator.id, { role: 'editor' });
		expect(await removeStaff(ctx, coordinator, school, coordinator.id)).toBe('Agnieszka Lis');
		expect(await roleOf(school, coordinator.id)).toBeNull();
	});

	it('the unit’s admin takes access away from a colleague, who then no longer opens the workspace', async () => {
		const leaving = await makeUser(ctx, 'odchodzi@szkola.test', { name: 'Piotr Odchodzący' });
		await ctx.db.insertInto('unit_members').values({ unit_id: school, user_id: leaving.id, role: 'editor' }).execute();
		expect(await removeStaff(ctx, unitAdmin, school, leaving.id)).toBe('Piotr Odchodzący');
		await expect(unitWorkspace(ctx, leaving, school)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(removeStaff(ctx, unitAdmin, school, leaving.id)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('the unit’s tokens', () => {
	it('its admin makes a token that authenticates as the unit until revoked', async () => {
		const token = await createUnitToken(ctx, unitAdmin, school, '  BIP szkoły  ');
		const listed = await listUnitTokens(ctx, unitAdmin, school);
		const made = listed.find((t) => t.name === 'BIP szkoły')!;
		expect(made.last_used_at).toBeNull();
		const service = await actorForApiToken(ctx, `${token}`);
		expect(service?.id).toBe((await unitById(ctx.db, school)).service_user_id);
		expect((await listUnitTokens(ctx, unitAdmin, school)).find((t) => t.id === made.id)?.last_used_at).not.toBeNull();
		await revokeUnitToken(ctx, unitAdmin, school, made.id);
		expect(await actorForApiToken(ctx, token)).toBeNull();
		expect((await listUnitTokens(ctx, unitAdmin, school)).map((t) => t.id)).not.toContain(made.id);
		await expect(revokeUnitToken(ctx, unitAdmin, school, made.id)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('an empty name is “system jednostki”; a name over 100 characters is refused and makes no token', async () => {
		await createUnitToken(ctx, unitAdmin, school, '   ');
		expect((await listUnitTokens(ctx, unitAdmin, school))[0].name).toBe('system jednostki');
		const before = await listUnitTokens(ctx, unitAdmin, school);
		await expect(createUnitToken(ctx, unitAdmin, school, 'x'.repeat(101))).rejects.toMatchObject({
			code: 'validation',
			message: 'Nazwa tokenu może mieć najwyżej 100 znaków.',
			fields: { tokenName: 'Nazwa tokenu może mieć najwyżej 100 znaków.' }
		});
		expect(await listUnitTokens(ctx, unitAdmin, school)).toEqual(before);
	});

	it('an editor may neither make, see nor revoke the unit’s tokens', async () => {
		const [token] = await listUnitTokens(ctx, unitAdmin, school);
		await expect(createUnitToken(ctx, editor, school, 'moja')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(listUnitTokens(ctx, editor, school)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(revokeUnitToken(ctx, editor, school, token.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await listUnitTokens(ctx, unitAdmin, school)).map((t) => t.id)).toContain(token.id);
		expect((await unitWorkspace(ctx, editor, school)).tokens).toEqual([]);
	});
});
