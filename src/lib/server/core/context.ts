import type { Clock } from './clock';
import type { Db, Notifier } from '../db/database';
import type { FeedRowCache } from '../cache/feed-rows';
import type { ActorCache } from '../auth/actor-cache';

/** What domain functions need from the outside world; passed in, never imported. */
export interface Ctx {
	db: Db;
	clock: Clock;
	notifier: Notifier;
	/** Absolute base URL for links in e-mails, e.g. http://localhost:3000. */
	baseUrl: string;
	/** The support inbox (normal tickets are e-mailed there); `pomoc@tablica.local` when unset. */
	supportEmail?: string;
	/**
	 * Where the public contact forms go: municipalities' messages (`jst@pl-media.pl`) and
	 * companies' (`poczta@pl-media.pl`) when unset; the rest goes to `supportEmail`.
	 */
	contactInboxes?: { municipalities: string; business: string };
	/** Where residents' data exports are kept (DATA_DIR/exports); unset where none are made. */
	exportsDir?: string;
	/** Extra vulgar word forms for the moderation engine (NASK's lexicon when present). */
	lexicon?: Set<string>;
	/** Feed pages shared by readers (per process); without it every page is read from the database. */
	feedRows?: FeedRowCache;
	/** Who sessions and API tokens belong to, kept per process for a few seconds; unset: always read. */
	actors?: ActorCache;
	/** The process's buffered writer of post views (`feed/view-recorder.ts`); unset: each view is written at once. */
	views?: ViewSink;
	/** The public reference data (../shared/data): schemas to check KSeF's receipts against; unset: not checked. */
	referenceDataDir?: string;
	/** KSEF_SECRET_KEY: seals the seller's KSeF token at rest; unset: no token can be stored. */
	ksefSecretKey?: string;
}

/** Takes reports of posts seen and counts them later, in batches. */
export interface ViewSink {
	/** Posts (checked ids) seen by a viewer key, in the feed of `seenIn`; returns how many were taken. */
	add(postIds: string[], viewerKey: string, seenIn: string | null): number;
}

/** The person acting, as the domain sees them. */
export interface Actor {
	id: string;
	email: string;
	displayName: string;
	isOperator: boolean;
	emailVerified: boolean;
}
