import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { addComment } from '../feed/comments';
import { startConversation } from '../conversations/conversations';
import { setPostReaction } from '../feed/engagement';
import { listFeed } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { decidePost } from '../moderation/content-decisions';
import { imposeSanction } from '../moderation/sanctions';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx, testCustomer } from '../testing/fixtures';
import { contractForReader, contractsOf, placeOrder, signContract } from '../billing/contracts';
import { setDemoSeller } from '../billing/seller';
import { customerInvoices, invoiceForReader } from '../billing/invoices';
import { addCoordinator, setInvoiceReceiver } from '../subscriptions/customers';
import { cancelSubscription, startSubscription } from '../subscriptions/subscriptions';
import { requestPackageChange, withdrawPackageChange } from '../subscriptions/package-changes';
import {
	addUnit,
	getUnitForManager,
	listUnits,
	setUnitLogo,
	setUnitSettings,
	updateUnit,
	updateUnitProfile
} from '../units/units';
import { createUnitToken, listUnitTokens, revokeUnitToken } from '../units/tokens';
import { changeStaffRole, inviteStaff, removeStaff, revokeInvitation } from '../units/staff';
import { unitPostStats } from '../units/unit-stats';
import {
	createGroup,
	decideMembership,
	getGroup,
	leaveGroup,
	listMembers,
	requestMembership,
	updateGroup
} from '../groups/groups';
import {
	allowCrossPostSource,
	crossPostSources,
	refuseCrossPostSource,
	regionalReach,
	setRegionalReach
} from '../promotions/cross-posting';
import { cancelPromotion, promotePost } from '../promotions/promotions';
import { promotionReport } from '../promotions/reach';
import type { GroupAction, GroupRole } from './policy';

let database: Database;
let ctx: Ctx;
let group: Group;
let operator: Actor;
let member: Actor;
let unitId: string;
let publishedPostId: string;
/** A member's own post: "Napisz do autora" writes to its author. */
let memberPostId: string;
/** A group of a neighbouring municipality whose promoted posts could come into `group`. */
let neighbour: Group;
let n = 0;

// `neighbour` is a standing towards one cross-posted post, never in a group: promotions/cross-posting.test.ts.
type GroupWideRole = Exclude<GroupRole, 'neighbour'>;
const roles: GroupWideRole[] = [
	'anonymous',
	'user',
	'pending',
	'member',
	'publisher',
	'moderator',
	'operator',
	'muted',
	'suspended',
	'banned'
];
const actions: MatrixAction[] = [
	'read',
	'join',
	'leave',
	'listMembers',
	'decideMembership',
	'post',
	'comment',
	'react',
	'message',
	'moderate',
	'edit',
	'crossPostSources',
	'refuseSource',
	'allowSource'
];

