import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertOperator } from '../access/actor';
import { grounds } from './terms';

/** One numbered paragraph of the rules: "§ 4. Szacunek dla innych" with its clauses ("ust."). */
export interface TermsParagraph {
	number: number;
	title: string;
	/** Text that is not a numbered clause. */
	text: string[];
	clauses: { number: number; text: string }[];
}

export interface TermsVersion {
	version: number;
	publishedAt: Date;
	summary: string;
	paragraphs: TermsParagraph[];
}

/** `#p4` for "§ 4", "§ 4 ust. 2" alike: the paragraph's anchor on `/regulamin`. */
export function clauseAnchor(clause: string): string {
	const m = /§\s*(\d+)/.exec(clause);
	return m ? `p${m[1]}` : '';
}

/** The clauses decisions cite, as { paragraph, clause? } (moderation/terms.ts). */
const cited = Object.values(grounds).map((g) => {
	const m = /§ (\d+)(?: ust\. (\d+))?/.exec(g.clause)!;
	return { clause: g.clause, paragraph: Number(m[1]), sub: m[2] ? Number(m[2]) : null };
});

/**
 * Reads the rules' text: a line "§ 4. Title" opens a paragraph, a line "2. …" is its clause
 * ("ust. 2"), other lines are the paragraph's own text.
 */
export function parseTerms(body: string): TermsParagraph[] {
	const paragraphs: TermsParagraph[] = [];
	for (const raw of body.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		const head = /^§\s*(\d+)\.?\s*(.*)$/.exec(line);
		if (head) {
			paragraphs.push({ number: Number(head[1]), title: head[2].trim(), text: [], clauses: [] });
			continue;
		}
		const current = paragraphs.at(-1);
		if (!current) throw new AppError('validation', 'Regulamin musi zaczynać się od paragrafu („§ 1. Tytuł”).');
		const clause = /^(\d+)\.\s+(.+)$/.exec(line);
		if (clause) current.clauses.push({ number: Number(clause[1]), text: clause[2] });
		else current.text.push(line);
	}
	return paragraphs;
}

/** Refuses a text whose paragraphs are out of order or lack a clause that decisions cite. */
export function checkTerms(paragraphs: TermsParagraph[]): void {
	paragraphs.forEach((p, i) => {
		if (p.number !== i + 1)
			throw new AppError('validation', `Paragrafy muszą iść po kolei od § 1; po § ${i} jest § ${p.number}.`, {
				body: `Po § ${i} powinien być § ${i + 1}.`
			});
		if (!p.title)
			throw new AppError('validation', `§ ${p.number} nie ma tytułu.`, { body: `Dodaj tytuł § ${p.number}.` });
	});
	const missing = cited
		.filter((c) => {
			const p = paragraphs.find((x) => x.number === c.paragraph);
			return !p || (c.sub !== null && !p.clauses.some((x) => x.number === c.sub));
		})
		.map((c) => c.clause);
	if (missing.length)
		throw new AppError(
			'validation',
			`Brakuje przepisów, na które powołują się decyzje moderatorów: ${missing.join(', ')}.`,
			{ body: `Brakuje: ${missing.join(', ')}.` }
		);
}

const publishSchema = z.object({
	body: z
		.string({ error: 'Wpisz treść regulaminu.' })
		.trim()
		.min(50, 'Treść regulaminu jest za krótka.')
		.max(50_000, 'Treść regulaminu może mieć najwyżej 50 000 znaków.'),
	summary: z
		.string({ error: 'Opisz krótko zmiany.' })
		.trim()
		.min(3, 'Opisz krótko zmiany (co najmniej 3 znaki).')
		.max(500, 'Opis zmian może mieć najwyżej 500 znaków.')
});

/** The number of the rules in force (1 when none is stored, which the migration prevents). */
export async function currentTermsVersion(db: Db): Promise<number> {
	const row = await db
		.selectFrom('terms_versions')
		.select((eb) => eb.fn.max('version').as('version'))
		.executeTakeFirst();
	return row?.version ?? 1;
}

