import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, WordAction } from '../db/schema';
import { parseInput, isId } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { forgetGroupForReading } from '../groups/groups';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { foldText } from '../text/fold';
import type { Finding } from './findings';
import { foldKeepingOffsets } from './politics';
import { logAction } from '../audit/audit-log';
import { analyze, verdict } from './engine';

/** One entry of a group's list, like Discourse's watched words. */
export interface WordRule {
	id: string;
	pattern: string;
	isRegex: boolean;
	action: WordAction;
}

interface CompiledRule extends WordRule {
	re: RegExp;
}

export type WordList = CompiledRule[];

export const wordActionLabels: Record<WordAction, string> = {
	block: 'blokuj (zatrzymuje także posty jednostek i powiadamia moderatorów)',
	hold: 'zatrzymaj do akceptacji',
	flag: 'oznacz do przejrzenia (publikuje i powiadamia moderatorów)',
	allow: 'dozwolone (wyjątek od reguł silnika)'
};

// Nested quantifiers like (a+)+ can take exponential time on a crafted text.
const nestedQuantifier = /\([^()]*[+*}][^()]*\)\s*[+*{]/;

export const wordInputSchema = z
	.object({
		pattern: z
			.string({ error: 'Wpisz słowo lub frazę.' })
			.trim()
			.min(1, 'Wpisz słowo lub frazę.')
			.max(200, 'Wzorzec może mieć najwyżej 200 znaków.'),
		isRegex: z.boolean().default(false),
		action: z.enum(['block', 'hold', 'flag', 'allow'], {
			error: 'Wybierz, co zrobić z wpisem, który zawiera to słowo.'
		})
	})
	.superRefine((v, ctx) => {
		if (v.isRegex) {
			try {
				new RegExp(v.pattern, 'giu');
			} catch (e) {
				ctx.addIssue({
					code: 'custom',
					path: ['pattern'],
					message: `To nie jest poprawne wyrażenie regularne: ${(e as Error).message}`
				});
				return;
			}
			if (nestedQuantifier.test(v.pattern))
				ctx.addIssue({
					code: 'custom',
					path: ['pattern'],
					message: 'Zagnieżdżone powtórzenia, np. (a+)+, mogą spowolnić sprawdzanie wpisów — uprość wyrażenie.'
				});
			if (new RegExp(v.pattern, 'u').test(''))
				ctx.addIssue({
					code: 'custom',
					path: ['pattern'],
					message: 'Wyrażenie pasuje do pustego tekstu, czyli do każdego wpisu — zawęź je.'
				});
		} else if (!/[\p{L}\d]/u.test(v.pattern)) {
			ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'Słowo lub fraza musi zawierać literę albo cyfrę.' });
		}
	});

/**
 * Plain entries ignore case and Polish diacritics and match whole words; `*` stands for any
 * letters ("kradzie*" → "kradzież", "kradzieże"). Regular expressions match the original text,
 * ignoring case.
 */
export function compileWordList(rules: WordRule[]): WordList {
	return rules.map((r) => {
		if (r.isRegex) return { ...r, re: new RegExp(r.pattern, 'giu') };
		const body = foldText(r.pattern)
			.split('*')
			.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
			.join('[\\p{L}\\d]*');
		return { ...r, re: new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, 'gu') };
	});
}

const messages: Record<Exclude<WordAction, 'allow'>, (word: string) => string> = {
	block: (w) =>
		`„${w}” jest w tej grupie zablokowane — wpis z tym słowem nie zostanie opublikowany bez moderatora. Usuń je albo zastąp innym.`,
	hold: (w) =>
		`„${w}” jest na liście słów, które w tej grupie sprawdza moderator przed publikacją. Zastąp je innym, jeśli możesz.`,
	flag: (w) => `Moderatorzy tej grupy przeglądają wpisy, w których pada „${w}” — ukaże się on od razu.`
};

/**
 * The group's list applied to a text and the engine's findings: `allow` entries drop the
 * engine's findings they cover; `block`, `hold` and `flag` add findings of their own.
 */
