import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, StoredFinding } from '../db/schema';
import { authorizeInGroup } from '../access/group-access';
import { listOpenAppeals, type OpenAppeal } from './decisions';
import { groundForFindings, groundLabel, grounds, type Ground } from './terms';
import { sanctionLabels } from './sanctions';

export interface AuthorHistory {
	id: string;
	name: string;
	memberSince: string | null;
	newMember: boolean;
	published: number;
	held: number;
	rejected: number;
	reported: number;
	sanctions: { label: string; endsAt: string; active: boolean }[];
}

export interface QueueReport {
	id: string;
	groundLabel: string;
	explanation: string;
	reporterName: string;
	fromPublisher: boolean;
	createdAt: string;
}

export interface QueueItem {
	kind: 'post' | 'comment';
	id: string;
	postId: string;
	status: string;
	body: string;
	findings: StoredFinding[];
	reason: string | null;
	unitName: string | null;
	postExcerpt: string | null;
	createdAt: string;
	flagged: boolean;
	suggestedGround: Ground;
	author: AuthorHistory;
	reports: QueueReport[];
	fromPublisher: boolean;
}

export interface Queue {
	reported: QueueItem[];
	held: QueueItem[];
	flagged: QueueItem[];
	appeals: OpenAppeal[];
}

interface Row {
	kind: 'post' | 'comment';
	id: string;
	post_id: string;
	status: string;
	body: string;
	findings: StoredFinding[];
	moderation_reason: string | null;
	unit_name: string | null;
	post_body: string | null;
	created_at: Date;
	flagged: boolean;
	author_id: string;
}

const QUEUE_LIMIT = 100;

