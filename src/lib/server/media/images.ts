import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../core/errors';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGES = 10;
const MAX_EDGE = 2048;
/** 50 megapixels: every phone camera's default; decoding more costs seconds of CPU. */
export const MAX_IMAGE_PIXELS = 50_000_000;

// Decoding is the expensive part: one image at a time per process, so a burst of uploads waits in
// line instead of taking every core (and the requests of everyone else) with it.
let decoding: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
	const run = decoding.then(work, work);
	decoding = run.catch(() => {});
	return run;
}

export interface StoredImage {
	fileName: string;
	width: number;
	height: number;
}

/**
 * Checks what the bytes really are (never the file name), then re-encodes to WebP at most
 * 2048 px a side. Re-encoding drops EXIF, GPS and every other piece of metadata.
 */
export async function storeImage(
	mediaDir: string,
	bytes: Uint8Array,
	label = 'Zdjęcie',
	maxEdge = MAX_EDGE
): Promise<StoredImage> {
	if (bytes.byteLength > MAX_IMAGE_BYTES)
		throw new AppError('payload_too_large', `${label} jest za duże: najwyżej 10 MB.`);
	// The header alone (format and size) before anything is decoded.
	const header = await sharp(bytes)
		.metadata()
		.catch(() => null);
	const format = header?.format;
	if (format !== 'jpeg' && format !== 'png' && format !== 'webp') {
		throw new AppError('unsupported_media', `${label} nie jest plikiem JPEG, PNG ani WebP.`);
	}
	const pixels = (header?.width ?? 0) * (header?.height ?? 0) * (header?.pages ?? 1);
	if (pixels > MAX_IMAGE_PIXELS) {
		throw new AppError(
			'payload_too_large',
			`${label} ma za dużą rozdzielczość (${header?.width} × ${header?.height} px): najwyżej ${MAX_IMAGE_PIXELS / 1_000_000} megapikseli. Zmniejsz je i spróbuj ponownie.`
		);
	}
	const { data, info } = await oneAtATime(() =>
		sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
			.rotate()
			.resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 82 })
			.toBuffer({ resolveWithObject: true })
	).catch(() => {
		throw new AppError('unsupported_media', `${label} jest uszkodzone i nie da się go odczytać.`);
	});
	await mkdir(mediaDir, { recursive: true });
	const fileName = `${randomBytes(16).toString('hex')}.webp`;
	await writeFile(path.join(mediaDir, fileName), data);
	return { fileName, width: info.width, height: info.height };
}

export async function removeImages(mediaDir: string, fileNames: string[]): Promise<void> {
	await Promise.all(fileNames.map((f) => unlink(path.join(mediaDir, f)).catch(() => {})));
}

export const isMediaFileName = (name: string) => /^[0-9a-f]{32}\.webp$/.test(name);
