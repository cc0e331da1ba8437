import { sql } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import type { QuestionState } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { assertUnitStaff, isUnitStaff, listCoordinatedMunicipalities } from '../access/office';
import { notify } from '../notify/notifications';
import { enqueueEmail } from '../notify/outbox';
import { overdueQuestionsEmail } from './messages';
import { addWorkingDays, workingDaysBetween } from '../../working-days';
import { polishDate, warsawDay, warsawMidnight } from '../../dates';
import { excerpt } from '../../text/excerpt';

/**
 * Residents' questions to the office or a unit (issue 19): a post in the category "Pytania"
 * addressed to a unit of the group's municipality waits for an answer from the day it is published
 * ("czeka na odpowiedź"); the first published comment of that unit's staff (or of the
 * municipality's coordinator) answers it ("odpowiedziano", the comment marked "Odpowiedź urzędu"
 * and shown first); the unit or the coordinator may forward it to another unit ("przekazano"). After
 * two working days without an answer the coordinators and the unit are reminded once.
 */

export const QUESTION_CATEGORY = 'questions';
/** Working days a unit has to answer before the reminder. */
export const ANSWER_WORKING_DAYS = 2;

export const questionStateLabels: Record<QuestionState, string> = {
	waiting: 'czeka na odpowiedź',
	forwarded: 'przekazano',
	answered: 'odpowiedziano'
};

/** What a feed card and the API show of a question. */
export interface QuestionView {
	unit: string;
	state: QuestionState;
	stateLabel: string;
	/** The unit it was forwarded from ("przekazano z …"). */
	forwardedFrom: string | null;
	answeredAt: string | null;
	answerCommentId: string | null;
}

/**
 * The unit a new post asks, checked before the post is written: only a resident's question (the
 * category "Pytania", not a unit's post) and only a unit of the group's municipality.
 */
export async function questionAddressee(
	db: Db,
	group: { municipality_code: string },
	post: { category: string; questionTo?: string | null; unitId?: string | null }
): Promise<{ id: string; name: string } | null> {
	if (!post.questionTo) return null;
	if (post.category !== QUESTION_CATEGORY)
		throw new AppError('validation', 'Adresata wybiera się tylko dla pytań (kategoria „Pytania”).', {
			questionTo: 'Wybierz kategorię „Pytania” albo „Nie kieruję do nikogo”.'
		});
	if (post.unitId)
		throw new AppError('validation', 'Pytanie do urzędu zadaje się we własnym imieniu, nie w imieniu jednostki.', {
			questionTo: 'Publikując jako jednostka, wybierz „Nie kieruję do nikogo”.'
		});
	const unit = isId(post.questionTo)
		? await db
				.selectFrom('units')
				.select(['id', 'name'])
				.where('id', '=', post.questionTo)
				.where('municipality_code', '=', group.municipality_code)
				.executeTakeFirst()
		: undefined;
	if (!unit)
		throw new AppError('validation', 'Nie ma takiej jednostki w tej gminie.', {
			questionTo: 'Wybierz urząd albo jednostkę z listy.'
		});
	return unit;
}

/** The office first, then the other units of the municipality by name: whom a resident may ask. */
export async function unitsToAsk(db: Db, municipalityCode: string): Promise<{ id: string; name: string }[]> {
	const units = await db
		.selectFrom('units')
		.select(['id', 'name', 'type'])
		.where('municipality_code', '=', municipalityCode)
		.orderBy('name')
		.execute();
	return [...units.filter((u) => u.type === 'office'), ...units.filter((u) => u.type !== 'office')].map((u) => ({
		id: u.id,
		name: u.name
	}));
}

/** Records a new post's question in the caller's transaction; a published one is announced to the unit's staff. */
export async function recordQuestion(
	tx: Db,
	clock: Clock,
	q: { postId: string; groupId: string; unitId: string; published: boolean; askedBy: string }
): Promise<void> {
	await tx.insertInto('questions').values({ post_id: q.postId, group_id: q.groupId, unit_id: q.unitId }).execute();
	if (q.published)
		await tellUnit(tx, clock, q.unitId, q, {
			kind: 'question_asked',
			detail: 'Nowe pytanie mieszkańca do Twojej jednostki.'
		});
}

