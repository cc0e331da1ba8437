import { Findings, Lexicon, Phrases, forms, set, unmask, vocatives, type Source, type Word } from './abuse-text';

// Word classes (bit flags).
const STRONG = 1; // an insult wherever it stands: kretyn, łajza, nierób
const WEAK = 2; // an insult only as a label for someone: ty baranie, wójt to złodziej, jesteś zerem
const CRIME = 4; // of WEAK: also names a real offender ("bezczelny złodziej ukradł rower"): no adjective frame
const LITERAL = 8; // of WEAK: also an animal or a thing ("krowa zaginęła", "największy burak na dożynkach")
const DEM = 16; // of WEAK: an insult after "ten/ta/taki" too ("ten cwaniak")
const PERSON = 32; // a person or a role: wójt, sołtys, pani, kobieta, typ
const IADJ = 64; // an insulting adjective: głupi, bezczelny, obleśny
const VOC = 128; // a vocative form (or a locative, which has a preposition before it)

const h = (entries: string) => entries.split(/\s+/).filter(Boolean);

// Insults wherever they stand, by declension class (see forms()).
const strong = h(`
	idiot:f idiotk:f idiotek idioci debil:m debilk:f debilek kretyn:m kretynk:f kretynek imbecyl:m matol:m durni:m duren glupk:m glupek glupc:m glupiec glupcze glupol:m
	cwok:m palant:m palanci palancie frajer:m frajerzy frajerze smierdziel:m polglowk:m polglowek oszolom:m kanali:f szuj:f lajdak:m lajdacy lajdaczk:f menel:m menelk:f
	tepak:m tepacy gamoni:m gamon lajz:f lamag:f ciamajd:f nieudacznik:m nieudacznicy nieudaczniczk:f nierob:m darmozjad:m darmozjadzie obibok:m prozniak:m prozniacy nieuk:m nieucy
	prostak:m prostacy prostaczk:f prostaczek cham:m chamk:f chamidl:n gbur:m buc:m bufon:m prymityw:m kmiot:m kmiocie kmiocy wsiok:m jelop:m jelopie psychol:m psycholk:f
	kretacz:m kretaczk:f partacz:m lgarz:m klamczuch:f klamczuszk:f mitoman:m mitomank:f wazniak:m wazniacy lizus:m maciwod:f zolz:f konowal:m
	pijus:m pijaczyn:f pijok:m meliniarz:m nicponi:m nicpon gnojk:m gnojek becwal:m ciolk:m ciolek pacan:m przyglup:m tlumok:m niedojd:f oferm:f fajtlap:f cienias:m
	cwiercinteligent:m cwiercinteligenci polmozg:m polmozgi bezmozg:m bezmozgi madral:f zlamas:m holot:f bydlak:m kreatur:f degenerat:m degeneraci zwyrodnialc:m zwyrodnialec
	dewiant:m patus:m patol:f mend:f lachudr:f zdzir:f lafirynd:f ladacznic:f szmaciarz:m kapus:m kapusie sprzedawczyk:m kanciarz:m kurdupl:m kurdupel grubas:m spaslak:m
	skapiradl:n zgred:m pryk:m szczyl:m pind:f histeryczk:f histeryczek paniusi:f urzedas:m obszczymur:m moczymord:f swolocz frustrat:m prukw:f zjeb:m pojeb:m dupk:m dupek
	skurwysyn:m skurwiel:m skurwiel kurwiarz:m pyszalk:m pyszalek dziwadl:n dziwolag:m
	maminsynk:m maminsynek gizd:f flej:f kutw:f miernot:f przekup:f safandul:f
`);
// Labels that need a frame: a vocative, "ty …", "… jeden", "X to / jest / jesteś …", an insulting adjective.
const crime = h(`
	zlodziej:m zlodziejk:f oszust/oszusc:m oszustk:f klamc:f klamczyni pijak/pijac:m pijaczk:f lapowkarz:m naciagacz:m kombinator:m zboczeniec zboczenc:m podgladacz:m pedofil:m
	bandyt:f bandyci zlodziejaszk:m zlodziejaszek
`);
const weak = h(`
	cwaniak/cwaniac:m cwaniar:f pieniacz:m awanturnik/awanturnic:m karierowicz:m figurant:m malkontent:m malkontentk:f zrzed:f plotkar:f wariat/wariac:m wariatk:f
	schizofrenik/schizofrenic:m psychopat:f psychopaci swir:m swirus:m fanatyk/fanatyc:m despot:f tyran:m manipulant:m manipulantk:f intrygant:m intrygantk:f
	wiesniak/wiesniac:m wiesniar:f wiesniaczk:f dziadyg:f babsztyl:m tchorz:m tchorze lgarz:m sluzbist:f sluzbistk:f kolchoznik/kolchoznic:m chlopczyk:m smarkacz:m gowniarz:m
	jedz:f sknera:f sknerz obzartuch:m lobuz:m lobuzi zul:m lapserdak:m blazen blazn:m blaznie ignorant:m analfabet:f analfabeci
`);
// Words with a literal meaning besides the insult: animals, things, a cake, a holiday.
const literal = h(`
	baran:m osiol osl:m osle krow:f swini:f swin:f malp:f malpiszon:m koz:f koziol kozl:m koziole kret/krec:m papug:f hien:f wieprz:m kocur:m prosiak:m knur:m bydle bydlecia
	gesi ges indyk:m kur:f kwok:f szczur/szczurz:m gad:m ropuch:f wesz pijawk:f glist:f robak:m karaluch:m pluskw:f fok:f hipopotam:m slonic:f goryl:m orangutan:m kundel kundl:m
	suk:f bydl:n burak/burac:m dziad:m bab:f babsk:n leni:m len pasozyt:m lamus:m pajac:m tuman:m gnid:f scierw:n szumowin:f zerem zerami zmij:f larw:f dzban:m glab:m glabie
	balwan:m czubk:m swirz marionetk:f kukl:f trol:m troll:m fladr:f buldog:m paw:m ciele cielecia cielaku cielak:m mamalyg:f klucha kluchy slimak:m
	sierot:f mieczak:m maskotk:f skamielin:f mumi:f lal:f kapusi:f
`);
const demonstrable = h(
	'gnoja dziad dziada dziadem dziadu dziadzie cwaniak/cwaniac:m cwaniar:f dziadyg:f tchorz:m kombinator:m naciagacz:m pieniacz:m awanturnik/awanturnic:m wiesniak/wiesniac:m lapserdak:m'
);
const persons = h(`
	wojt:m wojtowa wojtowej wicewojt:m burmistrz:m burmistrzyni wiceburmistrz:m starost:f soltys:m soltysk:f radn:a radni przewodniczac:a prezes:m prezesk:f prezesow:a
	dyrektor:m dyrektorze dyrektorzy dyrektork:f kierownik/kierownic:m kierowniczk:f naczelnik:m sekretarz:m skarbnik:m urzednik/urzednic:m urzedniczk:f urzedas:m
	nauczyciel:m nauczycielk:f nauczycielek wychowawc:f wychowawczyni pedagog:m proboszcz:m ksiadz ksiedza ksiedzu ksiedzem ksieza wikary wikarego lekarz:m lekark:f doktor:m doktorze
	listonoszk:f pielegniark:f weterynarz:m dentyst:f listonosz:m kierowc:f trener:m trenerk:f instruktor:m sprzedawc:f sprzedawczyni ekspedientk:f kasjer:m kasjerk:f administrator:m rzecznik/rzecznic:m
	komendant:m policjant/policjanc:m straznik/straznic:m strazak/strazac:m lesniczy lesniczego mechanik/mechanic:m hydraulik:m fachowc:m fachowiec elektryk:m ksiegow:a rejestratork:f
	wlasciciel:m wlascicielk:f szef:m szefow:a sasiad:m sasiedzi sasiedzie sasiadk:f pan pani panie panem pania panu facet/facec:m gosc goscia gosciu gosciem typ typa typem czlowiek czlowieka
	czlowiekiem czlowieku czlowiekowi czlowieczk:m czlowieczek kobiet:f bab:f chlop:m chlopak/chlopac:m dziewuch:f koles kolesi:m koleg:f kolezank:f autor:m autork:f komentujac:a
	kandydat:m gospodarz:m sluzbist:f posel poslanka samorzadowc:m samorzadowiec polityk:m lekarz:m doktor:m fachowc:m specjalist:f czlonek
	kontroler:m kontrolerk:f inspektor:m agent:m akwizytor:m przedstawiciel:m pracownik/pracownic:m pracownic:f geodet:f komornik/komornic:m notariusz:m adwokat:m prawnik/prawnic:m
	sedzi:a sedzia prokurator:m wikariusz:m organist:f katechet:f katechetk:f przedszkolank:f opiekunk:f pielegniarz:m ratownik/ratownic:m konduktor:m kelner:m kelnerk:f barman:m
	fryzjer:m fryzjerk:f murarz:m dekarz:m stolarz:m ogrodnik/ogrodnic:m rolnik/rolnic:m hodowc:f mysliw:a lesnik/lesnic:m ochroniarz:m portier:m dozorc:f wozn:a sprzataczk:f
	kucharz:m kucharek kucharka sklepowa sklepowej dzierzawc:f najemc:f lokator:m deweloper:m inwestor:m wykonawc:f taksowkarz:m dostawc:f kurier:m sprzedawczyni listonoszka
`);
const adjectives = h(`
	glup:as gup:as tep:a durn:a bezczeln:a oblesn:a zalosn:a bezmysln:a bezduszn:a zgorzknial:a zakompleksion:a leniw:a zarozumial:a wredn:a podl:a prymitywn:a nieudoln:a
	obrzydliw:a ohydn:a pazern:a zawistn:a zapijaczon:a bezuzyteczn:a wyrachowan:a smierdzac:a zidiocial:a zdegenerowan:a zboczon:a parszyw:a wstretn:a odrazajac:a nadet:a zadufan:a
	pyskat:a klotliw:a zrzedliw:a dwulicow:a obludn:a zaklaman:a skorumpowan:a glupkowat:a niedorozwiniet:a niedouczon:a zacofan:a debiln:a kretynsk:ak chamsk:ak chamscy
	aroganck:ak aroganccy idiotyczn:a tlust:a chciw:a stukniet:a walniet:a szurniet:a kopniet:a nienormaln:a zapyzial:a zapit:a prostack:ak wscibsk:ak rozwydrzon:a niedorobion:a
`);
const adjectiveEndings: Record<string, string[]> = {
	a: ['y', 'a', 'e', 'ego', 'emu', 'ej', 'ym', 'ymi', 'ych', 'i'],
	as: ['i', 'ia', 'ie', 'iego', 'iemu', 'iej', 'im', 'imi', 'ich'],
	ak: ['i', 'a', 'ie', 'iego', 'iemu', 'iej', 'im', 'imi', 'ich']
};
const adjectiveForms = (entries: string[]) =>
	entries.flatMap((e) => {
		const [stem, cls] = e.split(':');
		return cls ? adjectiveEndings[cls].map((x) => stem + x) : [stem];
	});

