import type { Db } from '../db/database';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkUploads } from '../media/uploads';

const dirOf = (mediaDir: string) => path.join(mediaDir, 'tickets');
export const isTicketFileName = (name: string) => /^[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(name);

/** The files of a form (field `files`), checked, then written under random names. */
export async function storeTicketFiles(mediaDir: string, form: FormData): Promise<StoredAttachment[]> {
	const files = form.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0);
	const checked = checkUploads(
		await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
	);
	await mkdir(dirOf(mediaDir), { recursive: true });
	const stored: StoredAttachment[] = [];
	for (const c of checked) {
		const fileName = `${randomBytes(16).toString('hex')}.${c.ext}`;
		await writeFile(path.join(dirOf(mediaDir), fileName), c.upload.bytes);
		stored.push({
			fileName,
			originalName: c.upload.name || `plik.${c.ext}`,
			contentType: c.type,
			size: c.upload.bytes.byteLength
		});
	}
	return stored;
}

export async function removeTicketFiles(mediaDir: string, files: StoredAttachment[]): Promise<void> {
	await Promise.all(files.map((f) => unlink(path.join(dirOf(mediaDir), f.fileName)).catch(() => {})));
}

export const readTicketFile = (mediaDir: string, fileName: string) => readFile(path.join(dirOf(mediaDir), fileName));

/** An attachment already written to the media folder. */
export interface StoredAttachment {
	fileName: string;
	originalName: string;
	contentType: string;
	size: number;
}

export async function attach(tx: Db, messageId: string, files: StoredAttachment[]): Promise<void> {
	if (files.length)
		await tx
			.insertInto('ticket_attachments')
			.values(
				files.map((f) => ({
					message_id: messageId,
					file_name: f.fileName,
					original_name: f.originalName.slice(0, 200),
					content_type: f.contentType,
					size: f.size
				}))
			)
			.execute();
}

/** Files of a ticket's messages, by message. */
export async function attachmentsOf(db: Db, ticketId: string) {
	return db
		.selectFrom('ticket_attachments as a')
		.innerJoin('ticket_messages as m', 'm.id', 'a.message_id')
		.select(['a.message_id', 'a.file_name', 'a.original_name', 'a.content_type', 'a.size'])
		.where('m.ticket_id', '=', ticketId)
		.orderBy('a.id')
		.execute();
}