/** A held question's post was published by a moderator (in the caller's transaction): its unit hears of it. */
export async function questionPublished(tx: Db, clock: Clock, postId: string): Promise<void> {
	const q = await tx
		.selectFrom('questions as q')
		.innerJoin('posts as p', 'p.id', 'q.post_id')
		.select(['q.unit_id', 'q.group_id', 'p.author_id'])
		.where('q.post_id', '=', postId)
		.where('q.state', '!=', 'answered')
		.executeTakeFirst();
	if (q)
		await tellUnit(
			tx,
			clock,
			q.unit_id,
			{ postId, groupId: q.group_id, askedBy: q.author_id },
			{ kind: 'question_asked', detail: 'Nowe pytanie mieszkańca do Twojej jednostki.' }
		);
}

/** The post left the category "Pytania" (its author's edit): it asks nobody any more. */
export async function withdrawQuestion(tx: Db, postId: string): Promise<void> {
	await tx.deleteFrom('questions').where('post_id', '=', postId).execute();
}

/** In-app notices to the unit's staff (not the one who acted). */
async function tellUnit(
	tx: Db,
	clock: Clock,
	unitId: string,
	q: { postId: string; groupId: string; askedBy?: string },
	notice: { kind: 'question_asked' | 'question_overdue'; detail: string }
): Promise<void> {
	const staff = await tx.selectFrom('unit_members').select('user_id').where('unit_id', '=', unitId).execute();
	for (const s of staff)
		if (s.user_id !== q.askedBy)
			await notify(tx, clock, { userId: s.user_id, groupId: q.groupId, postId: q.postId, ...notice });
}

/** Who answers for the unit: its staff, its service account, the municipality's coordinators. */
const answersFor = (db: Db, unitId: string, userId: string) =>
	db
		.selectFrom('units as u')
		.select('u.id')
		.where('u.id', '=', unitId)
		.where((eb) =>
			eb.or([
				eb('u.service_user_id', '=', userId),
				eb.exists(
					eb
						.selectFrom('unit_members as m')
						.select('m.user_id')
						.whereRef('m.unit_id', '=', 'u.id')
						.where('m.user_id', '=', userId)
				),
				eb.exists(
					eb
						.selectFrom('coordinators as c')
						.select('c.user_id')
						.whereRef('c.municipality_code', '=', 'u.municipality_code')
						.where('c.user_id', '=', userId)
				)
			])
		)
		.executeTakeFirst()
		.then((r) => !!r);

/**
 * A comment was published under a post (in the caller's transaction): when the post is a question
 * still open and the author answers for its unit, this comment is the answer, and the one who asked
 * is told.
 */
export async function commentPublished(
	tx: Db,
	clock: Clock,
	c: { postId: string; commentId: string }
): Promise<boolean> {
	const q = await tx
		.selectFrom('questions as q')
		.innerJoin('posts as p', 'p.id', 'q.post_id')
		.innerJoin('units as u', 'u.id', 'q.unit_id')
		.innerJoin('comments as c', 'c.post_id', 'q.post_id')
		.select(['q.unit_id', 'q.group_id', 'p.author_id', 'u.name as unit_name', 'c.author_id as commenter'])
		.where('q.post_id', '=', c.postId)
		.where('c.id', '=', c.commentId)
		.where('q.state', '!=', 'answered')
		.where('p.status', '=', 'published')
		.executeTakeFirst();
	if (!q || q.author_id === q.commenter || !(await answersFor(tx, q.unit_id, q.commenter))) return false;
	const answered = await tx
		.updateTable('questions')
		.set({ state: 'answered', answered_at: clock.now(), answer_comment_id: c.commentId })
		.where('post_id', '=', c.postId)
		.where('state', '!=', 'answered')
		.executeTakeFirst();
	if (Number(answered.numUpdatedRows) === 0) return false;
	await notify(tx, clock, {
		userId: q.author_id,
		kind: 'question_answered',
		groupId: q.group_id,
		postId: c.postId,
		commentId: c.commentId,
		actorName: q.unit_name
	});
	return true;
}