const lex = new Lexicon()
	.add(STRONG, forms(strong))
	.add(WEAK, forms([...crime, ...weak, ...literal]))
	.add(CRIME, forms(crime))
	.add(LITERAL, forms(literal))
	.add(DEM, forms(demonstrable))
	.add(PERSON, forms(persons))
	.add(IADJ, adjectiveForms(adjectives))
	.add(VOC, [
		...vocatives([...strong, ...crime, ...weak, ...literal]),
		'osle',
		'koziole',
		'psie',
		'swinio',
		'tchorzu',
		'blaznie',
		'kundlu',
		'jelopie',
		'glabie',
		'leniu',
		'sknero'
	])
	// Other words the declension produces: "jedź", "babie lato", "kozie mleko", "kręć", "kurze", names, plurals of things.
	.remove(
		STRONG | WEAK | VOC,
		h(
			'jedz jedzie bucie smierdzieli oszolomi lena leny lenie leni lenom lenami lenach baby babie babach kozie krec kurze robaki dzbany dzbanow balwany balwanow larwy larw larwami tumany tumanem tumanu pajace swinie'
		)
	)
	.add(WEAK | LITERAL, ['swinie'])
	.remove(VOC, h('swinie kozie pijacie tyranie pedofilie pawie'))
	.remove(IADJ, h('tepa'));

