import { z } from 'zod';
import type { Actor, Ctx } from '../../core/context';
import type { Db } from '../../db/database';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/validation';
import { assertOperator } from '../../access/actor';
import { sellerParty } from '../seller';
import { KSEF_API_URLS, type KsefEnvironment } from './api';
import { seal, secretKey, unseal } from './crypto';
import { offlineSigningKey } from './qr';

/** In the order the operator's form offers them. */
export const ksefEnvironmentLabels: Record<KsefEnvironment, string> = {
	PRD: 'produkcyjne (PRD)',
	DEMO: 'przedprodukcyjne (DEMO)',
	TE: 'testowe (TE)'
};

const NO_SECRET =
	'Serwer nie ma klucza do szyfrowania tokenów KSeF: ustaw zmienną środowiskową KSEF_SECRET_KEY (docs/operations.md).';

const settingsSchema = z.object({
	environment: z.enum(['TE', 'DEMO', 'PRD'], { error: 'Wybierz środowisko KSeF.' }),
	baseUrl: z
		.string()
		.trim()
		.max(300, 'Najwyżej 300 znaków.')
		.default('')
		.refine(
			(v) => v === '' || /^https?:\/\/[^\s]+$/.test(v),
			'Podaj adres zaczynający się od https:// albo zostaw puste.'
		),
	token: z
		.string()
		.trim()
		.max(2000, 'Token KSeF jest krótszy niż 2000 znaków.')
		.default('')
		.refine(
			(v) => v === '' || /^[\x21-\x7e]{16,}$/.test(v),
			'To nie wygląda na token KSeF (co najmniej 16 znaków bez spacji).'
		)
});

/** What the operator sees: never the token, only its last 4 characters. */
export interface KsefSettingsView {
	environment: KsefEnvironment;
	/** The address in use: the override or the environment's. */
	apiUrl: string;
	baseUrlOverride: string | null;
	nip: string;
	tokenLast4: string;
	updatedAt: Date;
	/** The KSeF offline certificate's serial number, when its key is stored (KOD II on offline invoices). */
	offlineCertificateSerial: string | null;
}

export async function ksefSettings(ctx: Ctx, actor: Actor | null): Promise<KsefSettingsView | null> {
	assertOperator(actor);
	const row = await ctx.db.selectFrom('ksef_settings').selectAll().executeTakeFirst();
	if (!row) return null;
	return {
		environment: row.environment,
		apiUrl: row.base_url ?? KSEF_API_URLS[row.environment],
		baseUrlOverride: row.base_url,
		nip: row.nip,
		tokenLast4: row.token_last4,
		updatedAt: row.updated_at,
		offlineCertificateSerial: row.offline_key_encrypted ? row.offline_certificate_serial : null
	};
}

/**
 * The operator sets the environment, an optional other address (a test server) and the seller's
 * KSeF token, kept sealed with KSEF_SECRET_KEY. An empty token keeps the one stored. The context
 * is the seller's NIP.
 */
export async function setKsefSettings(ctx: Ctx, actor: Actor | null, input: unknown): Promise<KsefSettingsView> {
	assertOperator(actor);
	await saveSettings(ctx, input, actor.id);
	return (await ksefSettings(ctx, actor))!;
}

/**
 * The command line's configuration (`ksef-config`, and `ksef-test-server` for the demo): the same
 * checks as the operator's form, without an operator account.
 */
export const configureKsef = (ctx: Ctx, input: unknown) => saveSettings(ctx, input, null);

