import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** bigint ids come back from pg as strings; we keep them as strings in the app. */
type Id = ColumnType<string, string | number | bigint, string | number | bigint>;
type GeneratedId = ColumnType<string, string | number | bigint | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

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
export const commentStatuses = ['published', 'pending', 'hidden', 'rejected', 'removed'] as const;
export type CommentStatus = (typeof commentStatuses)[number];
/** Nullable columns that inserts may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface MunicipalityTable {
	teryt_code: string;
	name: string;
	kind: 'urban' | 'rural' | 'mixed';
	county: string;
	voivodeship: string;
	name_folded: string;
	population: Optional<number>;
	population_year: Optional<number>;
}

export interface UserTable {
	id: GeneratedId;
	email: string;
	password_hash: string;
	display_name: string;
	email_verified_at: Timestamp | null;
	is_operator: Generated<boolean>;
	created_at: Timestamp;
	deleted_at: Timestamp | null;
}

export interface SessionTable {
	token_hash: string;
	user_id: Id;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface UserTokenTable {
	token_hash: string;
	user_id: Id;
	purpose: 'verify_email' | 'reset_password';
	created_at: Timestamp;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

export interface ApiTokenTable {
	id: GeneratedId;
	token_hash: string;
	user_id: Id;
	name: string;
	created_at: Timestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

export interface LoginAttemptTable {
	id: GeneratedId;
	email: string;
	ip: string;
	succeeded: boolean;
	at: Timestamp;
}

export interface RateLimitTable {
	/** `kind:key`, e.g. `register-ip:10.0.0.1`. */
	key: string;
	window_start: Timestamp;
	count: number;
	expires_at: Timestamp;
}

export interface LoginBackoffTable {
	email: string;
	failures: number;
	last_failure_at: Timestamp;
	/** When the owner was told of this episode of failures (once per episode). */
	notified_at: OptionalTimestamp;
}

export interface GroupTable {
	id: GeneratedId;
	slug: string;
	municipality_code: string;
	name: string;
	description: Generated<string>;
	rules: Generated<string>;
	is_public: Generated<boolean>;
	membership_question: string;
	member_posts_need_approval: Generated<boolean>;
	member_count: Generated<number>;
	/** Members who joined less than this many days ago have everything held (0: off). */
	new_member_days: Generated<number>;
	/** Reports from this many distinct members hide a comment until a moderator looks. */
	report_hide_threshold: Generated<number>;
	created_at: Timestamp;
}

export interface MembershipTable {
	group_id: Id;
	user_id: Id;
	status: 'pending' | 'approved' | 'declined';
	role: Generated<'member' | 'moderator'>;
	answer: Generated<string>;
	requested_at: Timestamp;
	decided_at: Timestamp | null;
	decided_by: Id | null;
}

export interface UnitTable {
	id: GeneratedId;
	municipality_code: string;
	slug: string;
	name: string;
	type: string;
	description: Generated<string>;
	verified: Generated<boolean>;
	can_publish: Generated<boolean>;
	contact_email: Generated<string>;
	contact_phone: Generated<string>;
	website: Generated<string>;
	logo_file: Optional<string>;
	/** May mark posts urgent (alerts to members who opted in). */
	may_alert: Generated<boolean>;
	/** "Z profili wskazanych przez urząd": the office's staff may publish as this unit. */
	office_publishes: Generated<boolean>;
	/** The account behind the unit's API tokens (not a person). */
	service_user_id: Optional<string>;
	created_at: Timestamp;
}

export interface UnitMemberTable {
	unit_id: Id;
	user_id: Id;
	role: 'editor' | 'unitAdmin';
}

export interface CoordinatorTable {
	municipality_code: string;
	user_id: Id;
}

export interface PostTable {
	id: GeneratedId;
	group_id: Id;
	author_id: Id;
	unit_id: Id | null;
	category: string;
	body: string;
	body_folded: string;
	status: PostStatus;
	moderation_reason: string | null;
	findings: ColumnType<StoredFinding[], string | undefined, string>;
	flagged: Generated<boolean>;
	edited_at: OptionalTimestamp;
	alert_kind: Optional<string>;
	/** How many were notified per channel: { inApp, email, push, sms }. */
	alert_sent: ColumnType<AlertCounts | null, string | null | undefined, string | null>;
	all_clear_at: OptionalTimestamp;
	all_clear_text: Optional<string>;
	comments_enabled: Generated<boolean>;
	scheduled_for: OptionalTimestamp;
	pinned: Generated<boolean>;
	urgent_until: Timestamp | null;
	event_start: Timestamp | null;
	event_end: Timestamp | null;
	event_place: string | null;
	comment_count: Generated<number>;
	reaction_count: Generated<number>;
	reaction_counts: Json<Partial<Record<ReactionKind, number>>>;
	view_count: Generated<number>;
	unique_viewer_count: Generated<number>;
	share_count: Generated<number>;
	created_at: Timestamp;
	published_at: Timestamp | null;
	decided_at: Timestamp | null;
	decided_by: Id | null;
}