// Forms that are other words, or may be when typed without diacritics: "jedzą" (they eat), "żuł" (chewed).
const otherWords = set('jedzą żuł zul zula zule zulu zulem');

// Closed classes.
const prepositions = set('o w we na po przy od do z ze za u');
const copulas = set('to jest sa byl byla bylo byli byly bedzie beda zostal zostala zostali okazal okazala okazali');
const secondPerson = set('jestes jestescie byles bylas byliscie bedziesz bedziecie zostales zostalas');
const subjects = set('ty wy pan pani panie on ona oni ten ta tamten tamta');
const intensifiers =
	set(`zwykly zwykla zwykle zwyklym zwyklymi zwykli zwyklego skonczony skonczona skonczonym skonczonymi skonczeni kompletny kompletna kompletnym kompletnymi kompletni
	totalny totalna totalnym prawdziwy prawdziwa prawdziwym prawdziwymi istny istna istnym niezly niezla niezlym straszny straszna strasznym okropny okropna okropnym wielki wielka wielkim
	najwiekszy najwieksza najwiekszym wiekszy wieksza wiekszym kawal jakis jakas jakims taki taka takim takiego pospolity pospolita pospolitym wieczny wieczna wiecznym ostatni ostatnia ostatnim`);
const fillers = set(
	'juz jeszcze jednak chyba naprawde po prostu zwyczajnie najzwyczajniej kompletnie totalnie strasznie wyjatkowo wiecznie dla mnie nas tez tylko takze wrecz zle jak jakby niczym ten ta tym tego'
);
const demonstratives = set(
	'ten ta tego tej temu tym te ci tych tymi taki taka takie takiego takiej takich takim tamten tamta tamtego'
);
const oneWords = set('jeden jedna jedno jedni jedne jednego');
const animalSubjects = set(
	'pies psa piesek kot kotek kotka kocur suczka suka kundel kon konik krowa jalowka byk swinka chomik papuga kura kogut owca koza krolik ptak szczeniak kociak dzik lis sarna bocian kaczka indyk balwan burak dynia'
);
const attributes = set(
	'maniery manierami manier mentalnosc mentalnoscia mentalnosci charakter charakterem charakteru inteligencja inteligencje inteligencji rozum rozumem rozumu mozg mozgiem mozgu wdziek wdziekiem gracja gracje gracji uroda urode urody'
);

