import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database';

// Apart from export.ts, whose data sources import auth/accounts: account deletion imports this.

export const isExportFileName = (name: string) => /^[0-9a-f]{32}\.zip$/.test(name);

export async function removeExportFile(exportsDir: string, fileName: string | null): Promise<void> {
	if (fileName && isExportFileName(fileName)) await unlink(path.join(exportsDir, fileName)).catch(() => {});
}

/** Removes a person's exports, rows and files, in the caller's transaction (account deletion). */
export async function removeDataExports(db: Db, userId: string, exportsDir: string | undefined): Promise<void> {
	const rows = await db.deleteFrom('data_exports').where('user_id', '=', userId).returning('file_name').execute();
	// Without a folder (tests that make no files) the hourly sweep would still remove them.
	if (exportsDir) for (const r of rows) await removeExportFile(exportsDir, r.file_name);
}