/** The rules in force (or the version asked for) with the list of all versions, for `/regulamin`. */
export async function termsPage(ctx: Pick<Ctx, 'db'>, asked: string | null) {
	const versions = await ctx.db
		.selectFrom('terms_versions')
		.select(['version', 'published_at', 'summary'])
		.orderBy('version', 'desc')
		.execute();
	const current = versions[0]?.version ?? 1;
	const wanted = asked === null || asked === '' ? current : Number(asked);
	if (!Number.isInteger(wanted) || !versions.some((v) => v.version === wanted))
		throw new AppError('not_found', 'Nie ma takiej wersji regulaminu.');
	const row = await ctx.db
		.selectFrom('terms_versions')
		.select(['version', 'body', 'summary', 'published_at'])
		.where('version', '=', wanted)
		.executeTakeFirstOrThrow();
	return {
		version: row.version,
		current,
		isCurrent: row.version === current,
		publishedAt: row.published_at,
		summary: row.summary,
		paragraphs: parseTerms(row.body),
		versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at, summary: v.summary }))
	};
}

/** The operator's editing page: the text in force to start from. */
export async function termsForEditing(ctx: Pick<Ctx, 'db'>, actor: Actor | null) {
	assertOperator(actor);
	const row = await ctx.db
		.selectFrom('terms_versions')
		.select(['version', 'body', 'published_at'])
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirstOrThrow();
	return { version: row.version, body: row.body, publishedAt: row.published_at };
}

/**
 * Publishes a new version of the rules (the operator): the old ones stay readable, and every
 * member of a group gets an in-app notification, in the same transaction.
 */
export async function publishTerms(ctx: Ctx, actor: Actor | null, input: unknown): Promise<number> {
	assertOperator(actor);
	const data = parseInput(publishSchema, input);
	checkTerms(parseTerms(data.body));
	return ctx.db.transaction().execute(async (tx) => {
		// One publisher at a time: the next number is read under a lock.
		await sql`LOCK TABLE terms_versions IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
		const version = (await currentTermsVersion(tx)) + 1;
		const now = ctx.clock.now();
		await tx
			.insertInto('terms_versions')
			.values({ version, body: data.body, summary: data.summary, published_at: now, published_by: actor.id })
			.execute();
		const detail = `Zmienił się regulamin grup (wersja ${version}): ${data.summary} Przeczytaj nową wersję.`;
		await tx
			.insertInto('notifications')
			.columns(['user_id', 'kind', 'detail', 'link', 'created_at'])
			.expression((eb) =>
				eb
					.selectFrom('memberships')
					.innerJoin('users', 'users.id', 'memberships.user_id')
					.where('memberships.status', '=', 'approved')
					.where('users.deleted_at', 'is', null)
					.select((e) => [
						'memberships.user_id',
						e.val('terms_changed').as('kind'),
						e.val(detail).as('detail'),
						e.val(`/regulamin?wersja=${version}`).as('link'),
						sql<Date>`${now}::timestamptz`.as('created_at')
					])
					.distinct()
			)
			.execute();
		return version;
	});
}

/**
 * The cited paragraph in the rules that were in force when a decision was made:
 * `/regulamin#p4` while they still are, else `/regulamin?wersja=N#p4`.
 */
export async function termsHrefFor(db: Db, clause: string | null, at: Date): Promise<string> {
	const [inForce, current] = await Promise.all([
		db
			.selectFrom('terms_versions')
			.select((eb) => eb.fn.max('version').as('version'))
			.where('published_at', '<=', at)
			.executeTakeFirst(),
		currentTermsVersion(db)
	]);
	const version = inForce?.version ?? 1;
	const anchor = clause ? clauseAnchor(clause) : '';
	return `/regulamin${version === current ? '' : `?wersja=${version}`}${anchor ? `#${anchor}` : ''}`;
}
