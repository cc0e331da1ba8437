import { Findings, Lexicon, Phrases, forms, reportedQuotes, set, unmask, type Source } from './abuse-text';
import { isPersonWord } from './insult';

// Word classes (bit flags).
const GROUP = 1; // a national, ethnic, religious or sexual group, refugees, the disabled, the homeless, women (as a group)
const GROUP_ADJ = 2; // its adjective: ukraińskie, cygańskie — a group with a people noun ("cygańskie dzieci") or a dehumanising word
const SLUR = 4; // an abusive name for a group: always hate
const VERMIN = 8; // dehumanising, also right next to the group: robactwo, szarańcza, zaraza, plaga
const LIKE_VERMIN = 16; // dehumanising when said of the group: zwierzęta, szczury, śmieci
const TRAIT = 32; // a generalised vice said of the group: złodzieje, brudni, roszczeniowi
const VERB = 64; // a generalised deed: kradną, żerują, śmierdzą
const ANAPHOR = 128; // "oni", "ci ludzie": the group named earlier in the text
const GENERAL = 256; // "wszyscy", "każdy", "zawsze": a claim about all of them
const PEOPLE = 512; // a people noun after a group adjective: dzieci, rodziny, baby, ludzie
const NATION = 1024; // "naród", "nacja", "rasa", "religia": with a vice ("naród złodziei", "złodziejski naród")
const VICE_OF = 2048; // a vice in the genitive plural, after NATION: złodziei, pijaków, zdrajców
const SUBHUMAN = 4096; // of VERMIN: said only of people ("hołota", "dziwadła"), dehumanising near the group named

const h = (entries: string) => entries.split(/\s+/).filter(Boolean);
// Soft adjectives in -ski/-cki, with their masculine personal plural (ukraińscy, niemieccy).
const softAdjective = (stems: string) =>
	h(stems).flatMap((s) => [
		...['i', 'a', 'ie', 'iego', 'iemu', 'iej', 'im', 'imi', 'ich'].map((e) => s + e),
		s.replace(/sk$/, 'scy').replace(/ck$/, 'ccy')
	]);
const hardAdjective = (stems: string) =>
	h(stems).flatMap((s) => ['y', 'a', 'e', 'ego', 'emu', 'ej', 'ym', 'ymi', 'ych', 'i'].map((e) => s + e));
// Predicative adjectives: singular (każdy … jest brudny) and plural (są brudni, brudne), also instrumental.
const predicative = (stems: string) => h(stems).flatMap((s) => ['y', 'a', 'i', 'e', 'ymi'].map((e) => s + e));

