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