/** An open question of a post, with its post and unit, for someone about to act on it. */
async function openQuestion(db: Db, postId: string) {
	const q = isId(postId)
		? await db
				.selectFrom('questions as q')
				.innerJoin('posts as p', 'p.id', 'q.post_id')
				.innerJoin('units as u', 'u.id', 'q.unit_id')
				.select([
					'q.post_id',
					'q.group_id',
					'q.unit_id',
					'q.state',
					'p.author_id',
					'p.status',
					'u.name as unit_name',
					'u.municipality_code'
				])
				.where('q.post_id', '=', postId)
				.executeTakeFirst()
		: undefined;
	if (!q || q.status !== 'published') throw notFound('Nie ma takiego pytania.');
	return q;
}

/**
 * Forwards a question to another unit of the municipality: its current unit's staff or the
 * municipality's coordinator. The one who asked and the new unit's staff are told; the clock keeps
 * running from the question's publication.
 */
export async function forwardQuestion(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	toUnitId: unknown
): Promise<{ unit: string }> {
	assertSignedIn(actor, 'Zaloguj się, aby przekazać pytanie.');
	const q = await openQuestion(ctx.db, postId);
	await assertUnitStaff(
		ctx,
		actor,
		{ id: q.unit_id, municipality_code: q.municipality_code },
		'Pytanie przekazuje jednostka, do której je skierowano, albo koordynator gminy.'
	);
	if (q.state === 'answered') throw new AppError('conflict', 'Na to pytanie już odpowiedziano.');
	const target =
		typeof toUnitId === 'string' && isId(toUnitId) && toUnitId !== q.unit_id
			? await ctx.db
					.selectFrom('units')
					.select(['id', 'name'])
					.where('id', '=', toUnitId)
					.where('municipality_code', '=', q.municipality_code)
					.executeTakeFirst()
			: undefined;
	if (!target)
		throw new AppError('validation', 'Wybierz inną jednostkę tej gminy.', {
			unitId: 'Wybierz jednostkę, do której przekazujesz pytanie.'
		});
	await ctx.db.transaction().execute(async (tx) => {
		const moved = await tx
			.updateTable('questions')
			.set({ state: 'forwarded', forwarded_from: q.unit_id, unit_id: target.id, forwarded_at: ctx.clock.now() })
			.where('post_id', '=', q.post_id)
			.where('unit_id', '=', q.unit_id)
			.where('state', '!=', 'answered')
			.executeTakeFirst();
		if (Number(moved.numUpdatedRows) === 0)
			throw new AppError('conflict', 'Pytanie zmieniło się w międzyczasie. Odśwież stronę.');
		await notify(tx, ctx.clock, {
			userId: q.author_id,
			kind: 'question_forwarded',
			groupId: q.group_id,
			postId: q.post_id,
			actorName: q.unit_name,
			detail: target.name
		});
		await tellUnit(
			tx,
			ctx.clock,
			target.id,
			{ postId: q.post_id, groupId: q.group_id, askedBy: actor.id },
			{ kind: 'question_asked', detail: `${q.unit_name} przekazuje pytanie mieszkańca Twojej jednostce.` }
		);
		await ctx.notifier.publish(tx, { type: 'post', groupId: q.group_id, postId: q.post_id });
	});
	return { unit: target.name };
}

/**
 * For the question's page: the units it may be forwarded to, when the reader may forward it (its
 * unit's staff or the coordinator, while unanswered); null otherwise.
 */
export async function forwardChoices(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	postId: string
): Promise<{ id: string; name: string }[] | null> {
	if (!actor || !isId(postId)) return null;
	const q = await ctx.db
		.selectFrom('questions as q')
		.innerJoin('units as u', 'u.id', 'q.unit_id')
		.select(['q.unit_id', 'q.state', 'u.municipality_code'])
		.where('q.post_id', '=', postId)
		.executeTakeFirst();
	if (!q || q.state === 'answered') return null;
	if (!(await isUnitStaff(ctx, actor, { id: q.unit_id, municipality_code: q.municipality_code }))) return null;
	return (await unitsToAsk(ctx.db, q.municipality_code)).filter((u) => u.id !== q.unit_id);
}

