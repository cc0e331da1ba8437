import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { assertSignedIn } from '../access/actor';
import { authorizeOnPost } from '../access/post-access';

/**
 * Following a post ("Obserwuj"): its followers are told of new comments. The author follows their
 * own post without asking; "Wycisz" (a muted row) silences anyone, the author included.
 */
export async function followPost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	follow: boolean
): Promise<{ following: boolean }> {
	assertSignedIn(actor, 'Zaloguj się, aby obserwować post.');
	await authorizeOnPost(ctx, actor, postId, 'read');
	await ctx.db
		.insertInto('post_follows')
		.values({ post_id: postId, user_id: actor.id, muted: !follow, created_at: ctx.clock.now() })
		.onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ muted: !follow }))
		.execute();
	return { following: follow };
}

/** Does the reader follow the post (the author unless they muted it)? */
export async function follows(db: Db, postId: string, reader: Actor | null, authorId: string): Promise<boolean> {
	if (!reader) return false;
	const row = await db
		.selectFrom('post_follows')
		.select('muted')
		.where('post_id', '=', postId)
		.where('user_id', '=', reader.id)
		.executeTakeFirst();
	return row ? !row.muted : reader.id === authorId;
}

/** Who is told of a new comment on the post: its followers, and who muted it (to be left out). */
export async function postFollowers(db: Db, postId: string): Promise<{ following: string[]; muted: Set<string> }> {
	const rows = await db.selectFrom('post_follows').select(['user_id', 'muted']).where('post_id', '=', postId).execute();
	return {
		following: rows.filter((r) => !r.muted).map((r) => r.user_id),
		muted: new Set(rows.filter((r) => r.muted).map((r) => r.user_id))
	};
}
