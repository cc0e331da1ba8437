import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { logIn } from '../auth/sessions';
import { makeUser, openTestDatabase, testCtx, TEST_PASSWORD } from '../testing/fixtures';
import { AUTH_CLEANUP, PUBLISH_SCHEDULED, startJobs, WEEKLY_DIGESTS, type Jobs } from './jobs';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let jobs: Jobs;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	jobs = await startJobs(database, ctx, { schedule: false });
});
afterAll(async () => {
	await jobs?.stop();
	await database?.close();
});

describe('background jobs on pg-boss', () => {
	it('runs the clean-up job: expired sessions and old log-in attempts go, current ones stay', async () => {
		await makeUser(ctx, 'ola@t.pl');
		await logIn(ctx, { email: 'ola@t.pl', password: TEST_PASSWORD }, '10.0.0.1');
		await expect(logIn(ctx, { email: 'ola@t.pl', password: 'zle' }, '10.0.0.1')).rejects.toBeTruthy();
		clock.advance(31 * 24 * 3600_000);
		const { token } = await logIn(ctx, { email: 'ola@t.pl', password: TEST_PASSWORD }, '10.0.0.1');
		expect(await ctx.db.selectFrom('sessions').select('token_hash').execute()).toHaveLength(2);

		await jobs.boss.send(AUTH_CLEANUP, {});
		await expect
			.poll(async () => (await ctx.db.selectFrom('sessions').select('token_hash').execute()).length, {
				timeout: 15_000,
				interval: 250
			})
			.toBe(1);
		const attempts = await ctx.db.selectFrom('login_attempts').select('succeeded').execute();
		expect(attempts).toEqual([{ succeeded: true }]);
		expect(token).toBeTruthy();
	});
});

describe('the scheduled-posts job', () => {
	it('publishes a post whose time has come', async () => {
		const { createGroup, getGroup } = await import('../groups/groups');
		const { createPost } = await import('../feed/create-post');
		const { getPost } = await import('../feed/feed-query');
		const { loadDemoMunicipalities } = await import('../testing/fixtures');
		await loadDemoMunicipalities(ctx);
		const operator = await makeUser(ctx, 'op-jobs@t.pl', { operator: true });
		await createGroup(ctx, operator, {
			slug: 'jobs',
			municipalityCode: '1438053',
			name: 'Grupa',
			membershipQuestion: 'Czy mieszkasz tutaj?'
		});
		const group = await getGroup(ctx.db, 'jobs');
		const { id } = await createPost(ctx, operator, group, {
			body: 'Zaplanowany komunikat',
			category: 'official',
			publishAt: new Date(clock.now().getTime() + 120_000)
		});
		clock.advance(121_000);
		await jobs.boss.send(PUBLISH_SCHEDULED, {});
		await expect
			.poll(async () => (await getPost(ctx, null, id).catch(() => null))?.post.status, {
				timeout: 15_000,
				interval: 250
			})
			.toBe('published');
	});
});

describe('the weekly digests job', () => {
	it('queues the digest of a group on its day and hour (Friday 16:00 in Warsaw by default)', async () => {
		const { getGroup } = await import('../groups/groups');
		const group = await getGroup(ctx.db, 'jobs');
		const runs = async () =>
			(await ctx.db.selectFrom('digest_runs').select('group_id').where('group_id', '=', group.id).execute()).length;
		clock.set('2027-01-08T15:00:00Z');
		await jobs.boss.send(WEEKLY_DIGESTS, {});
		await expect.poll(runs, { timeout: 15_000, interval: 250 }).toBe(1);
	});
});