export interface PostImageTable {
	id: GeneratedId;
	post_id: Id;
	position: number;
	file_name: string;
	width: number;
	height: number;
	alt: string;
}

export interface CommentTable {
	id: GeneratedId;
	post_id: Id;
	parent_id: Id | null;
	author_id: Id;
	body: string;
	status: CommentStatus;
	findings: ColumnType<StoredFinding[], string | undefined, string>;
	flagged: Generated<boolean>;
	moderation_reason: ColumnType<string | null, string | null | undefined, string | null>;
	decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	decided_by: ColumnType<string | null, string | null | undefined, string | null>;
	reaction_count: Generated<number>;
	reaction_counts: Json<Partial<Record<ReactionKind, number>>>;
	created_at: Timestamp;
}

export interface PostReactionTable {
	post_id: Id;
	user_id: Id;
	kind: ReactionKind;
	created_at: Timestamp;
}

export interface CommentReactionTable {
	comment_id: Id;
	user_id: Id;
	kind: ReactionKind;
	created_at: Timestamp;
}

export interface PostViewTable {
	post_id: Id;
	day: string;
	viewer_key: string;
}

export interface PostShareTable {
	id: GeneratedId;
	post_id: Id;
	user_id: Id | null;
	/** The sharer (viewer.ts); null on shares recorded before they were counted once per person. */
	viewer_key: string | null;
	created_at: Timestamp;
}

export interface NotificationTable {
	id: GeneratedId;
	user_id: Id;
	kind: string;
	group_id: Id | null;
	post_id: Id | null;
	comment_id: Id | null;
	actor_name: string | null;
	detail: string | null;
	link: Optional<string>;
	created_at: Timestamp;
	read_at: Timestamp | null;
}

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

export type WordAction = 'block' | 'hold' | 'flag' | 'allow';

export interface ModerationWordTable {
	id: GeneratedId;
	group_id: Id;
	pattern: string;
	is_regex: boolean;
	action: WordAction;
	created_by: Id | null;
	created_at: Timestamp;
}

export interface ReportTable {
	id: GeneratedId;
	group_id: Id;
	post_id: Optional<string>;
	comment_id: Optional<string>;
	reporter_id: Id | null;
	reporter_name: string;
	reporter_email: string;
	ground: string;
	explanation: string;
	good_faith: boolean;
	from_publisher: boolean;
	status: Generated<'open' | 'actioned' | 'dismissed'>;
	created_at: Timestamp;
	decided_at: OptionalTimestamp;
	decided_by: Optional<string>;
}

export interface ModerationLogTable {
	id: GeneratedId;
	group_id: Id;
	/** Null: decided by the automated engine. */
	actor_id: Id | null;
	action: string;
	post_id: Optional<string>;
	comment_id: Optional<string>;
	subject_id: Optional<string>;
	report_id: Optional<string>;
	ground: Optional<string>;
	facts: Generated<string>;
	automated_detection: Generated<boolean>;
	automated_decision: Generated<boolean>;
	/** A restriction of someone's content or account: its author got a statement of reasons. */
	restriction: Generated<boolean>;
	reverses_id: Optional<string>;
	content_created_at: OptionalTimestamp;
	created_at: Timestamp;
}

export interface AppealTable {
	id: GeneratedId;
	decision_id: Id;
	appellant_id: Id;
	body: string;
	status: Generated<'open' | 'upheld' | 'reversed'>;
	outcome: Optional<string>;
	created_at: Timestamp;
	decided_at: OptionalTimestamp;
	decided_by: Optional<string>;
}

export type SanctionKind = 'warn' | 'mute' | 'suspend' | 'ban';

export interface SanctionTable {
	id: GeneratedId;
	group_id: Id;
	user_id: Id;
	kind: SanctionKind;
	reason: string;
	ground: string;
	starts_at: Timestamp;
	ends_at: Timestamp;
	decision_id: Optional<string>;
	lifted_at: OptionalTimestamp;
	created_by: Id | null;
}

export interface OutboxTable {
	id: GeneratedId;
	channel: 'email' | 'sms' | 'push';
	recipient: string;
	subject: Generated<string>;
	body_text: string;
	status: Generated<'pending' | 'sent' | 'failed' | 'dead'>;
	attempts: Generated<number>;
	last_error: string | null;
	created_at: Timestamp;
	sent_at: Timestamp | null;
	/** A failed message is tried again from this time (back-off). */
	next_attempt_at: OptionalTimestamp;
	/** The provider's id: SMTP's queue id or SMSAPI's message id. */
	provider_id: Optional<string>;
	body_html: Optional<string>;
	/** Notification e-mails carry List-Unsubscribe pointing here. */
	unsubscribe_url: Optional<string>;
}