const groups = h(`
	ukrainc:m ukrainiec ukraink:f ukrainek ukraince ukry ukrow ukrom ukrami zyd:m zydzi zydowk:f zydowek cygan:m cygany cygank:f cyganek romowie romow romom romami romach romk:f
	muzulman:m muzulmanin muzulmanina muzulmaninem muzulmank:f islamist:f islamisci arab:m araby arabk:f murzyn:m murzyni murzynk:f czarni imigrant/imigranc:m imigrantk:f
	migrant/migranc:m uchodzc:f uchodzczyni uchodzczynie obcokrajowc:m obcokrajowiec cudzoziemc:m cudzoziemiec przybysz:m przybled:f nachodzc:f niemc:m niemiec niemk:f
	rosjan:m rosjanin:m rosjank:f ruscy rusek ruskow ruskie ruskich ruskimi bialorusin:m bialorusini bialorusink:f wietnamczyk:m wietnamczycy chinczyk:m chinczycy hindus:m hindusi
	gruzin:m gruzini czeczen:m czeczeni turk:m turek turcy afganczyk:m afganczycy syryjczyk:m syryjczycy pakistanczyk:m pakistanczycy nepalczyk:m nepalczycy azjat:f azjaci
	afrykanczyk:m afrykanczycy filipinczyk:m filipinczycy czesi czechow czechami czechom litwin:m litwini lemk:m lemkowie lemkow izraelczyk:m izraelczycy
	gej:m homoseksualist:f homoseksualisci lesbijk:f lesbijek lgbt lgbtq lgbtqia pedaly pedalow pedalami transy transow transwestyt:f homo trans homoseksualizm homoseksualizmu homoseksualizmem
	kobiety kobiet kobietom kobietami kobietach baby babom babami dziewczeta niepelnosprawni niepelnosprawnych niepelnosprawnymi kalek:f kaleka uposledzeni uposledzonych uposledzonymi
	inwalid:f autysci autystow autyzmem autyzmu autyzm downem gluchoniemi gluchoniemych gluchoniema gluchoniemy bezdomni bezdomnych bezdomnymi
	katolicy katolikow katolikami protestanci prawoslawni prawoslawnych ateist:f ateisci ateistow ateistami jehowi jehowy islam islamu islamem downa baba babe wozku wozkach socjalnego socjalnych ruski wariaci wariatow wariatami psychicznie rencisci rencistow rencistami orzeczeniem
	ukrainy bialorusi rosji gruzji indii afryki syrii afganistanu pakistanu wietnamu chin turcji czeczenii azji nepalu konga nigerii izraela bangladeszu
	nepal bangladesz indie pakistan afganistan syria afryka wietnam chiny gruzja
	wietnamce wietnamcow wietnamcami feministk:f feministek rumun:m rumunk:f bulgar:m bulgarzy bulgark:f moldawian:m moldawianin bangladeszczyk:m bangladeszczycy hindus:m hindusk:f sezonowc:m sezonowiec
	jehowic:f jehowici jehowitow jehowcy jehowcow ateistk:f transplciow:a niepelnosprawn:a uposledzon:a bezdomn:a autystyczn:a meczet:m halal
	noclegowni noclegowniach barakow rumunii bulgarii moldawii
`);
const groupAdjectives = [
	...softAdjective(
		'ukrainsk zydowsk cygansk romsk muzulmansk arabsk murzynsk niemieck rosyjsk rusk gejowsk islamsk imigranck azjatyck afrykansk wietnamsk czeczensk gruzinsk bialorusk lesbijsk czesk litewsk izraelsk chinsk'
	),
	...h(
		'ukrainscy zydowscy cyganscy romscy arabscy niemieccy rosyjscy teczowi teczowe teczowa teczowych teczowym teczowymi teczowej'
	),
	...hardAdjective('czarn sezonow'),
	...softAdjective('rumunsk bulgarsk hindusk')
];
const slurs = [
	...forms(
		h(`
	czarnuch:m czarnuchy zydk:m zydki zydostw:n zydowin:f zydlak:m zydzior:m zydokomun:f ukrop:m ciapak:m kacap:m kacapy szwaby szwabow cyganstw:n lesb:f skosnoocy pedzio pedziu ciot:f
	arabus:m arabusy moskal:m moskali ubogacacz:m ubogacacze downy downow downami bialasy bialasow bambus:m gudlaj:m cyganich:f transiarz:m
	czarnuh:m czarnuhy pedziow pedziami zoltki zoltkow zoltkami brudasy brudasow brudasom brudasami chinol:m chinole germance germancow germancy
`)
	),
	...hardAdjective('ciapat pejsat'),
	...softAdjective('skosnook kacapsk'),
	...h('ciapaci pejsaci skosnoocy')
];
const vermin = h(`
	robactw:n karaluch:m pasozyty pasozytami szarancz:f zaraza zarazy zaraze zarazo plag:f scierw:n podludzie podludzi podludzmi podczlowiek podczlowieka holot:f dzicz dziczy motloch:m
	szumowin:f pomiot:m pomioty padlin:f gnidy gnid gnidami pijawki pijawkami pluskwy hieny hienami orki orkow orkami zgnilizn:f dziwadla dziwadel dziwadlami dziwolagi odmiency odmiencow
`);
const likeVermin = h(`
	zwierzeta zwierzetami zwierzat bydlo bydlem swinie swiniami szczury szczurami robaki robakami bestie bestiami dzikusy dzikusami barbarzyncy barbarzyncami smieci smieciami
	malpy malpami chwasty wszy wszami swierzb insekty gady gadami szkodniki szkodnikami pasozyt odpady rak rakiem przerzuty smiecie smieciami odpadami
`);
const traits = [
	...h(`
	zlodziej zlodzieje zlodziejami zlodziejka zlodziejki oszust oszusci oszustami oszustki darmozjad darmozjady darmozjadami nierob nieroby nierobami kryminalisci kryminalistami kryminalista
	bandyci bandytami bandyta przestepcy przestepcami przestepca gwalciciele gwalcicielami gwalciciel terrorysci terrorystami terrorysta zamachowiec zamachowcy pijacy pijaki pijak
	kombinatorzy kombinator cwaniacy cwaniaki cwaniak lenie len nieuki nieuk zboczency zboczencami zboczeniec pedofile pedofil dewianci dewiant zdrajcy zdrajcami zdrajca mordercy morderca
	wrogowie wrogami wrog okupanci najezdzcy brudasy brudasami brudas smierdziele smierdziel prymitywy prymityw przybledy zebracy zebrak naciagacze naciagacz wyludzacze sodomici
	pasozyty pasozyt kozojebcy dzikusy dzikus prostytutki prostytutka dziwki puszczalskie latawice zdziry lichwiarze lichwiarz kanciarze
	chorzy dzicy gorsi gorszy gorsza gorsze glupsi glupsze glupszy chytrzy zepsuci glupi glupie glupia chamscy chamskie zlodziejski zlodziejska zlodziejskie zlodziejscy zlodziejskim
	puszczalska puszczalskie idioci idiotki debile debilki kretyni kretynki glupki glupcy prostaki chamy chamki plotkary klamczuchy histeryczki wariatki nieudacznicy
	mafia mafii mafie sekta sekty sekcie gang gangi szajka szajki margines patologie patologii burdel obrzydliwosc obrzydliwoscia zakala zakale dzihad dzihadu dzihadysci
	nieszczescie utrapienie zagrozenie katastrofa
	bojki bojek bijatyki bijatyk awantury awantur rozroby burdy wyludzaczki wyludzaczka naciagaczki naciagaczka kombinatorki
	pijani pijane pijanych dzikie dzikich niedorozwinieci niedorozwiniete lewackie histeryczka idiotka kretynka debilka wariatka dziwka zdzira lewaczka
	kradziez zlodziejstwo lenistwo brud syf oszustwo oszukiwanie kombinowanie przemoc agresja pijanstwo chlanie naciaganie cwaniactwo klamstwo klamanie choroba zboczenie dewiacja patologia
`),
	...predicative(
		'brudn leniw roszczeniow agresywn bezczeln prymitywn tep smierdzac niebezpieczn chor zboczon zdegenerowan nienormaln niecywilizowan podl falszyw chytr pazern chciw nieuczciw klamliw zaklaman nieobliczaln wredn niewychowan nachaln halasliw bezuzyteczn obrzydliw ohydn wstretn odrazajac zacofan przebiegl fanatyczn zgnil sfrustrowan uposledzon zawszon zapchlon podejrzan'
	)
];
const vicesOf = h(`
	zlodziei oszustow pasozytow darmozjadow nierobow leni pijakow mordercow zdrajcow niewolnikow lichwiarzy bandytow gwalcicieli terrorystow kombinatorow cwaniakow brudasow dzikusow
	kryminalistow pedofilow zboczencow dewiantow prymitywow zebrakow naciagaczy kanciarzy kretaczy klamcow tchorzy barbarzyncow smierdzieli przestepcow pasozytow prostytutek
`);
const verbs = h(`
	kradna kradli kradly kradnie kradnom kradno oszukuja oszukiwali zeruja pasozytuja smierdza wyludzaja wyludzali gwalca gwalcili morduja napadaja roznosza niszcza smieca brudza chleja zebrza
	kombinuja rzadza kontroluja knuja spiskuja nienawidza panosza zalewaja zalali mnoza rozmnazaja naciagaja klamia pozarazaja zarazaja przenosza wynosza
	podbijaja przejmuja przejma wykupia wykupuja islamizuja rozkradaja podrabiaja dra wrzeszcza histeryzuja psuja szpeca przeszkadzaja opozniaja spowalniaja zasmiecaja halasuja demoralizuja deprawuja
`);
const deeds = h(`
	ukradli ukradly okradli okradly kradli kradly rozbili rozbily zdemolowali zdemolowaly zniszczyli zniszczyly pobili pobily napadli napadly nasmiecili nasmiecily zasyfili
	nabrudzili narobili naszczali nasrali pochlali porysowali pocieli wylodzili wyludzili oszukali oszukaly dewastuja demoluja zdewastowali
`);
const anaphors = h('oni one ci te ich im nich nimi tacy takie takich takimi ludzie ludzi ludzmi towarzystwo');
const generalisers = h(
	'wszyscy wszystkie wszystkich kazdy kazda kazde kazdego kazdej kazdym cali cala zawsze tylko sami same zaden zadna wszystko znowu znow ciagle wiecznie notorycznie nagminnie'
);
const people = h(
	'dzieci dzieciaki bachory bachorow rodziny rodzin rodzina baby kobiety chlopy faceci mezczyzni ludzie ludzi ludzmi familie banda bandy hordy horda mlodziez robotnicy pracownicy najemcy lokatorzy sasiedzi chlopcy chlopaki dziewczyny mlodzi uczniowie towarzystwo srodowisko srodowiska lobby wycieczki wycieczka turysci turystow goscie klienci klientow kierowcy kierowcow pracownikow robotnikow studenci studentow osoby osob ekipa ekipy brygada brygady emigranci dzieciakow rodzinami banki bankierzy media kapital finansjera'
);
const nations = h(
	'narod narodu narodem nacja nacji nacje nacja rasa rasy rase plemie plemienia religia religii religie ideologia ideologii'
);