// Expected, written out by hand for a private group: 1 = allowed. The last three are the
// moderators' "Posty z innych gmin" (promotions/cross-posting.ts): the list, refusing a source, allowing it.
const matrix: Record<GroupWideRole, number[]> = {
	//           read join leave listM decide post comm react msg mod edit srcs refuse allow
	anonymous: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
	user: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
	pending: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
	member: [1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0],
	publisher: [1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0],
	moderator: [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1],
	// The operator moderates every group but writes no private messages (not a member).
	operator: [1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1],
	// Members under a sanction imposed by a moderator.
	muted: [1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
	suspended: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
	banned: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
};

async function actorIn(role: GroupRole): Promise<Actor | null> {
	if (role === 'anonymous') return null;
	const actor = await makeUser(ctx, `${role}${++n}@t.pl`, { operator: role === 'operator' });
	const sanctioned = role === 'muted' ? 'mute' : role === 'suspended' ? 'suspend' : role === 'banned' ? 'ban' : null;
	if (role === 'pending' || role === 'member' || role === 'moderator' || sanctioned) {
		await requestMembership(ctx, actor, group, 'Mieszkam tu');
		if (role !== 'pending') await decideMembership(ctx, operator, group, actor.id, true);
		if (role === 'moderator')
			await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', actor.id).execute();
	}
	if (sanctioned)
		await imposeSanction(ctx, operator, group, {
			userId: actor.id,
			kind: sanctioned,
			days: 7,
			ground: 'insult',
			reason: 'Obrażał innych członków grupy.'
		});
	if (role === 'publisher')
		await ctx.db.insertInto('unit_members').values({ unit_id: unitId, user_id: actor.id, role: 'editor' }).execute();
	return actor;
}

/** The group matrix's actions: the policy's own, and the moderators' decisions about cross-posted sources. */
type MatrixAction = GroupAction | 'crossPostSources' | 'refuseSource' | 'allowSource';

async function perform(action: MatrixAction, actor: Actor | null, role: GroupRole): Promise<void> {
	switch (action) {
		case 'read':
			return void (await listFeed(ctx, actor, group));
		case 'join':
			return void (await requestMembership(ctx, actor, group, 'Mieszkam w Wiskitkach'));
		case 'leave':
			return leaveGroup(ctx, actor, group);
		case 'listMembers':
			return void (await listMembers(ctx, actor, group));
		case 'decideMembership': {
			const applicant = await makeUser(ctx, `applicant${++n}@t.pl`);
			await requestMembership(ctx, applicant, group, 'Mieszkam tu');
			return decideMembership(ctx, actor, group, applicant.id, true);
		}
		case 'post':
			return void (await createPost(ctx, actor, group, {
				body: 'Nowy post',
				category: 'other',
				unitId: role === 'publisher' ? unitId : undefined
			}));
		case 'comment':
			return void (await addComment(ctx, actor, publishedPostId, { body: 'Komentarz' }));
		case 'react':
			return void (await setPostReaction(ctx, actor, publishedPostId, 'like'));
		case 'message':
			return void (await startConversation(ctx, actor, { post: memberPostId, body: 'Dzień dobry, piszę prywatnie.' }));
		case 'moderate': {
			const { id } = await createPost(ctx, member, group, { body: 'Czeka na akceptację', category: 'other' });
			return decidePost(ctx, actor, id, { decision: 'approve' });
		}
		case 'edit':
			return void (await updateGroup(ctx, actor, group.id, {
				name: 'Wiskitki – forum',
				membershipQuestion: 'Czy mieszkasz w gminie?',
				isPublic: false
			}));
		case 'crossPostSources':
			return void (await crossPostSources(ctx, actor, group));
		case 'refuseSource':
			return void (await refuseCrossPostSource(ctx, actor, group, neighbour.id));
		case 'allowSource':
			return void (await allowCrossPostSource(ctx, actor, group, neighbour.id));
	}
}

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	await createGroup(ctx, operator, {
		slug: 'prywatna',
		municipalityCode: '1438053',
		name: 'Grupa prywatna',
		membershipQuestion: 'Skąd jesteś?',
		isPublic: false
	});
	group = await getGroup(ctx.db, 'prywatna');
	const unit = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438053',
			slug: 'sp',
			name: 'Szkoła Podstawowa',
			type: 'primarySchool',
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	unitId = unit.id;
	member = (await actorIn('member'))!;
	publishedPostId = (await createPost(ctx, operator, group, { body: 'Opublikowany', category: 'official' })).id;
	memberPostId = (await createPost(ctx, member, group, { body: 'Sprzedam rower', category: 'other' })).id;
	await ctx.db
		.updateTable('posts')
		.set({ status: 'published', published_at: new Date() })
		.where('id', '=', memberPostId)
		.execute();
	neighbour = await createGroup(ctx, operator, {
		slug: 'sasiednia',
		municipalityCode: '1438042',
		name: 'Grupa sąsiedniej gminy',
		membershipQuestion: 'Skąd jesteś?'
	});
});
afterAll(async () => database?.close());