/** When the reminder is due: 8:00 on the third working day after the day of asking (two full working days). */
export function answerDueAt(askedAt: Date): Date {
	const day = addWorkingDays(warsawDay(askedAt), ANSWER_WORKING_DAYS + 1);
	return new Date(warsawMidnight(day).getTime() + 8 * 3_600_000);
}

/** Questions still waiting for an answer under published posts, with the post, its group and the unit asked. */
const openQuestionRows = (db: Db) =>
	db
		.selectFrom('questions as q')
		.innerJoin('posts as p', 'p.id', 'q.post_id')
		.innerJoin('groups as g', 'g.id', 'q.group_id')
		.innerJoin('units as u', 'u.id', 'q.unit_id')
		.where('q.state', '!=', 'answered')
		.where('p.status', '=', 'published');

/**
 * The hourly reminder: questions two working days without an answer (`answerDueAt`), once each. The
 * municipality's coordinators get one e-mail listing them and an in-app notice per question; the
 * unit's staff an in-app notice. The mark and the messages share a transaction. Returns how many
 * questions were reminded.
 */
export async function remindOverdueQuestions(ctx: Ctx): Promise<number> {
	const now = ctx.clock.now();
	const candidates = await openQuestionRows(ctx.db)
		.innerJoin('municipalities as m', 'm.teryt_code', 'u.municipality_code')
		.select([
			'q.post_id',
			'q.group_id',
			'q.unit_id',
			'u.name as unit_name',
			'u.municipality_code',
			'm.name as municipality',
			'g.slug',
			'p.body',
			'p.published_at'
		])
		.where('q.reminded_at', 'is', null)
		// Two working days are at least two calendar days: the rest is decided below.
		.where('p.published_at', '<=', new Date(now.getTime() - 2 * 86_400_000))
		.orderBy('p.published_at')
		.execute();
	const due = candidates.filter((q) => answerDueAt(q.published_at!).getTime() <= now.getTime());
	let reminded = 0;
	for (const code of new Set(due.map((q) => q.municipality_code))) {
		const questions = due.filter((q) => q.municipality_code === code);
		const coordinators = await ctx.db
			.selectFrom('coordinators as k')
			.innerJoin('users as u', 'u.id', 'k.user_id')
			.select(['u.id', 'u.email', 'u.display_name'])
			.where('k.municipality_code', '=', code)
			.where('u.deleted_at', 'is', null)
			.execute();
		reminded += await ctx.db.transaction().execute(async (tx) => {
			const marked = await tx
				.updateTable('questions')
				.set({ reminded_at: now })
				.where(
					'post_id',
					'in',
					questions.map((q) => q.post_id)
				)
				.where('reminded_at', 'is', null)
				.where('state', '!=', 'answered')
				.returning('post_id')
				.execute();
			const kept = questions.filter((q) => marked.some((m) => m.post_id === q.post_id));
			for (const q of kept) {
				const detail = `Pytanie mieszkańca do: ${q.unit_name} czeka na odpowiedź dłużej niż 2 dni robocze.`;
				for (const k of coordinators)
					await notify(tx, ctx.clock, {
						userId: k.id,
						kind: 'question_overdue',
						groupId: q.group_id,
						postId: q.post_id,
						detail
					});
				await tellUnit(
					tx,
					ctx.clock,
					q.unit_id,
					{ postId: q.post_id, groupId: q.group_id },
					{
						kind: 'question_overdue',
						detail
					}
				);
			}
			if (kept.length)
				for (const k of coordinators)
					await enqueueEmail(tx, ctx.clock, {
						to: k.email,
						...overdueQuestionsEmail({
							name: k.display_name,
							municipality: kept[0].municipality,
							questions: kept.map((q) => ({
								unit: q.unit_name,
								excerpt: excerpt(q.body, 120),
								askedAt: polishDate(warsawDay(q.published_at!)),
								url: `${ctx.baseUrl}/g/${q.slug}/p/${q.post_id}`
							})),
							listUrl: `${ctx.baseUrl}/urzad/pytania?gmina=${code}`
						})
					});
			return kept.length;
		});
	}
	return reminded;
}