const lex = new Lexicon()
	.add(GROUP, forms(groups))
	.add(GROUP_ADJ, groupAdjectives)
	.add(SLUR, slurs)
	.add(VERMIN, forms(vermin))
	.add(LIKE_VERMIN, likeVermin)
	.add(TRAIT, [...traits, ...deeds])
	.add(VERB, verbs)
	.add(ANAPHOR, [...anaphors, ...h('wszyscy wszystkie wszystko cali same sami')])
	.add(GENERAL, generalisers)
	.add(PEOPLE, people)
	.add(NATION, nations)
	.add(VICE_OF, vicesOf)
	.add(
		SUBHUMAN,
		forms(
			h(
				'podludzie podludzi podludzmi podczlowiek podczlowieka holot:f dzicz dziczy motloch:m pomiot:m pomioty dziwadla dziwadel dziwadlami dziwolagi odmiency odmiencow orki orkow orkami'
			)
		)
	)
	.add(SUBHUMAN | TRAIT, h('zboczency zboczencow zboczencami dewianci dewiantow dewiantami'));
const maskable = lex.formsWith(GROUP | GROUP_ADJ | SLUR).filter((f) => f.length >= 5);

// What a group word must not be said of: "bezdomny pies", "bezdomne koty".
const animalNouns = set('pies psy psa psow kot koty kota kotow zwierzeta zwierzat zwierze kocieta szczeniaki');
// Virtues asked after in a rhetorical question about a group ("widział ktoś kiedyś uczciwego Rumuna?").
const virtue =
	/^(?:uczciw|pracowit|trzezw|czyst|normaln|madr|porzadn|kulturaln|grzeczn|wyksztalcon|inteligentn|pracujac|punktualn|schludn)/;
const rhetorical = /(?<![a-z])(?:kiedys|kiedykolwiek|w zyciu|chociaz jedn\S*|choc jedn\S*|ani jedn\S*|nigdy)(?![a-z])/;
const between = set('tych te ta ten tego wszystkich tutejszych naszych tamtych tu tutaj stad');
const counterSpeech = set(
	'nieprawda bzdura bzdury stereotyp stereotypy stereotypow mit mity uogolniac uogolniaj krzywdzace'
);
const copulas = set('to sa byli byly beda jak niczym jako bywaja staja maja');
const historical =
	/wolyn|193\d|194\d|rzez|(?<![a-z])upa(?![a-z])|rocznic|histori|ipn|pomnik|wojn|pamieci|ofiar|holokaust|zaglad|okupacj|muzeum|wystaw/;

