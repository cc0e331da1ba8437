import type { Finding } from './findings';
import { foldText } from '../text/fold';

// National politics in a local group: parties, national politicians, parliament, national
// elections. Local public life (rada gminy, sesja, wójt, sołtys, wybory samorządowe, a member of
// parliament visiting a school) is not matched on purpose.
const phrases = [
	'prawo i sprawiedliwosc', 'prawa i sprawiedliwosci', 'platforma obywatelska', 'platformy obywatelskiej', 'koalicja obywatelska', 'koalicji obywatelskiej',
	'konfederacj[a-z]*', 'nowa lewica', 'nowej lewicy', 'partia razem', 'partii razem', 'trzecia droga', 'trzeciej drogi', 'polska 2050', 'polski 2050',
	'solidarn[a-z]* polsk[a-z]*', 'suwerenn[a-z]* polsk[a-z]*', 'ruch[a-z]* narodow[a-z]*',
	'tusk[a-z]*', 'morawieck[a-z]*', 'trzaskowsk[a-z]*', 'holowni[a-z]*', 'mentzen[a-z]*', 'bosak[a-z]*', 'czarzast[a-z]*', 'kosiniak[a-z-]*', 'ziobr[a-z]*', 'macierewicz[a-z]*',
	'jaroslaw[a-z]* kaczynsk[a-z]*', 'prezes[a-z]* kaczynsk[a-z]*', 'andrzej[a-z]* dud[a-z]*', 'prezydent[a-z]* dud[a-z]*', 'karol[a-z]* nawrock[a-z]*', 'prezydent[a-z]* nawrock[a-z]*',
	'w sejmie', 'sejm[a-z]* (?:uchwalil|przyjal|odrzucil|glosowal)[a-z]*', 'do sejmu', 'marszal[a-z]* sejmu', 'wybor[a-z]* parlamentarn[a-z]*', 'wybor[a-z]* prezydenck[a-z]*', 'wybor[a-z]* do (?:sejmu|senatu|europarlamentu|parlamentu europejskiego)',
	'rzad[a-z]* (?:tuska|morawieckiego|pis)', 'pisowc[a-z]*', 'pisior[a-z]*', 'platfus[a-z]*', 'lewak[a-z]*', 'konfiarz[a-z]*'
];
const pattern = new RegExp(`(?<![a-z0-9])(?:${phrases.join('|')})(?![a-z0-9])`, 'g');
// Party acronyms, in their own capitalisation only ("po" and "pis" are also ordinary words).
const acronyms = /(?<![\p{L}\d])(?:PiS|PIS|KO|PSL|PO-KO)(?![\p{L}\d])/gu;

/** Same length as the text, so offsets carry over: every UTF-16 unit folded on its own. */
export function foldKeepingOffsets(text: string): string {
	let out = '';
	for (const unit of text) {
		const f = foldText(unit);
		const piece = f.length === 0 ? ' ' : f[0];
		out += piece.padEnd(unit.length, ' ');
	}
	return out;
}

export function findNationalPolitics(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const found: Finding[] = [];
	const add = (start: number, end: number) =>
		found.push({
			rule: 'national_politics.phrase',
			category: 'national_politics',
			severity: 'hold',
			start,
			end,
			message: `Polityka krajowa („${text.slice(start, end)}”). Grupa służy sprawom gminy — takie wpisy publikujemy, gdy mają bezpośredni związek z lokalną społecznością; oceni to moderator. Napisz, czego dotyczy sprawa w naszej gminie.`
		});
	for (const m of folded.matchAll(pattern)) add(m.index, m.index + m[0].length);
	for (const m of text.matchAll(acronyms)) if (!found.some((f) => f.start <= m.index && m.index < f.end)) add(m.index, m.index + m[0].length);
	return found.sort((a, b) => a.start - b.start);
}
