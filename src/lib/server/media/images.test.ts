import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pngClaiming } from '../testing/fixtures';
import { MAX_IMAGE_PIXELS, storeImage } from './images';

const dir = mkdtempSync(path.join(tmpdir(), 'tablica-media-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const photo = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
		.jpeg()
		.withExif({ IFD0: { Make: 'AparatTestowy' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1' } })
		.toBuffer();

describe('storing an uploaded image', () => {
	it('re-encodes to WebP, shrinks large photos and drops EXIF and GPS', async () => {
		const original = await photo(4000, 3000);
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const stored = await storeImage(dir, original);
		expect(stored).toMatchObject({ width: 2048, height: 1536 });
		const bytes = readFileSync(path.join(dir, stored.fileName));
		const meta = await sharp(bytes).metadata();
		expect(meta.format).toBe('webp');
		expect(meta.exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('AparatTestowy'))).toBe(false);
	});

	it('keeps small images at their size', async () => {
		expect(await storeImage(dir, await photo(640, 480))).toMatchObject({ width: 640, height: 480 });
	});

	it('judges the content, not the name: text dressed as a JPEG is refused', async () => {
		await expect(
			storeImage(dir, new TextEncoder().encode('<?php echo 1; ?>'), 'Zdjęcie 1 (kot.jpg)')
		).rejects.toMatchObject({
			code: 'unsupported_media',
			message: 'Zdjęcie 1 (kot.jpg) nie jest plikiem JPEG, PNG ani WebP.'
		});
		const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
			.gif()
			.toBuffer();
		await expect(storeImage(dir, gif)).rejects.toMatchObject({ code: 'unsupported_media' });
	});

	it('refuses files over 10 MB', async () => {
		await expect(storeImage(dir, new Uint8Array(10 * 1024 * 1024 + 1))).rejects.toMatchObject({
			code: 'payload_too_large'
		});
	});

	it('refuses an image over 50 megapixels from its header, without decoding it', async () => {
		const bomb = pngClaiming(16_000, 16_000);
		expect((await sharp(bomb).metadata()).width).toBe(16_000);
		await expect(storeImage(dir, bomb, 'Zdjęcie 1 (mapa.png)')).rejects.toMatchObject({
			code: 'payload_too_large',
			message:
				'Zdjęcie 1 (mapa.png) ma za dużą rozdzielczość (16000 × 16000 px): najwyżej 50 megapikseli. Zmniejsz je i spróbuj ponownie.'
		});
		expect(MAX_IMAGE_PIXELS).toBe(50_000_000);
	});

	it('decodes uploads arriving together one after another, and stores each', async () => {
		const stored = await Promise.all([1, 2, 3, 4].map(async (i) => storeImage(dir, await photo(800 + i, 600))));
		expect(stored.map((s) => s.width)).toEqual([801, 802, 803, 804]);
		expect(new Set(stored.map((s) => s.fileName)).size).toBe(4);
	});
});
