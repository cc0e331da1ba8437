import type { Finding } from './findings';
import { foldText } from '../text/fold';

// National politics in a local group: campaigning, parties and national politicians, attacks on
// (or praise of) parliament, government and the president. Local public life (rada gminy, sesja,
// wójt, sołtys, wybory samorządowe), neutral election notices and neutral reports of a visit by a
// member of parliament are not matched on purpose. Patterns run over the folded text: lower case,
// no diacritics, digits that stand for letters inside a word read as letters.

const W = '[a-z*]*';
/** Up to n more words, not crossing the end of a sentence. */
const gap = (n: number) => `(?:[\\s,]+[^\\s.!?;:]+){0,${n}}[\\s,]+`;
const re = (source: string, flags = 'g') => new RegExp(`(?<![a-z0-9*])(?:${source})(?![a-z0-9*])`, flags);

// Parties and the words for their members, all cases. Ambiguous names ("trzecia droga", "razem")
// are matched in the original text only when capitalised.
const parties = [
	`praw${W} i sprawiedliwosc${W}`,
	`platform${W} obywatelsk${W}`,
	`koalicj${W} obywatelsk${W}`,
	`konfederac(?!j${W} (?:barsk|targowick|radomsk|warszawsk|generaln|tyszowieck|sandomiersk|gorczansk))${W}`,
	`konfederat(?!k)${W}`,
	`lewic(?:a|y|e|owy|owa|owi|owe|owych|owej|owego|owym|owcy|owcow)`,
	`lewica razem|partia razem|partii razem|partie razem`,
	`polsk${W} 2050`,
	`ludowc${W}|stronnictw${W} ludow${W}|psl-?owc${W}`,
	`zjednoczon${W} prawic${W}`,
	`kukiz${W}(?:'?15)?`,
	`agrouni${W}`,
	`(?:pis|p\\*s|pi\\*)(?:-?(?:u|ie|em|owi|owc${W}|owsk${W}))?`,
	`pisowc${W}|pisowsk${W}`
];
// Words only partisans use: for a party's members or the other side's voters.
const slurs = [
	`pisior${W}`,
	`pisdziel${W}`,
	`pislamist${W}`,
	`platfus${W}`,
	`peowc${W}`,
	`pelowc${W}`,
	`tuskow${W}`,
	`tuskolandi${W}`,
	`kaczyst${W}`,
	`kaczyzm${W}`,
	`lewac${W}|lewak${W}|lewactw${W}`,
	`prawak${W}|prawact${W}`,
	`konfiarz${W}|konfederus${W}|konfa|konfy|konfie`,
	`lemingi|lemingow|lemingami`,
	`totalniak${W}|totaln${W} opozycj${W}`,
	`koalicj${W} (?:13|trzynastego) grudnia`,
	`usmiechniet${W} (?:koalicj|polsk)${W}`,
	`narodowc${W}`,
	`ruska onuc${W}|onuc(?:a|e|y|ami)`,
	`(?:osiem|8) gwiazdek`
];
// National politicians, current and recent: surnames in every case; common surnames need a first name or an office.
const politicians = [
	`tusk${W}`,
	`kaczynsk${W}`,
	`morawieck${W}`,
	`trzaskowsk${W}`,
	`holowni${W}`,
	`mentzen${W}`,
	`czarzast${W}`,
	`kosiniak${W}(?:-kamysz${W})?`,
	`kamysz${W}`,
	`ziobr${W}`,
	`macierewicz${W}`,
	`zandberg${W}`,
	`biejat${W}`,
	`czarnk(?:a|owi|iem|u)|czarnek`,
	`blaszczak${W}`,
	`sasin${W}`,
	`glapinsk${W}`,
	`obajt(?:ek|ka|kowi|kiem|ku)`,
	`kierwinsk${W}`,
	`siemoniak${W}`,
	`bodnar${W}`,
	`hennig${W}(?:-klosk${W})?`,
	`korwin${W}(?:-mikke)?`,
	`giertych${W}`,
	`senyszyn${W}`,
	`biedron(?:ia|iowi|iem|iu)?`,
	`nawrock${W}`,
	`schetyn${W}`,
	`petru`,
	`lubnauer${W}`,
	`(?<!(?:golark|maszynk|blender|suszark|depilator|szczoteczk|mikser|zelazk|robot)${W} )braun(?!${W} (?:golark|maszynk|blender|suszark|depilator|series|oral))${W}`,
	`barbar${W} nowack${W}`,
	`michal${W} kolodziejczak${W}`,
	`beat${W} szydl${W}`,
	`(?:andrzej${W}|prezydent${W}) dud(?:a|y|zie|e|ą)`,
	`krzysztof${W} bosak${W}`,
	`radoslaw${W} sikorsk${W}`,
	`marek jakubiak${W}|mark${W} jakubiak${W}`,
	`krzysztof${W} stanowsk${W}`,
	`bronislaw${W} komorowsk${W}`,
	`aleksand${W} kwasniewsk${W}`,
	`(?:minister|ministr(?:a|owi|em|ze|owie|ow|om|ami|ach)) (?:nowack|sikorsk|domansk|kolodziejczak|szlapk|leszczyn|kropiwnick|hennig)${W}`
];
// Street, school and square names keep a politician's name without any politics in them.
const namedAfter =
	/(?:^|[\s(])(?:ul|ulic[a-z]*|al|alej[a-z]*|rond[a-z]*|pl|plac[a-z]*|skwer[a-z]*|im|imienia|os|osiedl[a-z]*|most[a-z]*)\.?\s+(?:[a-z]+\s+){0,2}$/;

const partyPattern = re([...parties, ...politicians].join('|'));
const slurPattern = re(slurs.join('|'));
// Capitalised only: otherwise ordinary words ("trzecia droga w lewo", "razem posprzątamy", "platforma widokowa", the firefighter's "bosak").
const capitalised =
	/(?<![\p{L}\d])(?:Trzeci(?:a|ej|ą) Drog(?:a|i|ę|ą|ze)|Suwerenn(?:a|ej|ą) Polsk(?:a|i|ę|ą)|Solidarn(?:a|ej|ą) Polsk(?:a|i|ę|ą)|Ruch(?:u|owi|em)? Narodow(?:y|ego|emu|ym)|Now(?:a|ej|ą) Nadziej(?:a|i|ę|ą)|(?<=(?:na|z|ze|partii|partia|z partii) )Razem|Platform(?:a|y|ie|ę|ą)(?! (?:[A-ZĄĆĘŁŃÓŚŹŻ]|e-|widokow|zakupow|edukacyjn|internetow|elektroniczn|cyfrow|rowerow|startow|ratownicz|logistyczn|do |dla |usług|szkoln|wiertnic|przeładunkow|sprzedażow))|Bosak(?:a|owi|iem|u)?|PSL(?:-\p{L}+)?|SLD|KO|P[iI1!*][sS$](?:-\p{L}+)?|PO(?=\s+i\s+P[iI]S|-KO|-PiS)|(?<=P[iI]S\s+i\s+)PO)(?![\p{L}\d])/gu;

// The national political world: offices, parliament, government, national elections, the EU as a side.
const national = [
	`rzad(?:u|owi|em|zie|y|ow|om|ami|ach)?`,
	`rzadz(?:acy|acych|acym|acymi|a|i|ic|il|ili)`,
	`rzadow${W}`,
	`sejm(?!ik)${W}`,
	`senat${W}`,
	`parlament${W}`,
	`europarlament${W}`,
	`europos${W}`,
	`pos(?:el|la|lowi|lem|lowie|low|lom|lami|lach|lank${W}|lanek|lance)`,
	`poselsk${W}`,
	`minister|ministr(?:a|owi|em|ze|owie|ow|om|ami|ach)|ministerstw${W}`,
	`premier(?:owi|em)?`,
	`(?:pan${W}|obecn${W}|nasz${W}|tego|naszego|byl${W}) premier(?:a|ze)`,
	`prezydent(?:a|owi|em|cie|ka|ki|ke|ce|ow|owie)?(?! miasta)`,
	`glow${W} panstwa`,
	`palac${W} prezydenck${W}`,
	`kancelari${W} (?:premiera|prezydenta)`,
	`politycy|politykow|politykami|politykom|politykier${W}|partyjn${W}|parti${W} (?:rzadzac|polityczn|opozycyjn)${W}`,
	`opozycj${W}`,
	`koalicj${W} rzadzac${W}|koalicjanc${W}|koalicjant${W}`,
	`prawic${W}|prawicow${W}`,
	`lewicow${W}`,
	`wladz${W} (?:w warszawie|z warszawy|centraln${W}|krajow${W}|panstwow${W})|(?:obecn${W}|ta|tej|te|ta cala) wladz${W}`,
	`bruksel${W}|uni(?:a|i|e|ą) europejsk${W}|unijn${W} (?:urzedni|biurokra|dyktat|komisarz)${W}|zielon${W} lad${W}|pakt${W} migracyjn${W}`,
	`wybor${W} (?:do sejmu|do senatu|parlamentarn${W}|prezydenck${W}|do parlamentu europejskiego|do europarlamentu)`,
	`kampani${W} (?:prezydenck|wyborcz|parlamentarn)${W}`,
	`warszawk${W}|(?:z|na|przy) wiejskiej`,
	`platform(?:a|y|ie|e)(?! (?:widokow|zakupow|edukacyjn|internetow|elektroniczn|cyfrow|rowerow|startow|ratownicz|logistyczn|e-|do |dla |uslug|szkoln|wiertnic|przeladunkow|sprzedazow|obywatelsk|epuap|gov)${W})`
];
const nationalPattern = re(national.join('|'));

// Judging words: what turns a mention of the government or parliament into a partisan statement.
const judging = [
	`klam${W}|oklam${W}|naklam${W}|klamc${W}|oszu${W}|oszust${W}|obluda|oblud${W}|hipokry${W}`,
	`zlodzie${W}|zlodziej${W}|kradn${W}|kradl${W}|ukradl${W}|okrad${W}|rozkrad${W}|grabiez${W}|grabi nas|lupi nas|doja${W} nas|zdziercz${W}|zdzierstw${W}|przekret${W}|naobiecywal${W}|obiecank${W}`,
	`zdraj${W}|zdradz${W}|zdradzil${W}|zdrad(?:a|y|e|ą)|targowic${W}|sprzedal${W}|sprzedaj${W} (?:polsk|kraj|nas)${W}|na pasku|pachol${W}|marionet${W}|kukl${W}|agent(?:a|em|ow|om|ami|ach|ura|ury|ure|urze)?|onuc${W}|szkodni${W}`,
	`niszcz${W}|zniszcz${W}|rozwal${W}|zrujn${W}|rujnuj${W}|ruin${W}|wykoncz${W}|dobij${W}|zarzyna${W}|gnebi${W}|okradaj${W}|zabier${W} nam|zabral${W} nam|(?:podnies${W}|podniosl${W}|podnosz${W}|podwyzsz${W}) (?:ceny|podatk${W}|akcyz${W}|oplat${W}|vat)|podwyzk${W} (?:cen|podatk${W}|akcyz${W})`,
	`afer${W}|band(?:a|y|zie|ą|o)|bandyc${W}|mafi${W}|sitw${W}|kolesi${W}|do koryta|przy korycie|od koryta|koryt${W} wladzy|dorwali sie`,
	`nieudaczni${W}|nieuk${W}|idio${W}|debil${W}|durn${W}|glup${W}|kretyn${W}|bezczel${W}|tchorz${W}|pasozyt${W}|darmozjad${W}|nieroby|nierobow|leni${W}`,
	`hanb${W}|skandal${W}|dyktat${W}|jak piesek|kiwa${W} glowa|na smyczy|na kolanach|podnozek|lizus${W}|sluzalcz${W}|panstw${W} z dykty|zenad${W}|farsa|farsy|farse|cyrk${W}|kpin${W}|szopk${W}|kompromitacj${W}|wstyd${W}|dno|porazk${W}|parodi${W}|posmiewisk${W}`,
	`sfalszow${W}|ustawk${W}|(?:sa|byly|beda|wybory) ustawione|kupion${W} glos${W}|oszukan${W}`,
	`precz|won|wynocha|do wiezienia|za kratk${W}|pod sad|trybunal${W} stanu|rozliczy(?:my|c ich|cie)|rozliczmy|pogon(?:ic|my|cie|imy)|przegon${W}|odsun(?:ac|ac ich|my|cie)|wyrzucmy|wyrzucic ich|czerwon${W} kartk${W}|mamy dosc|dosc tego|nigdy wiecej`,
	`dyktatur${W}|rezim${W}|komuch${W}|komuna|komunist${W}|faszy${W}|bolszewi${W}|lewac${W}|lewak${W}|tyran${W}`,
	`jeba${W}|jebac|j\\*+${W}|pierdol${W}|chuj${W}|ch\\*j${W}|kurw${W}|gown${W}`,
	`nic nie robi${W}|nic nie zrobil${W}|nic dla nas|ma(?:ja)? (?:nas|ich|was|wies|ludzi|rolnikow|emerytow) (?:gdzies|w dupie)|dla bogatych|dla elit|dla swoich|gdzies nas ma${W}|olewa${W} nas|w dupie`,
	`uratuj${W}|ratuj${W} polsk${W}|jedyn${W} (?:nadziej${W}|szans${W}|uczciw${W}|ktor${W}|normaln${W})|najlepsz${W} (?:premier|prezydent|rzad|partia|minister)${W}|brawo|niech zyje|wreszcie normaln${W}|dobra zmiana|mowi prawde|mowia prawde|popieram|popierajmy|trzymam kciuki`
];
const judgingPattern = re(judging.join('|'));

// Asking people to vote or march: the campaign verb needs a national target in the same text.
const campaignVerb = re(
	[
		`(?:nie )?(?:glosuj${W}|zaglosuj${W}|oddaj${W}(?: swoj${W})? glos${W}|oddajmy glos) na`,
		`(?:poprzyj${W}|popier${W}|wesprzyj${W}|wspier${W}|wybierz${W}|wybierzmy)(?= (?:kandydat${W}|nasz${W}|jedyn${W}|go|ja|ich|pana|pania|posl${W}|partie|liste|prawic${W}|lewic${W}))`,
		`zachec${W} do${gap(3)}(?:poparcia|wsparcia|glosowania na|oddania glosu na)`,
		`(?:prosz${W}|prosimy|apeluj${W}) o (?:wsparcie|poparcie|glos${W}|oddanie glosu)|(?:wsparci${W}|poparci${W}) (?:dla )?(?:kandydat${W}|pana|pani|posl${W}|partii)`,
		`(?:jedyn${W}|nasz${W}|naszego|naszej) (?:kandydat${W}|kandydatk${W})`,
		`(?:postaw${W}|stawiaj${W}) krzyzyk${W}|krzyzyk przy`,
		`zaprasz${W}${gap(3)}(?:na |do )?(?:spotkani${W}|wiec${W}|debat${W}|konwencj${W}|dyzur${W} poselsk${W}|biur${W} poselsk${W})`,
		`(?:w|na|przy) (?:nastepnych |najblizszych |kolejnych )?wyborach${gap(2)}pamietajcie|pamietajcie,? kto (?:nam )?(?:podniosl|zabral|oklamal|obiecal|zniszczyl)${W}|pamietajcie (?:o tym )?(?:przy urn${W}|w wyborach|przy wyborach|za (?:rok|dwa lata|trzy lata)|w pazdzierniku|jesienia|w maju)|tylko (?:oni|on|ona|ta partia|ta ekipa) (?:dba|dbal${W}|myslal${W}|mysli|zadba|pomoze|pomogl${W})`,
		`(?:podpis${W} (?:pod|na) (?:list${W} )?(?:poparci${W}|kandydatur${W}))|zbier${W} podpis${W} (?:pod|na|dla) kandydat${W}`
	].join('|')
);
// What a campaign is for: a national election or a national party or politician.
const campaignTarget = re(
	[
		`do sejmu|do senatu|do europarlamentu|do parlamentu europejskiego|na posl${W}|na senator${W}|na europos${W}|na prezydenta|na urzad prezydenta|prezydent${W} rp|kandydat${W} na prezydent${W}`,
		`wybor${W} (?:parlamentarn${W}|prezydenck${W}|do sejmu|do senatu|europejsk${W}|do parlamentu europejskiego)`,
		`(?:z |ze )(?:posl${W}|posel|senator${W}|europosl${W}|minister|ministr(?:a|owi|em|ze|owie|ow|om|ami|ach)|premier${W}|kandydat${W} (?:na|do) (?:posl|senator|prezydent|sejm|senat|europarlament)${W})`,
		`prawic${W}|lewic${W}|opozycj${W}|obecn${W} wladz${W}|(?:obecn${W}|ten|tego|tych) rzad${W}|rzadzac${W}`
	].join('|')
);

// A march, protest or rally for a national cause.
const rallyPattern = re(
	`(?:marsz${W}|manifestacj${W}|demonstracj${W}|wiec(?:u|e|ach|ow)|wiec (?:poparcia|wyborcz${W}|przedwyborcz${W}|partyjn${W})|pikiet${W}|protest${W})${gap(6)}(?:w warszawie|do warszawy|na warszawe|pod sejm${W}|przed sejm${W}|pod kancelari${W}|pod palacem|przed palacem|przeciw${W} rzad${W}|w obronie (?:konstytucj${W}|sadow|wolnych mediow|demokracj${W}|tv republik${W}|tvp)|milion${W} serc|niepodleglosci|przeciw${W} (?:zielon${W} lad${W}|pakt${W} migracyjn${W}|unii|brukseli))|marsz${W} niepodleglosci|marsz${W} (?:4 czerwca|miliona serc)`
);

// Neutral notices and reports: polling stations and the register, or a past visit told plainly.
const electionNotice = re(
	`lokal${W} wyborcz${W}|komisj${W} wyborcz${W}|obwodow${W} komisj${W}|glosowani${W} korespondencyjn${W}|pakiet${W} wyborcz${W}|spis${W} wyborcow|rejestr${W} wyborcow|zaswiadczeni${W} o prawie do glosowania|pelnomocni${W}|frekwencj${W}|pkw|komitet${W} wyborcz${W}|obwieszczeni${W}|kart${W} do glosowania|cisz${W} wyborcz${W}|list${W} kandydatow|odbed(?:a|zie) sie`,
	''
);
const visitReport = re(
	`odwiedzil${W}|byl${W} z wizyt${W}|z wizyta byl${W}|goscil${W}|przyjechal${W}|spotkal${W} sie|spotkanie odbylo sie|odbylo sie|rozmawial${W}|rozmawiano|uczestniczyl${W}|wzial${W} udzial|wziel${W} udzial|przekazal${W}|wreczyl${W}|otworzyl${W}|zadawano|pytano|przyszlo|wystapil${W}|przemawial${W}`,
	''
);
const invitation = re(`zaprasz${W}|przyjdz${W}|chodzcie|dolacz${W}|zachec${W}|wszyscy na|jedziemy|jedzmy`, '');

/** Same length as the text, so offsets carry over: every UTF-16 unit folded on its own. */
export function foldKeepingOffsets(text: string): string {
	let out = '';
	for (const unit of text) {
		let piece = foldedUnits.get(unit);
		if (piece === undefined) {
			const f = foldText(unit);
			piece = (f.length === 0 ? ' ' : f[0]).padEnd(unit.length, ' ');
			if (foldedUnits.size < 10_000) foldedUnits.set(unit, piece);
		}
		out += piece;
	}
	return out;
}
// Every post is folded character by character: remember each character's folded form.
const foldedUnits = new Map<string, string>();

const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a', $: 's', '!': 'i' };
const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
let lastFolded = '';
let lastPlain = '';
/** The folded text with digits and symbols inside a word read as letters ("k0nfederacja", "pi$"): same length. */
export function readLeet(folded: string): string {
	// The engine passes the same folded text to politics and misinformation: read it once.
	if (folded === lastFolded) return lastPlain;
	let chars: string[] | undefined;
	for (const m of folded.matchAll(/[0134@$!]/g)) {
		const i = m.index;
		const inWord = isLetter(folded[i - 1]) && isLetter(folded[i + 1]);
		const dollarAtEnd =
			m[0] === '$' &&
			isLetter(folded[i - 1]) &&
			isLetter(folded[i - 2]) &&
			!isLetter(folded[i + 1]) &&
			!/[0-9]/.test(folded[i + 1] ?? '');
		if (inWord || dollarAtEnd) (chars ??= folded.split(''))[i] = leet[m[0]];
	}
	lastFolded = folded;
	lastPlain = chars ? chars.join('') : folded;
	return lastPlain;
}

/** Sentence spans of a text, found once; then the sentence of any offset by binary search. */
export function sentenceIndex(text: string): (index: number) => { start: number; end: number } {
	const starts: number[] = [0];
	for (const m of text.matchAll(/[.!?\n]+/g)) starts.push(m.index + m[0].length);
	starts.push(text.length + 1);
	return (index) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (starts[mid] <= index) lo = mid;
			else hi = mid;
		}
		return { start: starts[lo], end: Math.min(text.length, starts[hi]) };
	};
}

