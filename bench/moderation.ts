// Moderation engine speed (rules and model): comments per second on one core, and p99 for a 2 000-character post,
// each checked as the server checks it: the engine plus the demo group's word list.
import { performance } from 'node:perf_hooks';
import { loadLexicon } from '../src/lib/server/moderation/engine';
import { compileWordList, findingsFor } from '../src/lib/server/moderation/word-lists';
import { loadCorpus } from '../src/lib/server/moderation/corpus';
import { commentTexts, demoWordList, residentPosts, replyTexts, wiskitkiUnits } from '../src/lib/server/demo/content';

export function benchModeration(referenceDataDir?: string) {
	const lexicon = loadLexicon(referenceDataDir);
	const words = compileWordList(demoWordList.map((w, i) => ({ id: String(i), ...w })));
	const samples = [
		...commentTexts,
		...replyTexts,
		'Zajebisty festyn, k***a, było super!!!',
		'Ty dzbanie, wyślij mi kod BLIK',
		'no k u r w a, znowu nie ma wody',
		'UWAGA!!! DROGA ZAMKNIĘTA OD JUTRA',
		'Dziękuję za informację, czy w Guzowie też będzie przerwa w dostawie wody?',
		// The corpus' comments, ordinary and harmful: what a group's comment section really holds.
		...loadCorpus()
			.filter((c) => c.kind === 'comment')
			.map((c) => c.text)
	];
	const comments = Array.from({ length: 50_000 }, (_, i) => samples[i % samples.length] + (i % 7 === 0 ? ` ${i}` : ''));
	// A server checks comments all day: measure the warm engine, the median of three passes after one untimed.
	let findings = 0;
	const passes: number[] = [];
	for (let pass = 0; pass < 4; pass++) {
		findings = 0;
		const t0 = performance.now();
		for (const c of comments) findings += findingsFor(c, { lexicon, words }).length;
		if (pass > 0) passes.push((performance.now() - t0) / 1000);
	}
	const seconds = passes.sort((a, b) => a - b)[1];

	const paragraphs = [...residentPosts.map((p) => p.body), ...wiskitkiUnits.flatMap((u) => u.posts.map((p) => p.body))];
	let long = '';
	for (let i = 0; long.length < 2000; i++)
		long += paragraphs[i % paragraphs.length] + (i % 9 === 4 ? ' Zajebisty pomysł!' : '') + '\n\n';
	long = long.slice(0, 2000);
	for (let i = 0; i < 500; i++) findingsFor(long, { lexicon, words }); // warm-up
	const times: number[] = [];
	for (let i = 0; i < 3000; i++) {
		const t = performance.now();
		findingsFor(long, { lexicon, words });
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
	return {
		commentsPerSecond: Math.round(comments.length / seconds),
		findings,
		post2000: { p50: q(0.5), p99: q(0.99) },
		lexicon: lexicon.size
	};
}
