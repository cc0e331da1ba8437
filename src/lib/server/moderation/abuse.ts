import type { Finding } from './findings';
import { foldKeepingOffsets } from './politics';

// All patterns run on the text folded to lower case without diacritics, offsets unchanged.
const w = (body: string) => new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'g');

// Threats of violence against someone: a violent verb in the 1st person, then a person within two words.
const violentVerbs = 'zabij[ea]|zabijemy|zatluk[eo]|zatluczemy|podpal[ei]|podpalimy|spal[ei]|spalimy|powiesz[ea]|powiesimy|zastrzel[ei]|odstrzel[ei]|poderzn[ea]|wymorduj[ea]|rozwal[ei]|polami[ea]|zajebi[ea]|udusz[ea]|wykoncz[ea]|dopadn[ea]|dopadniemy';
const targets = 'cie|ci|go|ja|was|wam|mu|jej|ich|tego|tej|tych|wojta|burmistrza|soltysa|radnego|radna|sasiada|sasiadke|dom|chate|samochod|auto';
const threat = new RegExp(`(?<![a-z0-9])(?:${violentVerbs})(?:\\s+[a-z]+){0,2}?\\s+(?:${targets})(?![a-z0-9])`, 'g');
const threatPhrases = w('dostaniesz kulk[ea]|dostaniesz w leb|nie dozyjesz|juz nie zyjesz|zginiesz marnie|zrobimy z (?:toba|nim|nia|wami) porzadek|policzymy sie z (?:toba|wami|nim|nia)');

// Slurs and dehumanising phrases about groups of people.
const slurs = w('czarnuch[a-z]*|ty pedale|ciot(?:a|y|o|om|ami)|zydk[aio][a-z]*|zydostw[a-z]*|pejsat[a-z]*|banderowc[a-z]*|ukrop[a-z]*|ciapat[a-z]*|brudas[a-z]*|cyganstw[a-z]*');
const groups = 'ukraincy|ukraincow|zydzi|zydow|cyganie|cyganow|romowie|romow|geje|gejow|uchodzcy|uchodzcow|imigranci|imigrantow|muzulmanie|muzulmanow|czarni|murzyni|niemcy|rosjanie|ruscy|lgbt';
const vermin = 'szczury|szczurami|robactwo|robactwem|karaluchy|pasozyty|pasozytami|scierwo|scierwem|bydlo|bydlem|zwierzeta|zwierzetami|smieci|smieciami|podludzie|zaraza|zaraza';
const dehumanising = new RegExp(`(?<![a-z0-9])(?:(?:${groups})(?:\\s+[a-z]+){0,2}?\\s+(?:to|sa)\\s+(?:${vermin})|do gazu|won z polski|na drzewo z nimi|wyrznac ich|spalic ich)(?![a-z0-9])`, 'g');

// Insults aimed at people.
const insults = w('idiot[a-z]*|debil[a-z]*|kretyn[a-z]*|imbecyl[a-z]*|matol[a-z]*|durni[a-z]*|duren|glupek|glupku|glupki|glupcz[a-z]*|cwok[a-z]*|palant[a-z]*|frajer[a-z]*|smierdziel[a-z]*|polglow[a-z]*|tuman[a-z]*|oszolom[a-z]*|gnid[a-z]*|kanali[ae]|szuj[a-z]*|lajdak[a-z]*|menel[a-z]*|pajac[a-z]*');

function collect(text: string, folded: string, re: RegExp, make: (span: string) => Omit<Finding, 'start' | 'end'>, into: Finding[]) {
	for (const m of folded.matchAll(re)) {
		const start = m.index;
		const end = m.index + m[0].length;
		if (into.some((f) => f.start < end && start < f.end)) continue;
		into.push({ ...make(text.slice(start, end)), start, end });
	}
}

/** Threats, slurs and dehumanising language (block), insults (hold). */
export function findAbuse(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const found: Finding[] = [];
	const threatMsg = (s: string) => ({ rule: 'threat.violence', category: 'threat' as const, severity: 'block' as const, message: `Groźba („${s}”). Groźby przemocy są zakazane; wpis nie zostanie opublikowany, a moderator go sprawdzi. Jeśli komuś grozi niebezpieczeństwo, dzwoń pod 112.` });
	collect(text, folded, threat, threatMsg, found);
	collect(text, folded, threatPhrases, threatMsg, found);
	collect(text, folded, slurs, (s) => ({ rule: 'hate.slur', category: 'hate', severity: 'block', message: `Obraźliwe określenie grupy ludzi („${s}”). Mowa nienawiści jest zakazana regulaminem grupy.` }), found);
	collect(text, folded, dehumanising, (s) => ({ rule: 'hate.dehumanising', category: 'hate', severity: 'block', message: `Odczłowieczające słowa o grupie ludzi („${s}”). Mowa nienawiści jest zakazana regulaminem grupy.` }), found);
	collect(text, folded, insults, (s) => ({ rule: 'insult.word', category: 'insult', severity: 'hold', message: `Obraźliwe słowo („${s}”). Krytykuj decyzje i sprawy, nie ludzi — napisz, co konkretnie Ci przeszkadza.` }), found);
	return found.sort((a, b) => a.start - b.start);
}
