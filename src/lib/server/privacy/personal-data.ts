import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { DB } from '../db/schema';
import { membershipChanged } from '../groups/member-count';

/** What deleting an account does to a table (RODO art. 17). */
export type Handling =
	/** Rows about the person are removed, or their personal fields blanked. */
	| { erase: string }
	/** Rows stay for the group's sake, tied only to the anonymised account ("Konto usunięte"). */
	| { keep: string }
	/** The table holds no data about residents' accounts. */
	| { none: string };

/**
 * Every table of the schema and how account deletion treats it. Typed over the whole schema, so a
 * new table does not compile until it is listed here; `personal-data.test.ts` also checks the
 * database's own list of tables and proves, with a resident who left traces everywhere, that
 * nothing identifying remains.
 */
export const personalData: Record<keyof DB, Handling> = {
	users: {
		erase:
			'e-mail, name and password replaced; the row stays as "Konto usunięte" so that threads and decisions keep their author'
	},
	sessions: { erase: 'deleted' },
	user_tokens: { erase: 'deleted (confirmation and reset links)' },
	api_tokens: { erase: 'deleted' },
	login_attempts: { erase: 'attempts with the address deleted (others expire after 24 hours)' },
	login_backoff: { erase: 'the failures counted for the address deleted' },
	rate_limits: { erase: 'counters keyed by the address deleted (all expire with their window: an hour or a day)' },
	memberships: { erase: 'deleted; member counts updated' },
	unit_members: { erase: 'deleted' },
	coordinators: { erase: 'deleted' },
	unit_invitations: { erase: 'invitations to the address deleted' },
	notifications: { erase: 'their notifications deleted; their name in others’ notifications replaced' },
	alert_subscriptions: { erase: 'deleted, with the phone number' },
	push_subscriptions: { erase: 'deleted (devices)' },
	phone_verifications: { erase: 'deleted, with the phone number and the hashed code' },
	member_places: { erase: 'deleted with the memberships (the places a member follows)' },
	alert_recipients: { erase: 'deleted (who got which alert, kept so that updates reach the same people)' },
	outbox: {
		erase:
			'e-mails to the address or quoting it and SMS to their alert phone or a number they confirmed deleted, sent or not'
	},
	tickets: { erase: 'requester name, e-mail and phone replaced' },
	ticket_messages: { erase: 'author name replaced' },
	reports: { erase: 'reporter name and e-mail replaced (the report stays for the moderation record)' },
	idempotency_keys: { erase: 'deleted (stored API answers)' },
	data_exports: { erase: 'their exports deleted, files and rows (deleteAccount, export-files.ts)' },
	oncall_shifts: { erase: 'their phone numbers on shifts replaced' },
	posts: { keep: 'signed "Konto usunięte"' },
	post_images: { keep: 'images of kept posts' },
	post_revisions: { keep: 'edit history of kept posts' },
	comments: { keep: 'signed "Konto usunięte"' },
	comment_revisions: { keep: 'edit history of kept comments' },
	post_reactions: { keep: 'counted in the posts’ figures, tied to the anonymised account' },
	comment_reactions: { keep: 'as post reactions' },
	post_shares: { keep: 'as post reactions' },
	post_views: {
		erase:
			'the account’s raw views deleted (others are daily hashes of a network, no identity; all are dropped after 35 days)'
	},
	promoted_post_views: { erase: 'as post views (raw views of promoted posts, kept for their reach reports)' },
	post_viewers: { keep: 'who has seen a post once, for its unique viewers: tied to the anonymised account' },
	post_daily_views: { none: 'aggregate figures' },
	view_retention: { none: 'from which day raw views are kept' },
	group_period_viewers: {
		keep: 'who has seen a group on a day or in a month, for its unique viewers, until the month ends: tied to the anonymised account'
	},
	group_period_viewer_counts: { none: 'aggregate figures' },
	post_follows: { erase: 'which posts the person follows or muted' },
	event_responses: { erase: 'the events the person said they will come to or are interested in' },
	polls: { none: 'a post’s poll: kept and erased with the post' },
	poll_votes: {
		keep: 'votes stay counted, tied to the anonymised account: a closed poll’s or consultation’s results must not change'
	},
	conversations: {
		keep: 'a conversation stays for the other person, with "Konto usunięte" as its other side (nothing more can be sent)'
	},
	conversation_members: { erase: 'what the person read and when they were e-mailed' },
	private_messages: { erase: 'messages the person sent are deleted (the issue: "deleted with the account")' },
	user_blocks: { erase: 'whom the person blocked and who blocked them' },
	message_reports: { erase: 'reports the person made; reports of their messages go with the messages' },
	questions: { none: 'whom a post asks and whether the unit answered: kept and erased with the post' },
	membership_events: { keep: 'joins and leaves for the groups’ statistics' },
	moderation_log: { keep: 'statements of reasons and the audit log (DSA art. 17, 20), about the anonymised account' },
	appeals: { keep: 'as the moderation log' },
	sanctions: { keep: 'as the moderation log' },
	municipalities: { none: 'the TERYT register' },
	groups: { none: 'groups' },
	units: { none: 'units and their official contacts' },
	moderation_words: { none: 'word lists' },
	customers: {
		none: 'municipalities as customers; their contact person is kept for the contract and invoices (accounting law), not tied to an account'
	},
	subscriptions: { none: 'packages' },
	subscription_packages: { none: 'which package a subscription gives from which day' },
	digest_runs: { none: 'which weekly digests went out (counts only)' },
	promotions: { keep: 'a unit’s promoted post and its reach counts; the staff member who promoted it anonymised' },
	promotion_seen: { erase: 'deleted (which promoted posts the person scrolled past)' },
	cross_posts: { none: 'which promoted posts appear in which neighbouring groups' },
	cross_post_refusals: { keep: 'a group’s refusal of a source group, by the anonymised moderator' },
	cross_post_views: { erase: 'as post views' },
	app_settings: { none: 'settings' },
	ticket_attachments: { none: 'files of tickets, anonymous once the requester is' },
	group_daily_stats: { none: 'aggregate figures' },
	group_monthly_stats: { none: 'aggregate figures' },
	site_pages: { none: 'public pages' },
	terms_versions: { none: 'the public group rules, each version (who published it is an operator)' },
	unit_reports_sent: { none: 'which monthly reports went out' },
	prices: { none: 'price list' },
	customer_terms: { none: 'payment terms' },
	invoice_counters: { none: 'invoice numbering' },
	invoices: { none: 'invoices to municipalities (kept by accounting law)' },
	ksef_settings: {
		keep: 'the seller’s KSeF configuration; who last changed it points at the anonymised operator account'
	},
	ksef_sessions: { none: 'KSeF sessions of the seller (references and receipts)' },
	contracts: { none: 'contracts with municipalities' },
	places: { none: 'localities and sołectwa of a group' },
	post_places: { keep: 'the places kept posts name' },
	alert_updates: { keep: 'updates of kept alerts, signed by the anonymised account' },
	imgw_alerts: { none: 'IMGW-PIB warnings imported for a group' }
};