export interface CustomerTable {
	id: GeneratedId;
	municipality_code: string;
	legal_name: string;
	nip: string;
	regon: string;
	street: string;
	postal_code: string;
	city: string;
	contact_name: string;
	contact_email: string;
	contact_phone: Generated<string>;
	/** The municipality pays for SMS: urgent alerts also go by SMS to members who asked. */
	sms_enabled: Generated<boolean>;
	/** The unit that receives invoices (FA(3) Podmiot3, role 8), where the municipality asks. */
	receiver: ColumnType<InvoiceParty | null, string | null | undefined, string | null>;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface PostRevisionTable {
	id: GeneratedId;
	post_id: Id;
	body: string;
	category: string;
	edited_by: Optional<string>;
	edited_at: Timestamp;
}

export interface OncallShiftTable {
	id: GeneratedId;
	starts_at: Timestamp;
	ends_at: Timestamp;
	primary_id: Id;
	primary_phone: string;
	backup_id: Id;
	backup_phone: string;
	created_at: Timestamp;
}

export type TicketKind =
	'wrongly_held_post' | 'violation' | 'technical' | 'billing' | 'other' | 'advertising' | 'cooperation' | 'contact';
export type TicketStatus = 'new' | 'in_progress' | 'waiting' | 'resolved';

export interface TicketTable {
	id: GeneratedId;
	kind: TicketKind;
	priority: 'urgent' | 'normal';
	status: Generated<TicketStatus>;
	requester_id: Optional<string>;
	requester_name: string;
	requester_email: string;
	requester_phone: Optional<string>;
	post_id: Optional<string>;
	oncall_shift_id: Optional<string>;
	created_at: Timestamp;
	acknowledged_at: OptionalTimestamp;
	acknowledged_by: Optional<string>;
	backup_paged_at: OptionalTimestamp;
	first_response_at: OptionalTimestamp;
	resolved_at: OptionalTimestamp;
}

export interface TicketMessageTable {
	id: GeneratedId;
	ticket_id: Id;
	author_id: Optional<string>;
	author_name: string;
	from_staff: boolean;
	body: string;
	created_at: Timestamp;
}

export interface TicketAttachmentTable {
	id: GeneratedId;
	message_id: Id;
	file_name: string;
	original_name: string;
	content_type: string;
	size: number;
}

export interface MembershipEventTable {
	id: GeneratedId;
	group_id: Id;
	user_id: Id | null;
	delta: 1 | -1;
	at: Timestamp;
}

export interface GroupDailyStatsTable {
	group_id: Id;
	day: string;
	members_total: number;
	joined: number;
	left_group: number;
	views: number;
	unique_viewers: number;
	posts: number;
	comments: number;
	reactions: number;
	shares: number;
	active_members: number;
}

export interface GroupMonthlyStatsTable {
	group_id: Id;
	/** The first day of the Warsaw month. */
	month: string;
	unique_viewers: number;
}

export interface SitePageTable {
	slug: string;
	title: string;
	body: string;
	updated_at: Timestamp;
	updated_by: Id | null;
}

export interface PostViewerTable {
	post_id: Id;
	viewer_key: string;
}

export interface UnitReportSentTable {
	group_id: Id;
	month: string;
	sent_at: Timestamp;
}

export type PackageCode = 'pakiet1' | 'pakiet2' | 'pakiet3';

export interface PriceTable {
	id: GeneratedId;
	package: PackageCode;
	plan: Plan;
	/** Gross grosze a month; null while not yet set (a package announced for later). */
	gross: number | null;
	vat_rate: Generated<number>;
	valid_from: string;
	valid_to: string | null;
	created_by: Id | null;
	created_at: Timestamp;
}

export interface CustomerTermsTable {
	id: GeneratedId;
	customer_id: Id;
	gross: number;
	vat_rate: Generated<number>;
	note: string;
	valid_from: string;
	valid_to: string | null;
	created_by: Id | null;
	created_at: Timestamp;
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

export interface InvoiceCounterTable {
	series: string;
	year: number;
	last: number;
}

export interface InvoiceTable {
	id: GeneratedId;
	number: string;
	kind: 'VAT' | 'KOR';
	series: string;
	year: number;
	seq: number;
	customer_id: Id;
	subscription_id: Id | null;
	corrects_id: Id | null;
	period_start: string | null;
	period_end: string | null;
	issue_date: string;
	sale_date: string;
	due_date: string;
	seller: Json<InvoiceParty>;
	buyer: Json<InvoiceParty>;
	receiver: ColumnType<InvoiceParty | null, string | null, string | null>;
	lines: Json<InvoiceLine[]>;
	net: number;
	vat: number;
	gross: number;
	reason: string | null;
	paid_at: OptionalTimestamp;
	reminded_at: OptionalTimestamp;
	ksef_status: Generated<'to_send' | 'sent' | 'accepted'>;
	ksef_number: string | null;
	created_at: Timestamp;
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

export interface ContractTable {
	id: GeneratedId;
	number: string;
	customer_id: Id;
	group_id: Id;
	plan: Plan;
	commitment_months: number | null;
	starts_on: string;
	gross: number;
	vat_rate: number;
	price_note: string | null;
	customer: Json<ContractCustomer>;
	units: Json<string[]>;
	status: Generated<'ordered' | 'signed' | 'cancelled'>;
	scan_file: string | null;
	signed_at: OptionalTimestamp;
	signed_by: Id | null;
	subscription_id: Id | null;
	ordered_by: Id | null;
	created_at: Timestamp;
}

export interface AppSettingTable {
	key: string;
	value: ColumnType<unknown, string, string>;
}

export interface PushSubscriptionTable {
	id: GeneratedId;
	user_id: Id;
	endpoint: string;
	p256dh: string;
	auth: string;
	user_agent: Generated<string>;
	created_at: Timestamp;
	last_used_at: OptionalTimestamp;
}

export interface AlertCounts {
	inApp: number;
	email: number;
	push: number;
	sms: number;
}

export interface AlertSubscriptionTable {
	group_id: Id;
	user_id: Id;
	kinds: ColumnType<string[], string[], string[]>;
	by_email: Generated<boolean>;
	by_push: Generated<boolean>;
	by_sms: Generated<boolean>;
	phone: Optional<string>;
	updated_at: Timestamp;
}

export type Plan = 'monthly' | 'commitment';
export type SubscriptionStatus = 'active' | 'cancelling' | 'ended';

/** Dates (`date` columns) travel as "YYYY-MM-DD" strings (see db/database.ts type parsers). */
export interface SubscriptionTable {
	id: GeneratedId;
	customer_id: Id;
	group_id: Id;
	plan: Plan;
	commitment_months: Optional<number>;
	starts_on: string;
	commitment_ends_on: Optional<string>;
	status: SubscriptionStatus;
	cancel_at: Optional<string>;
	ended_on: Optional<string>;
	created_by: Optional<string>;
	created_at: Timestamp;
}

export interface UnitInvitationTable {
	id: GeneratedId;
	unit_id: Id;
	email: string;
	role: 'editor' | 'unitAdmin';
	token_hash: string;
	invited_by: Optional<string>;
	created_at: Timestamp;
	expires_at: Timestamp;
	accepted_at: OptionalTimestamp;
	accepted_by: Optional<string>;
	revoked_at: OptionalTimestamp;
}

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
	unit_invitations: UnitInvitationTable;
	alert_subscriptions: AlertSubscriptionTable;
	post_revisions: PostRevisionTable;
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
	unit_reports_sent: UnitReportSentTable;
	prices: PriceTable;
	customer_terms: CustomerTermsTable;
	invoice_counters: InvoiceCounterTable;
	invoices: InvoiceTable;
	contracts: ContractTable;
	idempotency_keys: IdempotencyKeyTable;
	data_exports: DataExportTable;
}

export interface IdempotencyKeyTable {
	user_id: string;
	key: string;
	/** Method, path and a hash of the body: a key reused for another request is refused. */
	fingerprint: string;
	/** Null while the first request is being handled. */
	status: number | null;
	content_type: string | null;
	body: string | null;
	created_at: Date;
}

export type DataExportState = 'pending' | 'ready' | 'expired' | 'failed';

/** A person's request for a copy of their data, and the ZIP prepared for it. */
export interface DataExportTable {
	id: GeneratedId;
	user_id: Id;
	state: Generated<DataExportState>;
	requested_at: Timestamp;
	/** When a job took it; another job may take it again after a lease (a crash mid-way). */
	claimed_at: OptionalTimestamp;
	attempts: Generated<number>;
	ready_at: OptionalTimestamp;
	expires_at: OptionalTimestamp;
	/** Random name of the ZIP in DATA_DIR/exports. */
	file_name: Optional<string>;
	size: Optional<number>;
	/** SHA-256 of the download link's token; the token itself is only in the e-mail. */
	token_hash: Optional<string>;
	downloaded_at: OptionalTimestamp;
}

export type User = Selectable<UserTable>;
export type Group = Selectable<GroupTable>;
export type Post = Selectable<PostTable>;
export type NewPost = Insertable<PostTable>;
export type Membership = Selectable<MembershipTable>;
export type Customer = Selectable<CustomerTable>;
export type Outbox = Selectable<OutboxTable>;
export type Subscription = Selectable<SubscriptionTable>;
export type Unit = Selectable<UnitTable>;
