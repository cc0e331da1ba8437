import type { Db } from './database';

/**
 * A value kept in `app_settings` under `key`, made by `make` the first time. Instances racing to
 * make it all end up with the one that was stored first.
 */
export async function storedSetting<T>(db: Db, key: string, make: () => T): Promise<T> {
	const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
	if (row) return row.value as T;
	await db
		.insertInto('app_settings')
		.values({ key, value: JSON.stringify(make()) })
		.onConflict((oc) => oc.doNothing())
		.execute();
	return (await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow())
		.value as T;
}