describe('authorization matrix: every role × every group action', () => {
	for (const role of roles) {
		for (const [i, action] of actions.entries()) {
			const allowed = matrix[role][i] === 1;
			it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
				const actor = await actorIn(role);
				const result = perform(action, actor, role);
				if (allowed) await expect(result).resolves.toBeUndefined();
				else
					await expect(result).rejects.toMatchObject({ code: role === 'anonymous' ? 'unauthenticated' : 'forbidden' });
			});
		}
	}

	it('only the operator creates groups', async () => {
		for (const role of roles.filter((r) => r !== 'operator')) {
			const actor = await actorIn(role);
			await expect(
				createGroup(ctx, actor, {
					slug: `g${n}`,
					municipalityCode: '1438053',
					name: 'Inna grupa',
					membershipQuestion: 'Skąd jesteś?'
				})
			).rejects.toMatchObject({
				code: role === 'anonymous' ? 'unauthenticated' : 'forbidden'
			});
		}
	});

	it('a publisher may not post as a unit that is not theirs, nor as themselves', async () => {
		const actor = await actorIn('publisher');
		const other = await ctx.db
			.insertInto('units')
			.values({ municipality_code: '1438053', slug: 'osp', name: 'OSP', type: 'fireBrigade', created_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			createPost(ctx, actor, group, { body: 'x', category: 'safety', unitId: other.id })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createPost(ctx, actor, group, { body: 'x', category: 'safety' })).rejects.toMatchObject({
			code: 'forbidden'
		});
	});

	it('an unverified user may not join', async () => {
		const actor = await makeUser(ctx, 'niepotwierdzony@t.pl', { verified: false });
		await expect(requestMembership(ctx, actor, group, 'Mieszkam tu')).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('potwierdź adres')
		});
	});
});

// The office and its units: who may manage a municipality's units and staff, order and see its
// package, and publish as a unit. Each cell runs the real domain function as a fresh person.
type OfficeRole = 'anonymous' | 'user' | 'operator' | 'coordinator' | 'unitAdmin' | 'editor' | 'officeStaff';
type OfficeAction =
	| 'listUnits'
	| 'addUnit'
	| 'editUnit'
	| 'editProfile'
	| 'unitSwitches'
	| 'changeLogo'
	| 'viewUnit'
	| 'invite'
	| 'revokeInvitation'
	| 'removeStaff'
	| 'changeRole'
	| 'createToken'
	| 'listTokens'
	| 'revokeToken'
	| 'postStats'
	| 'publishAsUnit'
	| 'publishAsOfficeUnit'
	| 'orderPackage'
	| 'startPackage'
	| 'cancelPackage'
	| 'changePackage'
	| 'withdrawPackageChange'
	| 'seeContracts'
	| 'downloadContract'
	| 'seeInvoices'
	| 'downloadInvoice'
	| 'invoiceReceiver'
	| 'addCoordinator'
	| 'promotePost'
	| 'cancelPromotion'
	| 'reachReport'
	| 'regionalReach'
	| 'setRegionalReach';

const officeRoles: OfficeRole[] = [
	'anonymous',
	'user',
	'operator',
	'coordinator',
	'unitAdmin',
	'editor',
	'officeStaff'
];

