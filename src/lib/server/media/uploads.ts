import { AppError } from '../core/errors';

/** Files people attach (support tickets, contracts): checked by their bytes before anything is stored. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const MAX_ATTACHMENTS = 5;

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

/** What a file really is, by its first bytes (never by its name): JPEG, PNG, WebP, PDF. */
export function sniffAttachment(bytes: Uint8Array): { type: string; ext: string } | null {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0xff, 0xd8, 0xff)) return { type: 'image/jpeg', ext: 'jpg' };
	if (starts(0x89, 0x50, 0x4e, 0x47)) return { type: 'image/png', ext: 'png' };
	if (
		starts(0x52, 0x49, 0x46, 0x46) &&
		bytes[8] === 0x57 &&
		bytes[9] === 0x45 &&
		bytes[10] === 0x42 &&
		bytes[11] === 0x50
	)
		return { type: 'image/webp', ext: 'webp' };
	if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { type: 'application/pdf', ext: 'pdf' };
	return null;
}

/** Checks uploads before anything is stored: size, count and kind. */
export function checkUploads(files: Upload[]): { upload: Upload; type: string; ext: string }[] {
	if (files.length > MAX_ATTACHMENTS)
		throw new AppError('validation', `Możesz dołączyć najwyżej ${MAX_ATTACHMENTS} plików.`, {
			files: `Najwyżej ${MAX_ATTACHMENTS} plików.`
		});
	return files.map((f) => {
		if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES)
			throw new AppError('payload_too_large', `Plik „${f.name}” jest za duży: najwyżej 10 MB.`, {
				files: 'Najwyżej 10 MB na plik.'
			});
		const kind = sniffAttachment(f.bytes);
		if (!kind)
			throw new AppError('unsupported_media', `Plik „${f.name}” nie jest zdjęciem (JPEG, PNG, WebP) ani PDF-em.`, {
				files: 'Tylko zdjęcia i PDF.'
			});
		return { upload: f, ...kind };
	});
}