// Calls to throw a group out, keep it away or apart: near a group named in the same or the previous sentence.
const exclusion = new Phrases([
	'wypad(?= z | stad| do |\\s*[!.,]|\\s*$)',
	'won|precz|wynocha|wynoscie sie|wypierdalac|wypierdalajcie|spierdalac|spierdalajcie|spadajcie|spieprzajcie|wyjazd z polski|za bug',
	'(?:niech|powinni|powinny|musza|maja|trzeba (?:ich|je)|nalezy (?:ich|je)) (?:\\S+ ){0,2}?(?:wyjechac|wyjezdzaja|wyjada|wyniesc sie|wynosza sie|wyniosa sie|spadaja|znikna|zniknac|zabierac sie|zabiora sie|wypierdalaja|odeslac|wywiezc|wyrzucic|wywalic|deportowac|wygonic|przegonic)',
	'(?:niech|powinni|powinny|musza|maja|lepiej) (?:\\S+ ){0,3}?u siebie',
	'(?:niech|powinni|powinny|musza|maja) (?:\\S+ ){0,2}?(?:wracac|wrocic|wracaja|wroca|wraca|wroci)(?=\\s*[.!?,]|\\s*$| do | na | tam | skad)',
	'niech (?:\\S+ )?nie (?:prowadza|pokazuja|przychodza|przyprowadzaja|wychodza|chodza|wpuszczaja|zabieraja|pokazuje|przychodzi|wychodzi)',
	'do (?:osrodkow|osrodka|zakladow|zakladu|przytulku|przytulkow|psychiatryka|wariatkowa|rezerwatu|rezerwatow)(?=\\s*[,.!]| a nie|\\s*$)',
	'(?:niech|niek) (?:se |sie |lepiej )?(?:ida|idom|pojada|jada|spadaja|wynosza|wyniosa|koczuja|zdychaja|zdechna|zgnija|nie \\S+)',
	'(?:wracac|wracajcie|wracaj|wraca|wracaja|wypad) (?:do (?:siebie|swojego kraju|swoich|afryki|azji|arabii|izraela|palestyny|rosji|indii|turcji|lasu|buszu|jaskin)|na (?:ukraine|wschod|bialorus|drzewo)|za bug|tam skad)',
	'skad (?:przyszli|przyjechali|przyszliscie|przyjechaliscie|przylezli|przyjechal|przyszedl)',
	'(?:nie|zakaz) (?:wpuszcz\\S*|wpuszczac|wpuszczajcie|wpuszczamy|wpuszczam|wpuszczalbym|wpuszczalabym|wpuszczal|wpuszczala|wynajmowac|wynajmujcie|wynajmujemy|wynajmuje|wynajme|zatrudniac|zatrudniajcie|zatrudniamy|zatrudniam|obslugiwac|obslugujcie|obslugujemy|obsluguje|sprzedawac|sprzedawajcie|sprzedam|sprzedaje|przyjmowac|przyjmujcie|przyjmujemy|przyjmuje|pomagac|pomagajcie|bierzcie|bierz|biore|wpuszczania|wynajmu|wynajmowania|zatrudniania|wstepu|wjazdu|pobytu|osiedlania|wchodzenia|przyjmowania|pracy|dla)',
	'(?:nie powinn\\S*|nie nalezy|nie wolno|zakaz) (?:\\S+ ){0,3}?(?:dawac|dac|wpuszczac|wynajmowac|sprzedawac|zatrudniac|przyjmowac|obslugiwac|pozwalac|dopuszczac|chodzic|uczyc sie|pracowac|przyjezdzac|mieszkac|byc|miec prawa|miec dzieci|rodzic|glosowac|wchodzic|kupowac|dostawac|uczyc|wychowywac|adoptowac|prowadzic|sluzyc|leczyc|rzadzic|decydowac|zasiadac|kandydowac|pokazywac sie|obnosic sie|zblizac sie|wystepowac|trenowac|siedziec|jezdzic)',
	'zamknac granice|zamknijcie granice|nie ma (?:tu |tutaj |u nas )?miejsca dla|nie (?:chcemy|chce|chca|chcialbym|chcialabym) (?:tu |tutaj |u nas |na osiedlu |we wsi |w szkole |obok )?(?:\\S+ )?(?:ich|takich|tych)(?![a-z])|nie trza (?:tu |nam )?',
	'nie przyjezdzac|nie przyjezdzajcie|nie powinno ich (?:tu |tutaj )?byc|polska dla polakow|woln(?:a|e|ej|ych) od',
	'(?:powinni|powinny|nalezy|trzeba|musza) (?:\\S+ ){0,2}?(?:miec|dostac|wprowadzic) zakaz',
	'(?:do|od) garow|do garnkow|do kuchni|przy garach|do pieluch|do (?:czarnych|bialych|swoich|afryki|buszu)(?=\\s*[,.!]|\\s*$| i )',
	'(?:zamykac|zamknac|trzymac) (?:\\S+ )?na klucz|niech (?:\\S+ )?(?:lepiej )?(?:siedzi|siedza) w (?:domu|magazynie|piwnicy|ukryciu|szafie|swoich)|(?:powinn\\S*|musza|maja|niech) (?:\\S+ ){0,2}?(?:siedziec|siedza|siedzi|mieszkac|byc) w (?:swoich|domach|osrodk\\S*|zaklad\\S*|psychiatryk\\S*|wariatkow\\S*|rezerwat\\S*|gettach)',
	'(?:oddzielic|odizolowac|izolowac|odseparowac|wykurzac|wykurzyc|przeganiac|izolowan\\S*|odizolowan\\S*|odseparowan\\S*)|(?:do|w|z) normaln\\S* (?:klas\\S*|szkol\\S*|grup\\S*) (?:\\S+ )?nie (?:pasuja|nadaja|powinn\\S*)|nie (?:pasuja|nadaja sie|powinny chodzic|powinni chodzic) (?:\\S+ ){0,2}?(?:do|w|z) normaln\\S*|(?:obslugiwan|przyjmowan|wpuszczan|rejestrowan)\\S* (?:\\S+ )?(?:wylacznie|tylko|jedynie|osobno|oddzielnie|na koncu)|osobno (?:wozic|uczyc|trzymac|sadzac|obslugiwac|jezdzic)|(?:w tych samych godzinach|przy jednym stole|w jednej klasie) co (?:polskie|nasze|normalne)|(?:z dala|oddzielnie|osobno) od (?:naszych|polskich|normalnych|zdrowych)|osobn\\S* (?:klas\\S*|sal\\S*|oddzial\\S*|wejsci\\S*|godzin\\S*|kolejk\\S*|stolik\\S*|autobus\\S*|szkol\\S*)|(?<!ludzie )z normalnymi (?!problem)|nie wypuszczac|(?:siedziec|trzymac) (?:\\S+ )?zamkni\\S*|za plotem',
	'(?:nie chodzcie|nie kupujcie|omijajcie|nie korzystajcie|nie jedzcie) (?:\\S+ ){0,2}?(?:do|u|z|w) \\S+',
	'wyrzucic z (?:klubu|pracy|szkoly|gminy|kraju|polski|wsi|rady|druzyny|miasta)'
]);
// Throwing out and violence said right next to the group ("wywalić Ukraińców", "deportować ich wszystkich").
const expulsion = new Phrases([
	'(?:deportowac|deportujcie|odeslac|odeslijcie|wywiezc|wywiezcie|wyrzucic|wyrzuccie|wywalic|wywalcie|wygonic|wygoncie|przegonic|przegoncie|pogonic|pogoncie|wykopac|wykopcie|wysiedlic|wystrzelac|wyrznac|powiesic|spalic|wymordowac|eksterminowac|wytepic|wytruc|zagazowac|wybic|utopic|pozamykac|zamknac)(?: (?:ich|je|wszystkich|tych|te|tutejszych))?'
]);
// The same with "wszystkich"/"ich" for an object: the group may stand further away in the sentence.
const expulsionOfAll = new Phrases([
	'(?:deportowac|odeslac|wywiezc|wyrzucic|wywalic|wygonic|przegonic|pogonic|wykopac|wysiedlic|wystrzelac|wyrznac|powiesic|spalic|wymordowac|wytepic|zagazowac|wybic|utopic|pozamykac) (?:ich |je )?wszystkich',
	'(?:trzeba|nalezy|powinno sie|by trzeba|trzeba by) (?:\\S+ ){0,2}?(?:ich|je|takich) (?:\\S+ )?(?:wywiezc|wyrzucic|deportowac|wysiedlic|zamknac|wykurzyc|wygonic|przegonic|odeslac|wywalic)|(?:ich|je|takich) (?:\\S+ ){0,2}?(?:trzeba|nalezy|trzeba by) (?:\\S+ )?(?:wywiezc|wyrzucic|deportowac|wysiedlic|zamknac|wykurzyc|wygonic|przegonic|odeslac|wywalic)'
]);
// Genocidal words: not in a post about history (ghettos, camps, the Volhynia massacre).
const genocidal = new Phrases([
	'(?:do|w) gett\\S*|oboz\\S* (?:dla|koncentracyjn\\S*|pracy)|do obozu|do gazu|do pieca|do komor\\S*|do pracy przymusowej|(?:wy)?sterylizowac|na drzewo z nimi|do lasu z nimi|do wora|do worka|do rzeki|pod lod|do piachu|elektrowstrzas\\S*|niech (?:\\S+ ){0,2}?(?:zdychaja|zdechna)|hitler (?:mial racje|by sie przydal|wiedzial)'
]);
// Dehumanising comparisons, and claims that the group is a disease.
const dehumanising = new Phrases([
	'(?:lepiej|wolalbym|wolalabym|wole) (?:\\S+ ){0,3}?(?:psa|swinie|krowe|szczura|malpe|zwierze) (?:\\S+ ){0,4}?niz|(?:juz )?(?:wole|wolalbym|wolalabym) (?:\\S+ )?(?:swinie|szczura|malpe|kozla|osla)(?! (?:na|do|z) )',
	'(?:jak|niczym|gorsi (?:od|niz)|gorsze (?:od|niz)|gorszy (?:od|niz)) (?:te |jakies |dzikie |wsciekle |jakis |taki )?(?:karaluch|szczur|robak|pasozyt|malpa|swinia|bydle|zwierze|pijawka|wesz|pluskwa|hiena|stonka|zwierzeta|zwierzat|bydlo|bydlem|szczury|szczurow|karaluchy|karaluchow|robactwo|robaki|szarancza|malpy|malp|swinie|swin|psy|kroliki|pasozyty|zaraza|dzikusy|dzikusow|barbarzyncy|hieny|pijawki|wszy|insekty|bestie)',
	'(?:nie sa|to nie sa|to nie|nie byli|to sa nie|nie jest|to nie jest) (?:\\S+ )?(?:ludzmi|ludzie|czlowiek|czlowiekiem)(?! z | stad| od | ktorzy| ktory| co )',
	'nigdy nie (?:bedzie|bedzie z niego|bedzie z niej) czlowie\\S*|(?:rozmnazaja|mnoza|plenia|roja) sie jak',
	'takie cos|takiego czegos|(?:zalewaja|zalali|zalewa|zalala) (?:nas|polske|gmine|wies|miasto)|obc\\S* element\\S*|(?:odpad|margines|szumowin|smiec)\\S* spoleczn\\S*|blad natury|bledem natury',
	'(?:ta|ich|cala ta|ta ich|to) (?:religia|ideologia|wiara|kultura|nacja) (?:to|jest) (?:\\S+ )?(?:rak|zaraza|choroba|trucizna|dzuma|plaga|zlo|smierc|rakiem|zaraza)|religi\\S* smierci',
	'(?:to|jest|sa|bedaca|bedacy) (?:\\S+ ){0,2}?(?:choroba|dewiacja|zboczenie|zboczeniem|zaburzenie|zaburzeniem|patologia|zgnilizna)|dewiacj\\S*|zgnilizn\\S*|chorob\\S* spoleczn\\S*|(?:leczyc|wyleczyc|izolowac|odizolowac)(?: ich| je| takich)?(?=\\s*[.!?,]|\\s*$| albo| i | a nie| zamiast)|zboczeni(?:a|e|em)'
]);
// "to nie ludzie, tylko dzicz": dehumanising on its own.
const dehumanisingAlone = new Phrases([
	'(?:to|oni|one|ci) nie (?:sa )?ludzie,? (?:tylko|a|lecz) (?:\\S+ )?(?:dzicz|zwierzeta|bydlo|orki|bestie|scierwo|robactwo|szczury|malpy|podludzie|barbarzyncy|dzikusy|zaraza|hołota|holota)'
]);
// Essentialising ("to mają w genach"): near a group and a vice.
const essentialising = new Phrases([
	'w genach|we krwi|z natury|(?:taka|takie) (?:ich )?natura|ich natura|natura tak chciala',
	'(?:tacy|takie) (?:juz )?(?:sa|byli|beda)|(?:wszyscy|wszystkie) (?:sa )?(?:tacy|takie) (?:sami|same)',
	'nie da sie ich (?:\\S+ )?(?:zmienic|wychowac|ucywilizowac|nauczyc|zintegrowac)|nie zmienisz ich',
	'(?:wszyscy|wszystkie) (?:oni|one) (?:sa )?(?:tacy|takie)|(?:to|w nich|w tym narodzie) (?:to )?siedzi(?=\\s*[,.!]|\\s*$| we krwi| od)|(?:oni|one|ci|tacy|takie) (?:juz )?tak maja|na jedno kopyto|jeden w drugiego|jeden gorszy od drugiego|kazdy jeden|jedno i to samo',
	'(?:wiadomo|wszyscy wiemy|kazdy wie|kazdy wiedzial|nie musze mowic|domyslcie sie|zgadnijcie),? (?:\\S+ )?(?:kto|ktorzy|czyja|jacy|co za)(?= )|nie trzeba byc \\S+,? (?:zeby|by) (?:wiedziec|zgadnac)',
	'kazdy z nich|kazda z nich|wszyscy oni|jak to (?:oni|ci|one)|ich mentalnosc|taka ich kultura|to ich kultura|w kazdym pokoleniu|genow nie oszukasz|geny nie klamia'
]);
// "ta nacja", "to plemię": contempt for the group named anywhere in the text.
const nation = new Phrases([
	'(?:ta|taka|cala ta|ta ich|tej|takiej|taki|ten|caly ten) (?:to )?(?:nacja|nacji|rasa|rasy|narod)|(?:to|takie) plemie|nie mam nic (?:do|przeciwko) (?!powiedzenia|dodania|zarzucenia|stracenia|ukrycia|roboty)\\S+(?: \\S+)?,? ale'
]);
// "Nie jestem rasistą, ale…" before a group is enough; "dzikie plemię" says the vice itself.
const disclaimer = new Phrases([
	'dzikie plemi\\S*|nie jestem (?:rasist|homofob|antysemit|ksenofob|nacjonalist|szowinist|seksist)\\S*,? ale'
]);
// Blame said of "them" for a group named anywhere before: "wiadomo, jak jest tam, gdzie oni się osiedlą".
const blame = new Phrases([
	'wiadomo,? (?:jak|co) (?:jest|bywa|sie dzieje|bedzie|sie stanie)(?:,? (?:\\S+ ){0,2}?)(?:gdzie|jak|kiedy) (?:oni|one|tacy|takie|ci)'
]);
// A group named without its name: "zza Buga", "ci w kolorowych spódnicach", "jakiej narodowości", two men holding hands.
const codedGroups = new Phrases([
	'(?:zza|za) (?:buga|bugiem)|(?:w|we) (?:kolorowych |dlugich |tych )?spodnicach(?: do ziemi)?|z taborow|taborowi',
	'(?:ci|te|tych|tacy|takie) z (?:domu dziecka|bidula|poprawczaka|domow dziecka)|(?:jakiej|tej|ich|tamtej|wiadomej|okreslonej|pewnej|innej) (?:narodowosci|nacji|rasy|wiary|orientacji|koloru skory)|(?:wiadomej|okreslonej|pewnej) (?:mniejszosci|grupy etnicznej)',
	'(?:chodza|chodzily|chodzili|trzymaja sie|trzymali sie|trzymaly sie|spaceruja) (?:\\S+ ){0,2}?(?:za rece|pod reke|za raczke|pod raczke),? (?:\\S+ ){0,2}?jak (?:malzenstwo|para|maz z zona)',
	'(?:dwoch|dwaj|dwie|dwu|para|parka) (?:\\S+ )?(?:facetow|mezczyzn|chlopakow|chlopow|kobiet|panie|babki|babek|dziewczyny|dziewczyn|bab|gejow|lesbijek) (?:\\S+ ){0,5}?(?:za rece|za raczke|pod reke|pod raczke|calowal\\S*|jak malzenstwo|jak para|jak maz z zona)'
]);
// An ethnic joke: "po czym poznać, że Cygan był w ogrodzie?".
const joke = new Phrases(['po czym (?:poznac|rozpoznac|poznasz),? ze']);
// Contempt for a nation that needs no group named: "cała ta ich nacja", "taki to naród".
const nationAlone = new Phrases(['cal\\S* t(?:a|e|ej) (?:ich )?(?:nacj\\S*|ras\\S*)|taki to narod']);
// Vices said as a phrase: "żyją z zasiłków", "nie chcą pracować", "nie wolno im ufać".
const traitPhrases = new Phrases([
	'(?:zyja|zyli|zyje) (?:tylko )?z (?:zasilkow|socjalu|naszych podatkow|800|pomocy|kradziezy)',
	'(?:siedza|siedzi) na (?:zasilkach|socjalu|800)',
	'(?:biora|bierze|wyludzaja|dostaja) (?:\\S+ )?(?:zasilki|socjal|800\\S*|wszystko za darmo|kase i nic nie robia)',
	'(?:przyjezdzaja|przyjechali|przyszli|przyjechal\\S*) (?:tu |tutaj |do nas )?(?:tylko )?(?:po|dla) (?:zasilki|socjal|800\\S*|kase|pieniadze)',
	'przyjechal\\S* (?:tu |tutaj |do nas )?(?:\\S+ )?(?:pasozytowac|krasc|zerowac|wyludzac|naciagac|zyc na nasz koszt)|pasozytowac|zerowac na',
	'zabieraja (?:nam )?(?:prace|mieszkania|zasilki|kobiety)',
	'nie (?:chca|chce|chcieli) (?:\\S+ )?pracowac|nie pracuja|nie (?:myja|myje) sie|nie placa (?:za nic|czynszu|podatkow|rachunkow)|nie szanuja (?:\\S+ )?(?:niczego|nikogo|naszego|naszych|nas|kobiet|prawa|zasad|polskiego|polskich)|(?:kobiet|prawa|zasad|niczego|nikogo|naszych) (?:\\S+ )?nie szanuja|nie umieja sie zachowac',
	'(?:nie nadaja sie|sie nie nadaja) (?:do|na)|do niczego (?:sie )?nie nadaja|bez (?:honoru|sumienia|zasad|kultury|moralnosci|mozgu|rozumu)',
	'do roboty (?:nigdy )?nie (?:poszli|pojda|chodza|pojdzie|poszedl)|nigdy nie (?:pracowali|pracuja|pracowal)',
	'co (?:mozna|by|tu|by tu) (?:\\S+ )?(?:ukrasc|zwinac|wyniesc|zajumac)',
	'(?:jezdza|jezdzi|jezdzili|chodza|siedza|pracuja) (?:\\S+ )?(?:po pijaku|pod wplywem|na bani|bez prawa jazdy)|nic dobrego (?:z|od) (?:nich|tego|tych|takich)|jedna para butow',
	'(?:wszystko|wszystkie) (?:\\S+ )?(?:bedzie|beda|zostanie|zostana) (?:kradzion\\S*|ukradzion\\S*|rozkradzion\\S*|zniszczon\\S*|zdemolowan\\S*)|(?:zaczna|zacznie) sie (?:kradzieze|kradziez|bojki|napady|gwalty)',
	'(?:tylko patrzec|czekac tylko|kwestia czasu),? (?:\\S+ ){0,3}?(?:wysadz|wybuch|zamach|bomb|podloz|zdetonuj|podpal|zabij)\\S*|nikt (?:ich|je|takich) nie (?:chce|chcial|zechce|zniesie)',
	'(?:nozem|nozami|piesciami|siekiera|kijem|maczeta) (?:sie )?(?:rozmawia|rozmawiaja|zalatwia|zalatwiaja|rozwiazuja|rozwiazuje)',
	'(?:jedza|zjedza|zjadaja) (?:\\S+ ){0,2}?(?:psy|koty|psa|kota|wszystko,? co sie rusza)|(?:podaja|sprzedaja) (?:\\S+ )?(?:psy|koty|psine|psie mieso|kocie mieso)',
	'zaraz\\S* (?:\\S+ ){0,2}?(?:dzieci|mlodziez|nasze|uczniow) (?:\\S+ )?(?:swoja |ta )?(?:ideologi|propagand|zboczeni|chorob|gender)\\S*|(?:demoralizuj|deprawuj|seksualizuj|werbuj|indoktrynuj)\\S* (?:\\S+ )?(?:dzieci|mlodziez|nasze|uczniow)',
	'(?:od razu )?(?:budujcie|postawcie|zbudujcie|budowac|postawic) (?:\\S+ )?(?:wiezienie|areszt|komisariat|posterunek)',
	'(?:przenosza|roznosza|przywlekli|przywlekaja|zarazaja|pozarazaja) (?:\\S+ )?(?:choroby|zaraze|wszy|swierzb|gruzlice|wirusy|choroba)',
	'zostawiaja (?:\\S+ )?(?:syf|brud|smieci|balagan)|nie (?:wiedza|znaja) co to (?:kultura|higiena|praca|mydlo)|nie przestrzegaja higieny',
	'nie (?:mozna|wolno) (?:im |tym ludziom )?ufac|nie ufajcie (?:im|nikomu z nich)',
	'nie ma (?:czegos takiego jak|takiego jak|takiej rzeczy jak|czegos takiego) (?:uczciw|porzadn|normaln|dobr|madr|pracowit|czyst)\\S*',
	'(?:na|za) (?:nasz|naszym) koszt|za nasze (?:pieniadze|podatki)|szkoda (?:naszych )?pieniedzy na (?:takich|nich|tych)',
	'(?:pilnujcie|chowajcie|uwazajcie na) (?:swoich |swoje )?(?:psow|kotow|psy|koty|portfeli|portfele|kieszeni|kieszenie|corek|corki|kur|rowerow|rowery)',
	'(?:wyczuje|czuje|zwietrzy|zweszy|wywacha|wyczuja|czuja) (?:\\S+ ){0,3}?(?:kase|kasa|pieniadze|forse|forsa|zysk|interes|okazje)|(?:nauczy\\S*|nauczyl\\S*|uczy|ucza) (?:sie )?(?:od nich )?(?:krasc|klamac|oszukiwac|zebrac)',
	'(?:gdzie|tam gdzie|jak) (?:\\S+ ){0,2}?(?:sie )?(?:osiedl\\S*|pojawi\\S*|wprowadz\\S*|zamieszka\\S*) (?:\\S+ ){0,8}?(?:strach|kradz\\S*|bieda|syf|problemy|koniec|zegnajcie|bojki|noz\\S*)|zegnajcie (?:kury|rowery|spokoj)'
]);

