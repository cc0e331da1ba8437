// npm run eval:moderation — the engine (rules and the committed model) on the corpus' test split:
// per category precision and recall, ordinary texts held; and F1 of "harmful" (insult, hate or
// threat found) in a 5-fold cross-validation on the PolEval 2019 training set. Writes the figures
// to model/evaluation.json, which the tests hold the engine to.
//   --split train|validation|test   which split to report (default test)
//   --misses                        list the texts judged wrongly
//   --no-cv                         skip the cross-validation (it trains five models)
//   --corpus DIR                    judge every text of other JSONL files instead (e.g. a new batch before it joins the corpus)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, type Split } from '../src/lib/server/moderation/corpus';
import { loadLexicon } from '../src/lib/server/moderation/engine';
import { evaluate } from '../src/lib/server/moderation/evaluation';
import { crossValidate, dataDir, loadData, scoresF1 } from './moderation-model';

const args = process.argv.slice(2);
const split = (args[args.indexOf('--split') + 1] ?? 'test') as Split;
const otherCorpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
const splitName = otherCorpus ? `all of ${otherCorpus}` : args.includes('--split') ? split : 'test';
const lexicon = loadLexicon(dataDir);
const items = otherCorpus ? loadCorpus(path.resolve(otherCorpus)) : loadCorpus().filter((c) => c.split === splitName);
const figures = evaluate(items, { lexicon });
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

console.log(`Korpus, część ${splitName}: ${items.length} tekstów`);
console.log(`| category | texts | held | recall | precision |\n| --- | --- | --- | --- | --- |`);
for (const c of figures.categories)
	console.log(`| ${c.label} | ${c.total} | ${c.held} | ${pct(c.recall)} | ${pct(c.precision)} |`);
console.log(`| all harmful | ${figures.harmful.total} | ${figures.harmful.held} | ${pct(figures.harmful.recall)} | |`);
console.log(
	`| ordinary (held = false alarm) | ${figures.ordinary.total} | ${figures.ordinary.held} | ${pct(figures.ordinary.share)} | |`
);

if (args.includes('--misses')) {
	for (const j of figures.judged) {
		const wrong = j.item.label === 'ordinary' ? j.held : !j.held;
		if (!wrong) continue;
		const why = j.findings
			.filter((f) => f.severity !== 'info')
			.map((f) => `${f.rule}「${j.item.text.slice(f.start, f.end).slice(0, 60)}」`);
		console.log(
			`\n[${j.item.label}/${j.item.author}] ${j.held ? 'HELD' : 'MISSED'} ${why.join('; ')}\n  ${j.item.text}`
		);
	}
}

let poleval: ReturnType<typeof scoresF1> | undefined;
if (!args.includes('--no-cv')) {
	const data = loadData();
	if (data.poleval.length) {
		const t0 = Date.now();
		poleval = scoresF1(crossValidate(data, lexicon).predictions);
		console.log(
			`\nPolEval 2019 6.1, 5-fold cross-validation (${((Date.now() - t0) / 1000).toFixed(0)} s): F1 ${poleval.f1.toFixed(3)} (P ${poleval.precision.toFixed(3)}, R ${poleval.recall.toFixed(3)})`
		);
	} else console.log(`\nPolEval: brak danych w ${dataDir}, pominięte.`);
}

if (splitName === 'test') {
	const out = {
		split: 'test',
		texts: items.length,
		ordinary: { total: figures.ordinary.total, held: figures.ordinary.held },
		categories: Object.fromEntries(
			figures.categories.map((c) => [
				c.label,
				{ total: c.total, held: c.held, recall: Number(c.recall.toFixed(4)), precision: Number(c.precision.toFixed(4)) }
			])
		),
		...(poleval
			? {
					polevalCrossValidation: {
						f1: Number(poleval.f1.toFixed(4)),
						precision: Number(poleval.precision.toFixed(4)),
						recall: Number(poleval.recall.toFixed(4))
					}
				}
			: {})
	};
	writeFileSync(
		path.resolve('src/lib/server/moderation/model/evaluation.json'),
		JSON.stringify(out, null, '\t') + '\n'
	);
}