/** A value computed on first use only: a marker regex runs at most once per text, and only when needed. */
export function lazy<T>(f: () => T): () => T {
	let done = false;
	let v: T;
	return () => {
		if (!done) [v, done] = [f(), true];
		return v;
	};
}

// Words without which nothing below can match: most texts stop here after one fast pass.
const gate =
	/prawo i|prawa i|prawem i|prawic|prawak|prawact|platform|koalicj|konfedera|konfa|konfy|konfie|konfiarz|konfederus|lewic|partia razem|partii razem|lewica razem|2050|ludowc|stronnictw|psl|kukiz|agrouni|\bpis\b|pis-|\bpisu\b|pisow|pisior|pisdziel|pislamist|p\*s|pi\*|platfus|peowc|pelowc|tusk|kaczyn|kaczyzm|kaczyst|lewa[ck]|leming|totaln|13 grudnia|trzynastego grudnia|usmiechniet|narodowc|onuc|gwiazdek|morawieck|trzaskowsk|holowni|mentzen|czarzast|kosiniak|kamysz|ziobr|macierewicz|zandberg|biejat|czarnek|czarnk|blaszczak|sasin|glapinsk|obajt|kierwinsk|siemoniak|bodnar|hennig|korwin|giertych|senyszyn|biedron|nawrock|schetyn|petru|lubnauer|braun|nowack|kolodziejczak|szydl|duda|dudy|dudzie|bosak|sikorsk|jakubiak|stanowsk|komorowsk|kwasniewsk|rzad(?!k)|sejm|senat|parlament|europos|posl|posel|minist|premier|prezydent|glow\w* panstwa|polity|partyjn|rzadzac|opozycj|wladz|bruksel|europejsk|unijn|zielon\w* lad|pakt|wybor|kampani|warszawk|wiejskiej|kandydat|marsz|manifestacj|demonstracj|wiec(?:u|e|ach|ow)? (?:poparcia|wyborcz|przedwyborcz|partyjn)|wiecu|pikiet|protest/;