const pests = set('szczury szczurow szczura szczur myszy robaki karaluchy pluskwy wszy kleszcze');
const twoFaced = set('falszywy falszywa falszywi falszywe falszywym');
const places = set(
	'rady urzedu gminy gopsu gops szkoly poczty sklepu kiosku apteki przychodni biblioteki warzywniaka biedry biedronki lidla dino zabki banku spoldzielni parafii plebanii remizy osp zgk starostwa powiatu sadu policji komisariatu kasy okienka dziekanatu sekretariatu ratusza kuratorium sanepidu zarzadu gok gok-u mops mopsu przedszkola zlobka'
);
const adjectiveLike = /(?:[^aeiouy][yia]|[^aeiouy]e|ego|emu|ej|ym|im|ymi|imi|ych|ich)$/;
const notAdjectives = set(
	'ciebie siebie mnie tobie sobie niego niej nich jego jej ich tego tej tych ale tylko bardzo gdzie kiedy ktory ktora ktore ktorzy jako oraz albo czyli mimo przez przy jednak teraz wczoraj dzisiaj jutro zawsze nigdy tutaj wiele'
);

// Fixed expressions: "jesteś nikim", "idź się leczyć", "głupi jak but", "mózg jak orzeszek".
const phrases = new Phrases([
	'(?:jestes|jestescie|jest pan|jest pani|ty) (?:\\S+ )?(?:nikim|zerem|zerami)',
	'(?:idz|idzcie|idzze) (?:sie )?(?:leczyc|zbadac)(?: sie)?(?: na glowe| psychiatrycznie)?',
	'lecz sie(?: na glowe| psychiatrycznie| czlowieku| chlopie| kobieto)?(?=\\s*[,.!?]|\\s*$)',
	'puknij(?:cie)? sie (?:w|we) (?:czolo|leb|glowe|czaszke|czerep)',
	'(?:urwal|uciekl|spadl|zwial|wyrwal)(?:es|as|escie) sie z (?:choinki|psychiatryka|wariatkowa|zoo|cyrku|drzewa|ksiezyca|konopi|chlewa)',
	'wracaj(?:cie)? do (?:piaskownicy|przedszkola|chlewa|obory|jaskini|budy)',
	'(?:mozg|mozgiem|rozum|rozumem|iq|intelekt|intelektem) (?:jak|wielkosci|na poziomie|z) (?:u )?\\S+',
	'(?:ptasi|kurzy|kurzym|ptasim) (?:mozdzek|mozdzkiem)',
	'wiecej (?:\\S+ ){1,2}niz (?:rozumu|mozgu|oleju w glowie|szarych komorek)',
	'(?:nie masz|nie macie|brak ci|brakuje ci|nie ma pan|nie ma pani) (?:\\S+ )?(?:rozumu|mozgu|oleju w glowie|szarych komorek)',
	'(?:masz|ma|macie|maja) (?:\\S+ )?(?:siano|sieczke|trociny|wode|pustke|kapuste|wate|styropian) (?:w glowie|w lbie|w mozgu|zamiast mozgu|pod sufitem)',
	'(?:glup|gup|tep|durn)(?:i|y|ia|a|ie|e) jak (?!to |sie |ja |my |wy |on |ona |oni |zawsze|zwykle|nigdy|mozna|tylko)\\S+',
	'(?:zachow\\S* sie|wygladasz|wyglada|wygladaja|gadasz|gada|piszesz|myslisz|zresz|smierdzisz|cuchniesz|smierdzi|cuchnie) jak (?:\\S+ )?(?:swinia|bydlo|bydle|malpa|baran|osiol|wieprz|cham|prostak|debil|idiota|kretyn|wiesniak|burak|menel|zul|bachor|gowniarz|smarkacz|papuga|buldog|hipopotam|slon|mors|foka|goryl|szczur|ropucha|paw|indyk|kogut|strach na wroble|kloszard|lump|pajac|klaun|czupiradlo|straszydlo|wieszak|kupa)',
	'gdzie (?:ty |pan |pani )?(?:masz|ma|zostawil\\S*|zgubil\\S*) (?:\\S+ )?(?:mozg|rozum|oczy|glowe)',
	'(?:ty|wy) (?:zero|zera|pustaku|dno)|z (?:ciebie|was|pana|pani|niego|niej) (?:\\S+ )?(?:zero|dno)(?![a-z])',
	'(?:takie|takich|wy) zera|ciepl\\S* klu\\S*|glab\\S* kapusci\\S*',
	'(?:masz|ma|macie|maja|ma pan|ma pani) (?:tyle|malo|mniej|za malo) (?:rozumu|oleju w glowie|mozgu|szarych komorek)',
	'(?:geba|gebe|jadaczka|morda|pysk|japa) (?:mu|ci|jej|wam|im|panu|pani) sie nie (?:zamyka|zamyko)',
	'(?:bez serca i )?bez (?:rozumu|mozgu|krzty rozumu|szarych komorek)(?![a-z])'
]);

