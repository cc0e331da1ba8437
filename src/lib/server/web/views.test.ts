import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { addCoordinator, createCustomer } from '../subscriptions/customers';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx, testCustomer } from '../testing/fixtures';
import { billingOverview, contractsForOperator } from '../billing/admin-views';
import { officePanel } from '../billing/office-views';
import { listCoordinatedMunicipalities } from '../access/office';
import { orderForm } from '../billing/order-views';
import { groupPage } from '../feed/group-page';
import { moderatedGroups } from '../moderation/moderated-groups';
import { transparencyPage } from '../moderation/transparency-views';
import { adminOverview } from '../municipalities/admin-views';
import { outboxForOperator, retryOutboxMessage } from '../notify/admin-views';
import { groupSettings } from '../subscriptions/admin-views';
import { accountPage } from '../privacy/account-views';
import { sitePageForEditing, sitePagesForOperator } from '../site/admin-views';
import { navigationFor } from '../site/navigation';
import { markAllRead, notify } from '../notify/notifications';
import { helpPage } from '../support/help-views';
import { ticketsForStaff, upcomingShifts } from '../support/admin-views';

let database: Database;
let ctx: Ctx;
let operator: Actor, coordinator: Actor, moderator: Actor, resident: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	coordinator = await makeUser(ctx, 'koordynator@wiskitki.test');
	moderator = await makeUser(ctx, 'mod@t.pl');
	resident = await makeUser(ctx, 'anna@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	const group = await getGroup(ctx.db, 'wiskitki');
	await requestMembership(ctx, resident, group, 'Tak');
	await decideMembership(ctx, operator, group, resident.id, true);
	await requestMembership(ctx, moderator, group, 'Tak');
	await decideMembership(ctx, operator, group, moderator.id, true);
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	await createCustomer(ctx, operator, testCustomer);
	await addCoordinator(ctx, operator, '1438053', coordinator.email);
}, 180_000);
afterAll(async () => database?.close());

/** The error code a view answers with, or 'ok'. */
async function outcome(view: () => Promise<unknown>): Promise<string> {
	try {
		await view();
		return 'ok';
	} catch (e) {
		if (e instanceof AppError) return e.code;
		throw e;
	}
}

describe('page views authorize themselves', () => {
	it('answers each role as the pages did', async () => {
		const views: Record<string, (a: Actor | null) => Promise<unknown>> = {
			adminOverview: (a) => adminOverview(ctx, a, 'wis'),
			upcomingShifts: (a) => upcomingShifts(ctx, a),
			ticketsForStaff: (a) => ticketsForStaff(ctx, a, true),
			outboxForOperator: (a) => outboxForOperator(ctx, a, { recipient: null, status: null }, false),
			retryOutboxMessage: (a) => retryOutboxMessage(ctx, a, '1'),
			sitePagesForOperator: (a) => sitePagesForOperator(ctx, a),
			sitePageForEditing: (a) => sitePageForEditing(ctx, a, 'o-nas'),
			billingOverview: (a) => billingOverview(ctx, a),
			contractsForOperator: (a) => contractsForOperator(ctx, a),
			groupSettings: (a) => groupSettings(ctx, a, 'wiskitki'),
			officePanel: (a) => officePanel(ctx, a, null),
			orderForm: (a) => orderForm(ctx, a, null),
			moderatedGroups: (a) => moderatedGroups(ctx, a, null),
			helpPage: (a) => helpPage(ctx, a),
			accountPage: (a) => accountPage(ctx, a)
		};
		const people = { anonymous: null, resident, moderator, coordinator, operator };
		const got: Record<string, string[]> = {};
		for (const [name, view] of Object.entries(views)) {
			got[name] = [];
			for (const actor of Object.values(people)) got[name].push(await outcome(() => view(actor)));
		}
		const operatorOnly = ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok'];
		expect(got).toEqual({
			adminOverview: operatorOnly,
			upcomingShifts: operatorOnly,
			ticketsForStaff: operatorOnly,
			outboxForOperator: operatorOnly,
			retryOutboxMessage: operatorOnly,
			sitePagesForOperator: operatorOnly,
			sitePageForEditing: operatorOnly,
			billingOverview: operatorOnly,
			contractsForOperator: operatorOnly,
			groupSettings: operatorOnly,
			officePanel: ['unauthenticated', 'forbidden', 'forbidden', 'ok', 'ok'],
			orderForm: ['unauthenticated', 'forbidden', 'forbidden', 'ok', 'ok'],
			moderatedGroups: ['unauthenticated', 'forbidden', 'ok', 'forbidden', 'ok'],
			helpPage: ['unauthenticated', 'ok', 'ok', 'ok', 'ok'],
			accountPage: ['unauthenticated', 'ok', 'ok', 'ok', 'ok']
		});
	});

	it('keeps the pages’ own refusals', async () => {
		await expect(upcomingShifts(ctx, resident)).rejects.toThrow('Dyżury ustala operator.');
		await expect(officePanel(ctx, resident, null)).rejects.toThrow('Panel urzędu jest dla koordynatorów gminy.');
		await expect(moderatedGroups(ctx, resident, null)).rejects.toThrow('Nie moderujesz żadnej grupy.');
		await expect(orderForm(ctx, resident, null)).rejects.toThrow('Pakiet zamawia koordynator gminy');
	});

	it('lists what each person coordinates and moderates', async () => {
		expect(await listCoordinatedMunicipalities(ctx, coordinator)).toEqual([
			{ teryt_code: '1438053', name: 'Wiskitki' }
		]);
		const panel = await officePanel(ctx, coordinator, '1438053');
		expect(panel.municipality).toEqual({ code: '1438053', name: 'Wiskitki' });
		expect(panel.groups.map((g) => g.slug)).toEqual(['wiskitki']);
		expect((await moderatedGroups(ctx, moderator, 'wiskitki')).group).toEqual({ slug: 'wiskitki', name: 'Wiskitki' });
		expect((await orderForm(ctx, coordinator, null)).chosen?.slug).toBe('wiskitki');
	});

	it('builds the header for each person', async () => {
		expect(await navigationFor(ctx, null)).toEqual({
			unread: 0,
			unreadConversations: null,
			moderates: false,
			officeHref: null,
			workspaceHref: null
		});
		// "Wiadomości" for who belongs to a group (or has conversations).
		expect(await navigationFor(ctx, moderator)).toMatchObject({
			moderates: true,
			officeHref: null,
			unreadConversations: 0
		});
		expect(await navigationFor(ctx, coordinator)).toMatchObject({
			moderates: false,
			officeHref: '/urzad',
			unreadConversations: null
		});
		expect(await navigationFor(ctx, operator)).toMatchObject({ moderates: true, officeHref: '/urzad' });
		const unreadBefore = (await navigationFor(ctx, moderator)).unread;
		for (const detail of ['pierwsze', 'drugie'])
			await notify(ctx.db, ctx.clock, { userId: moderator.id, kind: 'post_approved', detail });
		expect((await navigationFor(ctx, moderator)).unread).toBe(unreadBefore + 2);
		await markAllRead(ctx, moderator);
		expect((await navigationFor(ctx, moderator)).unread).toBe(0);
	});

	it('serves the group page and the public transparency report to anyone', async () => {
		const p = await groupPage(ctx, null, 'wiskitki', { category: null, cursor: null, unit: null, q: null });
		expect(p.group.slug).toBe('wiskitki');
		expect(p.pendingPosts).toBe(0);
		const t = await transparencyPage(ctx, new URLSearchParams());
		expect(t.groups).toEqual([{ slug: 'wiskitki', name: 'Wiskitki' }]);
	});
});
