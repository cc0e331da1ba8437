// npm run train:moderation — trains the moderation model (classifier.ts) on BAN-PL, the PolEval 2019
// training set and the project's corpus, deterministically; chooses calibration and thresholds on
// the corpus' validation split and PolEval's cross-validation; writes model/moderation-model.json.
// --retune: keeps the committed weights and only chooses the thresholds again (seconds, no PolEval).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadLexicon } from '../src/lib/server/moderation/engine';
import { heads, loadModel, type HeadParams, type StoredModel } from '../src/lib/server/moderation/classifier';
import { quantised, store, train } from '../src/lib/server/moderation/training';
import { crossValidate, dataDir, loadData, scoresF1, tune } from './moderation-model';

const t0 = Date.now();
const data = loadData();
const file = path.resolve('src/lib/server/moderation/model/moderation-model.json');
const readmeFile = path.join(path.dirname(file), 'README.md');
const table = (params: HeadParams[]) => `| head | threshold (whole) | threshold (sentence) |
| --- | --- | --- |
${params.map((h) => `| ${h.name} | ${h.threshold.toFixed(3)} | ${h.sentenceThreshold.toFixed(3)} |`).join('\n')}
`;

if (process.argv.includes('--retune')) {
	const committed = JSON.parse(readFileSync(file, 'utf8')) as StoredModel;
	const model = loadModel(committed);
	const weights = Float32Array.from(model.weights, (q, i) => q * committed.scale[i % heads.length]);
	const params = tune({ weights, bias: committed.heads.map((h) => h.bias) }, data, [], committed.heads);
	writeFileSync(file, JSON.stringify(store({ weights, bias: committed.heads.map((h) => h.bias) }, params)));
	const readme = readFileSync(readmeFile, 'utf8');
	writeFileSync(readmeFile, readme.replace(/\| head \| threshold[\s\S]*?\n\n/, `${table(params)}\n`));
	console.error(table(params));
	process.exit(0);
}
if (data.banpl.length === 0 || data.poleval.length === 0) {
	console.error(`Brak BAN-PL lub PolEval w ${dataDir}: model trenuje się tylko przy danych referencyjnych.`);
	process.exit(1);
}
console.error(
	`BAN-PL ${data.banpl.length}, PolEval ${data.poleval.length}, korpus ${data.corpus.length} (trening ${data.corpusTrain.length})`
);
const lexicon = loadLexicon(dataDir);
const { heldOut, predictions } = crossValidate(data, lexicon);
const cv = scoresF1(predictions);
const t1 = Date.now();
const trained = quantised(train([...data.banpl, ...data.poleval, ...data.corpusTrain]));
const params = tune(trained, data, heldOut);
const stored = store(trained, params);
writeFileSync(file, JSON.stringify(stored));
console.error(
	`final model trained in ${((Date.now() - t1) / 1000).toFixed(1)} s; all in ${((Date.now() - t0) / 1000).toFixed(1)} s`
);
const seconds = Math.round((Date.now() - t1) / 1000);
const megabytes = (statSync(file).size / 1e6).toFixed(1);
const readme = `# The moderation model

A linear model trained by \`npm run train:moderation\` (\`scripts/train-moderation.ts\`,
\`training.ts\`), deterministic (fixed seeds): hashed features of the engine's normalised text
(\`features.ts\`: character 2–5-grams of every word, words, word pairs; 2^${stored.bits} buckets), one
logistic regression per head with class weights (AdaGrad, 10 epochs), weights stored as one byte each
(${megabytes} MB). The final model trains in about ${seconds} s on one core; with the 5-fold
cross-validation that chooses the harmful head's thresholds, the whole run takes about
${Math.round((Date.now() - t0) / 60000)} min.

Training data: BAN-PL (${data.banpl.length} Wykop.pl texts, half removed by moderators; Kołos et al.,
2023, arXiv:2308.10592; NASK, CC BY 4.0), the PolEval 2019 task 6.1 training set (${data.poleval.length}
tweets; Ptaszynski, Pieciukiewicz, Dybala, Proceedings of PolEval 2019; BSD-3-Clause) and the
training split of the project's own corpus (\`../corpus/\`, ${data.corpusTrain.length} texts). BAN-PL and
PolEval teach the "harmful" head (insults, hate, aggression); the corpus teaches every head,
including the local categories (scams, fake alarms, national politics) that the public sets lack.

Calibration: Platt scaling per head on the corpus' validation split. Thresholds: each head holds
a text judged whole above one threshold, or one of its sentences (of four or more words) above a
higher one — above the highest score of the validation split's ordinary texts (for the harmful
head, trained on the public sets too, the second highest) and of the test fixtures by a margin
(at least 0.5 on the logit scale, more when the two halves of the validation split disagree on
where ordinary texts end); the harmful head's pair is the one with the best F1
on PolEval tweets held out in cross-validation among the pairs above those limits.

As the authors of BAN-PL ask, the model never decides alone: it only holds a text for a moderator.

${table(params)}
PolEval 2019 6.1, 5-fold cross-validation of the whole engine (rules and a model trained without
the fold), harmful = an insult, hate or threat finding: F1 ${cv.f1.toFixed(3)} (precision
${cv.precision.toFixed(3)}, recall ${cv.recall.toFixed(3)}). The engine's figures on the corpus' test
split: \`npm run eval:moderation\` (recorded in \`evaluation.json\`).
`;
writeFileSync(readmeFile, readme);
console.error(readme);