const messageLabel = (s: string) =>
	`Obraźliwe określenie osoby („${s}”). Krytykuj zachowanie i decyzje, nie człowieka — opisz, co konkretnie się stało i czego oczekujesz.`;
const messageWord = (s: string) =>
	`Obraźliwe słowo („${s}”). Krytykuj decyzje i sprawy, nie ludzi — napisz, co konkretnie Ci przeszkadza.`;

const strongForms = lex.formsWith(STRONG).filter((f) => f.length >= 4);

/** Insults aimed at people: abusive words anywhere, ordinary words used as a label for someone. */
export function findInsults(src: Source, out: Findings): void {
	const { words } = src;
	const n = words.length;
	const tags = words.map((w) => lex.of(w));
	const tag = (i: number) => (i >= 0 && i < n ? tags[i] : 0);
	const f = (i: number) => (i >= 0 && i < n ? words[i].f : '');
	const label = (i: number) => tag(i) & (STRONG | WEAK);

	// The first of a run of insulting adjectives ending at word i ("leniwa, bezczelna", "bezczelny i leniwy").
	const runEndingAt = (i: number): number => {
		let k = i;
		while (
			k - 1 >= 0 &&
			!words[k].stop &&
			(tag(k - 1) & IADJ || ((f(k - 1) === 'i' || f(k - 1) === 'oraz') && tag(k - 2) & IADJ && !words[k - 1].stop))
		)
			k -= tag(k - 1) & IADJ ? 1 : 2;
		return k;
	};
	// The first of the insulting adjectives right before word i ("leniwa, bezczelna flądra"), or -1.
	const adjectivesBefore = (i: number): number => (tag(i - 1) & IADJ && !words[i].punct ? runEndingAt(i - 1) : -1);

	// Modifiers between a copula and the label: adjectives, intensifiers, fillers, earlier labels joined by "i".
	const modifiersBefore = (i: number) => {
		let j = i - 1;
		let intense = false;
		for (let count = 0; j >= 0 && count < 5 && !words[j + 1].stop; count++, j--) {
			const w = words[j];
			const t = lex.of(w);
			if (
				words[j + 1].punct &&
				!(t & IADJ || intensifiers.has(w.f) || (adjectiveLike.test(w.f) && lex.of(words[j + 1]) & IADJ))
			)
				break;
			if (intensifiers.has(w.f) || t & IADJ) intense = true;
			else if (!(
				fillers.has(w.f) ||
				label(j) ||
				w.f.includes('*') ||
				w.f === 'i' ||
				w.f === 'oraz' ||
				(adjectiveLike.test(w.f) &&
					w.f.length >= 4 &&
					!notAdjectives.has(w.f) &&
					!copulas.has(w.f) &&
					!secondPerson.has(w.f) &&
					!subjects.has(w.f) &&
					!(t & PERSON))
			))
				break;
		}
		return { j, intense };
	};

	// Who the copula speaks of: an animal anywhere in the subject ("kot sąsiada to leń") wins over a person.
	const subjectBefore = (j: number): 'person' | 'animal' | undefined => {
		let found: 'person' | undefined;
		for (let k = j; k >= 0 && k > j - 7; k--) {
			if (animalSubjects.has(words[k].f)) return 'animal';
			if (subjects.has(words[k].f) || lex.of(words[k]) & PERSON) found = 'person';
			if (words[k].stop) break;
		}
		return found;
	};

	// "X to …", "jesteś …", "jest pan …", "z ciebie …": a label said of someone.
	const copulaFrame = (i: number, t: number): boolean => {
		const { j, intense } = modifiersBefore(i);
		if (j < 0 || words[j + 1].stop) return false;
		let c = j;
		const polite = (f(c) === 'pan' || f(c) === 'pani') && (copulas.has(f(c - 1)) || secondPerson.has(f(c - 1)));
		if (polite) return true;
		if (f(c) === 'sie' && /^okazal/.test(f(c - 1))) c--;
		const w = f(c);
		if (secondPerson.has(w)) return true;
		// "ale z ciebie baran"; of a third person only a plain insult ("taki z niego kombinator" may be praise)
		if (
			(w === 'ciebie' ||
				w === 'was' ||
				w === 'pana' ||
				w === 'pani' ||
				((w === 'niego' || w === 'niej') && !(t & (CRIME | LITERAL)))) &&
			f(c - 1) === 'z'
		)
			return true;
		if (!copulas.has(w)) return false;
		if (f(c - 1) === 'nie') return false;
		const subject = subjectBefore(c - 1);
		if (subject === 'animal') return false;
		if (subject === 'person') return true;
		if (t & (LITERAL | CRIME)) return false;
		if (intense) return true;
		// "jest kłamcą", "była kłamczuchą": the instrumental makes it a predicate, not "there is".
		return w !== 'to' && (/(?:em|ami)$/.test(words[i].f) || words[i].raw.endsWith('ą'));
	};

	let firstPerson = -1;
	for (let i = 0; i < n && firstPerson < 0; i++) if (tag(i) & PERSON) firstPerson = i;
	const personBefore = (i: number) => firstPerson >= 0 && firstPerson < i;

	for (let i = 0; i < n; i++) {
		const w = words[i];
		let t = tag(i);
		if (!t && w.f.includes('*') && unmask(w.f, strongForms)) t = STRONG;
		if (t & STRONG) {
			// "nie bądź frajerem, sprawdź ofertę": advice, not a label for anyone
			if (!/^badz/.test(f(i - 1)) || f(i - 2) !== 'nie')
				out.add('insult.word', 'insult', 'hold', w.start, w.end, messageWord);
			continue;
		}
		if (t & WEAK && !otherWords.has(w.raw)) {
			const prev = i > 0 ? words[i - 1] : undefined;
			const next = i + 1 < n ? words[i + 1] : undefined;
			// Vocative: "złodzieju!", ", chamie", "łajzo z trzeciego piętra" (not "o złodzieju", "na ośle", "Panie Baranie").
			const afterPreposition =
				prev && !w.punct && (prepositions.has(prev.f) || prev.f === 'panie' || prev.f === 'pani');
			if (
				t & VOC &&
				!afterPreposition &&
				((prev && w.punct) || !next || next.punct || oneWords.has(next.f) || prev?.f === 'ty' || prev?.f === 'hej')
			) {
				out.add(
					'insult.label',
					'insult',
					'hold',
					prev && (prev.f === 'ty' || prev.f === 'wy') && !w.punct ? prev.start : w.start,
					w.end,
					messageLabel
				);
				continue;
			}
			const adj = adjectivesBefore(i);
			// "ty baranie", "ty stary durniu", "wy darmozjady"
			const k = adj >= 0 ? adj - 1 : i - 1;
			if ((f(k) === 'ty' || f(k) === 'wy') && !words[k + 1].stop) {
				out.add('insult.label', 'insult', 'hold', words[k].start, w.end, messageLabel);
				continue;
			}
			// "pijak jeden", "krowa jedna"
			if (next && oneWords.has(next.f) && !next.punct) {
				out.add('insult.label', 'insult', 'hold', w.start, next.end, messageLabel);
				continue;
			}
			// "głupia krowa", "obleśny dziad" — not for offenders ("bezczelny złodziej ukradł…")
			if (adj >= 0 && !(t & CRIME)) {
				out.add('insult.label', 'insult', 'hold', words[adj].start, w.end, messageLabel);
				continue;
			}
			// "ten cwaniak", "takie zera"; "takiego pasożyta jak nasz wiceburmistrz", "takiego pasożyta ze świecą szukać"
			const d = adj >= 0 ? adj - 1 : i - 1;
			if (demonstratives.has(f(d)) && !words[d + 1].stop) {
				const comparedToPerson = f(i + 1) === 'jak' && (tag(i + 2) & PERSON || tag(i + 3) & PERSON);
				const rare = f(i + 1) === 'ze' && f(i + 2) === 'swieca';
				if (t & DEM || comparedToPerson || rare) {
					out.add(
						'insult.label',
						'insult',
						'hold',
						words[d].start,
						comparedToPerson ? words[tag(i + 2) & PERSON ? i + 2 : i + 3].end : rare ? words[i + 2].end : w.end,
						messageLabel
					);
					continue;
				}
			}
			// "pajac z rady", "baba z warzywniaka", "pijus spod sklepu": a label for someone from a place
			if (
				(next?.f === 'z' || next?.f === 'ze' || next?.f === 'spod') &&
				!next.punct &&
				(places.has(f(i + 2)) || next.f === 'spod') &&
				!(t & CRIME && next.f !== 'spod') &&
				!(t & LITERAL && animalSubjects.has(w.f.replace(/(?:y|e|ami|ow)$/, ''))) &&
				!pests.has(w.f)
			) {
				out.add(
					'insult.label',
					'insult',
					'hold',
					words[adj >= 0 ? adj : i].start,
					words[i + 2]?.end ?? w.end,
					messageLabel
				);
				continue;
			}
			// "pajac, nie samorządowiec", "rzeźnik, a nie lekarz"
			const k2 = f(i + 1) === 'a' ? i + 2 : i + 1;
			if (
				f(k2) === 'nie' &&
				!words[k2].stop &&
				(tag(k2 + 1) & PERSON || (adjectiveLike.test(f(k2 + 1)) && tag(k2 + 2) & PERSON))
			) {
				out.add(
					'insult.label',
					'insult',
					'hold',
					w.start,
					words[tag(k2 + 1) & PERSON ? k2 + 1 : k2 + 2].end,
					messageLabel
				);
				continue;
			}
			// A sentence that opens with the label, about someone named before: "Pajac w garniturze.", "Zwykły fanatyk i despota, który…"
			if (!(t & (LITERAL | CRIME)) && personBefore(i)) {
				let s0 = adj >= 0 ? adj : i;
				while (s0 > 0 && intensifiers.has(f(s0 - 1)) && !words[s0].stop) s0--;
				const opens = s0 === 0 || words[s0].stop;
				const closes = !next || next.punct || prepositions.has(next.f) || /^ktor/.test(next.f) || next.f === 'i';
				if (opens && closes) {
					out.add('insult.label', 'insult', 'hold', words[s0].start, w.end, messageLabel);
					continue;
				}
			}
			// Said of someone just named: "pani z okienka, ta stara zgryźliwa małpa", "radny Heniek, tłusty śpioch".
			let s0 = i;
			while (
				s0 > 0 &&
				i - s0 < 3 &&
				!words[s0].punct &&
				(tag(s0 - 1) & IADJ ||
					/^(?:nasz|nasza|wasz|wasza)$/.test(f(s0 - 1)) ||
					(adjectiveLike.test(f(s0 - 1)) &&
						f(s0 - 1).length >= 4 &&
						!notAdjectives.has(f(s0 - 1)) &&
						!(tag(s0 - 1) & PERSON)))
			)
				s0--;
			if (!words[s0].punct && /^(?:ten|ta|tamten|tamta)$/.test(f(s0 - 1))) s0--;
			const named = (k: number) =>
				tag(k) & PERSON ||
				((/^\p{Lu}/u.test(src.text[words[k]?.start ?? 0]) || prepositions.has(f(k - 1))) &&
					tag(k - 1 - (prepositions.has(f(k - 1)) ? 1 : 0)) & PERSON);
			if (s0 > 0 && words[s0].punct && !words[s0].stop && named(s0 - 1) && !animalSubjects.has(w.f)) {
				out.add('insult.label', 'insult', 'hold', words[s0].start, w.end, messageLabel);
				continue;
			}
			if (copulaFrame(i, t)) {
				out.add('insult.label', 'insult', 'hold', w.start, w.end, messageLabel);
				continue;
			}
		}
		if (t & PERSON) {
			// "głupia urzędniczka", "obleśny typ", "bezczelna, arogancka baba"
			const adj = adjectivesBefore(i);
			if (adj >= 0) {
				out.add('insult.label', 'insult', 'hold', words[adj].start, w.end, messageLabel);
				continue;
			}
		}
		if ((t & IADJ || twoFaced.has(w.f)) && !(tag(i + 1) & (PERSON | WEAK | STRONG))) {
			// "jesteś tak fałszywa, że…", "pan jest głupi": an insulting adjective said to someone
			let c = i - 1;
			while (
				c >= 0 &&
				c > i - 4 &&
				(fillers.has(f(c)) ||
					f(c) === 'tak' ||
					f(c) === 'taki' ||
					f(c) === 'taka' ||
					f(c) === 'bardzo' ||
					f(c) === 'strasznie') &&
				!words[c + 1].stop
			)
				c--;
			const polite = (f(c) === 'pan' || f(c) === 'pani') && (copulas.has(f(c - 1)) || secondPerson.has(f(c - 1)));
			if (
				(secondPerson.has(f(c)) ||
					polite ||
					((f(c) === 'jest' || f(c) === 'byl' || f(c) === 'byla') &&
						(f(c + 1) === 'pan' || f(c + 1) === 'pani' || f(c - 1) === 'pan' || f(c - 1) === 'pani'))) &&
				f(c - 1) !== 'nie' &&
				!words[c + 1].stop
			) {
				out.add('insult.label', 'insult', 'hold', words[polite ? c - 1 : c].start, w.end, messageLabel);
				continue;
			}
		}
		if (t & IADJ && !(tag(i + 1) & (PERSON | WEAK | STRONG)) && (i + 1 >= n || words[i + 1].punct)) {
			// "Nieudolny, bezczelny i leniwy, tak go zapamiętamy." — adjectives opening a sentence, about someone.
			const first = runEndingAt(i);
			if (first < i && (first === 0 || words[first].stop))
				out.add('insult.label', 'insult', 'hold', words[first].start, w.end, messageLabel);
		}
		if (attributes.has(w.f)) {
			// "manierami wieprza", "charakterem hieny", "z mentalnością kołchoźnika"
			for (let k = i + 1; k <= i + 2 && k < n && !words[k].stop; k++) {
				if (tag(k) & (WEAK | STRONG)) {
					out.add('insult.label', 'insult', 'hold', w.start, words[k].end, messageLabel);
					break;
				}
			}
		}
	}
	out.addMatches(phrases, src, 'insult.phrase', 'insult', 'hold', messageLabel);
}

/** A person, a role or a label for one ("sąsiada", "wójtowi", "tego cwaniaka"): what a threat can be aimed at. */
export const isPersonWord = (w: Word | undefined) =>
	!!(lex.of(w) & (PERSON | STRONG | WEAK)) && !(lex.of(w) & LITERAL && !(lex.of(w) & PERSON));
