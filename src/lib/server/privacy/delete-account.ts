import type { Actor, Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { verifyPassword } from '../auth/crypto';
import { removeDataExports } from './export-files';
import { erasePersonalData } from './personal-data';

/** Deletes the actor's account after checking the password: personal data erased, exports removed. */
/**
 * Deletes the account: what identifies the person is erased (`privacy/personal-data.ts` lists every
 * table); posts and comments stay, signed "Konto usunięte", so discussions keep their sense.
 */
export async function deleteAccount(ctx: Ctx, actor: Actor, password: unknown): Promise<void> {
	const user = await ctx.db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', actor.id)
		.executeTakeFirstOrThrow();
	if (typeof password !== 'string' || !(await verifyPassword(user.password_hash, password))) {
		throw new AppError('validation', 'Hasło jest nieprawidłowe.', { password: 'Hasło jest nieprawidłowe.' });
	}
	await ctx.db.transaction().execute(async (tx) => {
		await removeDataExports(tx, actor.id, ctx.exportsDir);
		await erasePersonalData(tx, actor.id, ctx.clock.now());
	});
}