const capitalisedGate = /Trzeci|Suwerenn|Solidarn|Ruch|Now|Razem|Platform|Bosak|PSL|SLD|KO|P[iI1!*][sS$]|PO/;
const campaignGate =
	/glosuj|oddaj|poprzyj|popier|wesprzyj|wspier|wybierz|zachec|prosz|prosimy|apeluj|wsparci|poparci|jedyn|nasz|krzyzyk|stawiaj|postaw|podpis|zbier|zaprasz|pamietajcie|tylko/;
const rallyGate = /marsz|manifestacj|demonstracj|wiec|pikiet|protest/;
// Enough findings to show the author; more only cost time on very long texts.
const maxFindings = 8;

type Kind = 'party' | 'campaign' | 'judged' | 'rally';

function message(kind: Kind, words: string): string {
	switch (kind) {
		case 'campaign':
			return `Agitacja w wyborach krajowych („${words}”). W grupie gminy nie prowadzimy kampanii na rzecz kandydatów ani partii. Możesz napisać, kiedy i gdzie się głosuje — bez zachęcania do głosowania na kogoś.`;
		case 'rally':
			return `Zaproszenie na wydarzenie polityki krajowej („${words}”). Grupa służy sprawom gminy — takie ogłoszenia publikujemy tylko w związku z naszą społecznością; oceni to moderator.`;
		case 'judged':
			return `Ocena rządu, parlamentu albo polityków krajowych („${words}”). Grupa służy sprawom gminy — opisz, czego dotyczy sprawa w naszej gminie i co chcesz zmienić, bez ocen partii i polityków.`;
		default:
			return `Polityka krajowa („${words}”). Grupa służy sprawom gminy — takie wpisy publikujemy, gdy mają bezpośredni związek z lokalną społecznością; oceni to moderator. Napisz, czego dotyczy sprawa w naszej gminie, bez agitacji i ocen partii.`;
	}
}

