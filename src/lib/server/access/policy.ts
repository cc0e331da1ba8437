import type { Actor } from '../core/context';
import { AppError, unauthenticated } from '../core/errors';

/** Someone's standing in one group, strongest first. */
export type GroupRole =
	| 'operator'
	| 'moderator'
	| 'member'
	| 'publisher'
	| 'pending'
	| 'user'
	| 'anonymous'
	| 'muted'
	| 'suspended'
	| 'banned'
	/** Per post, never per group: a participant of a group the post was cross-posted into (`post-access.ts`). */
	| 'neighbour';

export type GroupAction =
	| 'read'
	| 'join'
	| 'leave'
	| 'listMembers'
	| 'decideMembership'
	| 'post'
	| 'comment'
	| 'react'
	| 'message'
	| 'moderate'
	| 'edit';

/** The actions an anonymous visitor may be allowed (a public group's posts); every other needs a signed-in actor. */
export type AnonymousAction = 'read';

/** The actor an allowed action leaves: signed in unless the action is one anonymous visitors may do. */
export type ActorFor<A extends GroupAction> = A extends AnonymousAction ? Actor | null : Actor;

const all: GroupRole[] = [
	'operator',
	'moderator',
	'member',
	'publisher',
	'pending',
	'user',
	'anonymous',
	'muted',
	'suspended',
	'banned',
	'neighbour'
];
const participants: GroupRole[] = ['operator', 'moderator', 'member', 'publisher'];
/** Sanctioned members still read a private group: a mute or a suspension ends. */
const readers: GroupRole[] = [...participants, 'muted', 'suspended', 'neighbour'];

/** The one table of who may do what in a group. Private groups are readable by participants only. */
const allowed: Record<GroupAction, GroupRole[]> = {
	read: all,
	join: ['publisher', 'user'],
	leave: ['moderator', 'member', 'pending', 'muted', 'suspended'],
	listMembers: ['operator', 'moderator', 'member', 'muted'],
	decideMembership: ['operator', 'moderator'],
	post: participants,
	comment: [...participants, 'neighbour'],
	react: [...participants, 'muted', 'neighbour'],
	/** Writing privately to another member: members and moderators (not the operator nor a unit's staff as such). */
	message: ['moderator', 'member'],
	moderate: ['operator', 'moderator'],
	edit: ['operator']
};

const refusals: Record<GroupAction, string> = {
	read: 'To grupa prywatna. Dołącz do niej, aby zobaczyć posty.',
	join: 'Już należysz do tej grupy albo Twoja prośba czeka na decyzję.',
	leave: 'Nie należysz do tej grupy.',
	listMembers: 'Listę członków widzą tylko członkowie grupy.',
	decideMembership: 'O przyjęciu do grupy decydują jej moderatorzy.',
	post: 'Aby publikować, dołącz do grupy i poczekaj na akceptację moderatora.',
	comment: 'Aby komentować, dołącz do grupy i poczekaj na akceptację moderatora.',
	react: 'Aby reagować, dołącz do grupy i poczekaj na akceptację moderatora.',
	message: 'Prywatne wiadomości piszą do siebie członkowie grupy — dołącz do niej i poczekaj na akceptację moderatora.',
	moderate: 'Tylko moderatorzy grupy mogą to zrobić.',
	edit: 'Tylko operator może zmieniać ustawienia grupy.'
};

export function can(role: GroupRole, action: GroupAction, group: { is_public: boolean }): boolean {
	if (action === 'read' && !group.is_public) return readers.includes(role);
	return allowed[action].includes(role);
}

const sanctioned: Partial<Record<GroupRole, string>> = {
	muted:
		'Masz w tej grupie czasowe wyciszenie: możesz czytać i reagować, ale nie publikować ani komentować. Termin i uzasadnienie są w powiadomieniach.',
	suspended: 'Twój udział w tej grupie jest czasowo zawieszony. Termin i uzasadnienie są w powiadomieniach.',
	banned: 'Twoje konto jest wykluczone z tej grupy. Termin i uzasadnienie są w powiadomieniach.'
};

/**
 * Refuses a role the action is not allowed (`unauthenticated` for anonymous visitors, `forbidden`
 * with the reason otherwise). Given the actor, narrows it to a signed-in one for every action an
 * anonymous visitor may never do.
 */
export function assertCan<A extends GroupAction>(
	role: GroupRole,
	action: A,
	group: { is_public: boolean },
	actor?: Actor | null
): asserts actor is ActorFor<A> {
	if (can(role, action, group)) {
		// The role comes from the actor (`groupAccess`), so this holds; checked so the narrowing never lies.
		if (actor === null && action !== 'read') throw unauthenticated();
		return;
	}
	if (role === 'anonymous') throw unauthenticated();
	if (sanctioned[role] && action !== 'read') throw new AppError('forbidden', sanctioned[role]);
	throw new AppError('forbidden', refusals[action]);
}

/** Who may be let in through a cross-posted copy of a post: those without a standing in its own group. */
const outsiders: GroupRole[] = ['anonymous', 'user', 'pending'];

/**
 * Pakiet 3: the role someone takes towards one post reached through a group it was cross-posted
 * into, or null when that does not let them do the action. A participant of that group is a
 * `neighbour` of the post (reads, reacts and comments, in the source thread); anyone else who may
 * read that group only reads the post (keeping their role here). Members, publishers and moderators
 * of the post's own group act as themselves, and a sanction there stays in force.
 */
export function roleThroughCrossPost(
	roleHere: GroupRole,
	roleThere: GroupRole,
	action: GroupAction,
	target: { is_public: boolean }
): GroupRole | null {
	if (!outsiders.includes(roleHere)) return null;
	if (participants.includes(roleThere) && can('neighbour', action, target)) return 'neighbour';
	if (action === 'read' && can(roleThere, 'read', target)) return roleHere;
	return null;
}
