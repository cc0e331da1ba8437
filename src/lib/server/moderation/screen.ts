import type { Group } from '../db/schema';
import type { GroupRole } from '../groups/policy';
import { analyze, verdict } from './engine';
import type { Finding } from './findings';
import { plural } from '../../format';

export interface ScreenInput {
	kind: 'post' | 'comment';
	text: string;
	group: Pick<Group, 'member_posts_need_approval'>;
	role: GroupRole;
	/** Published as a verified unit that may publish in this group. */
	asUnit: boolean;
	lexicon?: Set<string>;
}

export interface ScreenResult {
	decision: 'publish' | 'hold';
	/** Why it is held, in Polish, for the author. */
	reasons: string[];
	findings: Finding[];
}

/**
 * The one step every new post and comment passes before it is stored: the Polish moderation
 * engine's findings first (moderators and operators are trusted), then the group's posting policy.
 */
export function screen(input: ScreenInput): ScreenResult {
	const findings = analyze(input.text, { lexicon: input.lexicon });
	const trusted = input.role === 'operator' || input.role === 'moderator';
	if (!trusted && verdict(findings, input.asUnit ? 'unit' : 'resident') === 'hold') {
		return { decision: 'hold', reasons: reasonsFor(input.text, findings), findings };
	}
	if (input.kind === 'comment' || trusted || input.asUnit) return { decision: 'publish', reasons: [], findings };
	if (input.group.member_posts_need_approval) {
		return { decision: 'hold', reasons: ['W tej grupie posty członków ukazują się po akceptacji moderatora.'], findings };
	}
	return { decision: 'publish', reasons: [], findings };
}

/** Short Polish sentences for the author: one per kind of problem, naming the words. */
export function reasonsFor(text: string, findings: Finding[]): string[] {
	const held = findings.filter((f) => f.severity !== 'info');
	const reasons: string[] = [];
	const vulgar = [...new Set(held.filter((f) => f.category === 'vulgarity').map((f) => `„${text.slice(f.start, f.end)}”`))];
	if (vulgar.length) reasons.push(`Zawiera ${plural(vulgar.length, 'wulgaryzm', 'wulgaryzmy', 'wulgaryzmów')}: ${vulgar.join(', ')}.`);
	const political = [...new Set(held.filter((f) => f.category === 'national_politics').map((f) => `„${text.slice(f.start, f.end)}”`))];
	if (political.length) reasons.push(`Dotyczy polityki krajowej (${political.join(', ')}) — w grupie lokalnej publikujemy takie wpisy tylko w związku ze sprawami gminy.`);
	for (const f of held) if (f.category !== 'vulgarity' && f.category !== 'national_politics') reasons.push(f.message);
	return reasons;
}
