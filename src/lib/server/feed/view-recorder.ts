import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { ViewSink } from '../core/context';
import type { Db } from '../db/database';
import { log } from '../core/logger';
import { limits } from '../limits/rules';
import { warsawDay } from '../../dates';

/** One reported view: a post seen by a viewer key on a Warsaw day, in the feed of `seenIn` (a group's slug) if any. */
export interface PendingView {
	postId: string;
	day: string;
	viewerKey: string;
	seenIn: string | null;
}

/**
 * Writes many views at once, inside the caller's transaction, doing per row what a single view
 * does: a `post_views` row once per (post, day, viewer) bumps `view_count`; a signed-in viewer's first
 * `post_viewers` row of the post, or an anonymous viewer's new view of the day, bumps
 * `unique_viewer_count`; a post cross-posted into `seenIn` gets its `cross_post_views` row. Posts that are not published (any more) count nothing. Returns how many
 * new views were written.
 */
export async function writeViews(tx: Db, views: PendingView[]): Promise<number> {
	if (views.length === 0) return 0;
	const ids = [...new Set(views.map((v) => v.postId))];
	// The posts are locked in id order first, so that two instances flushing overlapping posts wait
	// for each other instead of deadlocking on their rows and on the unique index entries.
	const published = await sql<{ id: string }>`
		select id from posts where id = any(${ids}::bigint[]) and status = 'published' order by id for no key update`.execute(
		tx
	);
	if (published.rows.length === 0) return 0;
	const r = await sql<{ views: string }>`
		with input as (
			select distinct t.post_id, t.day, t.viewer_key, t.seen_in
			from unnest(${views.map((v) => v.postId)}::bigint[], ${views.map((v) => v.day)}::date[],
				${views.map((v) => v.viewerKey)}::text[], ${views.map((v) => v.seenIn)}::text[]) as t(post_id, day, viewer_key, seen_in)
			where t.post_id = any(${published.rows.map((p) => p.id)}::bigint[])),
		crossed as (
			-- Only the posts shown there as cross-posts: a group's own posts are its views already.
			insert into cross_post_views (post_id, group_id, viewer_key, day)
			select distinct i.post_id, cp.group_id, i.viewer_key, i.day
			from input i join groups g on g.slug = i.seen_in join cross_posts cp on cp.group_id = g.id and cp.post_id = i.post_id
			order by 1, 2, 3, 4
			on conflict do nothing),
		fresh as (
			insert into post_views (post_id, day, viewer_key)
			select distinct post_id, day, viewer_key from input order by 1, 2, 3
			on conflict do nothing
			returning post_id, day, viewer_key),
		first_time as (
			-- A viewer's first view of a post, on any day, also counts them as a unique viewer. An
			-- anonymous key lives one day (web/viewer.ts): its new view of the day is its first.
			insert into post_viewers (post_id, viewer_key, first_day)
			select post_id, viewer_key, min(day) from fresh where viewer_key not like 'anon:%' group by 1, 2 order by 1, 2
			on conflict do nothing
			returning post_id),
		per_post as (
			select f.post_id, count(*) as views,
				count(*) filter (where f.viewer_key like 'anon:%') + (select count(*) from first_time t where t.post_id = f.post_id) as viewers
			from fresh f group by f.post_id),
		bumped as (
			update posts p set view_count = p.view_count + c.views, unique_viewer_count = p.unique_viewer_count + c.viewers
			from per_post c where p.id = c.post_id)
		select count(*) as views from fresh`.execute(tx);
	return Number(r.rows[0].views);
}

export interface ViewRecorderOptions {
	/** How often buffered views are written; null: only when `flush()` is called (tests). */
	intervalMs?: number | null;
	/** A buffer this full is written at once. */
	maxBuffered?: number;
}

/**
 * The views of one process, buffered and written at most once a second as one transaction
 * (`writeViews`), and when 5 000 are waiting, and on `close()`. The limit of reports per viewer
 * key (`limits.viewBatchesPerViewer`) is counted here in memory, per process. A failed write is
 * logged and its views are tried once more with the next batch; the process carries on.
 */
export class ViewRecorder implements ViewSink {
	private buffer = new Map<string, PendingView>();
	/** Views whose write failed once: tried again with the next batch, then given up. */
	private retry: PendingView[] = [];
	private chain: Promise<number> = Promise.resolve(0);
	private timer: ReturnType<typeof setInterval> | null = null;
	private closed = false;
	/** A write is waiting in the chain and has not taken the buffer yet. */
	private queued = false;
	private window = -1;
	private reports = new Map<string, number>();
	private readonly maxBuffered: number;

	constructor(
		private readonly db: Db,
		private readonly clock: Clock,
		options: ViewRecorderOptions = {}
	) {
		this.maxBuffered = options.maxBuffered ?? 5000;
		const intervalMs = options.intervalMs === undefined ? 1000 : options.intervalMs;
		if (intervalMs !== null) {
			this.timer = setInterval(() => {
				if (this.buffer.size > 0 || this.retry.length > 0) void this.flush();
			}, intervalMs);
			this.timer.unref();
		}
	}

	/** Views waiting to be written. */
	get pending(): number {
		return this.buffer.size + this.retry.length;
	}

	/**
	 * Takes one report of posts seen by a viewer (ids already checked, at most 50); returns how
	 * many posts it took, 0 past the viewer's limit of reports or after `close()`.
	 */
	add(postIds: string[], viewerKey: string, seenIn: string | null): number {
		if (this.closed || postIds.length === 0 || !this.withinLimit(viewerKey)) return 0;
		const day = warsawDay(this.clock.now());
		for (const postId of postIds) {
			const view = { postId, day, viewerKey, seenIn };
			this.buffer.set(`${postId}\n${day}\n${viewerKey}\n${seenIn ?? ''}`, view);
		}
		if (this.buffer.size >= this.maxBuffered && !this.queued) void this.flush();
		return postIds.length;
	}

	/** Writes what is buffered (after any write in progress); resolves to the new views written, never rejects. */
	flush(): Promise<number> {
		this.queued = true;
		this.chain = this.chain.then(() => this.write());
		return this.chain;
	}

	/** Stops the timer and writes what is left; call before the database closes. */
	async close(): Promise<void> {
		this.closed = true;
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		await this.flush();
	}

	private async write(): Promise<number> {
		this.queued = false;
		const fresh = [...this.buffer.values()];
		this.buffer.clear();
		const again = this.retry;
		this.retry = [];
		if (fresh.length === 0 && again.length === 0) return 0;
		try {
			return await this.db.transaction().execute((tx) => writeViews(tx, [...again, ...fresh]));
		} catch (err) {
			this.retry = fresh;
			log.error(
				{ err, views: fresh.length + again.length, dropped: again.length },
				again.length > 0
					? 'Nie zapisano wyświetleń: ponowimy z następną paczką, wcześniejsze porzucone'
					: 'Nie zapisano wyświetleń: ponowimy z następną paczką'
			);
			return 0;
		}
	}

	private withinLimit(viewerKey: string): boolean {
		const rule = limits.viewBatchesPerViewer(viewerKey);
		// Fixed windows aligned to the epoch, as the database limiter's.
		const window = Math.floor(this.clock.now().getTime() / rule.windowMs);
		if (window !== this.window) {
			this.window = window;
			this.reports.clear();
		}
		const n = this.reports.get(rule.key) ?? 0;
		if (n >= rule.limit) return false;
		this.reports.set(rule.key, n + 1);
		return true;
	}
}
