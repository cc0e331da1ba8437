import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import type { Ground } from '../moderation/terms';

/** Every moderation action has one name in the log, the statements and the statistics. */
export const actionLabels = {
	hold: 'zatrzymanie do akceptacji',
	approve: 'akceptacja',
	reject: 'odrzucenie',
	ask_edit: 'prośba o poprawki',
	hide: 'ukrycie po zgłoszeniach',
	remove: 'usunięcie',
	restore: 'przywrócenie',
	flag: 'oznaczenie do przejrzenia',
	report_dismissed: 'zgłoszenie bez działań',
	warn: 'ostrzeżenie',
	mute: 'wyciszenie',
	suspend: 'zawieszenie',
	ban: 'wykluczenie z grupy',
	sanction_lifted: 'zniesienie sankcji',
	appeal_upheld: 'odwołanie nieuwzględnione',
	appeal_reversed: 'odwołanie uwzględnione',
	member_approved: 'przyjęcie do grupy',
	member_declined: 'odmowa przyjęcia do grupy',
	pinned: 'przypięcie posta',
	unpinned: 'odpięcie posta',
	word_added: 'dodanie słowa do listy',
	word_removed: 'usunięcie słowa z listy',
	settings_changed: 'zmiana ustawień moderacji',
	cross_post_refused: 'odmowa postów z innej gminy',
	cross_post_allowed: 'zgoda na posty z innej gminy'
} as const;

export type LogAction = keyof typeof actionLabels;

/** The Polish name of a logged action; never the code itself, even for an action no longer used. */
export function actionLabel(action: string): string {
	return actionLabels[action as LogAction] ?? 'inne działanie';
}

export interface LogEntry {
	groupId: string;
	/** Null: the automated engine acted. */
	actorId: string | null;
	action: LogAction;
	postId?: string | null;
	commentId?: string | null;
	/** Whose content or account it concerns. */
	subjectId?: string | null;
	reportId?: string | null;
	ground?: Ground | null;
	facts?: string;
	automatedDetection?: boolean;
	automatedDecision?: boolean;
	restriction?: boolean;
	reversesId?: string | null;
	contentCreatedAt?: Date | null;
}

/** Writes one line of the audit log in the caller's transaction; returns its id. */
export async function logAction(db: Db, clock: Clock, e: LogEntry): Promise<string> {
	const row = await db
		.insertInto('moderation_log')
		.values({
			group_id: e.groupId,
			actor_id: e.actorId,
			action: e.action,
			post_id: e.postId ?? null,
			comment_id: e.commentId ?? null,
			subject_id: e.subjectId ?? null,
			report_id: e.reportId ?? null,
			ground: e.ground ?? null,
			facts: e.facts ?? '',
			automated_detection: e.automatedDetection ?? false,
			automated_decision: e.automatedDecision ?? false,
			restriction: e.restriction ?? false,
			reverses_id: e.reversesId ?? null,
			content_created_at: e.contentCreatedAt ?? null,
			created_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