// Expected, written out by hand: 1 = allowed; 0 = refused, `unauthenticated` for anonymous visitors
// and `forbidden` for everyone else. unitAdmin and editor are on the staff of unit U; officeStaff
// on the staff of the municipality's office, which publishes for unit V (office_publishes).
//                      anon user oper coord uAdm edit office
const officeMatrix: Record<OfficeAction, number[]> = {
	listUnits: [0, 0, 1, 1, 0, 0, 0],
	addUnit: [0, 0, 1, 1, 0, 0, 0],
	editUnit: [0, 0, 1, 1, 0, 0, 0],
	editProfile: [0, 0, 1, 1, 1, 0, 0],
	unitSwitches: [0, 0, 1, 1, 0, 0, 0],
	changeLogo: [0, 0, 1, 1, 0, 0, 0],
	viewUnit: [0, 0, 1, 1, 1, 0, 0],
	invite: [0, 0, 1, 1, 1, 0, 0],
	revokeInvitation: [0, 0, 1, 1, 1, 0, 0],
	removeStaff: [0, 0, 1, 1, 1, 0, 0],
	changeRole: [0, 0, 1, 1, 1, 0, 0],
	createToken: [0, 0, 1, 1, 1, 0, 0],
	listTokens: [0, 0, 1, 1, 1, 0, 0],
	revokeToken: [0, 0, 1, 1, 1, 0, 0],
	postStats: [0, 0, 1, 1, 1, 1, 0],
	publishAsUnit: [0, 0, 0, 0, 1, 1, 0],
	publishAsOfficeUnit: [0, 0, 0, 0, 0, 0, 1],
	orderPackage: [0, 0, 1, 1, 0, 0, 0],
	startPackage: [0, 0, 1, 0, 0, 0, 0],
	cancelPackage: [0, 0, 1, 1, 0, 0, 0],
	changePackage: [0, 0, 1, 1, 0, 0, 0],
	withdrawPackageChange: [0, 0, 1, 1, 0, 0, 0],
	seeContracts: [0, 0, 1, 1, 0, 0, 0],
	downloadContract: [0, 0, 1, 1, 0, 0, 0],
	seeInvoices: [0, 0, 1, 1, 0, 0, 0],
	downloadInvoice: [0, 0, 1, 1, 0, 0, 0],
	invoiceReceiver: [0, 0, 1, 1, 0, 0, 0],
	addCoordinator: [0, 0, 1, 0, 0, 0, 0],
	// Pakiet 2 and 3 (promotions/): promoting unit U's post, ending it early, its reach report;
	// the coordinator's "Zasięg regionalny" (cross-posting.ts), seen and saved.
	promotePost: [0, 0, 1, 1, 1, 1, 0],
	cancelPromotion: [0, 0, 1, 1, 1, 1, 0],
	reachReport: [0, 0, 1, 1, 1, 1, 0],
	regionalReach: [0, 0, 1, 1, 0, 0, 0],
	setRegionalReach: [0, 0, 1, 1, 0, 0, 0]
};