export function applyWordList(text: string, engineFindings: Finding[], list: WordList): Finding[] {
	if (list.length === 0) return engineFindings;
	const folded = foldKeepingOffsets(text);
	const own: Finding[] = [];
	const allowed: [number, number][] = [];
	for (const rule of list) {
		rule.re.lastIndex = 0;
		for (const m of (rule.isRegex ? text : folded).matchAll(rule.re)) {
			if (m[0].length === 0) continue;
			const start = m.index;
			const end = start + m[0].length;
			if (rule.action === 'allow') allowed.push([start, end]);
			else
				own.push({
					rule: `word_list.${rule.action}`,
					category: 'word_list',
					severity: rule.action === 'flag' ? 'info' : rule.action,
					start,
					end,
					message: messages[rule.action](text.slice(start, end))
				});
		}
	}
	const kept = engineFindings.filter((f) => !allowed.some(([s, e]) => s <= f.start && f.end <= e));
	return [...kept, ...own].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The engine's findings with a group's list applied: what every post and comment gets. */
export function findingsFor(text: string, opts: { lexicon?: Set<string>; words?: WordList } = {}): Finding[] {
	return applyWordList(text, analyze(text, { lexicon: opts.lexicon }), opts.words ?? []);
}

export function isFlagged(findings: Finding[]): boolean {
	return findings.some((f) => f.rule === 'word_list.flag');
}

async function rulesOf(db: Db, groupId: string): Promise<WordRule[]> {
	const rows = await db
		.selectFrom('moderation_words')
		.select(['id', 'pattern', 'is_regex', 'action'])
		.where('group_id', '=', groupId)
		.orderBy('action')
		.orderBy('pattern')
		.execute();
	return rows.map((r) => ({ id: r.id, pattern: r.pattern, isRegex: r.is_regex, action: r.action }));
}

/** The compiled list a group's new posts and comments are checked against. */
export async function loadWordList(db: Db, groupId: string): Promise<WordList> {
	return compileWordList(await rulesOf(db, groupId));
}

async function assertModerator(ctx: Ctx, actor: Actor | null, group: Group): Promise<void> {
	assertCan((await groupAccess(ctx, actor, group)).role, 'moderate', group);
}

export async function listWords(ctx: Ctx, actor: Actor | null, group: Group): Promise<WordRule[]> {
	await assertModerator(ctx, actor, group);
	return rulesOf(ctx.db, group.id);
}

export async function addWord(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<WordRule> {
	await assertModerator(ctx, actor, group);
	const data = parseInput(wordInputSchema, input);
	const pattern = data.isRegex ? data.pattern : data.pattern.replace(/\s+/g, ' ');
	return ctx.db.transaction().execute(async (tx) => {
		const row = await tx
			.insertInto('moderation_words')
			.values({
				group_id: group.id,
				pattern,
				is_regex: data.isRegex,
				action: data.action,
				created_by: actor!.id,
				created_at: ctx.clock.now()
			})
			.onConflict((oc) => oc.columns(['group_id', 'pattern', 'is_regex']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row)
			throw new AppError('conflict', `„${pattern}” już jest na liście.`, { pattern: 'To słowo już jest na liście.' });
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: actor!.id,
			action: 'word_added',
			facts: `${data.isRegex ? 'Wyrażenie' : 'Słowo'} „${pattern}”: ${wordActionLabels[data.action]}`
		});
		return { id: row.id, pattern, isRegex: data.isRegex, action: data.action };
	});
}

export async function removeWord(ctx: Ctx, actor: Actor | null, group: Group, id: string): Promise<void> {
	await assertModerator(ctx, actor, group);
	if (!isId(id)) throw notFound('Nie ma takiego wpisu na liście.');
	await ctx.db.transaction().execute(async (tx) => {
		const row = await tx
			.deleteFrom('moderation_words')
			.where('id', '=', id)
			.where('group_id', '=', group.id)
			.returning(['pattern', 'action'])
			.executeTakeFirst();
		if (!row) throw notFound('Nie ma takiego wpisu na liście.');
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: actor!.id,
			action: 'word_removed',
			facts: `„${row.pattern}” (${wordActionLabels[row.action]})`
		});
	});
}

export interface WordTestResult {
	findings: Finding[];
	/** What would happen to a resident's comment and to a unit's post with this text. */
	resident: 'publish' | 'hold';
	unit: 'publish' | 'hold';
}

/** The "test" box: the engine and the group's list on a sample text, changing nothing. */
export async function testWords(ctx: Ctx, actor: Actor | null, group: Group, text: unknown): Promise<WordTestResult> {
	await assertModerator(ctx, actor, group);
	const sample = parseInput(
		z
			.string({ error: 'Wpisz tekst do sprawdzenia.' })
			.trim()
			.min(1, 'Wpisz tekst do sprawdzenia.')
			.max(10_000, 'Tekst może mieć najwyżej 10 000 znaków.'),
		text
	);
	const findings = findingsFor(sample, { lexicon: ctx.lexicon, words: await loadWordList(ctx.db, group.id) });
	return { findings, resident: verdict(findings, 'resident'), unit: verdict(findings, 'unit') };
}

export const settingsSchema = z.object({
	newMemberDays: z.coerce
		.number({ error: 'Podaj liczbę dni.' })
		.int('Podaj pełną liczbę dni.')
		.min(0, 'Liczba dni nie może być ujemna.')
		.max(365, 'Najwyżej 365 dni.'),
	reportHideThreshold: z.coerce
		.number({ error: 'Podaj liczbę zgłoszeń.' })
		.int('Podaj pełną liczbę.')
		.min(1, 'Co najmniej 1 zgłoszenie.')
		.max(100, 'Najwyżej 100 zgłoszeń.')
});

/** The group's moderation settings: how long new members are held, how many reports hide a comment. */
export async function updateModerationSettings(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<void> {
	await assertModerator(ctx, actor, group);
	const data = parseInput(settingsSchema, input);
	await ctx.db.transaction().execute(async (tx) => {
		await tx
			.updateTable('groups')
			.set({ new_member_days: data.newMemberDays, report_hide_threshold: data.reportHideThreshold })
			.where('id', '=', group.id)
			.execute();
		forgetGroupForReading(group.slug);
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: actor!.id,
			action: 'settings_changed',
			facts: `Nowi członkowie: ${data.newMemberDays} dni z akceptacją; ukrywanie komentarza po ${data.reportHideThreshold} zgłoszeniach.`
		});
	});
}
