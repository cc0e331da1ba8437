import type { Group } from '../db/schema';
import type { GroupRole } from '../groups/policy';
import { analyze, verdict } from './engine';
import type { Finding } from './findings';

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
		return { decision: 'hold', reasons: findings.filter((f) => f.severity !== 'info').map((f) => f.message), findings };
	}
	if (input.kind === 'comment' || trusted || input.asUnit) return { decision: 'publish', reasons: [], findings };
	if (input.group.member_posts_need_approval) {
		return { decision: 'hold', reasons: ['W tej grupie posty członków ukazują się po akceptacji moderatora.'], findings };
	}
	return { decision: 'publish', reasons: [], findings };
}