async function saveSettings(ctx: Ctx, input: unknown, updatedBy: string | null): Promise<void> {
	const data = parseInput(settingsSchema, input);
	const existing = await ctx.db.selectFrom('ksef_settings').select('id').executeTakeFirst();
	if (!existing && !data.token) throw new AppError('validation', 'Podaj token KSeF.', { token: 'Podaj token KSeF.' });
	if (data.token && !ctx.ksefSecretKey) throw new AppError('conflict', NO_SECRET);
	const { nip } = await sellerParty(ctx.db);
	const common = {
		environment: data.environment,
		base_url: data.baseUrl || null,
		nip,
		updated_at: ctx.clock.now(),
		updated_by: updatedBy
	};
	const token = data.token
		? { token_encrypted: seal(data.token, secretKey(ctx.ksefSecretKey!)), token_last4: data.token.slice(-4) }
		: null;
	if (existing)
		await ctx.db
			.updateTable('ksef_settings')
			.set({ ...common, ...token })
			.execute();
	else
		await ctx.db
			.insertInto('ksef_settings')
			.values({ ...common, ...token! })
			.execute();
}

/** What the client needs, or why it cannot run (not configured; the token sealed with another key). */
export async function ksefConnection(
	db: Db,
	secret: string | undefined
): Promise<{ apiUrl: string; environment: KsefEnvironment; nip: string; token: string } | { missing: string }> {
	const row = await db.selectFrom('ksef_settings').selectAll().executeTakeFirst();
	if (!row) return { missing: 'Wysyłka do KSeF nie jest skonfigurowana: operator podaje token KSeF w /admin/faktury.' };
	if (!secret) return { missing: NO_SECRET };
	const token = unseal(row.token_encrypted, secretKey(secret));
	if (token === null)
		return {
			missing:
				'Nie można odczytać tokenu KSeF: zmienił się klucz KSEF_SECRET_KEY. Podaj token ponownie w /admin/faktury.'
		};
	return { apiUrl: row.base_url ?? KSEF_API_URLS[row.environment], environment: row.environment, nip: row.nip, token };
}

const offlineCertificateSchema = z.object({
	serial: z
		.string({ error: 'Podaj numer seryjny certyfikatu.' })
		.trim()
		.toUpperCase()
		.regex(/^[0-9A-F]{2,64}$/, 'Numer seryjny certyfikatu KSeF to cyfry szesnastkowe (0–9, A–F).'),
	privateKey: z
		.string({ error: 'Wklej klucz prywatny certyfikatu.' })
		.trim()
		.max(20_000, 'Klucz prywatny w PEM ma najwyżej kilka kilobajtów.')
		.transform((pem, c) => {
			try {
				offlineSigningKey(pem);
				return pem;
			} catch (e) {
				c.addIssue({ code: 'custom', message: (e as Error).message });
				return z.NEVER;
			}
		})
});

/**
 * The seller's KSeF offline certificate (its serial number and private key, sealed like the token):
 * an invoice issued while KSeF is unavailable then carries KOD II, the link signed with this key.
 */
export async function setKsefOfflineCertificate(ctx: Ctx, actor: Actor | null, input: unknown): Promise<void> {
	assertOperator(actor);
	const data = parseInput(offlineCertificateSchema, input);
	if (!ctx.ksefSecretKey) throw new AppError('conflict', NO_SECRET);
	const r = await ctx.db
		.updateTable('ksef_settings')
		.set({
			offline_certificate_serial: data.serial,
			offline_key_encrypted: seal(data.privateKey, secretKey(ctx.ksefSecretKey)),
			updated_at: ctx.clock.now(),
			updated_by: actor.id
		})
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0)
		throw new AppError('conflict', 'Najpierw zapisz ustawienia wysyłki do KSeF (środowisko i token).');
}

/** What KOD II is signed with, or null when no offline certificate is stored (or the key cannot be read). */
export async function ksefOfflineCertificate(
	db: Db,
	secret: string | undefined
): Promise<{ environment: KsefEnvironment; nip: string; serial: string; privateKeyPem: string } | null> {
	const row = await db.selectFrom('ksef_settings').selectAll().executeTakeFirst();
	if (!row?.offline_key_encrypted || !row.offline_certificate_serial || !secret) return null;
	const privateKeyPem = unseal(row.offline_key_encrypted, secretKey(secret));
	return privateKeyPem
		? { environment: row.environment, nip: row.nip, serial: row.offline_certificate_serial, privateKeyPem }
		: null;
}