export function findNationalPolitics(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const plain = readLeet(folded);
	const acronyms = capitalisedGate.test(text) ? [...text.matchAll(capitalised)] : [];
	if (!acronyms.length && !gate.test(plain)) return [];
	const found: Finding[] = [];
	const add = (kind: Kind, start: number, end: number, quote = text.slice(start, end)) => {
		if (found.length >= maxFindings || found.some((f) => f.start <= start && end <= f.end)) return;
		found.push({
			rule: `national_politics.${kind}`,
			category: 'national_politics',
			severity: 'hold',
			start,
			end,
			message: message(kind, quote)
		});
	};

	const sentenceOf = sentenceIndex(plain);
	const judgingIn = (from: number, to: number) => {
		judgingPattern.lastIndex = 0;
		const m = judgingPattern.exec(plain.slice(from, to));
		return m ? { start: from + m.index, end: from + m.index + m[0].length } : undefined;
	};
	const anyJudging = lazy(() => !!judgingIn(0, plain.length));

	// Campaigning: a vote or support call with a national target somewhere in the text.
	const campaigns = campaignGate.test(plain) ? [...plain.matchAll(campaignVerb)] : [];
	const targets = campaigns.length ? [...plain.matchAll(campaignTarget)] : [];
	const names: { start: number; end: number }[] = [];
	for (const m of plain.matchAll(partyPattern))
		if (!namedAfter.test(plain.slice(Math.max(0, m.index - 30), m.index)))
			names.push({ start: m.index, end: m.index + m[0].length });
	for (const m of acronyms) names.push({ start: m.index, end: m.index + m[0].length });
	names.sort((a, b) => a.start - b.start);
	const slurs = [...plain.matchAll(slurPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

	// A reminder tied to the ballot ("pamiętajcie przy urnie") names the election itself.
	const campaigning =
		campaigns.some((m) => /wybor|urn/.test(m[0])) ||
		(campaigns.length > 0 && (targets.length > 0 || names.length > 0 || slurs.length > 0));
	if (campaigning) for (const m of campaigns) add('campaign', m.index, m.index + m[0].length);
	if (rallyGate.test(plain)) for (const m of plain.matchAll(rallyPattern)) add('rally', m.index, m.index + m[0].length);
	for (const s of slurs) add('party', s.start, s.end);

	// Named parties and politicians: held unless the text is a plain notice or a plain report of a visit.
	if (names.length) {
		const plainText = !campaigning && !anyJudging() && !invitation.test(plain);
		const notice = plainText && electionNotice.test(plain);
		for (const n of names) {
			const sentence = sentenceOf(n.start);
			if (plainText && (notice || visitReport.test(plain.slice(sentence.start, sentence.end)))) continue;
			add('party', n.start, n.end);
		}
	}

	// Government, parliament, president, politicians in general: held when judged in the same sentence.
	const judgedSentences = new Map<number, { start: number; end: number } | undefined>();
	const mentions = [...plain.matchAll(nationalPattern)].slice(0, 24);
	for (const m of [
		...mentions,
		...names.slice(0, 12).map((n) => ({ index: n.start, 0: plain.slice(n.start, n.end) }))
	]) {
		if (found.length >= maxFindings) break;
		const start = m.index;
		const end = start + m[0].length;
		// "prezydent Żyrardowa" is a city's mayor; a name after the office is matched as a name.
		if (
			m[0].startsWith('prezydent') &&
			/^\s+\p{Lu}/u.test(text.slice(end, end + 3)) &&
			!/^\s+(?:RP|Rzeczy?pospolitej|Polski)/u.test(text.slice(end, end + 20))
		)
			continue;
		const sentence = sentenceOf(start);
		// A short exclamation before or after belongs to the statement ("… Hańba!", "Złodzieje! …").
		if (!judgedSentences.has(sentence.start)) {
			const next = sentence.end < plain.length ? sentenceOf(sentence.end) : undefined;
			const prev = sentence.start > 0 ? sentenceOf(sentence.start - 1) : undefined;
			judgedSentences.set(
				sentence.start,
				judgingIn(sentence.start, sentence.end) ??
					(next && next.end - next.start <= 40 ? judgingIn(next.start, next.end) : undefined) ??
					(prev && prev.end - prev.start <= 40 ? judgingIn(prev.start, prev.end) : undefined)
			);
		}
		const j = judgedSentences.get(sentence.start);
		if (!j) continue;
		// Local politicians and councils have an opposition and a "władza" too; "rząd" is also a row.
		if (
			/^(?:opozycj|polityc|politycy|politykow|politykier|wladz|koalicj)/.test(m[0]) &&
			/lokaln|gmin|samorzad|powiat|wojewodzk|radzie|rady|radni|radnych|sejmik|miejsk|osiedl/.test(
				plain.slice(Math.max(sentence.start, start - 25), end + 25)
			)
		)
			continue;
		if (m[0].startsWith('rzad') && /rzed(?:zie|u|ach|y|em)/.test(plain.slice(sentence.start, sentence.end))) continue;
		const from = Math.min(start, j.start);
		const to = Math.max(end, j.end);
		if (to - from <= 120) add('judged', from, to);
		else add('judged', start, end, `${text.slice(start, end)}… ${text.slice(j.start, j.end)}`);
	}
	return found.sort((a, b) => a.start - b.start);
}