describe('authorization matrix: office and unit roles × unit, staff and package actions', () => {
	const code = '1438053';
	const today = '2026-11-26';
	const media = mkdtempSync(path.join(tmpdir(), 'policy-'));
	let office: Group;
	let unitU: string, unitV: string, officeUnit: string;
	let contractId: string, invoiceId: string;
	let author: Actor;
	let promotionId: string;
	/** A published post of unit U in the office's group (on Pakiet 2). */
	const unitPost = async () =>
		(await createPost(ctx, author, office, { body: `Zebranie wiejskie nr ${++n}`, category: 'other', unitId: unitU }))
			.id;

	const unitRow = (slug: string, name: string, type: string, officePublishes = false) =>
		ctx.db
			.insertInto('units')
			.values({ municipality_code: code, slug, name, type, office_publishes: officePublishes, created_at: new Date() })
			.returning('id')
			.executeTakeFirstOrThrow()
			.then((r) => r.id);
	const staff = (unit: string, userId: string, role: 'editor' | 'unitAdmin') =>
		ctx.db.insertInto('unit_members').values({ unit_id: unit, user_id: userId, role }).execute();
	const freshGroup = async () =>
		createGroup(ctx, operator, {
			slug: `gmina-${++n}`,
			municipalityCode: code,
			name: 'Grupa gminy',
			membershipQuestion: 'Czy mieszkasz w gminie?'
		});

	async function officeActor(role: OfficeRole): Promise<Actor | null> {
		if (role === 'anonymous') return null;
		const actor = await makeUser(ctx, `${role}${++n}@t.pl`, { operator: role === 'operator' });
		if (role === 'coordinator')
			await ctx.db.insertInto('coordinators').values({ municipality_code: code, user_id: actor.id }).execute();
		if (role === 'unitAdmin') await staff(unitU, actor.id, 'unitAdmin');
		if (role === 'editor') await staff(unitU, actor.id, 'editor');
		if (role === 'officeStaff') await staff(officeUnit, actor.id, 'editor');
		return actor;
	}

	const unitInput = { name: 'Szkoła Podstawowa w Wiskitkach', type: 'primarySchool' };

	async function performOffice(action: OfficeAction, actor: Actor | null): Promise<unknown> {
		switch (action) {
			case 'listUnits':
				return listUnits(ctx, actor, code);
			case 'addUnit':
				return addUnit(ctx, actor, code, { name: `Biblioteka ${++n}`, type: 'library' });
			case 'editUnit':
				return updateUnit(ctx, actor, unitU, unitInput);
			case 'editProfile':
				return updateUnitProfile(ctx, actor, unitU, { description: 'Szkoła z tradycjami' });
			case 'unitSwitches':
				return setUnitSettings(ctx, actor, unitU, { canPublish: true });
			case 'changeLogo':
				return setUnitLogo(ctx, actor, unitU, null);
			case 'viewUnit':
				return getUnitForManager(ctx, actor, unitU);
			case 'invite':
				return inviteStaff(ctx, actor, unitU, { email: `zaproszony${++n}@t.pl`, role: 'editor' });
			case 'revokeInvitation': {
				const { id } = await inviteStaff(ctx, operator, unitU, { email: `zaproszony${++n}@t.pl`, role: 'editor' });
				return revokeInvitation(ctx, actor, unitU, id);
			}
			case 'removeStaff': {
				const leaving = await makeUser(ctx, `odchodzi${++n}@t.pl`);
				await staff(unitU, leaving.id, 'editor');
				return removeStaff(ctx, actor, unitU, leaving.id);
			}
			case 'changeRole': {
				const promoted = await makeUser(ctx, `awans${++n}@t.pl`);
				await staff(unitU, promoted.id, 'editor');
				return changeStaffRole(ctx, actor, unitU, promoted.id, { role: 'unitAdmin' });
			}
			case 'createToken':
				return createUnitToken(ctx, actor, unitU, 'strona szkoły');
			case 'listTokens':
				return listUnitTokens(ctx, actor, unitU);
			case 'revokeToken': {
				await createUnitToken(ctx, operator, unitU, `token ${++n}`);
				const [token] = await listUnitTokens(ctx, operator, unitU);
				return revokeUnitToken(ctx, actor, unitU, token.id);
			}
			case 'postStats':
				return unitPostStats(ctx, actor, unitU);
			case 'publishAsUnit':
				return createPost(ctx, actor, office, { body: 'Komunikat szkoły', category: 'other', unitId: unitU });
			case 'publishAsOfficeUnit':
				return createPost(ctx, actor, office, { body: 'Komunikat ośrodka', category: 'other', unitId: unitV });
			case 'orderPackage': {
				const group = await freshGroup();
				return placeOrder(ctx, actor, {
					...testCustomer,
					group: group.slug,
					plan: 'monthly',
					startsOn: today,
					contactPhone: '',
					units: ''
				});
			}
			case 'startPackage': {
				const group = await freshGroup();
				return startSubscription(ctx, actor, group.id, { plan: 'monthly', startsOn: today });
			}
			case 'cancelPackage': {
				const group = await freshGroup();
				await startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: today });
				return cancelSubscription(ctx, actor, group.id);
			}
			case 'changePackage': {
				// A pilot on Pakiet 2 (as the operator may sell early): moving down to Pakiet 1 needs no 2027 price.
				const group = await freshGroup();
				const id = await startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: today });
				await ctx.db
					.updateTable('subscription_packages')
					.set({ package: 'pakiet2' })
					.where('subscription_id', '=', id)
					.execute();
				return requestPackageChange(ctx, actor, group.id, { package: 'pakiet1' });
			}
			case 'withdrawPackageChange': {
				const group = await freshGroup();
				const id = await startSubscription(ctx, operator, group.id, { plan: 'monthly', startsOn: today });
				await ctx.db
					.updateTable('subscription_packages')
					.set({ package: 'pakiet2' })
					.where('subscription_id', '=', id)
					.execute();
				await requestPackageChange(ctx, operator, group.id, { package: 'pakiet1' });
				return withdrawPackageChange(ctx, actor, group.id);
			}
			case 'seeContracts':
				return contractsOf(ctx, actor, code);
			case 'downloadContract':
				return contractForReader(ctx, actor, contractId);
			case 'seeInvoices':
				return customerInvoices(ctx, actor, code);
			case 'downloadInvoice':
				return invoiceForReader(ctx, actor, invoiceId);
			case 'invoiceReceiver':
				return setInvoiceReceiver(ctx, actor, code, { name: '' });
			case 'addCoordinator': {
				const named = await makeUser(ctx, `koordynator${++n}@t.pl`);
				return addCoordinator(ctx, actor, code, named.email);
			}
			case 'promotePost':
				return promotePost(ctx, actor, await unitPost(), { days: 1 });
			case 'cancelPromotion': {
				const { promotionId } = await promotePost(ctx, operator, await unitPost(), { days: 1 });
				return cancelPromotion(ctx, actor, promotionId);
			}
			case 'reachReport':
				return promotionReport(ctx, actor, unitU, promotionId);
			case 'regionalReach':
				return regionalReach(ctx, actor, office.slug, null);
			case 'setRegionalReach':
				return setRegionalReach(ctx, actor, office.slug, { mode: 'default' });
		}
	}

	beforeAll(async () => {
		office = await createGroup(ctx, operator, {
			slug: 'urzad-gminy',
			municipalityCode: code,
			name: 'Wiskitki – komunikaty',
			membershipQuestion: 'Czy mieszkasz w gminie?'
		});
		unitU = await unitRow('szkola', unitInput.name, 'primarySchool');
		unitV = await unitRow('ops', 'Ośrodek Pomocy Społecznej', 'socialHelp', true);
		officeUnit = await unitRow('urzad', 'Urząd Gminy Wiskitki', 'office');
		// A signed contract: the package runs from today and its first invoice is issued (to the seller's account).
		await setDemoSeller(ctx.db);
		const contract = await placeOrder(ctx, operator, {
			...testCustomer,
			group: office.slug,
			plan: 'monthly',
			startsOn: today,
			contactPhone: '',
			units: ''
		});
		const pdfScan = { name: 'umowa.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% podpisana umowa\n%%EOF\n') };
		const { invoice } = await signContract(ctx, operator, contract.id, pdfScan, media);
		contractId = contract.id;
		invoiceId = invoice!.id;
		// Pakiet 2 in force (promoting), with a quota the matrix cannot use up; a promotion to report on.
		await ctx.db
			.updateTable('subscription_packages')
			.set({ package: 'pakiet2' })
			.where('subscription_id', 'in', (eb) =>
				eb.selectFrom('subscriptions').select('id').where('group_id', '=', office.id)
			)
			.execute();
		await ctx.db
			.insertInto('prices')
			.values({
				package: 'pakiet2',
				plan: 'monthly',
				gross: null,
				valid_from: '2026-01-01',
				promotions_per_month: 1000,
				created_at: new Date()
			})
			.execute();
		author = await makeUser(ctx, `autor${++n}@t.pl`);
		await staff(unitU, author.id, 'editor');
		({ promotionId } = await promotePost(ctx, operator, await unitPost(), { days: 1 }));
	});

	for (const role of officeRoles) {
		for (const [action, row] of Object.entries(officeMatrix) as [OfficeAction, number[]][]) {
			const allowed = row[officeRoles.indexOf(role)] === 1;
			it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
				const actor = await officeActor(role);
				const result = performOffice(action, actor);
				if (allowed) await expect(result).resolves.not.toThrow();
				else
					await expect(result).rejects.toMatchObject({
						name: 'AppError',
						code: role === 'anonymous' ? 'unauthenticated' : 'forbidden'
					});
			});
		}
	}
});
