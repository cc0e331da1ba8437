import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { StoredFinding } from '../db/schema';
import { alertKinds } from '../alerts/alerts';
import { categoryLabel } from '../groups/categories';
import { actionLabels, type LogAction } from '../audit/audit-log';
import { sanctionLabels } from '../moderation/sanctions';
import { describeGround } from '../moderation/terms';
import { describeNotification } from '../notify/notifications';
import { kindLabels, statusLabels } from '../support/tickets';

/**
 * Everything Tablica keeps about one person, section by section, as it goes into the export.
 * Only their own data: other people appear by no name, e-mail or id (a report about their post
 * says its ground and outcome, never who made it; a staff reply in a ticket is "Zespół Tablicy";
 * a notification about someone's comment keeps no name). Secrets (password, token hashes) and the
 * moderation model's scores (never shown to authors) are left out.
 */
export interface PersonalData {
	profile: {
		id: string;
		email: string;
		displayName: string;
		emailVerifiedAt: string | null;
		operator: boolean;
		createdAt: string;
		sessions: { createdAt: string; expiresAt: string }[];
		apiTokens: { name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[];
		/** Links e-mailed to them: address confirmation and password reset. */
		emailLinks: { purpose: string; createdAt: string; expiresAt: string; usedAt: string | null }[];
		/** Log-ins kept for 24 hours: the successful ones with their address; failed tries only counted (anyone may type an address). */
		logins: { at: string; ip: string }[];
		failedLogins: number;
		onCallShifts: { startsAt: string; endsAt: string; role: 'dyżurny' | 'zastępca'; phone: string }[];
	};
	memberships: {
		groups: {
			group: string;
			groupSlug: string;
			status: string;
			role: string;
			answer: string;
			requestedAt: string;
			decidedAt: string | null;
			/** The localities and sołectwa the member follows in the group. */
			places: string[];
		}[];
		history: { group: string; change: 'dołączenie' | 'odejście'; at: string }[];
		units: { unit: string; municipality: string; role: string }[];
		coordinator: { municipality: string }[];
		invitations: {
			unit: string;
			role: string;
			createdAt: string;
			expiresAt: string;
			acceptedAt: string | null;
			revokedAt: string | null;
		}[];
	};
	posts: {
		id: string;
		group: string;
		asUnit: string | null;
		category: string;
		categoryLabel: string;
		body: string;
		status: string;
		moderationReason: string | null;
		findings: { category: string; severity: string; message: string; excerpt: string }[];
		createdAt: string;
		publishedAt: string | null;
		scheduledFor: string | null;
		editedAt: string | null;
		event: { start: string | null; end: string | null; place: string | null } | null;
		urgent: { kind: string | null; until: string | null; allClear: string | null } | null;
		counts: { comments: number; reactions: number; views: number; uniqueViewers: number; shares: number };
		images: { file: string | null; width: number; height: number; alt: string }[];
		earlierVersions: { body: string; category: string; replacedAt: string }[];
	}[];
	comments: {
		id: string;
		postId: string;
		group: string;
		replyTo: string | null;
		body: string;
		status: string;
		moderationReason: string | null;
		findings: { category: string; severity: string; message: string; excerpt: string }[];
		createdAt: string;
	}[];
	reactions: {
		onPosts: { postId: string; kind: string; at: string }[];
		onComments: { commentId: string; kind: string; at: string }[];
		shares: { postId: string; at: string }[];
		views: { postId: string; day: string }[];
	};
	reports: {
		id: string;
		group: string;
		postId: string | null;
		commentId: string | null;
		name: string;
		email: string;
		ground: string;
		groundLabel: string;
		explanation: string;
		goodFaith: boolean;
		asPublisher: boolean;
		status: string;
		createdAt: string;
		decidedAt: string | null;
	}[];
	decisions: {
		aboutMe: {
			id: string;
			group: string;
			action: string;
			actionLabel: string;
			restriction: boolean;
			postId: string | null;
			commentId: string | null;
			ground: string;
			facts: string;
			basedOnReport: boolean;
			automatedDetection: boolean;
			automatedDecision: boolean;
			decidedBy: 'moderator' | 'automat';
			at: string;
		}[];
		sanctions: {
			id: string;
			group: string;
			kind: string;
			label: string;
			reason: string;
			ground: string;
			startsAt: string;
			endsAt: string;
			liftedAt: string | null;
			decisionId: string | null;
		}[];
		appeals: {
			id: string;
			decisionId: string;
			body: string;
			status: string;
			outcome: string | null;
			createdAt: string;
			decidedAt: string | null;
		}[];
		/** Notices others filed about their posts and comments: what and the outcome, never who. */
		reportsAboutMyContent: {
			postId: string | null;
			commentId: string | null;
			ground: string;
			status: string;
			createdAt: string;
			decidedAt: string | null;
		}[];
	};
	notifications: {
		inApp: {
			kind: string;
			text: string;
			group: string | null;
			postId: string | null;
			commentId: string | null;
			link: string | null;
			createdAt: string;
			readAt: string | null;
		}[];
		/** E-mails and SMS sent to their address and numbers: what about and when (the substance is in the other sections). */
		messages: {
			channel: string;
			to: string;
			subject: string;
			status: string;
			createdAt: string;
			sentAt: string | null;
		}[];
	};
	consents: {
		email: string;
		emailVerifiedAt: string | null;
		urgentAlerts: { group: string; byEmail: boolean; byPush: boolean; bySms: boolean; updatedAt: string }[];
		pushDevices: { browser: string; service: string; createdAt: string; lastUsedAt: string | null }[];
	};
	alerts: {
		group: string;
		kinds: { kind: string; label: string }[];
		byEmail: boolean;
		byPush: boolean;
		bySms: boolean;
		phone: string | null;
		/** When the phone was confirmed with an SMS code (SMS go only to a confirmed number). */
		phoneConfirmedAt: string | null;
		/** Where the choice was made: when joining, in the one-time question, in the settings. */
		consentSource: string;
		updatedAt: string;
	}[];
	tickets: {
		id: string;
		kind: string;
		kindLabel: string;
		priority: string;
		status: string;
		statusLabel: string;
		name: string;
		email: string;
		phone: string | null;
		postId: string | null;
		createdAt: string;
		firstResponseAt: string | null;
		resolvedAt: string | null;
		messages: {
			from: string;
			fromStaff: boolean;
			body: string;
			createdAt: string;
			files: { name: string; type: string; size: number; file: string | null }[];
		}[];
	}[];
}

/** A file that goes into the ZIP next to the JSON: a post image or a ticket attachment. */
export interface ExportFile {
	/** Path inside the ZIP. */
	entry: string;
	/** Where it is on disk, relative to the media folder. */
	source: string;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const isoOf = (d: Date) => d.toISOString();

/** A ZIP entry name from a name the person gave: no folders, nothing but letters, digits, dot, dash, underscore. */
export const safeEntryName = (name: string) =>
	name
		.replace(/[\\/]/g, '_')
		.replace(/[^\p{L}\p{N}._-]+/gu, '_')
		.replace(/^\.+/, '_')
		.slice(-120) || 'plik';

function findingsFor(body: string, findings: StoredFinding[] | null) {
	return (findings ?? []).map((f) => ({
		category: f.category,
		severity: f.severity,
		message: f.message,
		excerpt: body.slice(f.start, f.end)
	}));
}

/**
 * Reads one person's data (in one repeatable-read transaction, so the sections agree) and lists
 * the files to put beside it.
 */
export async function collectPersonalData(
	db: Db,
	userId: string
): Promise<{ data: PersonalData; files: ExportFile[] }> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute(async (tx) => {
			const files: ExportFile[] = [];
			const user = await tx
				.selectFrom('users')
				.select(['id', 'email', 'display_name', 'email_verified_at', 'is_operator', 'created_at'])
				.where('id', '=', userId)
				.executeTakeFirstOrThrow();
			const viewerKey = `user:${user.id}`;
			const [sessions, apiTokens, emailLinks, loginAttempts, shifts] = await Promise.all([
				tx
					.selectFrom('sessions')
					.select(['created_at', 'expires_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx
					.selectFrom('api_tokens')
					.select(['name', 'created_at', 'last_used_at', 'revoked_at'])
					.where('user_id', '=', userId)
					.orderBy('id')
					.execute(),
				tx
					.selectFrom('user_tokens')
					.select(['purpose', 'created_at', 'expires_at', 'used_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx
					.selectFrom('login_attempts')
					.select(['ip', 'succeeded', 'at'])
					.where((eb) => eb(eb.fn('lower', ['email']), '=', user.email.toLowerCase()))
					.orderBy('at')
					.execute(),
				tx
					.selectFrom('oncall_shifts')
					.select(['starts_at', 'ends_at', 'primary_id', 'primary_phone', 'backup_phone'])
					.where((eb) => eb.or([eb('primary_id', '=', userId), eb('backup_id', '=', userId)]))
					.orderBy('starts_at')
					.execute()
			]);

			const [memberships, events, units, coordinator, invitations] = await Promise.all([
				tx
					.selectFrom('memberships as m')
					.innerJoin('groups as g', 'g.id', 'm.group_id')
					.select(['g.name', 'g.slug', 'm.status', 'm.role', 'm.answer', 'm.requested_at', 'm.decided_at'])
					.select((eb) =>
						eb
							.selectFrom('member_places as mp')
							.innerJoin('places as pl', 'pl.id', 'mp.place_id')
							.select(sql<string[]>`array_agg(pl.name ORDER BY pl.name)`.as('places'))
							.whereRef('mp.group_id', '=', 'm.group_id')
							.whereRef('mp.user_id', '=', 'm.user_id')
							.as('places')
					)
					.where('m.user_id', '=', userId)
					.orderBy('m.requested_at')
					.execute(),
				tx
					.selectFrom('membership_events as e')
					.innerJoin('groups as g', 'g.id', 'e.group_id')
					.select(['g.name', 'e.delta', 'e.at'])
					.where('e.user_id', '=', userId)
					.orderBy('e.at')
					.execute(),
				tx
					.selectFrom('unit_members as um')
					.innerJoin('units as u', 'u.id', 'um.unit_id')
					.innerJoin('municipalities as mu', 'mu.teryt_code', 'u.municipality_code')
					.select(['u.name', 'mu.name as municipality', 'um.role'])
					.where('um.user_id', '=', userId)
					.orderBy('u.name')
					.execute(),
				tx
					.selectFrom('coordinators as c')
					.innerJoin('municipalities as mu', 'mu.teryt_code', 'c.municipality_code')
					.select('mu.name')
					.where('c.user_id', '=', userId)
					.execute(),
				tx
					.selectFrom('unit_invitations as i')
					.innerJoin('units as u', 'u.id', 'i.unit_id')
					.select(['u.name', 'i.role', 'i.created_at', 'i.expires_at', 'i.accepted_at', 'i.revoked_at'])
					.where((eb) =>
						eb.or([eb('i.accepted_by', '=', userId), eb(eb.fn('lower', ['i.email']), '=', user.email.toLowerCase())])
					)
					.orderBy('i.created_at')
					.execute()
			]);

			const posts = await tx
				.selectFrom('posts as p')
				.innerJoin('groups as g', 'g.id', 'p.group_id')
				.leftJoin('units as u', 'u.id', 'p.unit_id')
				.selectAll('p')
				.select(['g.name as group_name', 'u.name as unit_name'])
				.where('p.author_id', '=', userId)
				.orderBy('p.created_at')
				.orderBy('p.id')
				.execute();
			const postIds = posts.map((p) => p.id);
			const [images, revisions] = postIds.length
				? await Promise.all([
						tx
							.selectFrom('post_images')
							.select(['post_id', 'file_name', 'width', 'height', 'alt'])
							.where('post_id', 'in', postIds)
							.orderBy('post_id')
							.orderBy('position')
							.execute(),
						tx
							.selectFrom('post_revisions')
							.select(['post_id', 'body', 'category', 'edited_at'])
							.where('post_id', 'in', postIds)
							.orderBy('id')
							.execute()
					])
				: [[], []];

			const [comments, postReactions, commentReactions, shares, views] = await Promise.all([
				tx
					.selectFrom('comments as c')
					.innerJoin('posts as p', 'p.id', 'c.post_id')
					.innerJoin('groups as g', 'g.id', 'p.group_id')
					.select([
						'c.id',
						'c.post_id',
						'c.parent_id',
						'c.body',
						'c.status',
						'c.moderation_reason',
						'c.findings',
						'c.created_at',
						'g.name as group_name'
					])
					.where('c.author_id', '=', userId)
					.orderBy('c.created_at')
					.orderBy('c.id')
					.execute(),
				tx
					.selectFrom('post_reactions')
					.select(['post_id', 'kind', 'created_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx
					.selectFrom('comment_reactions')
					.select(['comment_id', 'kind', 'created_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx
					.selectFrom('post_shares')
					.select(['post_id', 'created_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				// The last 35 days' raw views, and those of promoted posts kept longer (view-partitions.ts).
				tx
					.selectFrom('post_views')
					.select(['post_id', 'day'])
					.where('viewer_key', '=', viewerKey)
					.where(sql<boolean>`viewer_key like 'user:%'`)
					.unionAll(
						tx
							.selectFrom('promoted_post_views')
							.select(['post_id', 'day'])
							.where('viewer_key', '=', viewerKey)
							.where(sql<boolean>`viewer_key like 'user:%'`)
					)
					.orderBy('day')
					.orderBy('post_id')
					.execute()
			]);

			const [reports, aboutMe, sanctions, appeals, reportsAboutMe] = await Promise.all([
				tx
					.selectFrom('reports as r')
					.innerJoin('groups as g', 'g.id', 'r.group_id')
					.selectAll('r')
					.select('g.name as group_name')
					.where('r.reporter_id', '=', userId)
					.orderBy('r.created_at')
					.execute(),
				tx
					.selectFrom('moderation_log as l')
					.innerJoin('groups as g', 'g.id', 'l.group_id')
					.select([
						'l.id',
						'l.action',
						'l.restriction',
						'l.post_id',
						'l.comment_id',
						'l.ground',
						'l.facts',
						'l.report_id',
						'l.automated_detection',
						'l.automated_decision',
						'l.actor_id',
						'l.created_at',
						'g.name as group_name'
					])
					.where('l.subject_id', '=', userId)
					.orderBy('l.created_at')
					.orderBy('l.id')
					.execute(),
				tx
					.selectFrom('sanctions as s')
					.innerJoin('groups as g', 'g.id', 's.group_id')
					.selectAll('s')
					.select('g.name as group_name')
					.where('s.user_id', '=', userId)
					.orderBy('s.starts_at')
					.execute(),
				tx
					.selectFrom('appeals')
					.select(['id', 'decision_id', 'body', 'status', 'outcome', 'created_at', 'decided_at'])
					.where('appellant_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx
					.selectFrom('reports as r')
					.leftJoin('posts as p', 'p.id', 'r.post_id')
					.leftJoin('comments as c', 'c.id', 'r.comment_id')
					.select(['r.post_id', 'r.comment_id', 'r.ground', 'r.status', 'r.created_at', 'r.decided_at'])
					.where((eb) => eb.or([eb('p.author_id', '=', userId), eb('c.author_id', '=', userId)]))
					.orderBy('r.created_at')
					.execute()
			]);

			const [notifications, alertRows, pushDevices, tickets] = await Promise.all([
				tx
					.selectFrom('notifications as n')
					.leftJoin('groups as g', 'g.id', 'n.group_id')
					.select([
						'n.kind',
						'n.detail',
						'n.post_id',
						'n.comment_id',
						'n.link',
						'n.created_at',
						'n.read_at',
						'g.name as group_name'
					])
					.where('n.user_id', '=', userId)
					.orderBy('n.id')
					.execute(),
				tx
					.selectFrom('alert_subscriptions as a')
					.innerJoin('groups as g', 'g.id', 'a.group_id')
					.leftJoin('phone_verifications as pv', (j) =>
						j.onRef('pv.group_id', '=', 'a.group_id').onRef('pv.user_id', '=', 'a.user_id')
					)
					.selectAll('a')
					.select(['g.name as group_name', 'pv.verified_at as phone_verified_at', 'pv.phone as verified_phone'])
					.where('a.user_id', '=', userId)
					.orderBy('g.name')
					.execute(),
				tx
					.selectFrom('push_subscriptions')
					.select(['endpoint', 'user_agent', 'created_at', 'last_used_at'])
					.where('user_id', '=', userId)
					.orderBy('created_at')
					.execute(),
				tx.selectFrom('tickets').selectAll().where('requester_id', '=', userId).orderBy('created_at').execute()
			]);
			const ticketIds = tickets.map((t) => t.id);
			const [ticketMessages, attachments] = ticketIds.length
				? await Promise.all([
						tx
							.selectFrom('ticket_messages')
							.select(['id', 'ticket_id', 'from_staff', 'body', 'created_at'])
							.where('ticket_id', 'in', ticketIds)
							.orderBy('id')
							.execute(),
						tx
							.selectFrom('ticket_attachments as a')
							.innerJoin('ticket_messages as m', 'm.id', 'a.message_id')
							.select(['a.id', 'a.message_id', 'a.file_name', 'a.original_name', 'a.content_type', 'a.size'])
							.where('m.ticket_id', 'in', ticketIds)
							.orderBy('a.id')
							.execute()
					])
				: [[], []];

			// Messages to their address and to the phone numbers they gave (alerts, tickets).
			const phones = [
				...new Set(
					[
						...alertRows.map((a) => a.phone),
						...tickets.map((t) => t.requester_phone),
						...shifts.map((s) => (s.primary_id === userId ? s.primary_phone : s.backup_phone))
					].filter((p): p is string => !!p)
				)
			];
			const messages = await tx
				.selectFrom('outbox')
				.select(['channel', 'recipient', 'subject', 'status', 'created_at', 'sent_at'])
				.where((eb) =>
					eb.or([
						eb.and([eb('channel', '=', 'email'), eb('recipient', '=', user.email)]),
						...(phones.length ? [eb.and([eb('channel', '=', 'sms'), eb('recipient', 'in', phones)])] : [])
					])
				)
				.orderBy('id')
				.execute();

			const imagesOf = new Map<string, PersonalData['posts'][number]['images']>();
			for (const img of images) {
				const entry = `zdjecia/${safeEntryName(img.file_name)}`;
				files.push({ entry, source: img.file_name });
				const list = imagesOf.get(img.post_id) ?? [];
				list.push({ file: entry, width: img.width, height: img.height, alt: img.alt });
				imagesOf.set(img.post_id, list);
			}
			const filesOf = new Map<string, PersonalData['tickets'][number]['messages'][number]['files']>();
			for (const a of attachments) {
				const entry = `zalaczniki/${a.id}-${safeEntryName(a.original_name)}`;
				files.push({ entry, source: `tickets/${a.file_name}` });
				const list = filesOf.get(a.message_id) ?? [];
				list.push({ name: a.original_name, type: a.content_type, size: a.size, file: entry });
				filesOf.set(a.message_id, list);
			}

			const data: PersonalData = {
				profile: {
					id: user.id,
					email: user.email,
					displayName: user.display_name,
					emailVerifiedAt: iso(user.email_verified_at),
					operator: user.is_operator,
					createdAt: isoOf(user.created_at),
					sessions: sessions.map((s) => ({ createdAt: isoOf(s.created_at), expiresAt: isoOf(s.expires_at) })),
					apiTokens: apiTokens.map((t) => ({
						name: t.name,
						createdAt: isoOf(t.created_at),
						lastUsedAt: iso(t.last_used_at),
						revokedAt: iso(t.revoked_at)
					})),
					emailLinks: emailLinks.map((t) => ({
						purpose: t.purpose === 'verify_email' ? 'potwierdzenie adresu e-mail' : 'ustawienie nowego hasła',
						createdAt: isoOf(t.created_at),
						expiresAt: isoOf(t.expires_at),
						usedAt: iso(t.used_at)
					})),
					logins: loginAttempts.filter((a) => a.succeeded).map((a) => ({ at: isoOf(a.at), ip: a.ip })),
					failedLogins: loginAttempts.filter((a) => !a.succeeded).length,
					onCallShifts: shifts.map((s) => ({
						startsAt: isoOf(s.starts_at),
						endsAt: isoOf(s.ends_at),
						role: s.primary_id === userId ? 'dyżurny' : 'zastępca',
						phone: s.primary_id === userId ? s.primary_phone : s.backup_phone
					}))
				},
				memberships: {
					groups: memberships.map((m) => ({
						group: m.name,
						groupSlug: m.slug,
						status: m.status,
						role: m.role,
						answer: m.answer,
						requestedAt: isoOf(m.requested_at),
						decidedAt: iso(m.decided_at),
						places: m.places ?? []
					})),
					history: events.map((e) => ({
						group: e.name,
						change: Number(e.delta) > 0 ? 'dołączenie' : 'odejście',
						at: isoOf(e.at)
					})),
					units: units.map((u) => ({
						unit: u.name,
						municipality: u.municipality,
						role: u.role === 'unitAdmin' ? 'administrator jednostki' : 'redaktor'
					})),
					coordinator: coordinator.map((c) => ({ municipality: c.name })),
					invitations: invitations.map((i) => ({
						unit: i.name,
						role: i.role === 'unitAdmin' ? 'administrator jednostki' : 'redaktor',
						createdAt: isoOf(i.created_at),
						expiresAt: isoOf(i.expires_at),
						acceptedAt: iso(i.accepted_at),
						revokedAt: iso(i.revoked_at)
					}))
				},
				posts: posts.map((p) => ({
					id: p.id,
					group: p.group_name,
					asUnit: p.unit_name,
					category: p.category,
					categoryLabel: categoryLabel(p.category),
					body: p.body,
					status: p.status,
					moderationReason: p.moderation_reason,
					findings: findingsFor(p.body, p.findings),
					createdAt: isoOf(p.created_at),
					publishedAt: iso(p.published_at),
					scheduledFor: iso(p.scheduled_for),
					editedAt: iso(p.edited_at),
					event:
						p.event_start || p.event_place
							? { start: iso(p.event_start), end: iso(p.event_end), place: p.event_place }
							: null,
					urgent: p.alert_kind ? { kind: p.alert_kind, until: iso(p.urgent_until), allClear: p.all_clear_text } : null,
					counts: {
						comments: p.comment_count,
						reactions: p.reaction_count,
						views: p.view_count,
						uniqueViewers: p.unique_viewer_count,
						shares: p.share_count
					},
					images: imagesOf.get(p.id) ?? [],
					earlierVersions: revisions
						.filter((r) => r.post_id === p.id)
						.map((r) => ({ body: r.body, category: r.category, replacedAt: isoOf(r.edited_at) }))
				})),
				comments: comments.map((c) => ({
					id: c.id,
					postId: c.post_id,
					group: c.group_name,
					replyTo: c.parent_id,
					body: c.body,
					status: c.status,
					moderationReason: c.moderation_reason,
					findings: findingsFor(c.body, c.findings),
					createdAt: isoOf(c.created_at)
				})),
				reactions: {
					onPosts: postReactions.map((r) => ({ postId: r.post_id, kind: r.kind, at: isoOf(r.created_at) })),
					onComments: commentReactions.map((r) => ({ commentId: r.comment_id, kind: r.kind, at: isoOf(r.created_at) })),
					shares: shares.map((s) => ({ postId: s.post_id, at: isoOf(s.created_at) })),
					views: views.map((v) => ({ postId: v.post_id, day: v.day }))
				},
				reports: reports.map((r) => ({
					id: r.id,
					group: r.group_name,
					postId: r.post_id,
					commentId: r.comment_id,
					name: r.reporter_name,
					email: r.reporter_email,
					ground: r.ground,
					groundLabel: describeGround(r.ground),
					explanation: r.explanation,
					goodFaith: r.good_faith,
					asPublisher: r.from_publisher,
					status: r.status,
					createdAt: isoOf(r.created_at),
					decidedAt: iso(r.decided_at)
				})),
				decisions: {
					aboutMe: aboutMe.map((l) => ({
						id: l.id,
						group: l.group_name,
						action: l.action,
						actionLabel: actionLabels[l.action as LogAction] ?? l.action,
						restriction: l.restriction,
						postId: l.post_id,
						commentId: l.comment_id,
						ground: describeGround(l.ground),
						facts: l.facts,
						basedOnReport: l.report_id !== null,
						automatedDetection: l.automated_detection,
						automatedDecision: l.automated_decision,
						decidedBy: l.actor_id ? 'moderator' : 'automat',
						at: isoOf(l.created_at)
					})),
					sanctions: sanctions.map((s) => ({
						id: s.id,
						group: s.group_name,
						kind: s.kind,
						label: sanctionLabels[s.kind],
						reason: s.reason,
						ground: describeGround(s.ground),
						startsAt: isoOf(s.starts_at),
						endsAt: isoOf(s.ends_at),
						liftedAt: iso(s.lifted_at),
						decisionId: s.decision_id
					})),
					appeals: appeals.map((a) => ({
						id: a.id,
						decisionId: a.decision_id,
						body: a.body,
						status: a.status,
						outcome: a.outcome,
						createdAt: isoOf(a.created_at),
						decidedAt: iso(a.decided_at)
					})),
					reportsAboutMyContent: reportsAboutMe.map((r) => ({
						postId: r.post_id,
						commentId: r.comment_id,
						ground: describeGround(r.ground),
						status: r.status,
						createdAt: isoOf(r.created_at),
						decidedAt: iso(r.decided_at)
					}))
				},
				notifications: {
					inApp: notifications.map((n) => ({
						kind: n.kind,
						// Names of whoever commented or reacted are other people's data; a moderator's alert describes someone else's content.
						text:
							n.kind === 'moderation_alert'
								? 'Powiadomienie dla moderatorów o treści innej osoby (szczegóły pominięte).'
								: describeNotification({ kind: n.kind, actor_name: null, group_name: n.group_name, detail: n.detail }),
						group: n.group_name,
						postId: n.post_id,
						commentId: n.comment_id,
						link: n.link,
						createdAt: isoOf(n.created_at),
						readAt: iso(n.read_at)
					})),
					messages: messages.map((m) => ({
						channel: m.channel,
						to: m.recipient,
						subject: m.subject,
						status: m.status,
						createdAt: isoOf(m.created_at),
						sentAt: iso(m.sent_at)
					}))
				},
				consents: {
					email: user.email,
					emailVerifiedAt: iso(user.email_verified_at),
					urgentAlerts: alertRows.map((a) => ({
						group: a.group_name,
						byEmail: a.by_email,
						byPush: a.by_push,
						bySms: a.by_sms,
						updatedAt: isoOf(a.updated_at)
					})),
					pushDevices: pushDevices.map((d) => ({
						browser: d.user_agent,
						service: hostOf(d.endpoint),
						createdAt: isoOf(d.created_at),
						lastUsedAt: iso(d.last_used_at)
					}))
				},
				alerts: alertRows.map((a) => ({
					group: a.group_name,
					kinds: a.kinds.map((k) => ({ kind: k, label: alertKinds[k as keyof typeof alertKinds] ?? k })),
					byEmail: a.by_email,
					byPush: a.by_push,
					bySms: a.by_sms,
					phone: a.phone,
					phoneConfirmedAt: a.verified_phone === a.phone ? iso(a.phone_verified_at) : null,
					consentSource: a.consent_source,
					updatedAt: isoOf(a.updated_at)
				})),
				tickets: tickets.map((t) => ({
					id: t.id,
					kind: t.kind,
					kindLabel: kindLabels[t.kind],
					priority: t.priority,
					status: t.status,
					statusLabel: statusLabels[t.status],
					name: t.requester_name,
					email: t.requester_email,
					phone: t.requester_phone,
					postId: t.post_id,
					createdAt: isoOf(t.created_at),
					firstResponseAt: iso(t.first_response_at),
					resolvedAt: iso(t.resolved_at),
					messages: ticketMessages
						.filter((m) => m.ticket_id === t.id)
						.map((m) => ({
							from: m.from_staff ? 'Zespół Tablicy' : user.display_name,
							fromStaff: m.from_staff,
							body: m.body,
							createdAt: isoOf(m.created_at),
							files: filesOf.get(m.id) ?? []
						}))
				}))
			};
			return { data, files };
		});
}

/** Which push service a device uses (its endpoint is a secret address; the host is enough). */
function hostOf(endpoint: string): string {
	try {
		return new URL(endpoint).host;
	} catch {
		return '';
	}
}
