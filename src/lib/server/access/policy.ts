import type { Actor } from '../core/context';
import { AppError } from '../core/errors';

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
	| 'banned';

export type GroupAction =
	'read' | 'join' | 'leave' | 'listMembers' | 'decideMembership' | 'post' | 'comment' | 'react' | 'moderate' | 'edit';

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
	'banned'
];
const participants: GroupRole[] = ['operator', 'moderator', 'member', 'publisher'];
/** Sanctioned members still read a private group: a mute or a suspension ends. */
const readers: GroupRole[] = [...participants, 'muted', 'suspended'];

/** The one table of who may do what in a group. Private groups are readable by participants only. */
const allowed: Record<GroupAction, GroupRole[]> = {
	read: all,
	join: ['publisher', 'user'],
	leave: ['moderator', 'member', 'pending', 'muted', 'suspended'],
	listMembers: ['operator', 'moderator', 'member', 'muted'],
	decideMembership: ['operator', 'moderator'],
	post: participants,
	comment: participants,
	react: [...participants, 'muted'],
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
	banned: 'Zostałeś wykluczony z tej grupy. Termin i uzasadnienie są w powiadomieniach.'
};

export function assertCan(role: GroupRole, action: GroupAction, group: { is_public: boolean }): void {
	if (can(role, action, group)) return;
	if (role === 'anonymous') throw new AppError('unauthenticated', 'Zaloguj się, aby to zrobić.');
	if (sanctioned[role] && action !== 'read') throw new AppError('forbidden', sanctioned[role]);
	throw new AppError('forbidden', refusals[action]);
}

/** Operator-only actions outside any group. */
export function assertOperator(actor: Actor | null): asserts actor is Actor {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby to zrobić.');
	if (!actor.isOperator) throw new AppError('forbidden', 'Tylko operator może to zrobić.');
}
