import { analyze, loadLexicon } from '../src/lib/server/moderation/engine';
import { loadPolEval } from '../src/lib/server/moderation/training';
import { dataDir } from './moderation-model';
const lexicon = loadLexicon(dataDir);
const pe = loadPolEval(dataDir);
const counts: Record<string, number> = {};
const ex: string[] = [];
for (const d of pe) {
  const f = analyze(d.text, { lexicon }).filter((x) => x.severity !== 'info');
  const cats = new Set(f.map((x) => x.category));
  const harmful = ['insult', 'hate', 'threat'].some((c) => cats.has(c as any));
  const key = `${d.harmful ? 'H' : 'N'} ${harmful ? 'caught' : cats.has('vulgarity') ? 'vulgarOnly' : cats.size ? 'other:' + [...cats].join(',') : 'none'}`;
  counts[key] = (counts[key] ?? 0) + 1;
  if (d.harmful && !harmful && cats.has('vulgarity') && ex.length < 40) ex.push(d.text);
  if (!d.harmful && !harmful && cats.has('vulgarity') && ex.length < 80 && Math.random() < 0.3) ex.push('N: ' + d.text);
}
console.log(counts);
console.log(ex.join('\n'));
