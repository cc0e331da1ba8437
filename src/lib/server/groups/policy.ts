import type { Actor } from '../context';
import { AppError } from '../errors';

/** Someone's standing in one group, strongest first. */
export type GroupRole = 'operator' | 'moderator' | 'member' | 'publisher' | 'pending' | 'user' | 'anonymous';

export type GroupAction =
	| 'read'
	| 'join'
	| 'leave'
	| 'listMembers'
	| 'decideMembership'
	| 'post'
	| 'comment'
	| 'react'
	| 'moderate'
	| 'edit';

const all: GroupRole[] = ['operator', 'moderator', 'member', 'publisher', 'pending', 'user', 'anonymous'];
const participants: GroupRole[] = ['operator', 'moderator', 'member', 'publisher'];

/** The one table of who may do what in a group. Private groups are readable by participants only. */
const allowed: Record<GroupAction, GroupRole[]> = {
	read: all,
	join: ['publisher', 'user'],
	leave: ['moderator', 'member', 'pending'],
	listMembers: ['operator', 'moderator', 'member'],
	decideMembership: ['operator', 'moderator'],
	post: participants,
	comment: participants,
	react: participants,
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
	if (action === 'read' && !group.is_public) return participants.includes(role);
	return allowed[action].includes(role);
}

export function assertCan(role: GroupRole, action: GroupAction, group: { is_public: boolean }): void {
	if (can(role, action, group)) return;
	if (role === 'anonymous') throw new AppError('unauthenticated', 'Zaloguj się, aby to zrobić.');
	throw new AppError('forbidden', refusals[action]);
}

/** Operator-only actions outside any group. */
export function assertOperator(actor: Actor | null): asserts actor is Actor {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby to zrobić.');
	if (!actor.isOperator) throw new AppError('forbidden', 'Tylko operator może to zrobić.');
}