/** An open question in a unit's or the coordinator's list. */
export interface OpenQuestion {
	postId: string;
	groupSlug: string;
	unitId: string;
	unit: string;
	excerpt: string;
	askedBy: string;
	askedAt: string;
	state: QuestionState;
	forwardedFrom: string | null;
	/** Working days since the day it was asked. */
	workingDays: number;
	overdue: boolean;
}

async function openQuestions(ctx: Pick<Ctx, 'db' | 'clock'>, where: { unitId?: string; municipality?: string }) {
	const now = ctx.clock.now();
	const rows = await openQuestionRows(ctx.db)
		.innerJoin('users as a', 'a.id', 'p.author_id')
		.leftJoin('units as f', 'f.id', 'q.forwarded_from')
		.select([
			'q.post_id',
			'g.slug',
			'q.unit_id',
			'u.name as unit_name',
			'p.body',
			'a.display_name',
			'p.published_at',
			'q.state',
			'f.name as from_name'
		])
		.$if(!!where.unitId, (qb) => qb.where('q.unit_id', '=', where.unitId!))
		.$if(!!where.municipality, (qb) => qb.where('u.municipality_code', '=', where.municipality!))
		.orderBy('p.published_at')
		.orderBy('q.post_id')
		.limit(500)
		.execute();
	return rows.map((r): OpenQuestion => ({
		postId: r.post_id,
		groupSlug: r.slug,
		unitId: r.unit_id,
		unit: r.unit_name,
		excerpt: excerpt(r.body),
		askedBy: r.display_name,
		askedAt: r.published_at!.toISOString(),
		state: r.state,
		forwardedFrom: r.from_name,
		workingDays: workingDaysBetween(warsawDay(r.published_at!), warsawDay(now)),
		overdue: now.getTime() >= answerDueAt(r.published_at!).getTime()
	}));
}

/** The unit's open questions, oldest first (its workspace; the caller has checked the staff). */
export const unitOpenQuestions = (ctx: Pick<Ctx, 'db' | 'clock'>, unitId: string) => openQuestions(ctx, { unitId });

/** Residents' questions in a municipality, answered or not, and how fast. */
export interface QuestionFigures {
	asked: number;
	answered: number;
	/** Median time from publication to the answer, in minutes; null without answers. */
	medianMinutes: number | null;
}

/** Questions published in [from, to) in the group, and how they were answered. */
export async function questionFigures(db: Db, groupId: string, from: Date, to: Date): Promise<QuestionFigures> {
	const r = await sql<{ asked: string; answered: string; median: number | null }>`
		select count(*) as asked, count(q.answered_at) as answered,
			percentile_cont(0.5) within group (order by extract(epoch from q.answered_at - p.published_at) / 60)
				filter (where q.answered_at is not null) as median
		from questions q join posts p on p.id = q.post_id
		where q.group_id = ${groupId} and p.status = 'published' and p.published_at >= ${from} and p.published_at < ${to}`.execute(
		db
	);
	const row = r.rows[0];
	return {
		asked: Number(row.asked),
		answered: Number(row.answered),
		medianMinutes: row.median === null ? null : Math.round(Number(row.median))
	};
}

/**
 * The coordinator's list (`/urzad/pytania`): every open question of the chosen municipality (one
 * the actor coordinates; the operator: any with a customer account), oldest first.
 */
export async function officeQuestions(ctx: Ctx, actor: Actor | null, chosenCode: string | null) {
	const municipalities = await listCoordinatedMunicipalities(ctx, actor);
	const chosen = municipalities.find((m) => m.teryt_code === chosenCode) ?? municipalities[0];
	return {
		municipalities: municipalities.map((m) => ({ code: m.teryt_code, name: m.name })),
		municipality: { code: chosen.teryt_code, name: chosen.name },
		questions: await openQuestions(ctx, { municipality: chosen.teryt_code })
	};
}
