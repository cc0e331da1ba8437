import { ksefNumber } from '../billing/ksef/number';
import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import type { Db } from '../db/database';
import { hashPassword } from '../auth/crypto';
import { foldText } from '../text/fold';
import { seededRandom } from '../core/random';
import { formatNumber } from '../../format';
import { toActor } from '../auth/accounts';
import { alertKinds } from '../alerts/alerts';
import { demoMeteoWarnings } from '../alerts/imgw-fixtures';
import { importImgwWarnings } from '../alerts/imgw-import';
import { parseMeteoWarnings } from '../alerts/imgw';
import { sendAlert } from '../alerts/send';
import { closeAlert } from '../feed/alert-posts';
import { getGroup } from '../groups/groups';
import { fixedClock } from '../core/clock';
import { wiskitkiPlaces } from './wiskitki-places';
import type { UnitType } from '../groups/unit-types';
import { addDays, addMonths, warsawDay } from '../../dates';
import { ALERTING_TYPES } from '../units/units';
import { rebuildStats } from '../stats/daily';
import { issuePeriodInvoice, nextNumber } from '../billing/invoices';
import { setDemoSeller } from '../billing/seller';
import { EXTENDED_PACKAGES_FROM, priceFor } from '../subscriptions/prices';
import { nextPeriodStart } from '../subscriptions/package-changes';
import { addComment } from '../feed/comments';
import { fileAppeal } from '../moderation/decisions';
import { decideReports, fileReport } from '../moderation/reports';
import {
	demoWordList,
	femaleNames,
	maleNames,
	pendingResidentPosts,
	surnames,
	villages,
	wiskitkiUnits,
	type Topic
} from './content';
import { commentFor, fillText, planPosts, questionFor, replyFor } from './post-plan';
import { inLocality } from '../text/place-names';
import { promotePost } from '../promotions/promotions';

import { seedDemoPoll, seedQuestions } from './seed-questions';
import { seedDemoConversations } from './seed-conversations';
import { seedEventResponses } from './seed-events';

export const DEMO_PASSWORD = 'tablica-demo';

export const demoAccounts = [
	{ email: 'operator@tablica.test', name: 'Operator PL-MEDIA', what: 'operator (administracja serwisu, dyżurny)' },
	{ email: 'administrator@tablica.test', name: 'Piotr Zastępca', what: 'drugi administrator (zastępca na dyżurze)' },
	{ email: 'moderator@tablica.test', name: 'Katarzyna Wiśniewska', what: 'moderatorka grup' },
	{ email: 'koordynator@wiskitki.test', name: 'Agnieszka Lis', what: 'koordynatorka gminy Wiskitki (urząd)' },
	{
		email: 'redakcja@sp-wiskitki.test',
		name: 'Tomasz Wójcik',
		what: 'redakcja Szkoły Podstawowej w Wiskitkach, administrator jednostki (profil, zespół, tokeny)'
	},
	{
		email: 'sekretariat@sp-wiskitki.test',
		name: 'Joanna Kaczmarek',
		what: 'sekretariat Szkoły Podstawowej w Wiskitkach, redaktor (publikuje jako szkoła)'
	},
	{
		email: 'biblioteka@wiskitki.test',
		name: 'Ewa Nowakowska',
		what: 'Gminna Biblioteka Publiczna w Wiskitkach, redaktorka: odpowiada na pytania mieszkańców do biblioteki'
	},
	{ email: 'mieszkaniec@tablica.test', name: 'Marek Zając', what: 'mieszkaniec, członek grupy Wiskitki' },
	{
		email: 'mieszkanka@tablica.test',
		name: 'Anna Kwiatkowska',
		what: 'mieszkanka, członkini grupy Wiskitki: wiadomości prywatne z Markiem (/wiadomosci)'
	}
] as const;

const DAY = 24 * 3600_000;
const welcome =
	'Witamy w grupie! Zanim napiszesz pierwszy post, przeczytaj regulamin: piszemy o sprawach gminy, szanujemy się nawzajem, bez polityki krajowej i reklam. Posty członków ukazują się po akceptacji moderatora.';

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface GroupSpec {
	slug: string;
	teryt: string;
	municipality: string;
	members: number;
	posts: number;
	/** Residents, for the "Potencjał" page (demo values the operator would enter from GUS data). */
	population: number;
}

const groups: GroupSpec[] = [
	{ slug: 'wiskitki', teryt: '1438053', municipality: 'Wiskitki', members: 3000, posts: 400, population: 9_850 },
	{
		slug: 'puszcza-marianska',
		teryt: '1438032',
		municipality: 'Puszcza Mariańska',
		members: 900,
		posts: 60,
		population: 8_420
	},
	{ slug: 'radziejowice', teryt: '1438042', municipality: 'Radziejowice', members: 700, posts: 45, population: 6_130 }
];

/**
 * Seeds the demo once (when there is no group "wiskitki"): three groups, Wiskitki's units and
 * demo accounts, thousands of residents, a year of posts with comments, reactions and views.
 * Deterministic for a given clock. Returns false when the demo is already there.
 */