const messages = {
	slur: (s: string) =>
		`Obraźliwe określenie grupy ludzi („${s}”). Mowa nienawiści jest zakazana regulaminem grupy — użyj zwykłej nazwy narodowości, wyznania czy grupy.`,
	generalising: (s: string) =>
		`Uogólnienie o całej grupie ludzi („${s}”). Mowa nienawiści jest zakazana regulaminem grupy. Jeśli coś się wydarzyło, opisz to konkretne zdarzenie i zgłoś je odpowiednim służbom — bez przypisywania cech całemu narodowi, wyznaniu czy innej grupie.`,
	exclusion: (s: string) =>
		`Wzywanie do wyrzucenia, odizolowania lub wykluczenia grupy ludzi („${s}”). Mowa nienawiści jest zakazana regulaminem grupy. Pisz o konkretnych sprawach i zachowaniach, nie o pochodzeniu, wyznaniu, orientacji czy niepełnosprawności ludzi.`,
	dehumanising: (s: string) =>
		`Odczłowieczające słowa o grupie ludzi („${s}”): porównanie do zwierząt, szkodników lub choroby. Mowa nienawiści jest zakazana regulaminem grupy. Pisz o konkretnych zachowaniach, nie o całej grupie.`
};

// "(((oni)))": the antisemitic echo, in the original text.
const echo = /\(\(\(\s*[^()\s]{1,30}\s*\)\)\)/g;