async function rows(
	db: Db,
	groupId: string,
	where: 'held' | 'flagged' | { ids: { posts: string[]; comments: string[] } }
): Promise<Row[]> {
	let posts = db
		.selectFrom('posts as p')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select([
			'p.id',
			'p.id as post_id',
			'p.status',
			'p.body',
			'p.findings',
			'p.moderation_reason',
			'un.name as unit_name',
			'p.created_at',
			'p.flagged',
			'p.author_id'
		])
		.where('p.group_id', '=', groupId);
	let comments = db
		.selectFrom('comments as c')
		.innerJoin('posts as p', 'p.id', 'c.post_id')
		.select([
			'c.id',
			'c.post_id',
			'c.status',
			'c.body',
			'c.findings',
			'c.moderation_reason',
			'p.body as post_body',
			'c.created_at',
			'c.flagged',
			'c.author_id'
		])
		.where('p.group_id', '=', groupId);
	if (where === 'held') {
		posts = posts.where('p.status', '=', 'pending');
		comments = comments.where('c.status', '=', 'pending');
	} else if (where === 'flagged') {
		posts = posts.where('p.flagged', '=', true).where('p.status', '=', 'published');
		comments = comments.where('c.flagged', '=', true).where('c.status', '=', 'published');
	} else {
		posts = where.ids.posts.length ? posts.where('p.id', 'in', where.ids.posts) : posts.where(sql<boolean>`false`);
		comments = where.ids.comments.length
			? comments.where('c.id', 'in', where.ids.comments)
			: comments.where(sql<boolean>`false`);
	}
	const [p, c] = await Promise.all([
		posts.orderBy('p.created_at').limit(QUEUE_LIMIT).execute(),
		comments.orderBy('c.created_at').limit(QUEUE_LIMIT).execute()
	]);
	return [
		...p.map((r) => ({ ...r, kind: 'post' as const, post_body: null })),
		...c.map((r) => ({ ...r, kind: 'comment' as const, unit_name: null }))
	].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

/** What moderators need to judge an author: standing, past content, reports and sanctions. */
async function histories(ctx: Ctx, group: Group, authorIds: string[]): Promise<Map<string, AuthorHistory>> {
	const out = new Map<string, AuthorHistory>();
	if (authorIds.length === 0) return out;
	const ids = [...new Set(authorIds)];
	const now = ctx.clock.now();
	const [users, postCounts, commentCounts, reportCounts, sanctions] = await Promise.all([
		ctx.db
			.selectFrom('users as u')
			.leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.group_id', '=', group.id))
			.select(['u.id', 'u.display_name', 'm.decided_at', 'm.requested_at', 'm.status'])
			.where('u.id', 'in', ids)
			.execute(),
		ctx.db
			.selectFrom('posts')
			.select(['author_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('group_id', '=', group.id)
			.where('author_id', 'in', ids)
			.groupBy(['author_id', 'status'])
			.execute(),
		ctx.db
			.selectFrom('comments as c')
			.innerJoin('posts as p', 'p.id', 'c.post_id')
			.select(['c.author_id', 'c.status', (eb) => eb.fn.countAll<string>().as('n')])
			.where('p.group_id', '=', group.id)
			.where('c.author_id', 'in', ids)
			.groupBy(['c.author_id', 'c.status'])
			.execute(),
		ctx.db
			.selectFrom('moderation_log')
			.select(['subject_id', (eb) => eb.fn.countAll<string>().as('n')])
			.where('group_id', '=', group.id)
			.where('subject_id', 'in', ids)
			// Upheld notices: content removed after a report (a sanction citing the report is not another one).
			.where('report_id', 'is not', null)
			.where('action', '=', 'remove')
			.groupBy('subject_id')
			.execute(),
		ctx.db
			.selectFrom('sanctions')
			.select(['user_id', 'kind', 'ends_at', 'lifted_at'])
			.where('group_id', '=', group.id)
			.where('user_id', 'in', ids)
			.orderBy('starts_at', 'desc')
			.execute()
	]);
	for (const u of users) {
		const counts = [...postCounts.map((r) => ({ ...r })), ...commentCounts].filter((r) => r.author_id === u.id);
		const sum = (statuses: string[]) =>
			counts.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
		// A membership approved without a recorded decision (imported, or the demo's) counts from its request.
		const memberSince = u.status === 'approved' ? (u.decided_at ?? u.requested_at) : null;
		out.set(u.id, {
			id: u.id,
			name: u.display_name,
			memberSince: memberSince?.toISOString() ?? null,
			newMember:
				!!memberSince && now.getTime() - memberSince.getTime() < Math.max(group.new_member_days, 7) * 86_400_000,
			published: sum(['published']),
			held: sum(['pending', 'changes_requested']),
			rejected: sum(['rejected', 'removed', 'hidden']),
			reported: Number(reportCounts.find((r) => r.subject_id === u.id)?.n ?? 0),
			sanctions: sanctions
				.filter((s) => s.user_id === u.id)
				.map((s) => ({
					label: sanctionLabels[s.kind],
					endsAt: s.ends_at.toISOString(),
					active: !s.lifted_at && s.ends_at > now
				}))
		});
	}
	return out;
}

/**
 * A group's queue: reported content (publishers' notices first), content held by the engine or
 * the policy (oldest first), content published with a flagged word, and open appeals.
 */
export async function listQueue(ctx: Ctx, actor: Actor | null, group: Group): Promise<Queue> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	const reports = await ctx.db
		.selectFrom('reports as r')
		.select([
			'r.id',
			'r.post_id',
			'r.comment_id',
			'r.ground',
			'r.explanation',
			'r.reporter_name',
			'r.from_publisher',
			'r.created_at'
		])
		.where('r.group_id', '=', group.id)
		.where('r.status', '=', 'open')
		.orderBy('r.from_publisher', 'desc')
		.orderBy('r.created_at')
		.limit(500)
		.execute();
	const [reportedRows, heldRows, flaggedRows, appeals] = await Promise.all([
		rows(ctx.db, group.id, {
			ids: {
				posts: [...new Set(reports.filter((r) => r.post_id).map((r) => r.post_id!))],
				comments: [...new Set(reports.filter((r) => r.comment_id).map((r) => r.comment_id!))]
			}
		}),
		rows(ctx.db, group.id, 'held'),
		rows(ctx.db, group.id, 'flagged'),
		listOpenAppeals(ctx, moderator, group.id)
	]);
	const authors = await histories(
		ctx,
		group,
		[...reportedRows, ...heldRows, ...flaggedRows].map((r) => r.author_id)
	);
	const item = (r: Row): QueueItem => {
		const mine = reports.filter((rep) => (r.kind === 'post' ? rep.post_id === r.id : rep.comment_id === r.id));
		const fromReports = mine.map((m) => m.ground).find((g): g is Ground => g in grounds);
		return {
			kind: r.kind,
			id: r.id,
			postId: r.post_id,
			status: r.status,
			body: r.body,
			findings: r.findings ?? [],
			reason: r.moderation_reason,
			unitName: r.unit_name,
			postExcerpt: r.post_body ? r.post_body.slice(0, 140) : null,
			createdAt: r.created_at.toISOString(),
			flagged: r.flagged,
			suggestedGround: fromReports ?? groundForFindings(r.findings ?? []),
			author: authors.get(r.author_id)!,
			reports: mine.map((m) => ({
				id: m.id,
				groundLabel: groundLabel(m.ground),
				explanation: m.explanation,
				reporterName: m.reporter_name,
				fromPublisher: m.from_publisher,
				createdAt: m.created_at.toISOString()
			})),
			fromPublisher: mine.some((m) => m.from_publisher)
		};
	};
	const reported = reportedRows
		.map(item)
		.sort(
			(a, b) =>
				Number(b.fromPublisher) - Number(a.fromPublisher) ||
				a.reports[0].createdAt.localeCompare(b.reports[0].createdAt)
		);
	return { reported, held: heldRows.map(item), flagged: flaggedRows.map(item), appeals };
}
