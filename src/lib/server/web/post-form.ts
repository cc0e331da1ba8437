import { AppError } from '../core/errors';
import { MAX_IMAGES, removeImages, storeImage } from '../media/images';
import { parseWarsawLocal } from '../../dates';

/**
 * Turns the composer's form into the domain's post input, storing uploaded images first.
 * Returns the input and the stored file names (to remove if the post is refused).
 */
export async function readPostForm(form: FormData, mediaDir: string) {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	const start = text('eventStart');
	const end = text('eventEnd');
	const place = text('eventPlace');
	let event = null;
	if (start || end || place) {
		const s = start ? parseWarsawLocal(start) : null;
		if (!s)
			throw new AppError('validation', 'Podaj datę i godzinę rozpoczęcia wydarzenia.', {
				'event.start': 'Podaj datę i godzinę rozpoczęcia.'
			});
		const e = end ? parseWarsawLocal(end) : null;
		if (end && !e)
			throw new AppError('validation', 'Podaj poprawną datę zakończenia.', {
				'event.end': 'Podaj poprawną datę zakończenia.'
			});
		event = { start: s, end: e, place: place || null };
	}
	// A poll: its options one per line; the closing time in Warsaw time.
	const options = text('pollOptions')
		.split(/\r?\n/)
		.map((o) => o.trim())
		.filter(Boolean);
	const closesText = text('pollClosesAt');
	let poll = null;
	if (options.length || closesText) {
		const closesAt = closesText ? parseWarsawLocal(closesText) : null;
		if (!closesAt)
			throw new AppError('validation', 'Podaj, do kiedy trwa głosowanie.', {
				'poll.closesAt': 'Podaj datę i godzinę końca głosowania.'
			});
		poll = {
			options,
			closesAt,
			multiple: text('pollMultiple') === 'on',
			consultation: text('pollConsultation') === 'on'
		};
	}
	const publishAtText = text('publishAt');
	const publishAt = publishAtText ? parseWarsawLocal(publishAtText) : null;
	if (publishAtText && !publishAt)
		throw new AppError('validation', 'Podaj poprawną datę i godzinę publikacji.', {
			publishAt: 'Podaj datę i godzinę.'
		});
	const files = form.getAll('images').filter((f): f is File => typeof f !== 'string' && f.size > 0);
	if (files.length > MAX_IMAGES)
		throw new AppError('validation', `Możesz dodać najwyżej ${MAX_IMAGES} zdjęć.`, {
			images: `Najwyżej ${MAX_IMAGES} zdjęć.`
		});
	const alts = form.getAll('alt').map((a) => (typeof a === 'string' ? a : ''));
	const stored: string[] = [];
	const images = [];
	try {
		for (const [i, file] of files.entries()) {
			const img = await storeImage(
				mediaDir,
				new Uint8Array(await file.arrayBuffer()),
				`Zdjęcie ${i + 1} (${file.name})`
			);
			stored.push(img.fileName);
			images.push({ ...img, alt: alts[i] ?? '' });
		}
	} catch (e) {
		await removeImages(mediaDir, stored);
		throw e;
	}
	return {
		input: {
			body: text('body'),
			category: text('category'),
			unitId: text('unitId') || null,
			questionTo: text('questionTo') || null,
			event,
			poll,
			images,
			places: form.getAll('places').map(String),
			draft: text('draft') === 'on',
			publishAt,
			commentsEnabled: text('commentsOff') !== 'on'
		},
		stored
	};
}