/** Hate speech: slurs, and a group named together with a generalisation, an exclusion or a dehumanising word. */
export function findHate(src: Source, out: Findings): void {
	const from = out.list.length;
	hateIn(src, out);
	if (out.list.length > from) out.dropInside(from, reportedQuotes(src.text, src.loose));
}

function hateIn(src: Source, out: Findings): void {
	const { text, words, loose: folded } = src;
	const n = words.length;
	const tags = words.map((w) => {
		const t = lex.of(w);
		if (t || !w.f.includes('*')) return t;
		const real = unmask(w.f, maskable);
		return real ? (lex.has(real, GROUP) ? GROUP : lex.has(real, SLUR) ? SLUR : GROUP_ADJ) : 0;
	});
	const tag = (i: number) => (i >= 0 && i < n ? tags[i] : 0);

	const wordAt = (offset: number) => {
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (words[mid].start <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	};

	for (const m of text.matchAll(echo))
		out.add('hate.slur', 'hate', 'block', m.index, m.index + m[0].length, messages.slur);
	for (let i = 0; i < n; i++) {
		const w = words[i];
		if (tag(i) & SLUR || (w.f.startsWith('banderow') && !historical.test(folded)))
			out.add('hate.slur', 'hate', 'block', w.start, w.end, messages.slur);
		else if (w.f === 'pedale' && (w.punct || i === n - 1 || words[i + 1].punct || words[i - 1]?.f === 'ty'))
			out.add(
				'hate.slur',
				'hate',
				'block',
				words[i - 1]?.f === 'ty' && !w.punct ? words[i - 1].start : w.start,
				w.end,
				messages.slur
			);
	}

	// Sentence number of every word, to keep a group and what is said of it together.
	const sentence: number[] = [];
	for (let i = 0, s = 0; i < n; i++) sentence.push(words[i].stop ? ++s : s);
	const generalIn = new Set<number>();
	for (let i = 0; i < n; i++) if (tag(i) & GENERAL) generalIn.add(sentence[i]);
	// Counter-speech ("nieprawda, że…", "to stereotyp"), "nie" right before the claim, its copula or "wszyscy".
	const negated = (g: number, p: number, ownFrom = -1, ownTo = -1) => {
		const [a, b] = [Math.min(g, p), Math.max(g, p)];
		for (let k = 0; k < n; k++)
			if ((sentence[k] === sentence[a] || sentence[k] === sentence[b]) && counterSpeech.has(words[k].f)) return true;
		for (let k = Math.max(0, a - 2); k <= b; k++) {
			if (k >= ownFrom && k <= ownTo) continue;
			if (words[k].f !== 'nie' || sentence[k] !== sentence[b]) continue;
			const next = k + 1;
			if (next === p || next === g || copulas.has(words[next]?.f ?? '') || tag(next) & GENERAL || next === ownFrom)
				return true;
		}
		return false;
	};
	let firstGroup = -1;
	const isGroup = words.map((_, i) => {
		const t = tag(i);
		if (animalNouns.has(words[i + 1]?.f ?? '')) return false;
		const g =
			!!(t & (GROUP | SLUR)) ||
			(!!(t & GROUP_ADJ) && (!!((tag(i + 1) | tag(i - 1)) & (PEOPLE | VERMIN)) || isPersonWord(words[i + 1]))) ||
			(!!(t & PEOPLE) && !!((tag(i - 1) | tag(i + 1)) & GROUP_ADJ));
		if (g && firstGroup < 0) firstGroup = i;
		return g;
	});
	for (const m of codedGroups.matches(src)) {
		const [a, b] = [wordAt(m.index), wordAt(m.index + m[0].length - 1)];
		isGroup[a] = isGroup[b] = true;
		if (firstGroup < 0 || a < firstGroup) firstGroup = a;
	}
	// "ta nacja jest roszczeniowa", "to plemię to złodzieje": a people named by contempt needs no group word (not "ta rasa", a dog's).
	for (let i = 0; i + 2 < n; i++) {
		if (!(tag(i) & NATION) || !/^(?:nacj|plemi)/.test(words[i].f) || !copulas.has(words[i + 1].f)) continue;
		for (let p = i + 2; p <= i + 5 && p < n && !words[p].stop; p++)
			if (tag(p) & TRAIT) {
				if (!negated(i, p))
					out.add('hate.generalising', 'hate', 'block', words[i].start, words[p].end, messages.generalising);
				break;
			}
	}
	for (const m of nationAlone.matches(src))
		out.add('hate.generalising', 'hate', 'block', m.index, m.index + m[0].length, messages.generalising);
	if (firstGroup < 0) {
		for (const m of dehumanisingAlone.matches(src))
			out.add('hate.dehumanising', 'hate', 'block', m.index, m.index + m[0].length, messages.dehumanising);
		return;
	}
	const groupAt = (i: number) => i >= 0 && i < n && (isGroup[i] || (firstGroup < i && !!(tag(i) & ANAPHOR)));
	const add = (rule: string, message: (s: string) => string, a: number, b: number, start?: number, end?: number) => {
		const s = Math.min(start ?? Infinity, words[Math.min(a, b)].start);
		const e = Math.max(end ?? -Infinity, words[Math.max(a, b)].end);
		// Keep the quote short: only the phrase when the group is far from it.
		if (start !== undefined && end !== undefined && e - s > 160) out.add(rule, 'hate', 'block', start, end, message);
		else out.add(rule, 'hate', 'block', s, e, message);
	};
	const groupNear = (i: number, reach: number) => {
		for (let k = Math.max(0, i - reach); k <= Math.min(n - 1, i + reach); k++)
			if (isGroup[k] && sentence[k] >= sentence[i] - 1 && sentence[k] <= sentence[i]) return true;
		return false;
	};

	// A group, then in its sentence a vice or a dehumanising word said of it.
	for (let g = 0; g < n; g++) {
		if (!groupAt(g)) continue;
		const general = generalIn.has(sentence[g]);
		for (let p = g + 1; p < n && p <= g + 8 && sentence[p] === sentence[g]; p++) {
			const t = tag(p);
			if (!(t & (TRAIT | VERB | VERMIN | LIKE_VERMIN)) || (groupAt(p) && !(t & (VERMIN | LIKE_VERMIN)))) continue;
			let copula = folded.slice(words[g].end, words[p].start).includes('=');
			for (let k = g + 1; k < p; k++) if (copulas.has(words[k].f)) copula = true;
			const generalHere = t & LIKE_VERMIN ? !!((tag(g - 1) | tag(g - 2) | tag(g + 1)) & GENERAL) : general;
			const apposition = words[p].punct && !words[p].stop && (tag(p + 1) & PEOPLE || p + 1 >= n || words[p + 1].punct);
			const ok = copula || generalHere || apposition || (t & VERB && p <= g + 6) || (t & VERMIN && p <= g + 3);
			if (!ok) continue;
			if (!negated(g, p))
				add(
					t & (VERMIN | LIKE_VERMIN) ? 'hate.dehumanising' : 'hate.generalising',
					t & (VERMIN | LIKE_VERMIN) ? messages.dehumanising : messages.generalising,
					g,
					p
				);
			break;
		}
		// "ukraińska zaraza", "plaga Ukraińców": the dehumanising word right before the group.
		if (tag(g - 1) & VERMIN && !words[g].punct && !negated(g - 1, g))
			add('hate.dehumanising', messages.dehumanising, g - 1, g);
	}
	for (let i = 0; i < n; i++) {
		const t = tag(i);
		// "żydowska zaraza", "cygańskie pomioty", "ruskiej zarazy"
		if (t & GROUP_ADJ && (tag(i + 1) & VERMIN || tag(i - 1) & VERMIN) && !words[i].stop)
			add('hate.dehumanising', messages.dehumanising, tag(i + 1) & VERMIN ? i : i - 1, tag(i + 1) & VERMIN ? i + 1 : i);
		// "takiej dziczy", "ta hołota" about the group named before
		if (
			t & VERMIN &&
			/^(?:ta|taka|takiej|tej|te|tych|takie|takich|cala)$/.test(words[i - 1]?.f ?? '') &&
			groupNear(i, 60)
		)
			add('hate.dehumanising', messages.dehumanising, i - 1, i);
		// "ruski to ruski": the group is what it is
		if (isGroup[i] && words[i + 1]?.f === 'to' && words[i + 2]?.f === words[i].f)
			add('hate.generalising', messages.generalising, i, i + 2);
		// "dziwadła", "hołota" in the sentence after the group was named
		if (t & SUBHUMAN && !isGroup[i] && groupNear(i, 30) && !(tag(i - 1) & GROUP_ADJ))
			add('hate.dehumanising', messages.dehumanising, i, i);
		// "naród złodziei", "złodziejski i przebiegły naród", "nacja bez honoru"
		if (t & NATION && groupNear(i, 30)) {
			const before =
				(tag(i - 1) & TRAIT && !words[i].punct) ||
				(words[i - 1]?.f === 'i' && tag(i - 2) & TRAIT) ||
				(tag(i - 1) & TRAIT && tag(i - 3) & TRAIT);
			const after = tag(i + 1) & (VICE_OF | TRAIT) && !words[i + 1].punct;
			if (before || after) add('hate.generalising', messages.generalising, before ? i - 1 : i, after ? i + 1 : i);
		}
	}

	const nearGroup = (a: number, b: number, before: number, after: number, previousSentence: boolean): number => {
		let best = -1;
		for (let k = Math.max(0, a - before); k <= Math.min(n - 1, b + after); k++) {
			if (!groupAt(k) || (k >= a && k <= b && !isGroup[k])) continue;
			const near =
				sentence[k] === sentence[a] ||
				sentence[k] === sentence[b] ||
				(previousSentence && sentence[k] === sentence[a] - 1);
			if (near && (best < 0 || Math.abs(k - a) < Math.abs(best - a))) best = k;
		}
		return best;
	};
	const fromPhrases = (
		re: Phrases,
		rule: string,
		message: (s: string) => string,
		before: number,
		after: number,
		opts: {
			previousSentence?: boolean;
			needVice?: boolean;
			history?: boolean;
			adjacent?: boolean;
			anaphor?: boolean;
		} = {}
	) => {
		if (opts.history && historical.test(folded)) return;
		for (const m of re.matches(src)) {
			const a = wordAt(m.index);
			const b = wordAt(m.index + m[0].length - 1);
			if (m[0] === 'won' && words[a].raw === 'woń') continue;
			let g = nearGroup(a, b, before, after, opts.previousSentence ?? true);
			if (g < 0 && opts.anaphor) for (let k = a; k <= b; k++) if (tag(k) & ANAPHOR && firstGroup < a) g = k;
			if (g < 0 || negated(g, g < a ? a : b, a, b)) continue;
			if (opts.adjacent && (g < a ? words.slice(g + 1, a) : words.slice(b + 1, g)).some((w) => !between.has(w.f)))
				continue;
			if (opts.needVice) {
				let vice = false;
				for (let k = Math.max(0, Math.min(a, g) - 3); k <= Math.min(n - 1, Math.max(b, g) + 6); k++)
					if (
						(tag(k) & (TRAIT | VERB | VERMIN | LIKE_VERMIN | VICE_OF) ||
							/^(?:jedne|jedni)$/.test(words[k + 1]?.f ?? '')) &&
						sentence[k] >= sentence[g] - 1
					)
						vice = true;
				if (!vice) continue;
			}
			add(rule, message, g, g, m.index, m.index + m[0].length);
		}
	};
	// "Widział ktoś kiedyś uczciwego Rumuna?", "…Rumuna, który uczciwie pracuje?": a virtue asked after as if no one had it.
	for (let g = 0; g < n; g++) {
		if (!isGroup[g] || !rhetorical.test(folded.slice(words[Math.max(0, g - 8)].start, words[g].start))) continue;
		const end = folded.slice(words[g].end).search(/[.!?\n]/);
		if (end < 0 || folded[words[g].end + end] !== '?') continue;
		let v = -1;
		for (let k = Math.max(0, g - 2); k <= Math.min(n - 1, g + 5); k++)
			if (k !== g && virtue.test(words[k].f) && sentence[k] === sentence[g]) v = k;
		if (v >= 0) add('hate.generalising', messages.generalising, Math.min(g, v), Math.max(g, v));
	}
	fromPhrases(joke, 'hate.generalising', messages.generalising, 0, 8, { previousSentence: false });
	fromPhrases(exclusion, 'hate.exclusion', messages.exclusion, 16, 6);
	fromPhrases(expulsion, 'hate.exclusion', messages.exclusion, 1, 3, { previousSentence: false, adjacent: true });
	fromPhrases(expulsionOfAll, 'hate.exclusion', messages.exclusion, 10, 4, { previousSentence: false });
	fromPhrases(genocidal, 'hate.exclusion', messages.exclusion, 8, 8, { history: true });
	fromPhrases(dehumanising, 'hate.dehumanising', messages.dehumanising, 20, 6);
	fromPhrases(traitPhrases, 'hate.generalising', messages.generalising, 14, 3);
	fromPhrases(blame, 'hate.generalising', messages.generalising, 14, 3, { anaphor: true });
	fromPhrases(essentialising, 'hate.generalising', messages.generalising, 12, 12, { needVice: true });
	fromPhrases(nation, 'hate.generalising', messages.generalising, 40, 40, { needVice: true });
	fromPhrases(disclaimer, 'hate.generalising', messages.generalising, 40, 40);
	for (const m of dehumanisingAlone.matches(src))
		out.add('hate.dehumanising', 'hate', 'block', m.index, m.index + m[0].length, messages.dehumanising);
}