export const DELETED_NAME = 'Konto usunięte';

/**
 * Erases what identifies a person, in the caller's transaction (see `personalData`). Their posts,
 * comments, reactions and the moderation record stay, tied to the account that is left as
 * "Konto usunięte".
 */
export async function erasePersonalData(tx: Db, userId: string, now: Date): Promise<void> {
	const user = await tx
		.selectFrom('users')
		.select(['email', 'display_name'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	// Alert phones, and numbers a confirmation code went to (SMS in the outbox are deleted below).
	const phones = (
		await tx
			.selectFrom('alert_subscriptions')
			.select('phone')
			.where('user_id', '=', userId)
			.where('phone', 'is not', null)
			.union(tx.selectFrom('phone_verifications').select('phone').where('user_id', '=', userId))
			.execute()
	).map((r) => r.phone!);
	const email = user.email.toLowerCase();

	const groups = await tx
		.deleteFrom('memberships')
		.where('user_id', '=', userId)
		.where('status', '=', 'approved')
		.returning('group_id')
		.execute();
	for (const g of groups) await membershipChanged(tx, g.group_id, userId, -1, now);
	for (const table of [
		'memberships',
		'sessions',
		'user_tokens',
		'api_tokens',
		'notifications',
		'unit_members',
		'coordinators',
		'alert_subscriptions',
		'phone_verifications',
		'alert_recipients',
		'push_subscriptions',
		'promotion_seen',
		'idempotency_keys',
		'post_follows',
		'event_responses',
		'conversation_members'
	] as const) {
		await tx.deleteFrom(table).where('user_id', '=', userId).execute();
	}
	// Private messages they sent go (reports of them with them); the other side keeps its own.
	await tx.deleteFrom('private_messages').where('sender_id', '=', userId).execute();
	// Their conversations now end with the other side's last message; one with nothing left goes.
	await sql`UPDATE conversations c SET last_message_id = m.id, last_message_at = m.created_at, last_sender_id = m.sender_id
		FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id, created_at, sender_id FROM private_messages
		      WHERE conversation_id IN (SELECT id FROM conversations WHERE user_low = ${userId} OR user_high = ${userId})
		      ORDER BY conversation_id, id DESC) m
		WHERE c.id = m.conversation_id`.execute(tx);
	await tx
		.deleteFrom('conversations')
		.where((eb) =>
			eb.and([
				eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]),
				eb.not(
					eb.exists(
						eb.selectFrom('private_messages as m').select('m.id').whereRef('m.conversation_id', '=', 'conversations.id')
					)
				)
			])
		)
		.execute();
	await tx.deleteFrom('message_reports').where('reporter_id', '=', userId).execute();
	await tx
		.deleteFrom('user_blocks')
		.where((eb) => eb.or([eb('user_id', '=', userId), eb('blocked_id', '=', userId)]))
		.execute();
	// Their raw views (the posts' counters and the aggregates stay); the literal pattern lets the
	// partial index of signed-in keys serve the delete.
	for (const table of ['post_views', 'promoted_post_views', 'cross_post_views'] as const)
		await tx
			.deleteFrom(table)
			.where('viewer_key', '=', `user:${userId}`)
			.where(sql<boolean>`viewer_key like 'user:%'`)
			.execute();
	await tx
		.deleteFrom('login_attempts')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.execute();
	await tx
		.deleteFrom('login_backoff')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.execute();
	await tx
		.deleteFrom('rate_limits')
		.where('key', 'like', `%:${email.replace(/[\\%_]/g, (c) => `\\${c}`)}`)
		.execute();
	await tx
		.deleteFrom('unit_invitations')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
		.execute();
	// Messages to them, and messages about them that quote their address (a ticket forwarded to the
	// support inbox, a notice to moderators): the copies that reached the inbox are the recipients'.
	await tx
		.deleteFrom('outbox')
		.where((eb) =>
			eb.or([
				eb.and([eb('channel', '=', 'email'), eb(eb.fn('lower', ['recipient']), '=', email)]),
				...(phones.length ? [eb.and([eb('channel', '=', 'sms'), eb('recipient', 'in', phones)])] : []),
				sql<boolean>`position(${email} in lower(body_text)) > 0`,
				sql<boolean>`position(${email} in lower(coalesce(body_html, ''))) > 0`
			])
		)
		.execute();
	await tx
		.updateTable('notifications')
		.set({ actor_name: DELETED_NAME })
		.where('actor_name', '=', user.display_name)
		.execute();
	await tx
		.updateTable('tickets')
		.set({ requester_name: DELETED_NAME, requester_email: '', requester_phone: null })
		.where((eb) => eb.or([eb('requester_id', '=', userId), eb(eb.fn('lower', ['requester_email']), '=', email)]))
		.execute();
	await tx.updateTable('ticket_messages').set({ author_name: DELETED_NAME }).where('author_id', '=', userId).execute();
	await tx
		.updateTable('reports')
		.set({ reporter_name: DELETED_NAME, reporter_email: '' })
		.where((eb) => eb.or([eb('reporter_id', '=', userId), eb(eb.fn('lower', ['reporter_email']), '=', email)]))
		.execute();
	await tx.updateTable('oncall_shifts').set({ primary_phone: '' }).where('primary_id', '=', userId).execute();
	await tx.updateTable('oncall_shifts').set({ backup_phone: '' }).where('backup_id', '=', userId).execute();
	await tx
		.updateTable('users')
		.set({
			email: `usuniete-${userId}@invalid`,
			display_name: DELETED_NAME,
			password_hash: '',
			is_operator: false,
			deleted_at: now
		})
		.where('id', '=', userId)
		.execute();
}