export async function seedDemo(ctx: Ctx, progress: (message: string) => void = () => {}): Promise<boolean> {
	const exists = await ctx.db.selectFrom('groups').select('id').where('slug', '=', 'wiskitki').executeTakeFirst();
	if (exists) return false;
	for (const g of groups) {
		const m = await ctx.db
			.selectFrom('municipalities')
			.select('teryt_code')
			.where('teryt_code', '=', g.teryt)
			.executeTakeFirst();
		if (!m) throw new Error(`Demo needs municipality ${g.teryt} (${g.municipality}) in the database.`);
	}
	const started = Date.now();
	const step = (what: string) => progress(`Demo: ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
	step('zakładanie kont i grup…');
	const demoHash = await hashPassword(DEMO_PASSWORD);
	const now = ctx.clock.now();
	const r = seededRandom(20261126);
	await ctx.db.transaction().execute(async (tx) => {
		const accountIds: Record<string, string> = {};
		for (const a of demoAccounts) {
			const u = await tx
				.insertInto('users')
				.values({
					email: a.email,
					display_name: a.name,
					password_hash: demoHash,
					email_verified_at: new Date(now.getTime() - 400 * DAY),
					is_operator: a.email.startsWith('operator@') || a.email.startsWith('administrator@'),
					created_at: new Date(now.getTime() - 400 * DAY),
					deleted_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			accountIds[a.email] = u.id;
		}

		// Residents: display names only; they cannot sign in (no password).
		const residents: {
			email: string;
			display_name: string;
			password_hash: string;
			email_verified_at: Date;
			created_at: Date;
			deleted_at: null;
		}[] = [];
		const totalResidents = groups.reduce((s, g) => s + g.members, 0);
		for (let i = 0; i < totalResidents; i++) {
			const female = r.next() < 0.55;
			const [m, f] = r.pick(surnames);
			const created = new Date(now.getTime() - r.int(1, 1500) * DAY);
			residents.push({
				email: `mieszkaniec${i + 1}@demo.tablica.test`,
				display_name: `${female ? r.pick(femaleNames) : r.pick(maleNames)} ${female ? f : m}`,
				password_hash: '',
				email_verified_at: created,
				created_at: created,
				deleted_at: null
			});
		}
		const residentIds: string[] = [];
		await insertChunked(residents, 1000, async (chunk) => {
			const rows = await tx.insertInto('users').values(chunk).returning('id').execute();
			residentIds.push(...rows.map((x) => x.id));
		});

		step(`mieszkańcy ${formatNumber(residentIds.length)}/${formatNumber(totalResidents)}`);
		let offset = 0;
		for (const [groupIndex, spec] of groups.entries()) {
			step(
				`grupy ${groupIndex + 1}/${groups.length} (${spec.municipality}): członkowie, jednostki, posty i komentarze…`
			);
			const group = await tx
				.insertInto('groups')
				.values({
					slug: spec.slug,
					municipality_code: spec.teryt,
					name: `${spec.municipality} – forum mieszkańców gminy`,
					description: `Lokalna grupa mieszkańców gminy ${spec.municipality}: komunikaty urzędu i jednostek gminnych, wydarzenia, pytania i ogłoszenia sąsiedzkie.`,
					rules:
						'Piszemy o sprawach gminy i okolicy.\n\nSzanujemy się nawzajem: bez wulgaryzmów, hejtu i obrażania innych.\n\nNie publikujemy treści o polityce krajowej ani reklam bez zgody administratorów.\n\nPosty członków ukazują się po akceptacji moderatora; komentarze od razu.',
					is_public: true,
					membership_question: `Czy mieszkasz w gminie ${spec.municipality} lub masz z nią związek? Napisz, z jakiej miejscowości jesteś.`,
					member_posts_need_approval: true,
					created_at: new Date(now.getTime() - 500 * DAY)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const members = residentIds.slice(offset, offset + spec.members);
			offset += spec.members;
			const memberRows = members.map((id) => ({
				group_id: group.id,
				user_id: id,
				status: 'approved' as const,
				answer: `Tak, mieszkam ${inLocality(r.pick(villages))}.`,
				requested_at: new Date(now.getTime() - r.int(1, 400) * DAY),
				decided_at: null,
				decided_by: null
			}));
			if (spec.slug === 'wiskitki') {
				for (const [email, days] of [
					['mieszkaniec@tablica.test', 200],
					['mieszkanka@tablica.test', 90]
				] as const)
					memberRows.push({
						group_id: group.id,
						user_id: accountIds[email],
						status: 'approved',
						answer: 'Tak, mieszkam w Wiskitkach.',
						requested_at: new Date(now.getTime() - days * DAY),
						decided_at: null,
						decided_by: null
					});
			}
			await insertChunked(memberRows, 1000, (chunk) =>
				tx
					.insertInto('memberships')
					.values(chunk)
					.onConflict((oc) => oc.doNothing())
					.execute()
			);
			await tx
				.insertInto('memberships')
				.values({
					group_id: group.id,
					user_id: accountIds['moderator@tablica.test'],
					status: 'approved',
					role: 'moderator',
					answer: 'Moderatorka PL-MEDIA',
					requested_at: new Date(now.getTime() - 500 * DAY),
					decided_at: null,
					decided_by: null
				})
				.execute();
			await tx
				.updateTable('groups')
				.set({
					member_count: sql`(select count(*) from memberships where group_id = ${group.id} and status = 'approved')`
				})
				.where('id', '=', group.id)
				.execute();
			await sql`insert into membership_events (group_id, user_id, delta, at) select group_id, user_id, 1, coalesce(decided_at, requested_at) from memberships where group_id = ${group.id} and status = 'approved'`.execute(
				tx
			);

			const unitIds: { id: string; unit: (typeof wiskitkiUnits)[number] }[] = [];
			const staffByUnit = new Map<string, string>();
			if (spec.slug === 'wiskitki') {
				for (const u of wiskitkiUnits) {
					// The sports club has its publishing turned off: its posts wait for a moderator.
					const unit = await tx
						.insertInto('units')
						.values({
							municipality_code: spec.teryt,
							slug: u.slug,
							name: u.name,
							type: u.type,
							description: u.description,
							contact_email: `${u.slug}@wiskitki.test`,
							can_publish: u.slug !== 'lks',
							may_alert: ALERTING_TYPES.includes(u.type as UnitType),
							created_at: new Date(now.getTime() - 300 * DAY)
						})
						.returning('id')
						.executeTakeFirstOrThrow();
					unitIds.push({ id: unit.id, unit: u });
				}
				const office = unitIds.find((u) => u.unit.slug === 'urzad')!;
				const school = unitIds.find((u) => u.unit.slug === 'sp-wiskitki')!;
				const library = unitIds.find((u) => u.unit.slug === 'biblioteka')!;
				await tx
					.insertInto('unit_members')
					.values([
						{ unit_id: office.id, user_id: accountIds['koordynator@wiskitki.test'], role: 'unitAdmin' },
						// The school's own staff: its admin manages the unit (profile, staff, tokens), its editor publishes.
						{ unit_id: school.id, user_id: accountIds['redakcja@sp-wiskitki.test'], role: 'unitAdmin' },
						{ unit_id: school.id, user_id: accountIds['sekretariat@sp-wiskitki.test'], role: 'editor' },
						{ unit_id: library.id, user_id: accountIds['biblioteka@wiskitki.test'], role: 'editor' }
					])
					.execute();
				// The other units are run by residents (the OSP's chief, the librarian, …).
				staffByUnit.set('urzad', accountIds['koordynator@wiskitki.test']);
				staffByUnit.set('sp-wiskitki', accountIds['redakcja@sp-wiskitki.test']);
				staffByUnit.set('biblioteka', accountIds['biblioteka@wiskitki.test']);
				for (const [i, u] of unitIds.filter((x) => !staffByUnit.has(x.unit.slug)).entries()) {
					staffByUnit.set(u.unit.slug, members[i]);
					await tx.insertInto('unit_members').values({ unit_id: u.id, user_id: members[i], role: 'editor' }).execute();
				}
				await tx
					.insertInto('coordinators')
					.values({ municipality_code: spec.teryt, user_id: accountIds['koordynator@wiskitki.test'] })
					.execute();
				// Wiskitki ordered Pakiet 1 with a 12-month commitment and the operator signed the contract ten
				// days before the package started on the first of a month five months ago; the neighbours have no package.
				const startsOn = addMonths(`${warsawDay(now).slice(0, 8)}01`, -5);
				const orderedAt = new Date(`${addDays(startsOn, -20)}T09:30:00Z`);
				const signedAt = new Date(`${addDays(startsOn, -10)}T12:00:00Z`);
				const customerData = {
					legalName: 'Gmina Wiskitki',
					nip: '8381574008',
					regon: '013337502',
					street: 'ul. Kościuszki 1',
					postalCode: '96-315',
					city: 'Wiskitki',
					contactName: 'Agnieszka Lis',
					contactEmail: 'koordynator@wiskitki.test'
				};
				const customer = await tx
					.insertInto('customers')
					.values({
						municipality_code: spec.teryt,
						legal_name: customerData.legalName,
						nip: customerData.nip,
						regon: customerData.regon,
						street: customerData.street,
						postal_code: customerData.postalCode,
						city: customerData.city,
						contact_name: customerData.contactName,
						contact_email: customerData.contactEmail,
						contact_phone: '46 856 45 00',
						created_at: orderedAt,
						updated_at: orderedAt
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				const subscription = await tx
					.insertInto('subscriptions')
					.values({
						customer_id: customer.id,
						group_id: group.id,
						plan: 'commitment',
						commitment_months: 12,
						starts_on: startsOn,
						commitment_ends_on: addDays(addMonths(startsOn, 12), -1),
						status: 'active',
						created_by: accountIds['operator@tablica.test'],
						created_at: signedAt
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				await seedExtendedPrices(tx, signedAt);
				// Pakiet 1 since the start; Pakiet 2 ordered by the coordinator from the first period it is sold
				// in (a pending change before 2027, shown and withdrawable on /urzad).
				const today = warsawDay(now);
				const nextPeriod = nextPeriodStart(startsOn, today);
				const package2From = nextPeriod > EXTENDED_PACKAGES_FROM ? nextPeriod : EXTENDED_PACKAGES_FROM;
				await tx
					.insertInto('subscription_packages')
					.values([
						{ subscription_id: subscription.id, valid_from: startsOn, package: 'pakiet1', created_at: signedAt },
						{
							subscription_id: subscription.id,
							valid_from: package2From,
							package: 'pakiet2',
							requested_by: accountIds['koordynator@wiskitki.test'],
							created_at: new Date(`${addDays(today, -3)}T10:15:00Z`)
						}
					])
					.execute();
				const price = await priceFor(tx, customer.id, 'commitment', startsOn);
				const year = Number(startsOn.slice(0, 4));
				await tx
					.insertInto('contracts')
					.values({
						number: `UM/${year}/${String(await nextNumber(tx, 'UM', year)).padStart(4, '0')}`,
						customer_id: customer.id,
						group_id: group.id,
						plan: 'commitment',
						commitment_months: 12,
						starts_on: startsOn,
						gross: price.gross,
						vat_rate: price.ratePercent,
						price_note: price.note,
						customer: JSON.stringify({
							...customerData,
							municipality: spec.municipality,
							groupName: `${spec.municipality} – forum mieszkańców gminy`
						}),
						units: JSON.stringify(wiskitkiUnits.map((u) => u.name)),
						status: 'signed',
						scan_file: null,
						signed_at: signedAt,
						signed_by: accountIds['operator@tablica.test'],
						subscription_id: subscription.id,
						ordered_by: accountIds['koordynator@wiskitki.test'],
						created_at: orderedAt
					})
					.execute();
				// Waiting for approval: two new people want to join.
				for (let i = 0; i < 2; i++) {
					await tx
						.insertInto('memberships')
						.values({
							group_id: group.id,
							user_id: residentIds[residentIds.length - 1 - i],
							status: 'pending',
							answer: `Tak, od niedawna mieszkam ${inLocality(villages[i])}.`,
							requested_at: new Date(now.getTime() - (i + 1) * 3600_000),
							decided_at: null,
							decided_by: null
						})
						.onConflict((oc) => oc.doNothing())
						.execute();
				}
			}

			await seedPosts(tx, r, now, group.id, members, unitIds, staffByUnit, spec.posts, accountIds, progress);
			if (spec.slug === 'wiskitki')
				await seedDemoPoll(
					tx,
					now,
					group.id,
					unitIds.map((u) => ({ id: u.id, slug: u.unit.slug })),
					staffByUnit
				);
			if (spec.slug === 'wiskitki')
				await seedDemoConversations(
					tx,
					now,
					group.id,
					accountIds['mieszkaniec@tablica.test'],
					accountIds['mieszkanka@tablica.test'],
					members[0]
				);
			if (spec.slug === 'wiskitki')
				await seedQuestions(
					tx,
					now,
					group.id,
					members,
					unitIds.map((u) => ({ id: u.id, slug: u.unit.slug })),
					staffByUnit
				);
		}
	});
	step('wyświetlenia, reakcje i udostępnienia…');
	await seedEngagement(ctx.db, ctx.clock.now());
	await seedEventResponses(ctx.db, ctx.clock.now());
	step('moderacja, komunikaty pilne i miejscowości…');
	await seedModeration(ctx);
	await seedAlertSubscriptions(ctx);
	await seedPlaces(ctx);
	await seedAlerts(ctx);
	await seedOnCall(ctx);
	for (const spec of groups) {
		await ctx.db
			.updateTable('municipalities')
			.set({ population: spec.population, population_year: 2025 })
			.where('teryt_code', '=', spec.teryt)
			.execute();
	}
	step('statystyki dzienne z całego roku…');
	await rebuildStats(ctx.db, ctx.clock);
	await seedPilot(ctx);
	await seedPilotPromotions(ctx);
	await seedInvoices(ctx, 'wiskitki', 0x0100a1b2c3d0);
	await seedInvoices(ctx, 'radziejowice', 0x0200a1b2c3d0);
	step('gotowe');
	return true;
}

/**
 * A group's invoices for every period since its package started, on the demo's fictitious seller account.
 * Every one but the current one was paid a week after issue and accepted by KSeF the day after issue (its
 * KSeF number carries that date); the current one waits as "do wysłania", unpaid.
 */
async function seedInvoices(ctx: Ctx, slug: string, ksefBase: number): Promise<void> {
	await setDemoSeller(ctx.db);
	const s = await ctx.db
		.selectFrom('subscriptions as s')
		.innerJoin('groups as g', 'g.id', 's.group_id')
		.select(['s.id', 's.starts_on'])
		.where('g.slug', '=', slug)
		.executeTakeFirstOrThrow();
	const today = warsawDay(ctx.clock.now());
	const issued = [];
	for (let i = 0, start = s.starts_on; start <= today; start = addMonths(s.starts_on, ++i))
		issued.push(await issuePeriodInvoice(ctx, s.id, start));
	for (const [i, inv] of issued.slice(0, -1).entries()) {
		const accepted = addDays(inv.issue_date, 1);
		const id = (ksefBase + i).toString(16).toUpperCase().padStart(12, '0');
		await ctx.db
			.updateTable('invoices')
			.set({
				paid_at: new Date(`${addDays(inv.issue_date, 7)}T10:00:00Z`),
				ksef_status: 'accepted',
				ksef_number: ksefNumber(inv.seller.nip, accepted, id)
			})
			.where('id', '=', inv.id)
			.execute();
	}
}

/**
 * The pilot at work: Radziejowice's cultural centre and office publish, and promoted two posts
 * (one three weeks ago, one running now), each cross-posted into Wiskitki and Puszcza Mariańska
 * (the same powiat) with views there and in Radziejowice, so the reach report has a lift to show.
 */
async function seedPilotPromotions(ctx: Ctx): Promise<void> {
	const group = await getGroup(ctx.db, 'radziejowice');
	const now = ctx.clock.now();
	const operator = await ctx.db
		.selectFrom('users')
		.select(['id', 'email', 'display_name', 'is_operator', 'email_verified_at'])
		.where('email', '=', 'operator@tablica.test')
		.executeTakeFirstOrThrow();
	const actor = {
		id: operator.id,
		email: operator.email,
		displayName: operator.display_name,
		isOperator: true,
		emailVerified: true
	};
	const units = await ctx.db
		.insertInto('units')
		.values(
			[
				{ slug: 'gok-radziejowice', name: 'Gminny Ośrodek Kultury w Radziejowicach', type: 'culture' },
				{ slug: 'urzad', name: 'Urząd Gminy Radziejowice', type: 'office' }
			].map((u) => ({
				...u,
				municipality_code: group.municipality_code,
				verified: true,
				contact_email: `${u.slug}@radziejowice.test`,
				can_publish: true,
				may_alert: u.type === 'office',
				created_at: new Date(now.getTime() - 60 * DAY)
			}))
		)
		.returning('id')
		.execute();
	const posts = [
		{
			unit: 0,
			days: 30,
			body: 'Koncert kolęd w Domu Kultury\nW niedzielę o 17:00 śpiewamy kolędy z zespołem „Radziejowianki”. Wstęp wolny.'
		},
		{
			unit: 1,
			days: 25,
			body: 'Harmonogram odbioru odpadów na 2027 rok\nNowy harmonogram jest już w urzędzie i na stronie gminy.'
		},
		{
			unit: 0,
			days: 21,
			body: 'Warsztaty rękodzieła dla seniorów\nZapisy w sekretariacie GOK, liczba miejsc ograniczona.',
			promote: 7
		},
		{ unit: 0, days: 12, body: 'Zajęcia teatralne dla dzieci w ferie\nGOK zaprasza dzieci w wieku 7–12 lat.' },
		{
			unit: 0,
			days: 2,
			body: 'Jarmark świąteczny w Radziejowicach\nStoiska z rękodziełem, pierniki i koncert chóru w sobotę od 12:00.',
			promote: 3
		}
	];
	const members = await ctx.db
		.selectFrom('memberships')
		.select('user_id')
		.where('group_id', '=', group.id)
		.where('status', '=', 'approved')
		.orderBy('user_id')
		.execute();
	for (const [i, p] of posts.entries()) {
		const at = new Date(now.getTime() - p.days * DAY);
		const post = await ctx.db
			.insertInto('posts')
			.values({
				group_id: group.id,
				author_id: operator.id,
				unit_id: units[p.unit].id,
				category: 'culture',
				body: p.body,
				body_folded: foldText(p.body),
				status: 'published',
				reaction_counts: '{}',
				created_at: at,
				published_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// Views on the first days: an unpromoted post reaches a tenth of the members, a promoted one
		// (through the notifications and the neighbours' feeds) about a third, some in the neighbours.
		const viewers = members.filter((_, j) => (j + i) % (p.promote ? 3 : 10) === 0);
		const views = viewers.map((m, j) => ({
			post_id: post.id,
			viewer_key: m.user_id,
			day: warsawDay(new Date(at.getTime() + (j % Math.min(p.promote ?? 3, p.days + 1)) * DAY))
		}));
		await insertChunked(views, 1000, (chunk) =>
			ctx.db
				.insertInto('post_views')
				.values(chunk)
				.onConflict((oc) => oc.doNothing())
				.execute()
		);
		await ctx.db
			.updateTable('posts')
			.set({ view_count: views.length, unique_viewer_count: viewers.length })
			.where('id', '=', post.id)
			.execute();
		if (!p.promote) continue;
		const promoted = await promotePost(
			{ ...ctx, clock: fixedClock(new Date(at.getTime() + 3_600_000)) },
			actor,
			post.id,
			{
				days: p.promote
			}
		);
		const neighbours = await ctx.db
			.selectFrom('cross_posts')
			.select('group_id')
			.where('post_id', '=', post.id)
			.execute();
		for (const [k, n] of neighbours.entries())
			await ctx.db
				.insertInto('cross_post_views')
				.values(
					views
						.filter((_, j) => j % (neighbours.length + 1) === k + 1)
						.map((v) => ({ post_id: v.post_id, group_id: n.group_id, viewer_key: v.viewer_key, day: v.day }))
				)
				.onConflict((oc) => oc.doNothing())
				.execute();
		if (promoted.crossPosted === 0) throw new Error('the pilot’s promotion reached no neighbouring group');
		// Its pushes went out then (the demo's devices are not real).
		await ctx.db
			.updateTable('outbox')
			.set({ status: 'sent', sent_at: new Date(at.getTime() + 3_700_000) })
			.where('promotion_id', '=', promoted.promotionId)
			.execute();
	}
}

/** The pilot of Pakiet 3 in Radziejowice: from 1 November 2026, before the package is sold to everyone. */
export const PILOT_FROM = '2026-11-01';

/**
 * Radziejowice runs Pakiet 3 as a pilot on its own terms (the operator may sell a package early
 * that way): the customer, its terms for Pakiet 3 ("pilotaż"), the signed contract naming Pakiet 3
 * and a monthly subscription with Pakiet 3 from PILOT_FROM. The municipality sends SMS, at most
 * 500 a month for promoted posts.
 */
async function seedPilot(ctx: Ctx): Promise<void> {
	const group = await getGroup(ctx.db, 'radziejowice');
	const operatorId = (
		await ctx.db.selectFrom('users').select('id').where('email', '=', 'operator@tablica.test').executeTakeFirstOrThrow()
	).id;
	const orderedAt = new Date(`${addDays(PILOT_FROM, -14)}T09:00:00Z`);
	const signedAt = new Date(`${addDays(PILOT_FROM, -7)}T12:00:00Z`);
	const customerData = {
		legalName: 'Gmina Radziejowice',
		nip: '8381870066',
		regon: '013269002',
		street: 'ul. Kubickiego 1',
		postalCode: '96-325',
		city: 'Radziejowice',
		contactName: 'Jan Sekretarz',
		contactEmail: 'sekretariat@radziejowice.test'
	};
	await ctx.db.transaction().execute(async (tx) => {
		const customer = await tx
			.insertInto('customers')
			.values({
				municipality_code: group.municipality_code,
				legal_name: customerData.legalName,
				nip: customerData.nip,
				regon: customerData.regon,
				street: customerData.street,
				postal_code: customerData.postalCode,
				city: customerData.city,
				contact_name: customerData.contactName,
				contact_email: customerData.contactEmail,
				contact_phone: '46 857 71 10',
				sms_enabled: true,
				promotion_sms_cap: 500,
				created_at: orderedAt,
				updated_at: orderedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('customer_terms')
			.values({
				customer_id: customer.id,
				package: 'pakiet3',
				gross: 490_000,
				vat_rate: 23,
				note: 'pilotaż Pakietu nr 3 (wzmocnienie i zasięg regionalny) przed jego sprzedażą od 2027 roku',
				valid_from: PILOT_FROM,
				valid_to: null,
				created_by: operatorId,
				created_at: orderedAt
			})
			.execute();
		const subscription = await tx
			.insertInto('subscriptions')
			.values({
				customer_id: customer.id,
				group_id: group.id,
				plan: 'monthly',
				commitment_months: null,
				starts_on: PILOT_FROM,
				commitment_ends_on: null,
				status: 'active',
				created_by: operatorId,
				created_at: signedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('subscription_packages')
			.values({ subscription_id: subscription.id, valid_from: PILOT_FROM, package: 'pakiet3', created_at: signedAt })
			.execute();
		const price = await priceFor(tx, customer.id, 'monthly', PILOT_FROM, 'pakiet3');
		const year = Number(PILOT_FROM.slice(0, 4));
		await tx
			.insertInto('contracts')
			.values({
				number: `UM/${year}/${String(await nextNumber(tx, 'UM', year)).padStart(4, '0')}`,
				customer_id: customer.id,
				group_id: group.id,
				package: 'pakiet3',
				plan: 'monthly',
				commitment_months: null,
				starts_on: PILOT_FROM,
				gross: price.gross,
				vat_rate: price.ratePercent,
				price_note: price.note,
				customer: JSON.stringify({
					...customerData,
					municipality: 'Radziejowice',
					groupName: group.name
				}),
				units: JSON.stringify([]),
				status: 'signed',
				scan_file: null,
				signed_at: signedAt,
				signed_by: operatorId,
				subscription_id: subscription.id,
				ordered_by: operatorId,
				created_at: orderedAt
			})
			.execute();
	});
}

/** A year of on-call duty: the operator, with the second administrator as the backup. */
async function seedOnCall(ctx: Ctx): Promise<void> {
	const id = async (email: string) =>
		(await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
	const now = ctx.clock.now();
	await ctx.db
		.insertInto('oncall_shifts')
		.values({
			starts_at: new Date(now.getTime() - DAY),
			ends_at: new Date(now.getTime() + 365 * DAY),
			primary_id: await id('operator@tablica.test'),
			primary_phone: '+48600100200',
			backup_id: await id('administrator@tablica.test'),
			backup_phone: '+48600100201',
			created_at: now
		})
		.execute();
}

/**
 * Two in five Wiskitki members want urgent alerts (all kinds) by e-mail, a third of those also
 * by push, a quarter by SMS (their numbers confirmed); the municipality sends SMS. The demo
 * resident opts in nowhere, so the tour can show the settings (and the group page asks them once).
 */
async function seedAlertSubscriptions(ctx: Ctx): Promise<void> {
	const group = await ctx.db.selectFrom('groups').select('id').where('slug', '=', 'wiskitki').executeTakeFirstOrThrow();
	await sql`
		INSERT INTO alert_subscriptions (group_id, user_id, kinds, by_email, by_push, by_sms, phone, updated_at)
		SELECT m.group_id, m.user_id, ${sql.val(Object.keys(alertKinds))}::text[], true, m.user_id % 3 = 0, m.user_id % 10 = 0,
		       CASE WHEN m.user_id % 10 = 0 THEN '+4850' || lpad(m.user_id::text, 7, '0') END, ${ctx.clock.now()}
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.group_id = ${group.id} AND m.status = 'approved' AND m.user_id % 5 < 2 AND u.email NOT LIKE '%@tablica.test'
	`.execute(ctx.db);
	// Their numbers were confirmed with a code when they chose SMS.
	await sql`
		INSERT INTO phone_verifications (group_id, user_id, phone, sent_at, verified_at)
		SELECT group_id, user_id, phone, updated_at, updated_at FROM alert_subscriptions
		WHERE group_id = ${group.id} AND by_sms AND phone IS NOT NULL
	`.execute(ctx.db);
	await ctx.db.updateTable('customers').set({ sms_enabled: true }).where('municipality_code', '=', '1438053').execute();
}

/**
 * Wiskitki's real sołectwa and their localities; every demo member follows one locality (the
 * demo accounts none, so the tour can show choosing).
 */
async function seedPlaces(ctx: Ctx): Promise<void> {
	const group = await ctx.db.selectFrom('groups').select('id').where('slug', '=', 'wiskitki').executeTakeFirstOrThrow();
	const now = ctx.clock.now();
	const localities: string[] = [];
	for (const { area, localities: names } of wiskitkiPlaces) {
		const { id: areaId } = await ctx.db
			.insertInto('places')
			.values({ group_id: group.id, kind: 'solectwo', name: area, created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		const rows = await ctx.db
			.insertInto('places')
			.values(
				names.map((name) => ({ group_id: group.id, kind: 'locality' as const, name, area_id: areaId, created_at: now }))
			)
			.returning('id')
			.execute();
		localities.push(...rows.map((r) => r.id));
	}
	for (const [slug, area] of [
		['soltys-guzow', 'Guzów'],
		['soltys-miedniewice', 'Miedniewice']
	])
		await sql`UPDATE units SET place_id = (SELECT id FROM places WHERE group_id = ${group.id} AND kind = 'solectwo' AND name = ${area})
			WHERE slug = ${slug}`.execute(ctx.db);
	await sql`
		INSERT INTO member_places (group_id, user_id, place_id)
		SELECT m.group_id, m.user_id, (${sql.val(localities)}::bigint[])[1 + m.user_id % ${localities.length}]
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.group_id = ${group.id} AND u.email NOT LIKE '%@tablica.test'
	`.execute(ctx.db);
}

/**
 * Alerts through the real flow: the water utility's active alert for one sołectwo (Guzów) and an
 * alert from five days ago that ended with its all-clear; IMGW-PIB's snow warning (our fixture,
 * moved to today) imported into every group — Puszcza Mariańska publishes such warnings at once,
 * Wiskitki and Radziejowice hold them for the coordinator.
 */
async function seedAlerts(ctx: Ctx): Promise<void> {
	const group = await getGroup(ctx.db, 'wiskitki');
	const now = ctx.clock.now();
	const utility = await ctx.db
		.selectFrom('units as u')
		.innerJoin('unit_members as um', 'um.unit_id', 'u.id')
		.innerJoin('users as us', 'us.id', 'um.user_id')
		.selectAll('us')
		.select('u.id as unit_id')
		.where('u.slug', '=', 'zgk')
		.orderBy('us.id')
		.executeTakeFirstOrThrow();
	const clerk = toActor(utility);
	const guzow = await ctx.db
		.selectFrom('places')
		.select('id')
		.where('group_id', '=', group.id)
		.where('kind', '=', 'solectwo')
		.where('name', '=', 'Guzów')
		.executeTakeFirstOrThrow();
	const at = (ms: number) => ({ ...ctx, clock: fixedClock(new Date(now.getTime() + ms)) });
	const earlier = at(-5 * DAY);
	const ended = await sendAlert(earlier, clerk, group, {
		unitId: utility.unit_id,
		kind: 'utilities',
		title: 'Awaria wodociągu: brak wody w Wiskitkach',
		body: 'Pękła magistrala przy ul. Kościuszki. Ekipa ZGK jest na miejscu; beczkowóz stoi przy urzędzie gminy.',
		until: new Date(now.getTime() - 5 * DAY + 12 * 3_600_000),
		channels: ['push', 'email']
	});
	await closeAlert(
		at(-5 * DAY + 6 * 3_600_000),
		clerk,
		ended.postId,
		'Awaria usunięta — woda znów płynie i jest zdatna do picia.'
	);
	await sendAlert(at(-2 * 3_600_000), clerk, group, {
		unitId: utility.unit_id,
		kind: 'utilities',
		title: 'Brak wody w sołectwie Guzów',
		body: 'Wymiana zasuwy na sieci wodociągowej. Woda będzie niedostępna w całym sołectwie Guzów; beczkowóz stoi przy świetlicy.',
		until: new Date(now.getTime() + 10 * 3_600_000),
		channels: ['push', 'email'],
		places: [guzow.id]
	});

	await ctx.db.updateTable('groups').set({ imgw_mode: 'auto' }).where('slug', '=', 'puszcza-marianska').execute();
	const today = (d: Date, hours: number) => new Date(now.getTime() + hours * 3_600_000 + (d.getTime() % 60_000));
	const snow = parseMeteoWarnings(demoMeteoWarnings)
		.filter((w) => w.level >= 2)
		.map((w) => ({
			...w,
			publishedAt: today(w.publishedAt, -3),
			validFrom: today(w.validFrom, -1),
			validTo: today(w.validTo!, 20)
		}));
	await importImgwWarnings(ctx, snow);
}

/**
 * Wiskitki's word list and a little moderation history, made through the real workflow: a
 * comment held by the list, a removal after a member's report that its author appealed, and a
 * school's open report about a comment under its post (first in the queue).
 */
async function seedModeration(ctx: Ctx): Promise<void> {
	const group = await ctx.db.selectFrom('groups').selectAll().where('slug', '=', 'wiskitki').executeTakeFirstOrThrow();
	const account = async (email: string) =>
		toActor(await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
	const moderator = await account('moderator@tablica.test');
	const resident = await account('mieszkaniec@tablica.test');
	const school = await account('redakcja@sp-wiskitki.test');
	await ctx.db
		.insertInto('moderation_words')
		.values(
			demoWordList.map((w) => ({
				group_id: group.id,
				pattern: w.pattern,
				is_regex: w.isRegex,
				action: w.action,
				created_by: moderator.id,
				created_at: ctx.clock.now()
			}))
		)
		.execute();
	// Residents who wrote the latest comments: under residents' posts and under the school's.
	const schoolUnit = await ctx.db
		.selectFrom('units')
		.select('id')
		.where('municipality_code', '=', group.municipality_code)
		.where('slug', '=', 'sp-wiskitki')
		.executeTakeFirstOrThrow();
	const latest = (bySchool: boolean) =>
		ctx.db
			.selectFrom('comments as c')
			.innerJoin('posts as p', 'p.id', 'c.post_id')
			.innerJoin('users as u', 'u.id', 'c.author_id')
			.selectAll('u')
			.select(['c.id as comment_id', 'p.id as post_id'])
			.where('p.group_id', '=', group.id)
			.where((eb) => (bySchool ? eb('p.unit_id', '=', schoolUnit.id) : eb('p.unit_id', 'is', null)))
			.where('c.author_id', 'not in', [resident.id, school.id, moderator.id])
			.orderBy('c.id', 'desc')
			.limit(3)
			.execute();
	const [residentThreads, unitThreads] = await Promise.all([latest(false), latest(true)]);
	const [a, b] = residentThreads;
	await addComment(ctx, toActor(a), a.post_id, { body: 'Kierowca busa to skończony dzban, znowu zastawił wjazd.' });

	const notice = {
		ground: 'insult',
		explanation: 'Komentarz obraża sąsiada, z imienia i nazwiska.',
		name: resident.displayName,
		email: resident.email,
		goodFaith: true
	};
	await fileReport(ctx, resident, { commentId: b.comment_id, ...notice });
	await decideReports(
		ctx,
		moderator,
		{ commentId: b.comment_id },
		{ outcome: 'remove', ground: 'insult', reason: 'Komentarz wyśmiewa konkretną osobę.' }
	);
	const removal = await ctx.db
		.selectFrom('moderation_log')
		.select('id')
		.where('comment_id', '=', b.comment_id)
		.where('action', '=', 'remove')
		.executeTakeFirstOrThrow();
	await fileAppeal(ctx, toActor(b), removal.id, { body: 'Nie chciałem nikogo obrazić, to był żart między znajomymi.' });

	const u = unitThreads[0];
	if (u)
		await fileReport(ctx, school, {
			commentId: u.comment_id,
			...notice,
			ground: 'hate',
			explanation: 'Pod ogłoszeniem szkoły ktoś obraża nauczycieli.',
			name: school.displayName,
			email: school.email
		});
}

async function seedPosts(
	tx: Db,
	r: ReturnType<typeof seededRandom>,
	now: Date,
	groupId: string,
	members: string[],
	units: { id: string; unit: (typeof wiskitkiUnits)[number] }[],
	staffByUnit: Map<string, string>,
	count: number,
	accountIds: Record<string, string>,
	progress: (message: string) => void
) {
	const moderatorId = accountIds['moderator@tablica.test'];
	const posts: Parameters<ReturnType<Db['insertInto']>['values']>[0][] = [];
	const authorOfUnit = (slug: string) => staffByUnit.get(slug) ?? moderatorId;
	const staffOfUnitId = new Map(units.map((u) => [u.id, staffByUnit.get(u.unit.slug)]));
	const topics: Topic[] = [];
	for (const planned of planPosts(
		r,
		now,
		count,
		units.map((u) => u.unit)
	)) {
		const { at, body, category, event } = planned;
		const unit = planned.unit === null ? null : units[planned.unit];
		const unitId = unit?.id ?? null;
		const authorId = unit ? authorOfUnit(unit.unit.slug) : r.pick(members);
		topics.push(planned.topic);
		posts.push({
			group_id: groupId,
			author_id: authorId,
			unit_id: unitId,
			category,
			body,
			body_folded: foldText(body),
			status: 'published',
			moderation_reason: null,
			urgent_until: null,
			event_start: event?.start ?? null,
			event_end: event?.end ?? null,
			event_place: event?.place ?? null,
			reaction_counts: '{}',
			created_at: at,
			published_at: at,
			decided_at: null,
			decided_by: null,
			view_count: unitId ? 400 + r.skewed(4000) : 150 + r.skewed(1500),
			comment_count: 0,
			reaction_count: 0,
			share_count: unitId ? r.skewed(60) : r.skewed(10)
		});
	}
	topics.push('notice');
	posts.push({
		group_id: groupId,
		author_id: moderatorId,
		unit_id: null,
		category: 'other',
		pinned: true,
		body: welcome,
		body_folded: foldText(welcome),
		status: 'published',
		moderation_reason: null,
		urgent_until: null,
		event_start: null,
		event_end: null,
		event_place: null,
		reaction_counts: '{}',
		created_at: new Date(now.getTime() - 200 * DAY),
		published_at: new Date(now.getTime() - 200 * DAY),
		decided_at: null,
		decided_by: null,
		view_count: 2500,
		comment_count: 0,
		reaction_count: 0,
		share_count: 3
	});
	if (units.length > 0) {
		for (const p of pendingResidentPosts) {
			const body = fillText(p.body, r, now);
			const at = new Date(now.getTime() - r.int(1, 20) * 3600_000);
			posts.push({
				group_id: groupId,
				author_id: r.pick(members),
				unit_id: null,
				category: p.category,
				body,
				body_folded: foldText(body),
				status: 'pending',
				moderation_reason: 'W tej grupie posty członków ukazują się po akceptacji moderatora.',
				urgent_until: null,
				event_start: null,
				event_end: null,
				event_place: null,
				reaction_counts: '{}',
				created_at: at,
				published_at: null,
				decided_at: null,
				decided_by: null
			});
		}
	}
	progress(`Demo: posty ${formatNumber(posts.length)}`);
	const ids: { id: string; published_at: Date | null; status: string; unit_id: string | null }[] = [];
	await insertChunked(posts, 200, async (chunk) =>
		ids.push(
			...(await tx
				.insertInto('posts')
				.values(chunk as never)
				.returning(['id', 'published_at', 'status', 'unit_id'])
				.execute())
		)
	);

	// Comments with some replies, spread over the days after the post.
	const comments: {
		post_id: string;
		author_id: string;
		body: string;
		created_at: Date;
		reply: boolean;
		question?: boolean;
		answer?: boolean;
	}[] = [];
	for (const [index, p] of ids.entries()) {
		if (p.status !== 'published' || !p.published_at) continue;
		const topic = topics[index] ?? 'notice';
		// Half of the units' posts get a resident's question, which the unit's staff mostly answer.
		const staff = p.unit_id ? staffOfUnitId.get(p.unit_id) : undefined;
		const qa = staff && r.next() < 0.5 ? questionFor(r, topic) : null;
		if (staff && qa) {
			const asked = new Date(p.published_at.getTime() + r.int(5, 600) * 60_000);
			if (asked.getTime() < now.getTime() - 60_000) {
				comments.push({
					post_id: p.id,
					author_id: r.pick(members),
					body: qa[0],
					created_at: asked,
					reply: false,
					question: true
				});
				const answered = new Date(asked.getTime() + (10 + r.skewed(24 * 60)) * 60_000);
				if (r.next() < 0.85 && answered.getTime() < now.getTime())
					comments.push({
						post_id: p.id,
						author_id: staff,
						body: qa[1],
						created_at: answered,
						reply: true,
						answer: true
					});
			}
		}
		const n = r.skewed(28);
		for (let i = 0; i < n; i++) {
			const at = new Date(
				Math.min(now.getTime() - 60_000, p.published_at.getTime() + Math.floor(r.next() * r.next() * 4 * DAY) + 60_000)
			);
			comments.push({
				post_id: p.id,
				author_id: r.pick(members),
				body: i > 0 && r.next() < 0.25 ? replyFor(r) : commentFor(r, topic),
				created_at: at,
				reply: i > 0 && r.next() < 0.25
			});
		}
	}
	comments.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
	// Top-level comments first, in chunks (a reply before any comment of its post is one too),
	// then the replies to the first comment of their post and the units' answers to the question.
	const topSeen = new Set<string>();
	const isTop = comments.map((c) => {
		const top = !c.answer && (!c.reply || !topSeen.has(c.post_id));
		if (top) topSeen.add(c.post_id);
		return top;
	});
	const row = (c: (typeof comments)[number], parent: string | null) => ({
		post_id: c.post_id,
		parent_id: parent,
		author_id: c.author_id,
		body: c.body,
		status: 'published' as const,
		reaction_counts: '{}',
		created_at: c.created_at
	});
	const tops = comments.filter((_, i) => isTop[i]);
	const topIds: string[] = [];
	await insertChunked(tops, 1000, async (chunk) =>
		topIds.push(
			...(
				await tx
					.insertInto('comments')
					.values(chunk.map((c) => row(c, null)))
					.returning('id')
					.execute()
			).map((x) => x.id)
		)
	);
	const topByPost = new Map<string, string>();
	const questionByPost = new Map<string, string>();
	tops.forEach((c, i) => {
		if (!topByPost.has(c.post_id)) topByPost.set(c.post_id, topIds[i]);
		if (c.question) questionByPost.set(c.post_id, topIds[i]);
	});
	const replies = comments
		.filter((_, i) => !isTop[i])
		.map((c) => row(c, (c.answer ? questionByPost.get(c.post_id) : topByPost.get(c.post_id)) ?? null));
	await insertChunked(replies, 1000, (chunk) => tx.insertInto('comments').values(chunk).execute());
	progress(`Demo: komentarze ${formatNumber(comments.length)}`);
	await sql`update posts set comment_count = (select count(*) from comments c where c.post_id = posts.id and c.status = 'published') where group_id = ${groupId}`.execute(
		tx
	);
	// Reactions: each post gets a share of its viewers, chosen deterministically among members.
	await sql`
		insert into post_reactions (post_id, user_id, kind, created_at)
		select p.id, m.user_id,
		  (array['like','like','like','like','like','like','love','love','haha','wow','sad','angry'])[1 + abs(hashtext(p.id::text || ':' || m.user_id::text)) % 12],
		  p.published_at + interval '1 hour'
		from posts p
		cross join lateral (
		  select user_id from memberships where group_id = p.group_id and status = 'approved'
		  order by hashtext(p.id::text || '/' || user_id::text)
		  limit (p.view_count / (case when p.unit_id is null then 12 else 8 end))
		) m
		where p.group_id = ${groupId} and p.status = 'published'`.execute(tx);
}

/** Counters from the rows, and view rows that match the counters. */
async function seedEngagement(db: Db, now: Date) {
	await db.transaction().execute(async (tx) => {
		await sql`
			update posts set reaction_count = coalesce(x.total, 0), reaction_counts = coalesce(x.by_kind, '{}'::jsonb)
			from (select post_id, sum(n)::int as total, jsonb_object_agg(kind, n) as by_kind
			      from (select post_id, kind, count(*)::int as n from post_reactions group by post_id, kind) k group by post_id) x
			where x.post_id = posts.id`.execute(tx);
		// Readers come from a pool per group (its members and a few more visitors), so the same people read
		// many posts and some come back on a later day: a post has fewer persons than views, a month fewer
		// persons than the sum of its days. Views spread over the first four days, never past today; a
		// draw that repeats a reader on the same day is one view, and the counter is then set to the rows.
		const today = warsawDay(now);
		await sql`
			insert into post_views (post_id, day, viewer_key)
			select p.id, least((p.published_at at time zone 'Europe/Warsaw')::date + (g % 4), ${today}::date),
				'demo:' || p.group_id || ':' || mod(abs(hashtext(p.id::text || '/' || g)), greatest(1, gr.member_count * 13 / 10))
			from posts p join groups gr on gr.id = p.group_id cross join lateral generate_series(1, p.view_count) g
			where p.status = 'published'
			on conflict do nothing`.execute(tx);
		await sql`update posts set view_count = v.n from (select post_id, count(*)::int as n from post_views group by post_id) v where v.post_id = posts.id`.execute(
			tx
		);
		await sql`
			insert into post_shares (post_id, user_id, created_at)
			select p.id, null, least(p.published_at + (g % 72) * interval '1 hour', ${now}::timestamptz - interval '1 minute')
			from posts p cross join lateral generate_series(1, p.share_count) g
			where p.status = 'published'`.execute(tx);
		await sql`insert into post_viewers (post_id, viewer_key, first_day) select post_id, viewer_key, min(day) from post_views group by 1, 2 on conflict do nothing`.execute(
			tx
		);
		await sql`update posts set unique_viewer_count = v.n from (select post_id, count(*)::int as n from post_viewers group by post_id) v where v.post_id = posts.id`.execute(
			tx
		);
	});
}

/**
 * The operator's prices of Pakiet 2 and 3 from the day they are sold (the migration announces them
 * without a price). Demo figures, gross a month: 5 500 zł (4 990 zł with a commitment) and 7 900 zł
 * (7 200 zł); with Pakiet 1 at 3 850 zł (3 500 zł). Promotions a month: 8 in Pakiet 2, 12 in Pakiet 3, none in Pakiet 1.
 */
async function seedExtendedPrices(tx: Db, at: Date): Promise<void> {
	const prices = [
		{ package: 'pakiet2', plan: 'monthly', gross: 550_000, promotions_per_month: 8 },
		{ package: 'pakiet2', plan: 'commitment', gross: 499_000, promotions_per_month: 8 },
		{ package: 'pakiet3', plan: 'monthly', gross: 790_000, promotions_per_month: 12 },
		{ package: 'pakiet3', plan: 'commitment', gross: 720_000, promotions_per_month: 12 }
	] as const;
	// Pakiet 1 gives no promotions (the column's default is Pakiet 2's 8).
	await tx.updateTable('prices').set({ promotions_per_month: 0 }).where('package', '=', 'pakiet1').execute();
	for (const p of prices) {
		const set = await tx
			.updateTable('prices')
			.set({ gross: p.gross, promotions_per_month: p.promotions_per_month, created_at: at })
			.where('package', '=', p.package)
			.where('plan', '=', p.plan)
			.where('valid_from', '=', EXTENDED_PACKAGES_FROM)
			.where('gross', 'is', null)
			.executeTakeFirst();
		const listed = await tx
			.selectFrom('prices')
			.select('id')
			.where('package', '=', p.package)
			.where('plan', '=', p.plan)
			.executeTakeFirst();
		if (Number(set.numUpdatedRows) === 0 && !listed)
			await tx
				.insertInto('prices')
				.values({
					...p,
					vat_rate: 23,
					valid_from: EXTENDED_PACKAGES_FROM,
					valid_to: null,
					created_by: null,
					created_at: at
				})
				.execute();
	}
}
