import type { ColumnType, Insertable, Selectable } from 'kysely';
import type * as G from './generated';

/**
 * The app's row types. Every table, column and nullability comes from the database the
 * migrations build (`generated.ts`, `npm run db:types`; CI checks it is current); here some
 * columns are narrowed to domain types: text columns holding a fixed set of values, and jsonb
 * columns with their shapes (written as JSON strings).
 */

type Json<T> = ColumnType<T, string, string>;
/** The type a column is read as. */
type Read<C> = C extends ColumnType<infer S, infer _I, infer _U> ? S : C;
/**
 * Overrides that name existing columns only, and keep each column's nullability (not checkable for
 * jsonb: the generated JSON type holds null itself).
 */
type Checked<T, O> = {
	[K in keyof O]: K extends keyof T
		? G.JsonValue extends Read<T[K]>
			? O[K]
			: null extends Read<T[K]>
				? null extends Read<O[K]>
					? O[K]
					: never
				: null extends Read<O[K]>
					? never
					: O[K]
		: never;
};
/** A generated table with some columns narrowed to domain types. */
type Narrow<T, O extends Checked<T, O>> = Omit<T, keyof O> & O;
/** A narrowed column that has a default in the database (inserts may leave it out). */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ReactionKind = 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
/** Every state of a post, as a list for the API's contract (`api/schemas.ts`). */
export const postStatuses = [
	'published',
	'pending',
	'changes_requested',
	'rejected',
	'removed',
	'draft',
	'scheduled',
	'deleted'
] as const;
export type PostStatus = (typeof postStatuses)[number];
export const commentStatuses = ['published', 'pending', 'hidden', 'rejected', 'removed', 'deleted'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export type WordAction = 'block' | 'hold' | 'flag' | 'allow';

export type SanctionKind = 'warn' | 'mute' | 'suspend' | 'ban';

export type TicketKind =
	'wrongly_held_post' | 'violation' | 'technical' | 'billing' | 'other' | 'advertising' | 'cooperation' | 'contact';

export type TicketStatus = 'new' | 'in_progress' | 'waiting' | 'resolved';

export type PackageCode = 'pakiet1' | 'pakiet2' | 'pakiet3';

export type Plan = 'monthly' | 'commitment';

export type SubscriptionStatus = 'active' | 'cancelling' | 'ended';

export type DataExportState = 'pending' | 'ready' | 'expired' | 'failed';

/** A finding as stored with held content (offsets into the stored body). */
export interface StoredFinding {
	rule: string;
	category: string;
	severity: 'info' | 'hold' | 'block';
	start: number;
	end: number;
	message: string;
	/** The model's probability, for findings of the model (moderators see it; authors do not). */
	score?: number;
}

/** A party of an invoice as printed and sent to KSeF. */
export interface InvoiceParty {
	name: string;
	nip: string;
	street: string;
	postalCode: string;
	city: string;
	email?: string;
	bankAccount?: string;
	bankName?: string;
	/** Printed next to the account: the demo's "konto fikcyjne — tryb demonstracyjny". */
	bankAccountNote?: string;
}

export interface InvoiceLine {
	description: string;
	quantity: number;
	unit: string;
	/** Gross grosze of the line; net and VAT follow from the rate. */
	gross: number;
	net: number;
	vat: number;
	ratePercent: number;
	/** For corrections: the line as it was (true) or as it is now. */
	before?: boolean;
}

export interface ContractCustomer {
	legalName: string;
	nip: string;
	regon: string;
	street: string;
	postalCode: string;
	city: string;
	contactName: string;
	contactEmail: string;
	municipality: string;
	groupName: string;
}

export interface AlertCounts {
	inApp: number;
	email: number;
	push: number;
	sms: number;
}

type Findings = ColumnType<StoredFinding[], string | undefined, string>;
type ReactionCounts = Json<Partial<Record<ReactionKind, number>>>;
/** The members' names a text mentions ("@Anna Nowak"), as they were when it was saved. */
type Mentions = ColumnType<string[], string | undefined, string>;
type StaffRole = 'editor' | 'unitAdmin';

export type MunicipalityTable = Narrow<G.Municipalities, { kind: 'urban' | 'rural' | 'mixed' }>;
export type UserTable = G.Users;
export type SessionTable = G.Sessions;
export type UserTokenTable = Narrow<G.UserTokens, { purpose: 'verify_email' | 'reset_password' }>;
export type ApiTokenTable = G.ApiTokens;
export type LoginAttemptTable = G.LoginAttempts;
export type RateLimitTable = G.RateLimits;
export type LoginBackoffTable = G.LoginBackoff;
export type GroupTable = G.Groups;
export type MembershipTable = Narrow<
	G.Memberships,
	{ status: 'pending' | 'approved' | 'declined'; role: Defaulted<'member' | 'moderator'> }
>;
export type UnitTable = G.Units;
export type UnitMemberTable = Narrow<G.UnitMembers, { role: StaffRole }>;
export type CoordinatorTable = G.Coordinators;
export type PostTable = Narrow<
	G.Posts,
	{
		status: PostStatus;
		findings: Findings;
		/** How many were notified per channel: { inApp, email, push, sms }. */
		alert_sent: ColumnType<AlertCounts | null, string | null | undefined, string | null>;
		reaction_counts: ReactionCounts;
		mentions: Mentions;
	}
>;
export type PostImageTable = G.PostImages;
export type CommentTable = Narrow<
	G.Comments,
	{ status: CommentStatus; findings: Findings; reaction_counts: ReactionCounts; mentions: Mentions }
>;
export type PostReactionTable = Narrow<G.PostReactions, { kind: ReactionKind }>;
export type CommentReactionTable = Narrow<G.CommentReactions, { kind: ReactionKind }>;
export type PostViewTable = G.PostViews;
export type PostShareTable = G.PostShares;
export type NotificationTable = G.Notifications;
export type ModerationWordTable = Narrow<G.ModerationWords, { action: WordAction }>;
export type QuestionState = 'waiting' | 'forwarded' | 'answered';
export type QuestionTable = Narrow<G.Questions, { state: Defaulted<QuestionState> }>;
export type EventResponse = 'going' | 'interested';
export type EventResponseTable = Narrow<G.EventResponses, { response: EventResponse }>;
export type MessageReportDecision = 'removed' | 'dismissed';
export type MessageReportTable = Narrow<G.MessageReports, { decision: MessageReportDecision | null }>;
export type ReportTable = Narrow<G.Reports, { status: Defaulted<'open' | 'actioned' | 'dismissed'> }>;
export type ModerationLogTable = G.ModerationLog;
export type AppealTable = Narrow<G.Appeals, { status: Defaulted<'open' | 'upheld' | 'reversed'> }>;
export type SanctionTable = Narrow<G.Sanctions, { kind: SanctionKind }>;
export type OutboxTable = Narrow<
	G.Outbox,
	{
		channel: 'email' | 'sms' | 'push';
		status: Defaulted<'pending' | 'sent' | 'failed' | 'dead' | 'skipped'>;
		/** Extra e-mail headers (the digest's List-Unsubscribe and List-Unsubscribe-Post). */
		headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
		/** Files sent with an e-mail (an accepted invoice's PDF and XML), their content in Base64. */
		attachments: ColumnType<OutboxAttachment[] | null, string | null | undefined, string | null>;
	}
>;
export interface OutboxAttachment {
	filename: string;
	contentType: string;
	contentBase64: string;
}
export type CustomerTable = Narrow<
	G.Customers,
	{
		/** The unit that receives invoices (FA(3) Podmiot3, role 8), where the municipality asks. */
		receiver: ColumnType<InvoiceParty | null, string | null | undefined, string | null>;
	}
>;
export type PostRevisionTable = G.PostRevisions;
export type CommentRevisionTable = G.CommentRevisions;
export type OncallShiftTable = G.OncallShifts;
export type TicketTable = Narrow<
	G.Tickets,
	{ kind: TicketKind; priority: 'urgent' | 'normal'; status: Defaulted<TicketStatus> }
>;
export type TicketMessageTable = G.TicketMessages;
export type TicketAttachmentTable = G.TicketAttachments;
export type MembershipEventTable = Narrow<G.MembershipEvents, { delta: 1 | -1 }>;
export type GroupDailyStatsTable = G.GroupDailyStats;
export type GroupMonthlyStatsTable = G.GroupMonthlyStats;
export type SitePageTable = G.SitePages;
export type TermsVersionTable = G.TermsVersions;
export type PostViewerTable = G.PostViewers;
export type PostDailyViewTable = G.PostDailyViews;
export type PromotedPostViewTable = G.PromotedPostViews;
export type ViewRetentionTable = G.ViewRetention;
export type GroupPeriodViewerTable = Narrow<G.GroupPeriodViewers, { period: 'd' | 'm' }>;
export type GroupPeriodViewerCountTable = Narrow<G.GroupPeriodViewerCounts, { period: 'd' | 'm' }>;
export type UnitReportSentTable = G.UnitReportsSent;
export type PriceTable = Narrow<G.Prices, { package: PackageCode; plan: Plan }>;
export type SubscriptionPackageTable = Narrow<G.SubscriptionPackages, { package: PackageCode }>;
export type DigestRunTable = G.DigestRuns;
/** A post promoted for 1–7 days (Pakiet 2), with what its fan-out delivered. */
export type PromotionTable = G.Promotions;
export type PromotionSeenTable = G.PromotionSeen;
/** A promoted post shown in a neighbouring group (Pakiet 3); its comments stay in the source thread. */
export type CrossPostTable = G.CrossPosts;
export type CrossPostRefusalTable = G.CrossPostRefusals;
export type CrossPostViewTable = G.CrossPostViews;
export type CustomerTermsTable = Narrow<G.CustomerTerms, { package: Defaulted<PackageCode> }>;
export type InvoiceCounterTable = G.InvoiceCounters;
export type InvoiceTable = Narrow<
	G.Invoices,
	{
		kind: 'VAT' | 'KOR';
		seller: Json<InvoiceParty>;
		buyer: Json<InvoiceParty>;
		receiver: ColumnType<InvoiceParty | null, string | null, string | null>;
		lines: Json<InvoiceLine[]>;
		ksef_status: Defaulted<KsefStatus>;
	}
>;
/** An invoice's way to KSeF (billing/ksef/send.ts); 'sent': sent by hand, its number not yet typed back. */
export type KsefStatus = 'to_send' | 'sending' | 'accepted' | 'rejected' | 'to_resend' | 'sent';
export type KsefSettingsTable = Narrow<G.KsefSettings, { environment: 'TE' | 'DEMO' | 'PRD' }>;
export type KsefSessionTable = G.KsefSessions;
export type ContractTable = Narrow<
	G.Contracts,
	{
		plan: Plan;
		package: Defaulted<PackageCode>;
		customer: Json<ContractCustomer>;
		units: Json<string[]>;
		status: Defaulted<'ordered' | 'signed' | 'cancelled'>;
	}
>;
export type AppSettingTable = Narrow<G.AppSettings, { value: ColumnType<unknown, string, string> }>;
export type PushSubscriptionTable = G.PushSubscriptions;
export type AlertSubscriptionTable = Narrow<
	G.AlertSubscriptions,
	{ consent_source: Defaulted<'join' | 'prompt' | 'settings'> }
>;
/** A member's phone number for alert SMS, confirmed with a code sent to it. */
export type PhoneVerificationTable = G.PhoneVerifications;
export type PlaceKind = 'solectwo' | 'osiedle' | 'locality';
export type PlaceTable = Narrow<G.Places, { kind: PlaceKind }>;
export type MemberPlaceTable = G.MemberPlaces;
export type PostPlaceTable = G.PostPlaces;
export type AlertRecipientTable = G.AlertRecipients;
export type AlertUpdateTable = G.AlertUpdates;
export type ImgwMode = 'auto' | 'approve' | 'off';
export type ImgwAlertState = 'held' | 'published' | 'dismissed' | 'withdrawn' | 'expired';
export type ImgwAlertTable = Narrow<G.ImgwAlerts, { state: ImgwAlertState; warning: Json<unknown> }>;
/** Dates (`date` columns) travel as "YYYY-MM-DD" strings (see db/database.ts type parsers). */
export type SubscriptionTable = Narrow<G.Subscriptions, { plan: Plan; status: SubscriptionStatus }>;
export type UnitInvitationTable = Narrow<G.UnitInvitations, { role: StaffRole }>;
export type IdempotencyKeyTable = G.IdempotencyKeys;
/** A person's request for a copy of their data, and the ZIP prepared for it. */
export type DataExportTable = Narrow<G.DataExports, { state: Defaulted<DataExportState> }>;

export interface DB {
	municipalities: MunicipalityTable;
	users: UserTable;
	sessions: SessionTable;
	user_tokens: UserTokenTable;
	api_tokens: ApiTokenTable;
	login_attempts: LoginAttemptTable;
	rate_limits: RateLimitTable;
	login_backoff: LoginBackoffTable;
	groups: GroupTable;
	memberships: MembershipTable;
	units: UnitTable;
	unit_members: UnitMemberTable;
	coordinators: CoordinatorTable;
	posts: PostTable;
	post_images: PostImageTable;
	comments: CommentTable;
	post_reactions: PostReactionTable;
	comment_reactions: CommentReactionTable;
	post_views: PostViewTable;
	post_shares: PostShareTable;
	notifications: NotificationTable;
	outbox: OutboxTable;
	moderation_words: ModerationWordTable;
	reports: ReportTable;
	moderation_log: ModerationLogTable;
	appeals: AppealTable;
	sanctions: SanctionTable;
	customers: CustomerTable;
	subscriptions: SubscriptionTable;
	subscription_packages: SubscriptionPackageTable;
	digest_runs: DigestRunTable;
	promotions: PromotionTable;
	promotion_seen: PromotionSeenTable;
	cross_posts: CrossPostTable;
	cross_post_refusals: CrossPostRefusalTable;
	cross_post_views: CrossPostViewTable;
	unit_invitations: UnitInvitationTable;
	alert_subscriptions: AlertSubscriptionTable;
	post_revisions: PostRevisionTable;
	comment_revisions: CommentRevisionTable;
	oncall_shifts: OncallShiftTable;
	tickets: TicketTable;
	ticket_messages: TicketMessageTable;
	app_settings: AppSettingTable;
	push_subscriptions: PushSubscriptionTable;
	ticket_attachments: TicketAttachmentTable;
	membership_events: MembershipEventTable;
	group_daily_stats: GroupDailyStatsTable;
	group_monthly_stats: GroupMonthlyStatsTable;
	site_pages: SitePageTable;
	post_viewers: PostViewerTable;
	post_daily_views: PostDailyViewTable;
	promoted_post_views: PromotedPostViewTable;
	view_retention: ViewRetentionTable;
	group_period_viewers: GroupPeriodViewerTable;
	group_period_viewer_counts: GroupPeriodViewerCountTable;
	questions: QuestionTable;
	post_follows: G.PostFollows;
	event_responses: EventResponseTable;
	polls: G.Polls;
	poll_votes: G.PollVotes;
	conversations: G.Conversations;
	conversation_members: G.ConversationMembers;
	private_messages: G.PrivateMessages;
	user_blocks: G.UserBlocks;
	message_reports: MessageReportTable;
	unit_reports_sent: UnitReportSentTable;
	prices: PriceTable;
	customer_terms: CustomerTermsTable;
	invoice_counters: InvoiceCounterTable;
	invoices: InvoiceTable;
	ksef_settings: KsefSettingsTable;
	ksef_sessions: KsefSessionTable;
	contracts: ContractTable;
	idempotency_keys: IdempotencyKeyTable;
	data_exports: DataExportTable;
	places: PlaceTable;
	member_places: MemberPlaceTable;
	post_places: PostPlaceTable;
	alert_recipients: AlertRecipientTable;
	alert_updates: AlertUpdateTable;
	imgw_alerts: ImgwAlertTable;
	phone_verifications: PhoneVerificationTable;
	terms_versions: TermsVersionTable;
}

export type User = Selectable<UserTable>;
export type Group = Selectable<GroupTable>;
export type Post = Selectable<PostTable>;
export type Comment = Selectable<CommentTable>;
export type NewPost = Insertable<PostTable>;
export type Membership = Selectable<MembershipTable>;
export type Customer = Selectable<CustomerTable>;
export type Outbox = Selectable<OutboxTable>;
export type Subscription = Selectable<SubscriptionTable>;
export type Unit = Selectable<UnitTable>;
