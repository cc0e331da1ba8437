import type { Group } from '../db/schema';
import type { GroupRole } from '../groups/policy';

export interface ScreenInput {
	kind: 'post' | 'comment';
	text: string;
	group: Pick<Group, 'member_posts_need_approval'>;
	role: GroupRole;
	/** Published as a verified unit that may publish in this group. */
	asUnit: boolean;
}

export interface ScreenResult {
	decision: 'publish' | 'hold';
	/** Why it is held, in Polish, for the author. */
	reasons: string[];
}

/**
 * The one step every new post and comment passes before it is stored. Today it applies the
 * group's posting policy; the Polish moderation engine adds its findings here.
 */
export function screen(input: ScreenInput): ScreenResult {
	if (input.kind === 'comment') return { decision: 'publish', reasons: [] };
	if (input.role === 'operator' || input.role === 'moderator' || input.asUnit) return { decision: 'publish', reasons: [] };
	if (input.group.member_posts_need_approval) {
		return { decision: 'hold', reasons: ['W tej grupie posty członków ukazują się po akceptacji moderatora.'] };
	}
	return { decision: 'publish', reasons: [] };
}
