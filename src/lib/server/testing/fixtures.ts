import { openScratchDatabase, type Database } from '../db/database';
import { fixedClock } from '../core/clock';
import type { Actor, Ctx } from '../core/context';
import { hashPassword } from '../auth/crypto';
import { toActor } from '../auth/accounts';
import { importMunicipalities, parseTerytCsv } from '../municipalities/municipalities';
import { demoMunicipalitiesCsv } from '../municipalities/demo-municipalities';
import { createCustomer } from '../subscriptions/customers';
import { startSubscription } from '../subscriptions/subscriptions';
import { normalizePhone } from '../text/phone';
import { AppError } from '../core/errors';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export const openTestDatabase = (): Promise<Database> =>
	openScratchDatabase(process.env.DATABASE_URL, { prefix: 'tablica_test', poolSize: 4 });

export const TEST_PASSWORD = 'haslo-testowe-123';
let passwordHash: Promise<string> | undefined;

export function testCtx(database: Database, now = '2026-11-26T10:00:00Z') {
	const clock = fixedClock(now);
	const ctx: Ctx = { db: database.db, clock, notifier: database.notifier, baseUrl: 'http://tablica.test' };
	return { ctx, clock };
}

/** A user with the test password, verified unless told otherwise. */
export async function makeUser(
	ctx: Ctx,
	email: string,
	opts: { name?: string; verified?: boolean; operator?: boolean } = {}
): Promise<Actor> {
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const user = await ctx.db
		.insertInto('users')
		.values({
			email,
			password_hash: await passwordHash,
			display_name: opts.name ?? email.split('@')[0],
			email_verified_at: opts.verified === false ? null : ctx.clock.now(),
			is_operator: opts.operator ?? false,
			created_at: ctx.clock.now(),
			deleted_at: null
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return toActor(user);
}

export async function loadDemoMunicipalities(ctx: Ctx): Promise<void> {
	await importMunicipalities(ctx.db, parseTerytCsv(demoMunicipalitiesCsv));
}

/** A municipality's customer data that passes every check (valid NIP and REGON). */
export const testCustomer = {
	municipalityCode: '1438053',
	legalName: 'Gmina Wiskitki',
	nip: '838-157-40-08',
	regon: '013337502',
	street: 'ul. Kościuszki 1',
	postalCode: '96-315',
	city: 'Wiskitki',
	contactName: 'Agnieszka Lis',
	contactEmail: 'sekretariat@wiskitki.test'
};

/** The group's municipality as a customer with an active monthly package (started today). */
export async function activatePackage(
	ctx: Ctx,
	operator: Actor,
	group: { id: string; municipality_code: string }
): Promise<void> {
	await createCustomer(ctx, operator, { ...testCustomer, municipalityCode: group.municipality_code });
	await startSubscription(ctx, operator, group.id, {
		plan: 'monthly',
		startsOn: ctx.clock.now().toISOString().slice(0, 10)
	});
}

/**
 * A member's number as if confirmed with a code (phone-verification.ts), for tests about what SMS
 * alerts do rather than about confirming.
 */
export async function confirmedPhone(ctx: Ctx, groupId: string, userId: string, phone: string): Promise<void> {
	const values = { phone: normalizePhone(phone)!, sent_at: ctx.clock.now(), verified_at: ctx.clock.now() };
	await ctx.db
		.insertInto('phone_verifications')
		.values({ group_id: groupId, user_id: userId, ...values })
		.onConflict((oc) =>
			oc.columns(['group_id', 'user_id']).doUpdateSet({ ...values, code_hash: null, expires_at: null })
		)
		.execute();
}

// A PNG whose header claims a size its (tiny, broken) data does not have: what a decompression bomb
// looks like to the header reader.
export function pngClaiming(width: number, height: number): Uint8Array {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b: Buffer) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc(body), body.length + 4);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** The AppError a call is refused with; anything else (success included) fails the test. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
	const e = await p.then(
		() => null,
		(e: unknown) => e
	);
	if (!(e instanceof AppError))
		throw new Error(`expected a refusal (AppError), got ${e === null ? 'success' : String(e)}`);
	return e;
}
