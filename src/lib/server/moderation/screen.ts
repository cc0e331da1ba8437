import type { Group } from '../db/schema';
import type { GroupRole } from '../access/policy';
import { holds, verdict, type AuthorKind } from './engine';
import type { Finding } from './findings';
import { findingsFor, isFlagged, loadWordList, type WordList } from './word-lists';
import type { Ctx } from '../core/context';
import type { Db } from '../db/database';
import { isNewMember, type GroupAccess } from '../access/group-access';

export interface ScreenInput {
	kind: 'post' | 'comment';
	text: string;
	group: Pick<Group, 'member_posts_need_approval'>;
	role: GroupRole;
	/** Published as a unit whose posts skip approval now (package active, unit enabled). */
	asUnit: boolean;
	/** Published as a unit whose posts need approval now (no active package, or unit disabled). */
	asHeldUnit?: boolean;
	lexicon?: Set<string>;
	/** The group's own word and phrase list. */
	words?: WordList;
	/** A member who joined recently, in a group that holds new members' posts and comments. */
	newMember?: boolean;
}

export interface ScreenResult {
	decision: 'publish' | 'hold';
	/** Why it is held, in Polish, for the author. */
	reasons: string[];
	findings: Finding[];
	/** Held because of what the text says (automated detection), not a blanket policy. */
	heldForContent: boolean;
	/** A `block` finding: moderators are alerted at once. */
	alert: boolean;
	/** A `flag` word: published, and moderators are told to look. */
	flagged: boolean;
}

/**
 * The one step every new post and comment passes before it is stored: the Polish moderation
 * engine's findings first (moderators and operators are trusted), then the group's posting policy.
 */
export function screen(input: ScreenInput): ScreenResult {
	const findings = findingsFor(input.text, { lexicon: input.lexicon, words: input.words });
	const trusted = input.role === 'operator' || input.role === 'moderator';
	const alert = !trusted && findings.some((f) => f.severity === 'block');
	const base = { findings, alert, flagged: !trusted && isFlagged(findings), heldForContent: false };
	const author = input.asUnit ? 'unit' : 'resident';
	if (!trusted && verdict(findings, author) === 'hold') {
		const thing = input.kind === 'post' ? 'post' : 'komentarz';
		// Would it wait for a moderator anyway? Then fixing the words does not make it appear at once.
		const policyHolds = !input.asUnit && screen({ ...input, text: '' }).decision === 'hold';
		return {
			...base,
			decision: 'hold',
			reasons: reasonsFor(input.text, findings, author, { thing, atOnce: !policyHolds }),
			heldForContent: true
		};
	}
	if (trusted || input.asUnit) return { ...base, decision: 'publish', reasons: [] };
	if (input.newMember) {
		return {
			...base,
			decision: 'hold',
			reasons: [
				'W pierwszych dniach członkostwa w grupie Twoje posty i komentarze ukazują się po akceptacji moderatora.'
			]
		};
	}
	if (input.kind === 'post' && input.asHeldUnit && input.group.member_posts_need_approval) {
		return {
			...base,
			decision: 'hold',
			reasons: [
				'Ta jednostka nie publikuje teraz bez akceptacji (pakiet gminy nie jest aktywny albo koordynator wyłączył jej publikowanie) — post sprawdzi moderator.'
			]
		};
	}
	if (input.kind === 'post' && input.group.member_posts_need_approval) {
		return {
			...base,
			decision: 'hold',
			reasons: ['W tej grupie posty członków ukazują się po akceptacji moderatora.']
		};
	}
	return { ...base, decision: 'publish', reasons: [] };
}

/**
 * screen() for a person as they stand in the group now: their role, the unit they publish as
 * (publishing at once or not), the group's word list and its new-member rule.
 */
export async function screenFor(
	ctx: Pick<Ctx, 'clock' | 'lexicon'>,
	db: Db,
	kind: 'post' | 'comment',
	text: string,
	group: Group,
	access: GroupAccess,
	unit?: { publishing: boolean }
): Promise<ScreenResult> {
	return screen({
		kind,
		text,
		group,
		role: access.role,
		asUnit: !!unit?.publishing,
		asHeldUnit: !!unit && !unit.publishing,
		lexicon: ctx.lexicon,
		words: await loadWordList(db, group.id),
		newMember: isNewMember(group, access, ctx.clock.now())
	});
}

/**
 * Short Polish sentences for the author, before sending and after a hold: one per kind of problem
 * that holds the text, naming the words ("Słowo „…” zatrzyma post. Zmień je, a post ukaże się od
 * razu."), never a model's score.
 */
export function reasonsFor(
	text: string,
	findings: Finding[],
	author: AuthorKind = 'resident',
	opts: { thing?: 'post' | 'komentarz' | 'wiadomość'; atOnce?: boolean } = {}
): string[] {
	const thing = opts.thing ?? 'post';
	const held = findings.filter((f) => holds(f, author));
	const reasons: string[] = [];
	// Single words the author can change: vulgarities and the group's own list.
	const words = [
		...new Set(
			held
				.filter((f) => f.category === 'vulgarity' || f.rule === 'word_list.hold' || f.rule === 'word_list.block')
				.map((f) => `„${text.slice(f.start, f.end)}”`)
		)
	];
	if (words.length) {
		const one = words.length === 1;
		const after = opts.atOnce === false ? '.' : `, a ${thing} ukaże się od razu.`;
		reasons.push(
			`${one ? 'Słowo' : 'Słowa'} ${words.join(', ')} ${one ? 'zatrzyma' : 'zatrzymają'} ${thing}. Zmień je${after}`
		);
	}
	const byRule = held.filter((f) => !f.rule.startsWith('model.'));
	const political = [
		...new Set(byRule.filter((f) => f.category === 'national_politics').map((f) => `„${text.slice(f.start, f.end)}”`))
	];
	if (political.length)
		reasons.push(
			`Dotyczy polityki krajowej (${political.join(', ')}) — w grupie lokalnej publikujemy takie wpisy tylko w związku ze sprawami gminy${author === 'unit' ? '; dotyczy to także postów jednostek gminy' : ''}.`
		);
	for (const f of held) {
		if (f.category === 'vulgarity' || f.rule === 'word_list.hold' || f.rule === 'word_list.block') continue;
		if (f.category === 'national_politics' && political.length) continue;
		// The model's reading adds nothing when a rule already named the same kind of problem.
		if (f.rule.startsWith('model.') && byRule.some((r) => r.category === f.category)) continue;
		reasons.push(f.message);
	}
	return reasons;
}
