import { sql } from 'kysely';
import type { Db } from '../src/lib/server/db/database';
import { foldText } from '../src/lib/server/text/fold';

export interface Scale {
	members: number;
	posts: number;
	commentsPerPost: number;
	reactionsPerPost: number;
	viewsPerPost: number;
}

/** The size the issue asks for: 20 000 members, 100 000 posts, 500 000 comments, 2 000 000 reactions, 5 000 000 views. */
export const fullScale: Scale = {
	members: 20_000,
	posts: 100_000,
	commentsPerPost: 5,
	reactionsPerPost: 20,
	viewsPerPost: 50
};

export const BENCH_SLUG = 'bench';

/**
 * Generates one large group with SQL set operations (generate_series), so it takes seconds on a
 * server. Returns false when the group is already there.
 */
export async function generateLargeGroup(
	db: Db,
	scale: Scale,
	log: (s: string) => void = console.log
): Promise<boolean> {
	if (await db.selectFrom('groups').select('id').where('slug', '=', BENCH_SLUG).executeTakeFirst()) return false;
	// One transaction: an interrupted run leaves nothing half-made behind.
	await db.transaction().execute((tx) => generate(tx, scale, log));
	await sql`analyze`.execute(db);
	return true;
}

async function generate(db: Db, scale: Scale, log: (s: string) => void): Promise<void> {
	const t0 = Date.now();
	const step = async (label: string, q: ReturnType<typeof sql>) => {
		const t = Date.now();
		await q.execute(db);
		log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
	};
	await db
		.insertInto('municipalities')
		.values({
			teryt_code: '1438053',
			name: 'Wiskitki',
			kind: 'mixed',
			county: 'żyrardowski',
			voivodeship: 'mazowieckie',
			name_folded: foldText('Wiskitki')
		})
		.onConflict((oc) => oc.doNothing())
		.execute();
	const group = await db
		.insertInto('groups')
		.values({
			slug: BENCH_SLUG,
			municipality_code: '1438053',
			name: 'Grupa testowa wydajności',
			membership_question: 'Czy to test?',
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const g = Number(group.id);
	const kinds = sql.raw(`array['like','love','haha','wow','sad','angry']`);
	const categories = sql.raw(
		`array['official','education','culture','sport','safety','social','municipal','community','questions','classifieds','lostFound','other']`
	);

	await step(
		`${scale.members} users + memberships`,
		sql`
		with u as (
			insert into users (email, password_hash, display_name, email_verified_at, created_at)
			select 'bench' || i || '@bench.test', '', 'Mieszkaniec ' || i, now(), now() from generate_series(1, ${scale.members}) i
			returning id)
		insert into memberships (group_id, user_id, status, role, answer, requested_at)
		select ${g}, id, 'approved', 'member', '', now() from u`
	);
	await step('member count', sql`update groups set member_count = ${scale.members} where id = ${g}`);
	const firstUser = Number(
		(await sql<{ id: string }>`select min(user_id) as id from memberships where group_id = ${g}`.execute(db)).rows[0].id
	);

	await step(
		`${scale.posts} posts`,
		sql`
		insert into posts (group_id, author_id, category, body, body_folded, status, reaction_counts, created_at, published_at, comment_count, reaction_count, view_count, share_count)
		select ${g}, ${firstUser} + (i::bigint * 7919) % ${scale.members}, (${categories})[1 + i % 12],
		  'Post numer ' || i || '. Informacja dla mieszkańców gminy o sprawach bieżących, wydarzeniach i utrudnieniach.',
		  'post numer ' || i || '. informacja dla mieszkancow gminy o sprawach biezacych, wydarzeniach i utrudnieniach.',
		  'published', '{}', ts, ts, ${scale.commentsPerPost}, ${scale.reactionsPerPost}, ${scale.viewsPerPost}, i % 7
		from generate_series(1, ${scale.posts}) i, lateral (select now() - (${scale.posts} - i) * interval '10 minutes' as ts) t`
	);
	const firstPost = Number(
		(await sql<{ id: string }>`select min(id) as id from posts where group_id = ${g}`.execute(db)).rows[0].id
	);

	await step(
		`${scale.posts * scale.commentsPerPost} comments`,
		sql`
		insert into comments (post_id, author_id, body, status, reaction_counts, created_at)
		select ${firstPost} + i % ${scale.posts}, ${firstUser} + (i::bigint * 104729) % ${scale.members}, 'Komentarz numer ' || i, 'published', '{}', now()
		from generate_series(0, ${scale.posts * scale.commentsPerPost - 1}) i`
	);
	await step(
		`${scale.posts * scale.reactionsPerPost} reactions`,
		sql`
		insert into post_reactions (post_id, user_id, kind, created_at)
		select ${firstPost} + p, ${firstUser} + (p::bigint * 31 + k * ${sql.lit(Math.floor(scale.members / scale.reactionsPerPost))}) % ${scale.members}, (${kinds})[1 + (p + k) % 6], now()
		from generate_series(0, ${scale.posts - 1}) p, generate_series(0, ${scale.reactionsPerPost - 1}) k`
	);
	await step(
		'reaction counts by kind',
		sql`
		update posts set reaction_counts = x.by_kind from (
			select post_id, jsonb_object_agg(kind, n) as by_kind from (select post_id, kind, count(*) as n from post_reactions where post_id >= ${firstPost} group by post_id, kind) k group by post_id
		) x where x.post_id = posts.id`
	);
	await step(
		`${scale.posts * scale.viewsPerPost} views`,
		sql`
		insert into post_views (post_id, day, viewer_key)
		select ${firstPost} + p, (now() - (${scale.posts} - p) * interval '10 minutes')::date, 'b' || k
		from generate_series(0, ${scale.posts - 1}) p, generate_series(0, ${scale.viewsPerPost - 1}) k`
	);
	log(`  generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
