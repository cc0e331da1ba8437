import { Findings, Phrases, reportedQuotes, set, type Source, type Word } from './abuse-text';
import { isPersonWord } from './insult';

// "jak was złapie lumbago": caught by an illness or the weather, not by someone.
const notAnIllness =
	'(?! (?:lumbago|grypa|katar|przeziebienie|choroba|covid|goraczka|kaszel|deszcz|burza|ulewa|mroz|zmrok|noc))';

// What a violent verb must be aimed at to be a threat (letters in the entries below):
// P a person (cię, go, ją, ich, wójta, tego cwaniaka), Q only "you" (cię, was — "załatwię go" may be a form),
// D a person in the dative alone ("przyłożę ci"), B a person in the dative and a body part or property
// ("połamię ci nogi", "spalę mu chatę"), X property alone ("podpalę urząd"), W "w powietrze".
// Entry: infinitive/1st person singular/1st person plural/imperative plural/past stem:targets.
const verbEntries = `
	zabic/zabije/zabijemy/zabijcie/zabil:P ubic/ubije/ubijemy/ubijcie/ubil:P zatluc/zatluke/zatluczemy/zatluczcie/zatlukl:P zakatowac/zakatuje/zakatujemy/zakatujcie/zakatowal:P
	skatowac/skatuje/skatujemy/skatujcie/skatowal:P pobic/pobije/pobijemy/pobijcie/pobil:P sprac/spiore/spierzemy/spierzcie/spral:P stluc/stluke/stluczemy/stluczcie/stlukl:P
	skopac/skopie/skopiemy/skopcie/skopal:QB obic/obije/obijemy/obijcie/obil:QB polamac/polamie/polamiemy/polamcie/polamal:QBD rozwalic/rozwale/rozwalimy/rozwalcie/rozwalil:QB
	spalic/spale/spalimy/spalcie/spalil:PBX podpalic/podpale/podpalimy/podpalcie/podpalil:PBX wysadzic/wysadze/wysadzimy/wysadzcie/wysadzil:BXW powiesic/powiesze/powiesimy/powiescie/powiesil:P
	zastrzelic/zastrzele/zastrzelimy/zastrzelcie/zastrzelil:P odstrzelic/odstrzele/odstrzelimy/odstrzelcie/odstrzelil:P rozstrzelac/rozstrzelam/rozstrzelamy/rozstrzelajcie/rozstrzelal:P
	poderznac/poderzne/poderzniemy/poderznijcie/poderznal:B zarznac/zarzne/zarzniemy/zarznijcie/zarznal:P wymordowac/wymorduje/wymordujemy/wymordujcie/wymordowal:P
	wyrznac/wyrzne/wyrzniemy/wyrznijcie/wyrznal:P zamordowac/zamorduje/zamordujemy/zamordujcie/zamordowal:P udusic/udusze/udusimy/uduscie/udusil:P
	wykonczyc/wykoncze/wykonczymy/wykonczcie/wykonczyl:Q dopasc/dopadne/dopadniemy/dopadnijcie/dopadl:P dorwac/dorwe/dorwiemy/dorwijcie/dorwal:P otruc/otruje/otrujemy/otrujcie/otrul:PB
	struc/struje/strujemy/strujcie/strul:P utopic/utopie/utopimy/utopcie/utopil:P zakopac/zakopie/zakopiemy/zakopcie/zakopal:Q rozjechac/rozjade/rozjedziemy/rozjedzcie/rozjechal:P
	przejechac/przejade/przejedziemy/przejedzcie/przejechal:QB zadzgac/zadzgam/zadzgamy/zadzgajcie/zadzgal:P dzgnac/dzgne/dzgniemy/dzgnijcie/dzgnal:P pociac/potne/potniemy/potnijcie/pocial:Q
	zmasakrowac/zmasakruje/zmasakrujemy/zmasakrujcie/zmasakrowal:P ukatrupic/ukatrupie/ukatrupimy/ukatrupcie/ukatrupil:P kropnac/kropne/kropniemy/kropnijcie/kropnal:P
	zlinczowac/zlinczuje/zlinczujemy/zlinczujcie/zlinczowal:P zajebac/zajebie/zajebiemy/zajebcie/zajebal:PD wpierdolic/wpierdole/wpierdolimy/wpierdolcie/wpierdolil:QD
	przylozyc/przyloze/przylozymy/przylozcie/przylozyl:D przywalic/przywale/przywalimy/przywalcie/przywalil:D walnac/walne/walniemy/walnijcie/walnal:QB jebnac/jebne/jebniemy/jebnijcie/jebnal:QD
	strzelic/strzele/strzelimy/strzelcie/strzelil:B wybic/wybije/wybijemy/wybijcie/wybil:B przebic/przebije/przebijemy/przebijcie/przebil:B porysowac/porysuje/porysujemy/porysujcie/porysowal:B
	urwac/urwe/urwiemy/urwijcie/urwal:B ukrecic/ukrece/ukrecimy/ukreccie/ukrecil:B skrecic/skrece/skrecimy/skreccie/skrecil:B zniszczyc/zniszcze/zniszczymy/zniszczcie/zniszczyl:QB
	rozszarpac/rozszarpie/rozszarpiemy/rozszarpcie/rozszarpal:P rozbic/rozbije/rozbijemy/rozbijcie/rozbil:B rozkwasic/rozkwasze/rozkwasimy/rozkwascie/rozkwasil:B
	obciac/obetne/obetniemy/obetnijcie/obcial:B zlac/zleje/zlejemy/zlejcie/zlal:Q oklepac/oklepie/oklepiemy/oklepcie/oklepal:P wrzucic/wrzuce/wrzucimy/wrzuccie/wrzucil:R
	zrzucic/zrzuce/zrzucimy/zrzuccie/zrzucil:R spuscic/spuszcze/spuscimy/spusccie/spuscil:S powyrywac/powyrywam/powyrywamy/powyrywajcie/powyrywal:BD
	wyrwac/wyrwe/wyrwiemy/wyrwijcie/wyrwal:B wcisnac/wcisne/wcisniemy/wcisnijcie/wcisnal:B wsadzic/wsadze/wsadzimy/wsadzcie/wsadzil:B wepchnac/wepchne/wepchniemy/wepchnijcie/wepchnal:B
	nakopac/nakopie/nakopiemy/nakopcie/nakopal:QD wbic/wbije/wbijemy/wbijcie/wbil:B zapalic/zapale/zapalimy/zapalcie/zapalil:BX zatopic/zatopie/zatopimy/zatopcie/zatopil:PB
	pochowac/pochowam/pochowamy/pochowajcie/pochowal:Q wydlubac/wydlubie/wydlubiemy/wydlubcie/wydlubal:B przetracic/przetrace/przetracimy/przetraccie/przetracil:BD
	wlac/wleje/wlejemy/wlejcie/wlal:D dokopac/dokopie/dokopiemy/dokopcie/dokopal:D zalac/zaleje/zalejemy/zalejcie/zalal:B powybijac/powybijam/powybijamy/powybijajcie/powybijal:B
	poprzewracac/poprzewracam/poprzewracamy/poprzewracajcie/poprzewracal:B podciac/podetne/podetniemy/podetnijcie/podcial:B unieruchomic/unieruchomie/unieruchomimy/unieruchomcie/unieruchomil:P
	przypierdolic/przypierdole/przypierdolimy/przypierdolcie/przypierdolil:QD pierdolnac/pierdolne/pierdolniemy/pierdolnijcie/pierdolnal:QD przyjebac/przyjebie/przyjebiemy/przyjebcie/przyjebal:QD
	zajechac/zajade/zajedziemy/zajedzcie/zajechal:Q napierdalac/napierdalam/napierdalamy/napierdalajcie/napierdalal:Q poturbowac/poturbuje/poturbujemy/poturbujcie/poturbowal:P
`;
type Kind = 'inf' | 's1' | 'p1' | 'p3' | 'imp' | 'cond' | 'past';
interface VerbForm {
	kind: Kind;
	targets: string;
}
const verbs = new Map<string, VerbForm>();
for (const entry of verbEntries.split(/\s+/).filter(Boolean)) {
	const [formsPart, targets] = entry.split(':');
	const [inf, s1, p1, imp, past] = formsPart.split('/');
	const put = (f: string, kind: Kind) => {
		if (!verbs.has(f)) verbs.set(f, { kind, targets });
	};
	put(inf, 'inf');
	put(s1, 's1');
	put(p1, 'p1');
	put(imp, 'imp');
	for (const c of [past + 'bym', past + 'abym', past + 'ibysmy', past + 'ybysmy', past + 'bys', past + 'abys'])
		put(c, 'cond');
	for (const p of [past, past + 'a', past + 'i', past + 'y']) put(p, 'past');
	// 3rd person plural ("spalą", "wybiją"): someone else will do it — a threat when aimed at "you" or your property.
	if (s1.endsWith('e')) put(s1.slice(0, -1) + 'a', 'p3');
	// 3rd person singular of the "-am" verbs ("ktoś mu okna powybija", "poprzewraca").
	if (s1.endsWith('am')) {
		put(s1.slice(0, -1), 'p3');
		put(s1.slice(0, -1) + 'ja', 'p3');
	}
}

const youAccusative = set('cie ciebie was pana pania');
const personAccusative = set('cie ciebie was go ja jego niego nia ich nich pana pania');
const dative = set('ci tobie wam mu jej im jemu niemu panu pani temu tej tym');
const bodyOrProperty = set(`
	gymba gymbe gymby gemba gembe geba leb lba lbie morde mordy mordzie ryj ryja ryju pysk pyska pysku zeby zebow nogi nog rece rak kosci kark karku szyje gardlo gardla glowe twarz gebe gebie nos nosa oczy kolana kolano zebra
	gnaty kulasy dupe dupy tylek tylka jaja nery flaki bebechy czaszke lepetyne palce lapy skore bok brzuch plecy serce oko ust
	dom domu chate chalupe stodole obore garaz auto samochod fure opony opone kola szyby szybe okna plot sklep warsztat biuro urzad gmine plebanie kosciol remize firme posesje
	gospodarstwo oczyszczalnie ule psa kota konia krowy kury zwierzeta traktor ciagnik maszyny samochody auta chalupe mieszkanie bude kamere kamery altanke altane skutery skuter
	quady quad rower motor lodz przyczepe ogrodek ogrodzenie szklarnie tuje karoserie okno ambony plot szope altane brame furtke salon lokal bar gabinet drzwi dach lusterka
	ogrod dzialke pole zboze kukurydze kurnik stajnie namiot namioty kombajn koparke koparki maszyne maszyny
`);
const property = set(
	'dom chate chalupe stodole obore garaz auto samochod fure urzad gmine plebanie kosciol remize firme posesje gospodarstwo oczyszczalnie sklep warsztat biuro szkole ratusz komisariat ule ciagnik traktor altanke skutery fabryke ferme szope altane salon lokal bar gabinet kurnik stajnie chlew'
);
const water = set(
	'rzeki rzeke wody stawu jeziora szamba beczki studni dolu bagna kanalu wisly warty odry bugu narwi pilicy sanu gnojowki gnojownika ognisko ogien ognia pieca piec betonu beton szambo gnojowke skaly mostu dachu okna balkonu schodow urwiska wawozu bagaznika gory'
);
const callMarkers = set(
	'trzeba trza nalezy nalezaloby nalezalo powinien powinna powinno powinni powinny powinnismy musi musza musimy warto przydaloby chetnie moznaby niech chce chcemy chcialbym chcialabym ochote pojde ide idziemy pojdziemy jedziemy pojedziemy bede bedziemy najlepiej pora czas rada wypadaloby dobrze zorganizujmy chodzmy'
);
// Verbs of a blow that threaten even without an object: "nie będę gadał, tylko przyłożę".
const blows = set(
	'przyloze przylozymy przywale przywalimy walne walniemy jebne jebniemy wpierdole wpierdolimy nakopie nakopiemy przypierdole przypierdolimy pierdolne przyjebie'
);
// What may follow such a verb used alone ("przyłożę drugi raz, tylko mocniej"); not "walne zebranie", "przyłożę rękę".
const blowFollowers = set('drugi jeszcze mocniej porzadnie raz tak z w prosto');
const conditionalMarkers = set('bym bysmy zebym zebysmy sam');
const wishMarkers = /^(?:gdyby|jakby|niech)$/;
const witnessWords = set(
	'widzial widziala widzieli wie wiedzial zauwazyl zauwazyla slyszal slyszala zna znal ma mial nagral nagrala zglosil'
);
const diacritics = /[ąćęłńóśźż]/i;
const sports =
	/(?<![a-z])(?:mecz\S*|druzyn\S*|lig[aiey]|lidze|turniej\S*|puchar\S*|final(?:u|e|em|ow|y)?|bramk\S*|gol(?:a|e|i|em|ami|ow)?|zawody|zawodow|zawodach|kibic\S*|sparing\S*|derby|lks|boisk\S*)(?![a-z])/;
// Wild animals and pests ("wściekły lis — trzeba go zastrzelić"): "go", "ich" may be them.
const animals =
	/(?<![a-z])(?:lis|lisa|lisy|dzik|dzika|dziki|wilk|wilka|wilki|kuna|kune|szczur\S*|kret\S*|bobr\S*|jenot\S*|zmij\S*|szerszen\S*|kleszcz\S*|mysz\S*|karaluch\S*|sarn\S*|ptak\S*|ryb\S*|karp\S*|krety|komar\S*|owad\S*|gryzon\S*|gołęb\S*|golab\S*|golebi\S*|nornic\S*)(?![a-z])/;
const hazards =
	/slisk|gololedz|oblodz|(?<![a-z])lod|mgl|dziur|remont|roboty drogowe|robot drogowych|objazd|sarn|dzik|zwierz|ciemn|lamp|oswietl|korek|korki|wypadek|wypadk|policj|kontrol|patrol|fotoradar|oszus|zlodziej|kleszcz|burz|wichur|ulew|pijan/;

// Phrases: passive and 2nd-person threats, veiled threats, calls to violence as idioms.
// Phrases: passive and 2nd-person threats, threatening idioms, calls to violence.
const violencePhrases = new Phrases([
	'(?:dostaniesz|dostaniecie|dostanie|oberwiesz|oberwiecie) (?:\\S+ )?(?:w leb|w morde|po mordzie|po lbie|po ryju|w ryj|w zeby|po zebach|w dziob|w pysk|po pysku|w nery|kulke|kulka|kose|nozem|kosa|wpierdol\\S*|wpierdziel|lomot|lanie|baty|becki|wycisk|manto|za swoje|nauczke|cegla|kamieniem|kijem|siekiera|strzal)',
	'(?:oberwiesz|oberwiecie)(?=\\s*[.!?,]|\\s*$| (?:ode|od|po|w|za) )',
	'(?<!nie )(?<!ten )(?<!nikt nie )(?:pozalujesz|pozalujecie)(?!,? (?:jak|jezeli|jesli|gdy|ze) nie)|(?:popamietasz|popamietacie)(?=\\s*[.!?,]|\\s*$| mnie| nas| to sobie)',
	'(?:zaplacisz|zaplacicie|zaplaci) (?:mi )?(?:za to|za swoje|za wszystko)(?=\\s*[.!?,]|\\s*$| (?:drogo|slono|zyciem|glowa|krwia|zdrowiem))|(?:drogo|slono) (?:mi )?(?:za to )?zaplacisz',
	'juz nie zyjesz|jestes (?:juz )?(?:trupem|martwy|martwa|skonczony|skonczona)|jestescie (?:juz )?(?:trupami|martwi|skonczeni)|juz po tobie|juz po was',
	'nie dozyjesz(?! (?:emerytury|do emerytury))|nie dozyjecie|zginiesz marnie|zginiecie marnie|(?:skonczysz|skonczycie) (?:jak|w rowie|na wozku|pod ziemia|w piachu|na cmentarzu|marnie|w trumnie|w kawalkach)',
	'(?:bedziesz|bedziecie) (?:zbieral|zbierala|zbierac|zbierali|zbieraly) zeby|pozbierasz zeby|policze (?:ci|wam|mu|jej) (?:zeby|kosci|zebra|gnaty)',
	'zobaczysz,? co (?:ja )?(?:ci|wam|mu|jej|z toba|z wami|z nim) (?:zrobie|zrobimy|sie stanie|bedzie)',
	'(?:juz )?ja (?:ci|wam|mu|jej|im) (?:jeszcze )?(?:dam|pokaze)(?=\\s*[!.]|\\s*$|,? (?!(?:jak|co|gdzie|jaki\\S*|jakie|ktor\\S*|czym|ile|znac|rade|przepis\\S*|zdjeci\\S*|droge|numer|kontakt|na|w|po|z)(?![a-z]))\\S)|(?:pokaze|pokazemy) (?:ci|wam|mu|jej|panu|pani) (?:jeszcze )?,?(?:gdzie raki zimuja|gdzie (?:twoje|wasze|jego|jej|pana|pani) miejsce|kto tu rzadzi|gdzie jest (?:twoje|wasze) miejsce)',
	'(?:nauczymy|naucze|nauczyc) (?:go|ja|ich|cie|was|tego|te) (?:\\S+ )?(?:moresu|rozumu|szacunku|porzadku|manier)',
	'(?:dam|damy|dac|dajcie|dajmy|dalbym|dalabym|dalibysmy|da) (?:\\S+ )?(?:ci|wam|mu|jej|im|temu|tej|tym|tamtemu) (?:\\S+ ){0,2}?(?:nauczke|popalic|wycisk|lupnia|wpierdol\\S*|wpierdziel|lomot|baty|manto|w (?:leb|morde|zeby|ryj|pysk|dziob|gebe|nos|kosc|czape)|po (?:mordzie|lbie|ryju|pysku|zebach|gebie|nosie|lapach|uszach)|trutk\\S*|trucizn\\S*|kulke)',
	'(?:ci|wam|mu|jej|im) (?:\\S+ )?(?:dam|damy|podam|podamy|wsypie|wsypiemy|dosypie|dosypiemy) (?:\\S+ ){0,2}?(?:trutk\\S*|trucizn\\S*|w leb|w morde|po mordzie|w zeby|popalic|nauczke|wycisk|lupnia|wpierdol\\S*)',
	'(?:spuscic|spuszcze|spuscimy|spusccie) (?:\\S+ )?(?:lomot|wpierdol\\S*|manto|baty|lanie|becki)',
	'(?:siekiera|siekierka|palka|palkami|kijem|kijami|lomem|batem|pasem|nozem|widlami|cegla|kamieniem|gazem|kastetem|bejsbolem|piescia|piesciami|butem|glanem|lopata|mlotkiem|sztacheta|sztachetami) (?:\\S+ )?(?:w|po) (?:leb|lbie|morde|mordzie|ryj|ryju|glowe|glowie|twarz|twarzy|kolana|kolanach|oczach|oczy|plecy|plecach|nery|nerach|zeby|zebach|pysk|pysku|gebe|gebie|nogi|nogach|zebra|zebrach|kark|karku|lapy|lapach|czaszke|lepetyne)',
	'przed (?:moja|moimi|naszymi|nasza) (?:piescia|piesciami|siekiera|palka|pala|kijem|lomem|bejsbolem|dubeltowka|strzelba)',
	'kulk\\S* (?:w|prosto w|miedzy) (?:leb|lbie|czolo|czole|glowe|glowie|plecy|plecach|kolano|potylice|oczy)|(?:w leb|w glowe|w kolano) (?:ci|mu|jej|im|wam) (?:strzel\\S*|pal\\S*|wal\\S*)',
	'strzel(?:am|amy|e|imy|ac) (?:\\S+ ){0,3}?do (?:niego|niej|ciebie|was|nich|pana|pani|psa|kota|tego|tej|wlasciciela|sasiada)',
	'(?:wyjedzie|wyjada|wyjdzie|wyjda|wyjedziesz|wyjdziesz|wyjedziecie|wyjdziecie|skonczy|skoncza|wyladujesz|wyladuje|wyladuja|wyladujecie|wyniosa (?:cie|go|ich|was)|wywioza (?:cie|go|ich|was)|pojedziesz|pojedzie|pojada|wrocisz|wroci|wroca) (?:\\S+ ){0,3}?(?:w karetc\\S*|karetka\\S*|na noszach|w trumnie|w trumnach|nogami do przodu|na oiom\\S*|na cmentarz\\S*|do piachu|pod ziemie|w workach|w worku|w kawalkach)',
	'(?:przetraca|polamia|polamie|polamiemy|powyrywaja|powyrywam|urwa|obetna|wybija|rozbija|przetrace|przetracimy|polamiecie) (?:ci|wam|mu|jej|im|tobie) (?:\\S+ )?(?:rece|nogi|kosci|zebra|gnaty|kark|leb|morde|zeby|glowe|lapy|palce|gyry)',
	'(?:cie|was|go|ja|ich|niego|nia|nich) (?:\\S+ ){0,3}?(?:wyciagne|wyciagniemy|wyciagna|wyciagnac) (?:\\S+ )?(?:za fraki|za kudly|za leb|za uszy|za wlosy|za kolnierz|za kark|za nogi|z (?:domu|chaty|auta|samochodu|lozka|mieszkania))',
	'(?:sie )?(?:obudzisz|obudzicie)(?: sie)? (?:\\S+ ){0,2}?w (?:tej |tym )?(?:gnojowce|gnojowicy|szambie|rowie|piachu|betonie|bagnie|rzece|jeziorze|worku|trumnie|workach|kawalkach)',
	'(?:obudzisz sie|obudzicie sie|wyladujesz|wyladujecie|skonczysz|skonczycie|skonczy|wyladuje) (?:\\S+ ){0,2}?w (?:tej |tym )?(?:gnojowce|gnojowicy|szambie|rowie|piachu|betonie|bagnie|rzece|jeziorze|worku|trumnie|workach|kawalkach)',
	'(?:pojdzie|pojdziesz|wyladuje|wyladujesz|skonczy|skonczysz) pod (?:kola|kolami|ziemie|ziemia|lod)|osobiscie (?:tego )?dopilnuje',
	'(?:obejrzy|obejrzysz|bedzie|bedziesz|skonczy|skonczysz|wyladuje|wyladujesz|spedzi|spedzisz|zobaczy|zobaczysz|pojedzie|pojedziesz|wroci|wrocisz) (?:\\S+ ){0,3}?(?:z wozka|na wozku)(?: inwalidzk\\S*)?',
	'(?:zwioza|zabiora|wywioza|wyjedzie|odjedzie|pojedzie|pojedziesz|zabierze) (?:\\S+ ){0,4}?na sygnale',
	'(?:zmieni\\S*|przefasonuj\\S*|przemebluj\\S*|obije|obijemy|obic|obijcie) (?:ci|mu|jej|wam|im|temu|tej) (?:twarz|facjate|fizjonomie|rysopis|geb\\S*|morde|ryj|pysk)',
	'(?:policz\\S*|porachuj\\S*|rozprawi\\S*) sie z (?:toba|wami|nim|nia|nimi|panem|pania|tym|ta|tymi)(?! (?:sprawa|problemem|tematem|kwestia|rachunkiem|faktura|zaleglosci))|zemszcze sie|zemscimy sie',
	`(?:to|wtedy|jeszcze) sie (?:policzymy|porachujemy)|(?:policzymy|porachujemy) sie(?! (?:za|przy|ile|jak|gotowka|przelewem|z (?:rachunk|koszt|kas|pieniedz|faktur|paliw|zakup|wydatk|wplat|oplat|wynik|glos|obecn|punkt|zamowien)\\S*)(?![a-z]))(?!(?:,? \\S+){0,8}?,? (?:doloz\\S*|zlotych|zl|kasy|kase|pieniadze|pieniedzy|rachun\\S*|koszt\\S*|zrzut\\S*|zwrot\\S*|paragon\\S*|oddam|oddasz|dlug\\S*)(?![a-z]))|na (?:twoich|jego|jej|pana|pani) zebrach|jak (?:cie|was) (?:dorwe|dopadne|zlapie${notAnIllness}|dorwiemy|dopadniemy)`,
	'(?:zrobie|zrobimy|zrobic|zrobcie|zrobmy) (?:ci|wam|mu|jej|im|temu|tej) (?:krzywde|kuku|jesien sredniowiecza|z dupy jesien sredniowiecza)|(?:zrob\\S*) z (?:nim|nia|nimi|toba|wami) porzadek|porzadek z (?:nim|nia|nimi|toba|wami)',
	'(?:zrobie|zrobimy) (?:\\S+ )?z (?:ciebie|niego|niej|was|nich|pana|pani) (?:\\S+ )?(?:mielonke|miazge|marmolade|sieczke|kaleke|inwalide|mokra plame|placek|kotleta)',
	'(?:pojdzie|pojda|puszcze|puscimy) (?:\\S+ )?z dymem|(?:zostana|zostanie|bedzie) (?:z (?:niej|niego|nich|tego|twojego|twojej|twoich) )?(?:\\S+ ){0,2}?(?:zgliszcza|popiol|popioly|pogorzelisko)',
	'(?:kamien|kamienie|cegla|cegly|cegle|butelka|butelki|koktajl\\S*|petard\\S*) (?:\\S+ ){0,2}?(?:poleci|poleca|wleci|wleca|wpadnie|wpadna|wyladuje) (?:\\S+ ){0,2}?(?:w|przez|do) (?:\\S+ )?(?:okno|okna|szybe|szyby|samochod|auto|dom|leb|glowe)',
	'(?:wrzuci\\S*|rzuci\\S*) (?:\\S+ )?(?:kamien|cegle|cegla|butelke|koktajl|petarde) (?:\\S+ ){0,2}?(?:przez|w|do) (?:\\S+ )?(?:okno|okna|szybe)|razem z cegl\\S*',
	'(?:tobie|ci|wam|mu|jej|im) sie (?:tez |i )?(?:dostanie|oberwie)(?! (?:list|paczka|nagroda|premia|prezent))',
	'(?:wyciagne|wyciagniemy|wyciagna|wyciagnac|wyciagnijmy|wyciagnijcie) (?:\\S+ )?(?:cie|was|go|ja|ich|tego \\S+|te \\S+)(?: \\S+){0,4}? (?:za fraki|za kudly|za leb|za uszy|za wlosy|za kolnierz|za kark|za nogi|z (?:domu|chaty|auta|samochodu|lozka|mieszkania))',
	'(?:wsadze|wsadzimy|wepchne|wepchniemy|wloze|wcisne|wsadzic|wepchnac|wcisnac) (?:\\S+ ){0,4}?(?:tam,? gdzie slonce nie (?:dochodzi|dociera|zaglada|swieci)|do gardla|w gardlo|do dupy|w dupe|w tylek)|(?:wsadzic|wsadze|wsadzimy|wrzucic|wrzuce) (?:\\S+ ){0,3}?do bagaznika|podrzuce lopate',
	'(?:nie bede|nie bedziemy) (?:juz )?(?:gadac|gadal|gadala|rozmawiac|rozmawial|rozmawiala|pisac|pisal|prosic|prosil|prosila|dzwonic)\\S*,? (?:tylko|ale|a|lecz) (?:\\S+ )?(?:walne|przyloze|strzele|bije|bede bil|uderze|dzialac|zalatwie|zrobie porzadek|dzialal|przywale)',
	'(?:rodzona |rodzono )?(?:matka|mama|mamusia|matula|rodzice|rodzina|zona|maz) (?:go|cie|jej|ich|was|ja) nie (?:pozn|rozpozn)\\S*',
	'(?:ty|pan|pani|wy) (?:bedziesz |jestes |bedziecie |jestescie )?(?:nastepny|nastepna|nastepni) (?:w kolejce|na liscie)|(?:ty|pan|pani|wy) (?:bedziesz|bedzie|bedziecie) (?:nastepny|nastepna|nastepni)(?=\\s*[.!?]|\\s*$)',
	'(?:mu|ci|jej|im|wam) (?:tak |porzadnie |solidnie |dobrze )?(?:wleje|wlejemy|przyleje|przylejemy|nakopie|nakopiemy|dokopie|dokopiemy|wpierdoli|przypierdoli|najebie|wleja|przetraca)(?! (?:wody|herbaty|kawy|mleka|paliwa|oleju|soku))',
	'(?:tak|porzadnie|solidnie) (?:mu|ci|jej|im|wam) (?:\\S+ )?(?:wleje|przyleje|przyloze|przywale|nakopie|wlejemy)',
	'(?:linke|linka|drut|line|zylke) (?:\\S+ ){0,4}?na wysokosci (?:szyi|glowy)',
	'(?:wisiec|zawisnac|zawisnie|zawisniesz|zawisna|dyndac|dyndal\\S*|powiesic) (?:\\S+ ){0,2}?na (?:latarni\\S*|stryczku|galezi|suchej galezi|drzewie|sznurze|szubienicy)',
	'niech (?:ktos|wreszcie ktos|ktos wreszcie|ktos w koncu|w koncu ktos|ktos z was) (?:\\S+ ){0,3}?(?:mu|jej|im|go|ja|ich|temu|tej|tego|tych) (?:\\S+ ){0,3}?(?:przylozy|przywali|spali|podpali|zabije|pobije|polamie|rozwali|utopi|powiesi|zastrzeli|udusi|wleje|zlinczuje|odstrzeli|nauczy|wpierdoli|obije|skopie|zatlucze|wybije|przebije|spusci|dopadnie|da w leb|da w morde|przetraci|urwie|obetnie|spierze|stlucze|zakatuje|skatuje|zadzga|dzgnie|potnie|rozjedzie|przejedzie|otruje|ukatrupi|kropnie|wywiezie|wrzuci|zakopie|dokopie|nakopie|oklepie|przypierdoli|zajebie|przyleje|poturbuje|pokiereszuje|oskalpuje|wykonczy|uciszy|zalatwi|sprzatnie|przetrzepie|nawtyka)|niech (?:ktos|wreszcie ktos|ktos wreszcie|ktos w koncu|w koncu ktos|ktos z was) (?:\\S+ ){0,2}?(?:przylozy|przywali|spali|podpali|zabije|pobije|polamie|rozwali|utopi|powiesi|zastrzeli|udusi|wleje|zlinczuje|odstrzeli|nauczy|wpierdoli|obije|skopie|zatlucze|wybije|przebije|spusci|dopadnie|da w leb|da w morde|przetraci|urwie|obetnie|spierze|stlucze|zakatuje|skatuje|zadzga|dzgnie|potnie|rozjedzie|przejedzie|otruje|ukatrupi|kropnie|wywiezie|wrzuci|zakopie|dokopie|nakopie|oklepie|przypierdoli|zajebie|przyleje|poturbuje|pokiereszuje|oskalpuje|wykonczy|uciszy|zalatwi|sprzatnie|przetrzepie|nawtyka) (?:\\S+ ){0,2}?(?:mu|jej|im|go|ja|ich|temu|tej|tego|tych)',
	'(?:jedyna|jedna|najlepsza) rada (?:\\S+ ){0,3}?(?:siekiera|kij|palka|kulka|lom|widly|batem|kijem)',
	'zrobi\\S* (?:ci|wam|mu|jej|im|panu|pani) z zycia pieklo|(?:nie wie|nie wiesz|nie wiecie|nie wiedza) (?:jeszcze )?,?z kim (?:zadarl\\S*|zadziera\\S*)',
	'(?:go|cie|jej|ich|was|ja) (?:\\S+ ){0,4}?(?:matka|mama|mamusia|matula|rodzona matka|rodzona mama|rodzono mama|rodzice|rodzina|zona|maz|baba|wlasna \\S+|wlasno \\S+|wlasny \\S+) nie (?:pozn|rozpozn)\\S*',
	'(?:wygladasz|wyglada|wygladal\\S*|bedziesz|bedzie|zostaniesz|zostanie|skonczysz|wrocisz|wyjdziesz|pochodzisz|pochodzi) (?:\\S+ ){0,2}?bez (?:zebow|nog|rak|oka|oczu|palcow|nerek|jaj)',
	'(?:kosa|kosą|siekiera|palka|kijem|lomem|widlami|nozem|piescia|lopata|sztacheta) (?:\\S+ ){0,2}?(?:podziekuje|podziekujemy|pogadam|pogadamy|porozmawiam|porozmawiamy|przywitam|przywitamy|wytlumacze|wyjasnie|odwdziecze)',
	'(?:stane|stanę|przyjde|wyjde|wejde|wejdziemy|podejde|zejde|przyjade|przyjedziemy|poczekam|czekam|zaczekam|pojde|pojade|przyjdziemy|wyjdziemy|poczekamy|wpadne|wpadniemy) (?:\\S+ ){0,4}?(?:z siekiera|z nozem|z kijem|z widlami|ze strzelba|z bronia|z pala|z palka|z lomem|z maczeta|z bejsbolem|z kosa|z dubeltowka|z wiatrowka)',
	'zobaczymy,? kto kogo|zobaczymy,? kto (?:sie )?(?:bedzie )?(?:smial|smiac|placz\\S*|plakal)|nie (?:bedziemy|bede) pytac,? kto',
	'(?:dostan\\S*|oberw\\S*) (?:tez )?swoje|kazdy (?:\\S+ ){0,2}?dostanie swoje|(?:zostanie|zostaniesz|zostaniecie|zostana|bedzie|bedziesz) (?:\\S+ )?(?:zastrzelon\\S*|pobit\\S*|zabit\\S*|powieszon\\S*|utopion\\S*|zatluczon\\S*|otrut\\S*|polaman\\S*|rozjechan\\S*|zlinczowan\\S*)',
	'(?:splon\\S*|spal\\S*|zniknie|znikna|zginie|zgina|poleci\\S*|dostanie\\S*|oberwie\\S*|zawali) (?:\\S+ ){0,4}?nikt (?:by )?nie (?:bedzie )?(?:plakal|plakala|zaplacze|tesknil)',
	'(?:stodola|dom|chata|chalupa|auto|samochod|plebania|urzad|biuro|sklep|warsztat|garaz|obora|chlew|stajnia|ferma|remiza) (?:\\S+ ){0,2}?(?:moze|mogl\\S*|by) (?:\\S+ )?(?:splonac|sie spalic|sie zapalic|poleciec z dymem|pojsc z dymem)|(?:\\S+ )?sie (?:podpali|spali)(?= (?:stodola|dom|chata|auto|samochod|plebania|urzad|biuro|sklep|obora|chlew))|(?:stodole|plebanie|chate|dom|auto|samochod|urzad|biuro|sklep|obore|chlew) sie (?:podpali|spali)',
	'(?:trzeba|nalezy|trza) (?:mu|jej|im|temu|tej) (?:\\S+ )?(?:wytlumaczyc|wyjasnic|pokazac|przetlumaczyc) (?:\\S+ )?po (?:naszemu|swojemu|mesku|wiejsku|staremu)|(?:kije|palki|siekiery|widly|lomy|bejsbole) (?:ze )?(?:zabierzcie|wezcie|bierzcie)|(?:zabierzcie|wezcie|bierzcie) (?:ze soba )?(?:kije|palki|siekiery|widly|lomy|bejsbole)(?! (?:do|na) (?:nordic|trekking|spacer|marsz|gor|wedrowk))',
	'ostatni raz,? (?:jak|kiedy|gdy) (?:go|ja|ich|cie|was|je) (?:widzisz|widzicie|widziales|widzialas|zobaczysz|zobaczycie)|(?:stanie|zrobi|zrobisz|przyjdzie|przyjdziesz|powie|powiesz|napisze|napiszesz|tknie|tkniesz|wejdzie|wejdziesz|stanie) ostatni raz w zyciu',
	'(?:bedziesz|bedzie|bedziecie|beda) (?:\\S+ ){0,2}?zbiera\\S* (?:\\S+ )?z (?:podlogi|chodnika|ulicy|asfaltu|ziemi|drogi)',
	'(?:tak|taka|takie|takiego) (?:\\S+ ){0,5}?ze (?:\\S+ ){0,4}?(?:bedzie|bedziesz|bedziecie|beda) (?:\\S+ ){0,3}?(?:o kulach|na wozku|w gipsie|w szpitalu|bez zebow|zbierac|zbieral|szyby wstawiac|nie usiadzie|nie wstanie|lezal|lezec)|(?:ze|az) (?:\\S+ ){0,2}?(?:nie usiadzie|nie wstanie|nie usiadziesz|nie wstaniesz|nie pozbiera sie)',
	'tam (?:cie|was|go|ja) (?:\\S+ )?(?:zawioze|zakopie|zostawie|wywioze|zaprowadze|zawieziemy|zakopiemy|zostawimy)|(?:i )?tam (?:zostaniesz|zostaniecie)(?=\\s*[.!?]|\\s*$)',
	'predzej czy pozniej (?:cie|was|go|ja|ich) (?:znajde|dopadne|dorwe|znajdziemy|dopadniemy|dorwiemy)|(?:ty|wy) (?:tez |rowniez )?(?:bedziesz|bedziecie) (?:\\S+ )?(?:lezal\\S*|lezec) w (?:szpitalu|gipsie|grobie|rowie)',
	'(?:polezy|poleza|polezysz|polezycie|bedzie lezal|bedziesz lezal) (?:\\S+ )?na (?:podlodze|ziemi|asfalcie|chodniku|glebie)|(?:butelk\\S*|kanister\\S*) (?:\\S+ )?z benzyna|koktajl\\S* molotowa|cukier (?:do|w) bak',
	'(?:nie|nic nie|zaden \\S+ nie|zadna \\S+ nie) (?:chroni|ochroni|uchroni|obroni|uratuje) (?:\\S+ ){0,2}?przed (?:kamieniem|cegla|ogniem|kula|nozem|piescia|piesciami|bejsbolem|siekiera|kijem|zemsta|nami|mna)',
	'(?:ci|wam|mu|jej|cie|was|go) (?:\\S+ )?(?:zamkne|ucisze|uspie|zalatwie|zamkniemy|uciszymy) (?:\\S+ )?na zawsze|(?:zamkne|ucisze|uspie|zamkniemy|uciszymy) (?:ci|wam|mu|jej|cie|was|go) (?:\\S+ ){0,2}?na zawsze',
	'(?:wachac|wachal\\S*|wachasz|wachali|wachaly) (?:\\S+ )?kwiatki od spodu|(?:gryzc|gryzl\\S*|bedziesz gryzl\\S*) (?:\\S+ )?ziemie',
	'(?:porozmawia\\S*|pogada\\S*|rozmowi\\S*|wytlumacz\\S*|zalatwi\\S*) (?:\\S+ )?z (?:toba|wami|nim|nia|nimi|panem|pania) (?:\\S+ ){0,2}?(?:inaczej|po swojemu|po mesku|innymi metodami|inna metoda)',
	'(?:wyjedzie|wyjedz|wyjedzcie|wyjezdzaj|uciekaj|uciekajcie|ucieka|wynos\\S*|zniknie|znikaj|wyprowadz\\S*|spadaj\\S*|odejdzie),? (?:\\S+ ){0,4}?(?:poki|dopoki) (?:jeszcze )?(?:moze|mozesz|mozecie|moga|moze pan|moze pani) (?:\\S+ )?(?:chodzic|jezdzic|mowic|oddychac|patrzec|widziec|stac)|(?:tylko )?modlitwa (?:\\S+ )?(?:ci|wam|mu|jej|panu|pani) (?:\\S+ )?zostanie|zostanie (?:ci|wam|mu|jej) (?:\\S+ )?(?:tylko )?modlitwa',
	'(?:cie|was|ich|go|ja) (?:\\S+ ){0,5}?(?:wykurzy|wykurzymy|wypali|wypalimy|przegoni|przegonimy|wygoni|wygonimy) (?:\\S+ )?ogniem',
	'cos ciezszego (?:niz|od) (?:\\S+ ){0,3}?(?:poleci|spadnie|wyladuje|przyleci)|(?:na niego|na nia|na ciebie|na was|na pana|na pania) (?:\\S+ ){0,2}?cos ciezszego',
	'(?:my|ja) (?:tez|rowniez) (?:umiemy|umiem|potrafimy|potrafie) (?:celowac|strzelac)|(?:dam|damy) (?:\\S+ ){0,2}?(?:taki sam|ten sam) los|(?:spotka|czeka) (?:\\S+ ){0,2}?(?:ten sam|taki sam) los',
	'zanim (?:\\S+ ){0,2}?(?:cie|was|go|ja) (?:wyniesiemy|wyrzucimy|wywieziemy|wykopiemy|wyprowadzimy|wywalimy|wyniose|wyrzuce)|(?:rozmow\\S*|pogadamy|porozmawiamy) za (?:sala|garazami|garazem|stodola|szkola|blokiem|sklepem|remiza|kosciolem)',
	'(?:zaplacisz|zaplacicie|zaplaci|odplacisz|oddasz|odpowiesz) (?:\\S+ ){0,3}?(?:i )?(?:to )?nie (?:w |we )?(?:pieniedzmi|zlotowkach|pieniadzach|gotowce|kasie|kasa|euro|zlotych)|za (?:to|te|ten|ta|tego|tamto) (?:\\S+ )?(?:zaplacisz|zaplacicie|odpowiesz|odpowiecie)(?=\\s*[!.]|\\s*$|,? (?:[a-z]+,|i to|obiecuje|zobaczysz|przysiegam))|(?:zaplacisz|zaplacicie|zaplaci) (?:\\S+ )?(?:zdrowiem|zyciem|krwia|glowa|zebem|zebami|reka|rekami|palcami|nogami|skora|nerka|okiem)|w kominiarkach|w kominiarce|na pastwe (?:ludzi|tlumu|wsi)',
	'(?:ktos|by|niech ktos) (?:\\S+ ){0,3}?(?:lekcje|nauczke) (?:dal|dala|dali|da|dadza)|(?:dac|dal|dali) (?:\\S+ )?(?:temu|mu|jej|im) (?:\\S+ )?(?:lekcje|nauczke)',
	'(?:nastepnym razem|nastepnie|a potem|a nastepnym razem) (?:\\S+ ){0,2}?(?:moze to byc|bedzie to|moze byc|bedzie) (?:twoj\\S* |jego |pana |pani |wasz\\S* )?(?:dom|auto|samochod|stodola|chata|glowa|ty|pan|pani)(?=\\s*[.!?,]|\\s*$)',
	'nie (?:bedzie|bedziesz|bedziecie|beda) (?:mial|miala|mieli|mialy|miec) (?:\\S+ ){0,2}?(?:czym|na czym|z czego|gdzie) (?:jezdzic|pisac|jesc|chodzic|polowac|mieszkac|gryzc|patrzec)',
	'nie (?:wroci|wrocisz|wyjdzie|wyjdziesz|dojdzie|dojdziesz|wrocicie|wyjdziecie|wroca|wyjda) (?:\\S+ ){0,3}?(?:o|na) wlasnych (?:nogach|silach)|(?:trafisz|trafi|traficie|trafia|pojdziesz|pojdzie) (?:\\S+ )?(?:pod ziemie|do piachu|do grobu|na cmentarz)',
	'(?:rozbiora|rozbije|rozbijemy|rozwale|rozwalimy|rozwala|polamie|polamia|zrobi|zrobia) (?:\\S+ ){0,4}?na (?:jego|twojej|jej|pana|pani|waszej|ich) (?:wlasnej )?glowie',
	'(?:w rzece|w wodzie|w ogniu|w rowie|w stawie|w piachu|z dymem|w jeziorze|w szambie),? (?:a|i) (?:wy|ty|on|ona|oni) razem z (?:nimi|nim|nia)|razem z (?:nimi|nim|nia|toba|wami) w srodku',
	'(?:zobaczy|zobaczysz|zobaczycie|przyjde|przyjdziemy|skonczy|skonczysz) (?:\\S+ ){0,6}?z (?:rozbit\\S*|polaman\\S*|wybit\\S*|przetracon\\S*|rozwalon\\S*) (?:glowa|lbem|nosem|nogami|rekami|zebami|okiem|kolanami|zebrami|geba|morda)',
	'(?:dowiesz|dowie|dowiecie) sie,? jak smakuje (?:asfalt|ziemia|piach|beton|chodnik|podloga|gleba|kraweznik)',
	'(?:ci|wam|mu|jej|panu|pani) (?:jeszcze )?(?:pokaze|pokazemy),? (?:gdzie raki zimuja|gdzie (?:twoje|wasze|jego|jej|pana|pani) miejsce|kto tu rzadzi)',
	'(?:wywioze|wywieziemy|wywiezcie|wywiezc|zawioze|zawieziemy|wyprowadze|wyprowadzimy) (?:cie|was|go|ja|ich) (?:\\S+ )?(?:do lasu|do rowu|do dolu|nad rzeke|nad staw|na bagna|w las|za wies|za stodole)',
	'(?:niech|lepiej niech|to niech) (?:sie )?(?:lepiej |teraz |juz |dobrze )?(?:sie )?(?:modli|modla),? (?:zebym|zebysmy|bym|abym|bo)|(?:niech|lepiej niech|to niech) (?:sie )?lepiej (?:sie )?(?:modli|modla)(?!,? (?:o|do|za|przed|w) )|modl(?:cie)? sie,? (?:zebym|zebysmy|abym|zeby (?:cie|was) (?:\\S+ )?nie)',
	'zastawil\\S* (?:\\S+ ){0,2}?na (?:niego|nia|nich|ciebie|was)|z (?:rozbit\\S*|polaman\\S*|wybit\\S*|przetracon\\S*|rozwalon\\S*) (?:glowa|lbem|nosem|nogami|rekami|zebami|okiem|kolanami|zebrami|gebą|geba|morda)(?= (?:\\S+ ){0,4}?(?:zrozumie|zrozumiesz|pomysli|pomyslisz)|,? (?:to|moze) )'
]);
const veiledPhrases = new Phrases([
	// Wishes of harm to someone: "oby mu się ta kosiarka po nogach przejechała", "żeby ci się ten dom zawalił na głowę".
	'(?:oby|zeby|niech) (?:\\S+ ){0,2}?(?:mu|ci|jej|im|wam|panu|pani) (?:sie )?(?:\\S+ ){0,6}?(?:zawalil\\S*|zawali|spalil\\S*|spali|przejechal\\S*|przejedzie|polamal\\S*|polamie|wybuchl\\S*|wybuchnie|rozbil\\S*|udlawil\\S*|udlawi|urwal\\S*|urwie|skrecil\\S* kark|skreci kark|odpadl\\S*|odpadnie|zgnil\\S*|zgnije)(?![a-z])',
	'dajcie (?:mi )?(?:jego |jej |ich )?adres,? (?:\\S+ ){0,3}?(?:wyrownam|wyrownamy|pogadam|pogadamy|zalatwie|zalatwimy|oddam|odwiedze|odwiedzimy|porozmawiam|nauczy\\S*)',
	// Idioms of menace: "gdybym był tobą, nie wychodziłbym", "nie kuś losu", "nie ręczę za ludzi", "ogień nie pyta".
	'(?:gdybym (?:byl|byla) (?:toba|panem|pania|wami)|na (?:twoim|pana|pani|waszym) miejscu),? (?:to )?(?:\\S+ ){0,3}?(?:nie spal\\S*|nie zostawial\\S*|nie wychodzil\\S*|uwazal\\S*|nie chodzil\\S*|bal\\S*|pilnowal\\S*|nie parkowal\\S*|zamykal\\S*)|kto (?:tu )?ma wiecej do stracenia|co sie stalo z (?:poprzednim|ostatnim|tamtym)|(?:oddasz|odplacisz|zaplacisz) (?:mi )?(?:za (?:to|nie|niego|nia) )?(?:wlasnym|swoim) zdrowiem|nie mysl,? ze (?:zlotowkami|pieniedzmi|gotowka|kasa|w zlotowkach)',
	'niech (?:\\S+ ){0,4}?nie (?:przychodzi|pokazuje|przyjezdza|wychodzi|wraca)\\S* (?:\\S+ ){0,6}?dla (?:wlasnego|swojego) (?:zdrowia|dobra|bezpieczenstwa)',
	'nie kus(?:i|cie|ic)? (?:\\S+ )?losu|nie (?:spalbym|spalabym|spalbys|spalabys) (?:\\S+ )?spokojnie|nie recze za (?:ludzi|siebie|chlopakow|nich|swoich)',
	'ogien nie pyta|(?:bez|nie bedzie) swiadkow|do zobaczenia (?:w nocy|noca|po zmroku|wieczorem|w ciemnej|na polnej|bez)|(?:dluga|dobra) pamiec i ciezk\\S* rec\\S*|ciezk\\S* rec\\S* i (?:dluga|dobra) pamiec|(?:samo|sama|same) sie (?:czasem )?(?:zapala|zapali|podpala)',
	'(?:jutro|rano|wkrotce|niedlugo) (?:\\S+ )?moze (?:ich |go |jej )?byc mniej|(?:policz|liczcie|licz) (?:sobie )?(?:\\S+ ){0,2}?(?:kury|owce|krowy|kaczki|gesi|psy|koty|dzieci)|(?:wiatrowk|strzelb|dubeltowk|bron)\\S* (?:juz )?(?:naladowan|nabit|gotow)\\S*|kos[ae] (?:juz )?naostrzon\\S*',
	'wiem(?:y)?,? gdzie (?:\\S+ )?(?:mieszkasz|mieszkacie|pracujesz|pracujecie|parkujesz|sypiasz|(?:mieszka|pracuje) (?:pan|pani)(?=\\s*[.!?,]|\\s*$| i | a )(?!,? (?:ktor|co |od |z ))|(?:pan|pani) (?:mieszka|pracuje)|chodza twoje|chodzi twoja|chodzi twoj|chodza (?:pana|pani) dzieci|mieszka twoja|mieszkaja twoi|uczy sie twoj|uczy sie twoja|bawia sie twoje|chowasz)',
	'kto (?:\\S+ )?(?:tknie|ruszy|dotknie|podniesie reke na|skrzywdzi|zaczepi|ukradnie|podpali|uderzy) (?:\\S+ ){1,6}?(?:ten|tego|temu) (?:\\S+ ){0,4}?(?:juz (?:\\S+ ){0,3}?nie|nie (?:wstanie|wyjdzie|wroci|pozyje|pochodzi|podniesie|usiadzie|zobaczy)|pozaluje|popamieta|przykryje|zakopie|zakopia|pochowa|pochowaja|dostanie (?:w|po|za)|oberwie|nogi|rece|zeby|kosci)(?![a-z])',
	'wiem(?:y)?,? (?:ktoredy|o ktorej|kiedy) (?:\\S+ )?(?:wracasz|chodzisz|jezdzisz|wychodzisz|konczysz|wracaja twoje|wraca twoja|wraca twoj)|wiem(?:y)?,? (?:jakim|czym) (?:autem|samochodem) (?:jezdzisz|jezdzicie)',
	'(?:mam|mamy|znam|znamy|zdobylem|zdobylam|ustalilem|ustalilam|sprawdzilem|sprawdzilam) (?:juz )?(?:twoj|wasz|pana|pani) (?:adres|numer domu|adres domowy|numer)',
	'rozne rzeczy (?:sie )?(?:zdarzaja|dzieja|moga sie (?:zdarzyc|stac))(?! (?:\\S+ )?(?:najwazniejsze|nikomu|grunt|dobrze ze|na szczescie|w zyciu|trudno|na (?:tym )?swiecie|w przyrodzie|w polityce|w naturze|w kosmosie|ale))|roznie (?:to )?bywa z takimi|(?:takim|tacy) (?:\\S+ )?(?:roznie|zle) (?:konczy|koncza)',
	'(?:szkoda by(?:loby| bylo)|(?:bylo by|byloby|by bylo) szkoda),? (?:gdyby|jakby|jesli) (?:\\S+ ){0,6}?(?:cos|stalo|spalil\\S*|splonel\\S*|splonal\\S*|zniszczyl\\S*|przytrafil\\S*|zdarzyl\\S*|uszkodzil\\S*|rozbil\\S*|zginel\\S*|ucierpial\\S*|wypadek|ogien|ogniem|pozar|zjadl|zapalil\\S*|z dymem)',
	'ciekawe,? czy (?:\\S+ ){0,2}(?:twoje|twoja|twoj|wasze|wasza|wasz|pana|pani|jego|jej) (?:dzieci|corka|syn|zona|maz|dom|auto|samochod|rodzina|wnuki|pies|kot|stodola|chata) (?:\\S+ ){0,3}?(?:bezpiecz\\S*|wroc\\S*|dojd\\S*|dojad\\S*|cal\\S*|przezyj\\S*|zdrow\\S*|spokojnie|doczeka\\S*|przetrwa\\S*|stoi|stac|splon\\S*)',
	'(?:ma|masz|macie|ma pan|ma pani) (?:\\S+ )?(?:wnuczk\\S*|wnuk\\S*|cork\\S*|syn\\S*|dzieci|dziecko|zon\\S*|rodzin\\S*) (?:\\S+ ){0,6}?(?:ciekawe|niech pamieta|niech uwaza|lepiej niech|pamietaj|uwazaj)',
	'(?:nie radze|nie radzimy) (?:ci|wam|panu|pani) (?:tu |tutaj |wiecej |juz |tu wiecej |sie )?(?:wracac|przychodzic|przyjezdzac|pokazywac sie|sie pokazywac|sie tu pokazywac|zblizac sie|wychodzic|wchodzic|chodzic)',
	'lepiej (?:sie )?(?:tu |tutaj |wiecej |juz )?nie (?:pokazuj|wracaj|przychodz|przyjezdzaj)(?:cie)?|nie waz(?:cie)? sie (?:tu |tutaj |wiecej )?(?:wracac|pokazywac|przychodzic|przyjezdzac)|nie pokazuj(?:cie)? sie (?:tu|tutaj|wiecej|na wsi|w okolicy|na oczy|w gminie)',
	'(?:odwiedzimy|odwiedze|zlozymy|zloze|wpadniemy|przyjdziemy|przyjade|przyjedziemy|przyjde) (?:cie|was|ciebie|pana|pania|go|ja|(?:ci|wam|panu|pani|mu|jej) wizyte|do (?:ciebie|was|pana|pani|niego|niej)) (?:\\S+ ){0,2}?(?:z (?:kijem|kijami|palka|palkami|siekiera|widlami|benzyna|kanistrem|zapalniczka|lomem|nozem|bejsbolem)|w nocy|noca|po zmroku|nieproszeni|jak sie nie spodziewasz|jak bedziesz spal\\S*)',
	'(?:przyjdziemy|przyjde|przyjedziemy|przyjade|wpadniemy|przyjda|przyjdzie) (?:\\S+ ){0,4}?z (?:kijami|kijem|palkami|palka|siekiera|widlami|benzyna|kanistrem|bejsbolami|bejsbolem|lomami|lomem|czyms ciezszym)',
	'(?:przyjdziemy|przyjedziemy|wpadniemy|przyjda) (?:\\S+ ){0,2}?(?:we trzech|we czterech|we dwoch)(?! (?:na|do|po|z) )',
	'(?:przyjdziemy|przyjde|przyjedziemy|przyjade|wpadniemy) (?:\\S+ ){0,8}?(?:i|a) nie (?:bedzie|bedziemy) (?:rozmawiac|rozmowy|gadac|gadania|slow|milo)',
	'(?:przyjdziemy|przyjde|przyjedziemy|przyjade|wpadniemy|odwiedzimy|odwiedze) (?:\\S+ ){0,10}?nie bedzie (?:milo|przyjemnie|mila rozmowa|slow|to mila rozmowa|zmiluj)',
	'(?:pogadamy|porozmawiamy|porozmawiam|pogadam|porozmawia|pogada|rozmowimy|wytlumaczymy|wyjasnimy|zalatwimy|zalatwie) (?:\\S+ ){0,2}?(?:po swojemu|po mesku|po naszemu|po wiejsku|inaczej|jak mezczyzni|jak mezczyzna z mezczyzna|jak chlop z chlopem|jak facet z facetem)',
	'nie wiesz,? z kim zadzierasz|pozalujesz,? ze sie urodzil\\S*|(?:zeby|obys|oby|bo) (?:ci|wam|mu|jej|panu|pani) sie cos nie stalo|bo (?:ci|wam|mu|jej|panu|pani) sie cos stanie|bo cos (?:ci|wam|mu|jej|panu|pani) sie stanie|moze sie (?:ci|wam|panu|pani) cos stac',
	'(?:moze|mozesz|moze pan|moze pani|to moze) (?:sie )?(?:to )?(?:dla (?:ciebie|pana|pani|was|niego|niej) )?(?:zle|kiepsko|tragicznie|smutno|bolesnie) skonczyc|(?:to )?sie (?:dla (?:ciebie|pana|pani|was) )?(?:zle|kiepsko|bolesnie) skonczy(?! dla (?:gminy|mieszkancow|nas))',
	'(?:domy|stodoly|auta|samochody|drzewa|kola|chaty|dachy) (?:czasem|czesto|latwo|lubia|potrafia) (?:sie )?(?:pala|palic|zapalaja|zapalic|spadaja|spadac|plona|plonac|odkrecaja|odkrecic)',
	'(?:pamietaj|wiem|wiemy|zauwazylem|zauwazylam|ciekawe|uwazaj)(?:,? (?:\\S+ ){0,3}?)(?:twoja|twoj|twoje|wasza|wasze|pana|pani) (?:zona|maz|corka|syn|dzieci|matka|zonka|wnuczka|wnuk) (?:\\S+ ){0,3}?(?:chodzi|chodza|wraca|wracaja|jezdzi|jezdza|bawi sie|bawia sie|zostaje|zostaja|czeka|czekaja) (?:\\S+ ){0,3}?(?:sam|sama|same|sami|przez las|po zmroku|wieczorem|w nocy|noca)',
	'bez (?:ochrony|obstawy|ochroniarzy)(?=\\s*[.!?]|\\s*$)|adres masz w profilu|masz adres w profilu',
	'w ciemnej uliczce|w ciemnym zaulku|do zobaczenia (?:na parkingu|pod (?:domem|blokiem|szkola|urzedem|praca|sklepem)|po pracy|po zmroku)',
	'na (?:twoim|jego|jej|pana|pani|waszym|ich) miejscu (?:\\S+ ){0,4}?(?:kupil\\S* (?:\\S+ )?(?:gasnic|alarm|kamer|ubezpieczen|bron|zamki|kraty|psa obronnego)\\S*|zamykal\\S*|uwazal\\S*|pilnowal\\S*|wyjezdzal\\S*|uciekal\\S*|nie wychodzil\\S*|ogladal\\S*|spakowal\\S*|wyprowadzil\\S*|modlil\\S*)',
	'(?:moze|mozesz|moze pan|moze pani|mozecie) (?:\\S+ ){0,2}?nie (?:dojsc|dojechac|wrocic|dotrzec|obudzic sie|doczekac)|nie bede (?:taki|taka|tak) (?:delikatn\\S*|mily|mila|grzeczn\\S*|wyrozumial\\S*|lagodn\\S*)',
	'dla (?:twojego|waszego|pana|pani) dobra,? (?:lepiej|radze)|nie wiesz,? z kim (?:gadasz|rozmawiasz|masz do czynienia|zadzierasz|zadarles|zadarlas)',
	'(?:ogarne|zbiore|skrzykne|zwolam|zgarne) (?:\\S+ )?(?:ekipe|chlopakow|kumpli|ziomkow) (?:\\S+ ){0,2}?(?:zobaczymy|i pogadamy|i przyjdziemy|i wpadniemy)|dlugo (?:\\S+ )?nie (?:postoi|pojezdzi|pozyje|pociagnie)(?=,? (?:\\S+ ){0,4}?(?:benzyn|zapalk|zapalniczk|ogien|ognia))',
	'(?:niech (?:sobie )?nie liczy|nie licz|nie liczcie|niech (?:sobie )?nie mysli|nie mysl|nie myslcie),? ze (?:\\S+ ){0,8}?(?:przetrwa|przezyje|ocaleje|postoi|dotrwa|bedzie stal\\S*|ujdzie (?:mu|ci|jej) na sucho|(?:mu|ci|jej) sie upiecze|(?:jej|go|cie) nie znajde)',
	'(?:nie dziwcie sie|nie dziw sie|nie zdziwcie sie|nie zdziw sie|niech sie nikt nie dziwi|niech sie nie dziwi|niech sie nie zdziwi|niech (?:\\S+ )?sie nie zdziwi),? (?:\\S+ ){0,3}?(?:jak|jesli|gdy|jezeli|kiedy) (?:\\S+ ){0,6}?(?:cos sie stanie|cos sie stalo|splonie|ucierpi|oberwie|dostanie|(?:sie )?(?:zajmie|zapali|spali|podpali) (?:\\S+ )?(?:stodola|dom|chata|auto|samochod|garaz|szopa|obora|dach|sklep|warsztat)|(?:stodola|dom|chata|auto|samochod|garaz|szopa|obora|dach|sklep|warsztat) (?:\\S+ )?(?:sie )?(?:zajmie|zapali|spali|podpali|splonie))',
	'wiem(?:y)?,? gdzie (?:stoi|parkuje|stoja|nocuje) (?:twoj\\S*|pana|pani|wasz\\S*|jego|jej)|(?:twoje|twoj|twoja|wasze|pana|pani) (?:\\S+ ){0,2}?(?:tez |rowniez )?(?:sie )?(?:swietnie |ladnie |dobrze |latwo |pieknie )(?:pali|spali|splonie|zapali)',
	'(?:niech|lepiej niech) (?:\\S+ ){0,5}?(?:dobrze )?(?:pilnuje|pilnuja) (?:sie|swoich|swojego|swojej|swoje|dzieci|domu|auta|stodol\\S*|chaty|zony|plecow)(?! (?:\\S+ )?(?:dokument|portfel|telefon|danych|hasel|hasla|pin|konta|karty|kieszen|torebk|bagaz|rzeczy|kluczy|pieniedzy|psow|psa|kotow|dzieci na))',
	'(?:niech ma|niech sobie kupi|niech wykupi|niech kupi) (?:\\S+ )?(?:dobre |mocne |solidne )?(?:ubezpieczenie|gasnic\\S*)|bo (?:swiat|zycie|okolica|noc|wies|miasto) (?:jest|bywa) niebezpieczn\\S*',
	'(?:i|a) nikt (?:\\S+ )?nie (?:uslyszy|znajdzie|zobaczy|bedzie szukal)|(?:jestem|mieszkam|mam) (?:\\S+ )?(?:\\d+|piec|dwie|dziesiec) (?:minut|min|metrow|km) od (?:ciebie|was|pana|pani|twojego|twojej)',
	'(?:to|wtedy|a wtedy) roznie (?:moze byc|bywa|bedzie)(?=\\s*[.!?]|\\s*$)|(?:jemu|tobie|mu|ci|jej|wam|panu|pani) (?:tez |rowniez )?(?:sie )?cos (?:sie )?(?:przewroci|stanie|zlamie|wydarzy|przytrafi)',
	'(?:zajmiemy|zajme) sie (?:\\S+ )?(?:jego|twoim|pana|pani|jej|waszym|ich) (?:autem|domem|samochodem|stodola|chata|garazem|sklepem)|(?:jego|twoim|pana|pani|jej|waszym|ich) (?:autem|domem|samochodem|stodola|chata|garazem|sklepem|psem|rodzina|dziecmi|zona|corka) (?:\\S+ )?(?:sie )?(?:tez |rowniez |jeszcze |potem )?(?:zajmiemy|zajme|zajmie sie)|juz wie,? jak (?:ona|on|ty|pan|pani|wy) wyglada\\S*',
	'(?:ze zlodziejami|z takimi|z nim|z nia|z toba|z wami) (?:\\S+ ){0,2}?nie (?:rozmawiaja|rozmawiamy|beda rozmawiac|bedziemy rozmawiac|gadaja|gadamy)',
	'lepiej pilnuj (?:swojego|swoich|swojej|swoje)|mam (?:twoj|pana|pani) adres,? (?:czekaj|do zobaczenia|pogadamy)',
	'(?:masz|ma pan|ma pani|macie) (?:\\S+ )?(?:dobre|mocne|solidne) (?:zamki|drzwi|ubezpieczenie|alarm)(?!(?:,? \\S+){0,10}?,? (?:burz|wichur|powodz|grad|ulew|pogod|przymroz|szalej|susz)\\S*)',
	'zanim ktos (?:\\S+ )?(?:ich|cie|was|go|ja|pana|pania) odwiedzi|z czyms ciezszym niz|czy wszyscy (?:\\S+ ){0,2}?wroca|(?:spi|spij|spijcie|spac) z jednym okiem otwartym',
	'(?:bo|to) (?:sie )?(?:doigra|doigrasz|doigracie|doigraja)(?![a-z])|doigrasz sie|doigra sie|doigracie sie',
	'(?:znajdziesz|znajda|znajdzie|zastaniesz|zastana|zastanie) (?:swoje|swoj|swoja|twoje|wasze) (?:\\S+ )?(?:auto|auta|samochod|samochody|dom|opony|kola) (?:\\S+ )?(?:z |bez |w )(?:przebit\\S*|pociet\\S*|porysowan\\S*|wybit\\S*|spalon\\S*|rozbit\\S*|opon|szyb|kol)',
	'(?:twoje|twoj|twoja|pana|pani|wasze|wasz|jego|jej) (?:\\S+ ){0,2}?(?:dlugo nie (?:pojezdzi|postoi|pociagnie|pozyje)|bedzie plonac|bedzie plonal|splonie|pojdzie z dymem)',
	'(?:ci|wam|mu|jej|im|panu|pani) sie (?:to )?nie upiecze|(?:mysli|myslisz|mysli pan|mysli pani|nie mysli|nie mysl),? ze (?:ci|mu|jej|wam|panu|pani) sie upiecze',
	'(?:poczekam|zaczekam) (?:\\S+ ){0,3}?(?:az sie sciemni|po zmroku|w nocy|pod (?:domem|blokiem|szkola|uczelnia|praca|sklepem|twoim))',
	'uwazaj,? zebys (?:sam|sama) (?:\\S+ ){0,4}?nie|(?:krzywd\\S*|nic sie nie stanie|nic sie nie stalo) (?:\\S+ ){0,8}?(?:ale )?kto wie',
	'(?:przeciwko|przeciw) (?:twojemu|pana|pani|jego|jej|waszemu) zdrowiu|(?:tak|porzadnie|dobitnie|po swojemu) (?:mu|ci|jej|wam|im) (?:\\S+ )?(?:wyjasnimy|wyjasnie|wytlumacze|wytlumaczymy|przetlumacze|przetlumaczymy)'
]);
// "uważaj, jak wracasz", "niech pan uważa na parkingu" — not a warning about the road ("bo ślisko").
const watchOut = new Phrases([
	'(?:uwazaj|radze uwazac|lepiej uwazaj)(?: na siebie)?,? (?:jak|kiedy|gdy|jak bedziesz) (?:\\S+ ){0,2}?(?:wracasz|chodzisz|jezdzisz|wychodzisz|bedziesz wracal\\S*|idziesz|jedziesz|parkujesz|wysiadasz)|(?:niech|lepiej niech) (?:\\S+ ){0,5}?(?:dobrze )?(?:uwaza|uwazaja|oglada sie za siebie|rozglada sie)(?! na (?:dzieci|droge|pieszych|zwierzeta|rowerzystow))'
]);

// Veiled threats and threatened consequences by their parts. Each part alone is ordinary ("długo nie pochodzisz
// w tych butach", "ładne masz dzieci", "różnie bywa", "opony są drogie"); a consequence said under a condition or
// of someone's things, or two parts of different kinds together, make a threat.
type Cue =
	| 'hurt'
	| 'injured'
	| 'precedent'
	| 'know'
	| 'family'
	| 'theirs'
	| 'routine'
	| 'away'
	| 'arms'
	| 'chance'
	| 'damage'
	| 'warn'
	| 'meet'
	| 'visit'
	| 'gather'
	| 'remind'
	| 'poison';
const cuePhrases: [Cue, Phrases][] = [
	[
		'hurt',
		new Phrases([
			'jak dlugo (?:jeszcze )?(?:\\S+ )?(?:postoi|postoja|pojezdzi|pojezdzisz|pochodzi|pochodzisz|pozyje|pozyjesz|pociagnie)(?![a-z])',
			'dlugo (?:\\S+ ){0,2}?nie (?:pochodzi|pochodzisz|pochodzicie|pozyje|pozyjesz|pozyjecie|pojezdzi|pojezdzisz|pojezdzicie|postoi|postoja|pospaceruje|pospacerujesz|pobiega|pobiegaja|pobiegasz|poszczeka|poszczekaja|pomiauczy|pociagnie|pociagniesz|posiedzi|posiedzisz|pomieszka|pomieszkasz|pomieszkacie|pocieszy|pocieszysz|pocieszycie|pouzywa|pouzywasz)',
			'nie (?:bedzie|zostanie) (?:juz |wtedy |potem )?(?:czego|co) (?:zbierac|pozbierac|ratowac|gasic|naprawiac|chowac|szukac|sprzatac|odbudowywac|zbierac z)',
			'(?:bedzie|bedziesz|bedziecie|beda) (?:\\S+ ){0,2}?(?:lezal\\S*|lezec|chodzil\\S*|chodzic|jezdzil\\S*|jezdzic|siedzial\\S*|siedziec|oddychal\\S*|jadl\\S*|jesc) (?:\\S+ ){0,2}?(?:w szpitalu|na oiomie|w gipsie|o kulach|o lasce|na wozku|bez zebow|w grobie|na cmentarzu|przez rurke|przez slomke)',
			'(?:brakowac|brakuje|zabraknie|braknie|zabraknac) (?:\\S+ ){0,2}?(?:zebow|wszystkich|nog|reki|rak|oka|palcow)',
			'nie (?:wstanie|wstaniesz|wstaniecie|usiadziesz|usiadzie|pozbierasz sie|pozbiera sie|pozbieracie sie|podniesiesz sie|podniesie sie)|sie (?:juz )?nie (?:pozbierasz|pozbiera|pozbieracie|podniesiesz|podniesie)',
			'(?:juz |stamtad |stad |nigdy )+nie (?:wrocisz|wrocicie|wroci|wyjdziesz|wyjdziecie)|nie (?:wrocisz|wrocicie|wroci|wyjdziesz) (?:juz )?(?:stamtad|zyw\\S*|cal\\S*|w calosci|do domu)',
			'(?:zobaczysz|zobaczycie|poczujesz|poczujecie|dowiesz sie|dowiecie sie),? co to (?:znaczy |jest )?(?:bol|cierpienie|strach|prawdziwy bol|prawdziwy strach)|(?:poczujesz|poczujecie) (?:\\S+ )?(?:bol|moja piesc|moje piesci|moj but|moja reke)',
			'nie bedzie (?:swiadkow|litosci|zmiluj|taryfy ulgowej|przebaczenia)',
			'(?:go|ja|ich|cie|was) (?:\\S+ )?(?:tam )?(?:pochowam|pochowamy|zakopie|zakopiemy|zakopia)|(?:pochowam|pochowamy|zakopie|zakopiemy) (?:go|ja|ich|cie|was)(?= |\\s*[.,!]|\\s*$)',
			'(?:zebow|zeby) (?:\\S+ )?(?:nie bedzie|nie zostanie|zabraknie|nie bedziesz mial)|(?:zbierac|zbieral\\S*|pozbierasz|pozbiera|pozbieracie|zbierzesz|zbierzecie) (?:\\S+ ){0,2}?(?:zeby|zebow|kosci|gnaty|flaki|szczeke)',
			'(?:przywiaz\\S*) (?:\\S+ ){0,2}?do (?:plotu|drzewa|slupa|latarni|kaloryfera|krzesla)|(?:worek|worki|wiadro|kubel|worka) (?:\\S+ ){0,2}?na (?:glowe|leb)',
			'(?:wyladuj\\S*|skonczy\\S*|obudzi\\S*) (?:\\S+ ){0,3}?w (?:rzece|wodzie|stawie|jeziorze|rowie|szambie|gnojowce|gnojowicy|bagnie|dole|piachu|betonie|trumnie|grobie|szpitalu|wisle|odrze|warcie|bugu|narwi|pilicy|sanie|brdzie|wieprzu|nysie|dunajcu)',
			'(?:zrobie|zrobimy|zrobi|zrobia|zrobic|zamienie|zamienimy|zgotuje|zgotujemy|urzadze|urzadzimy) (?:\\S+ ){0,3}?(?:pieklo|piekielko|koszmar)',
			'(?:pozalujesz|pozalujecie|pozaluje|pozaluja|popamietasz|popamietacie|popamieta|odpokutujesz|odpokutuje)',
			'(?:bedzie|juz) po (?:nim|niej|nich|tobie|was|psie|kocie)(?=\\s*[.,!?;]|\\s*$| i )|nie (?:dozyje|dozyja|dozyjecie|doczeka|doczekasz|doczekacie) (?:\\S+ )?(?:nastepn|jutr|rana|wiosny|zim|lata|swiat|zniw|emerytur)\\S*',
			'(?:wiecej|juz nigdy|nigdy wiecej|juz) nie (?:odpali|odpalisz|pojedzie|pojedziesz|ruszy|ruszysz|zapali|pojezdzi|pojezdzisz|otworzy|podniesie|podniesiesz)(?![a-z])',
			'(?:ktos|ludzie|chlopaki) (?:\\S+ )?(?:ci|wam|mu|jej|panu|pani|tobie) (?:\\S+ ){0,3}?(?:wsadzi|wepchnie|wcisnie|przebije|spali|podpali|wybije|porysuje|rozbije|polamie|przetraci|obije|zlamie|urwie|obetnie|otruje|zabije|pobije|przyleje|wleje|dokopie|nakopie)(?![a-z])',
			'z czyms,? co (?:was|cie|go|ich|je|ja) (?:\\S+ )?(?:uciszy|uspokoi|zalatwi|przekona|nauczy|ostudzi|wyleczy)',
			'(?:dostanie|dostaniesz|dostaniecie|wroci|wrocy|wrzuce|wrzucimy|oddam|oddamy|odesle|odesle) (?:\\S+ ){0,4}?przez (?:okno|szybe|dach|drzwi)(?![a-z])'
		])
	],
	[
		'injured',
		new Phrases([
			'polaman\\S* (?:\\S+ )?(?:palce|rece|nogi|kosci|zebra|szczeki|szczeka) (?:\\S+ )?(?:dlugo|wolno|zle|ciezko) (?:sie )?(?:goja|goi|zrastaja|zrasta)',
			'(?:lezal\\S*|wyladowal\\S*|skonczyl\\S*|trafil\\S*|wyjechal\\S*|zbieral\\S*|chodzi|jezdzi|siedzi|lezy) (?:\\S+ ){0,4}?(?:w szpitalu|do szpitala|na oiom\\S*|w gipsie|o kulach|o lasce|na wozku|na wozek|bez zebow|zeby|na sygnale|w karetce|na cmentarz\\S*|do piachu)'
		])
	],
	[
		'precedent',
		new Phrases([
			'(?:ostatni|ostatnia|poprzedni|poprzednia|jeden taki|ostatnio jeden|jeden gosc|jeden typ|ten przed toba|twoj poprzednik)(?:,? (?:\\S+ )?)(?:co|ktory|ktora|kto)(?![a-z])'
		])
	],
	[
		'know',
		new Phrases([
			'(?:wiem|wiemy|znam|znamy|ustalilem|ustalilam|ustalilismy|sprawdzilem|sprawdzilam|sprawdze|sprawdzimy|namierze|namierzymy|dowiem sie|dowiemy sie)(?:,? (?:\\S+ ){0,4}?)(?:gdzie|ktoredy|o ktorej|w ktorym|w ktorej|pod ktorym|kiedy) (?:\\S+ ){0,3}?(?:mieszka\\S*|pracuje\\S*|chodzi\\S*|wraca\\S*|konczy\\S*|parkuje\\S*|spi|sypia\\S*|nocuje\\S*|bywa\\S*|uczy\\S*|wychodzi\\S*|jezdzi\\S*|zostawia\\S*|trzyma\\S*)(?![a-z])|(?:wiem|wiemy|znam|znamy),? (?:\\S+ )?(?:jakim autem|czym jezdzi|jak wyglada|twoj adres|pana adres|pani adres)',
			'(?:ktos|kto) (?:\\S+ )?wie,? gdzie (?:\\S+ )?(?:mieszka|pracuje|parkuje|nocuje)|(?:wiem|wiemy|znam|znamy),? (?:\\S+ ){0,2}?(?:gdzie|ktoredy|o ktorej|kiedy) (?:\\S+ ){0,2}?(?:twoj|twoja|twoje|twoi|twoich|wasz|wasza|wasze|wasi|panska|panski|panskie)(?![a-z])|(?:stoi|stoja|mieszkasz|mieszka|mieszkacie) (?:\\S+ ){0,3}?(?:w tym samym miejscu|pod tym samym adresem)|(?:pamietam|pamietamy|widzialem|widzielismy|obserwuje|obserwujemy),? (?:\\S+ ){0,2}?(?:gdzie|ktoredy|o ktorej|kiedy) (?:\\S+ ){0,3}?(?:mieszka\\S*|pracuje\\S*|chodzi\\S*|wraca\\S*|parkuje\\S*|spi|nocuje\\S*|bywa\\S*|wychodzi\\S*|jezdzi\\S*|zostawia\\S*)(?![a-z])|(?:wiem|wiemy|pamietam|pamietamy),? ze (?:\\S+ ){0,4}?(?:przychodzi|wychodzi|wraca|jezdzi|parkuje|konczy|zaczyna|bywa|chodzi) (?:\\S+ )?(?:pan|pani|sam|sama|pierwsz\\S*|ostatni\\S*|codziennie|wieczorem|rano)(?![a-z])|(?:wiem|wiemy),? ze (?:\\S+ )?(?:chodzisz|mieszkasz|pracujesz|uczysz sie|jezdzisz|bywasz|parkujesz|trenujesz|wracasz|konczysz)',
			'(?:znajde|znajdziemy|zdobede|zdobedziemy|mam|mamy|sprawdze|sprawdzimy) (?:\\S+ )?(?:twoj|wasz|pana|pani|jego|jej) (?:\\S+ )?(?:adres|numer|rejestracje)',
			'(?:ip|adres|numer|rejestracj\\S*|tablice)\\S* (?:\\S+ ){0,3}?(?:mozna|latwo) (?:sprawdzic|ustalic|namierzyc|znalezc)|(?:ip|adres)\\S* (?:\\S+ ){0,3}?da sie (?:sprawdzic|ustalic|namierzyc|znalezc)|(?:ip|adres) to nie problem|(?:a )?potem (?:\\S+ )?adres'
		])
	],
	[
		'family',
		new Phrases([
			'(?:twoj|twoja|twoje|twoi|twojego|twojej|twoich|twoim|wasz|wasza|wasze|wasi|waszego|waszej|waszych|panska|panskie|panski|panskiego|panskiej|panskich|pana|pani) (?:\\S+ )?(?:dzieci|dziecko|dzieciaki|corka|corke|corki|coreczka|coreczke|syn|syna|synek|synka|synowie|zona|zone|zony|zonka|zonke|maz|meza|wnuk\\S*|wnucz\\S*|rodzin\\S*|matk\\S*|mam[aeoy]|tata|taty|ojciec|ojca|zonie|mezowi|dziewczyn\\S*|chlopak\\S*)(?![a-z])',
			'(?:ladne|piekne|sliczne|fajne|mile|mlode|grzeczne|zdrowe) (?:masz|ma pan|ma pani|macie) (?:dzieci|dziecko|corki|corke|zone|wnuki|wnuczke|wnuczki|rodzine|synow|syna)|(?:masz|ma pan|ma pani|macie) (?:\\S+ )?(?:ladn|piekn|sliczn|fajn|mil|mlod|grzeczn|zdrow)\\S* (?:dzieci|dziecko|corke|corki|zone|wnuki|wnuczke|wnuczki|rodzine|synow|syna)',
			'(?:ladnie|pieknie|slicznie|milo) (?:sie )?(?:pani|pan|ty)? ?(?:usmiecha|usmiechasz|wyglada|wygladasz|wygladacie)'
		])
	],
	[
		'theirs',
		new Phrases([
			'(?:twoj|twoja|twoje|twojego|twojej|twoich|twoim|wasz|wasza|wasze|waszego|waszej|waszym|panski|panska|panskie|panskiego|panskiej|panskim|pana|pani) (?:\\S+ )?(?:auto|samochod|samochodu|dom|domu|stodola|stodoly|sklep|sklepu|warsztat|warsztatu|garaz|plot|brama|opony|szyby|okna|pies|psy|kot|koty|konie|krowy|firma|firmy|gospodarstwo|plebania|chata|chalupa|dzialka|altana|ule|plocie|plotem|domem|ogrodzie|ogrodku|podworku|posesji)(?![a-z])'
		])
	],
	[
		'routine',
		new Phrases([
			'(?:codziennie|zawsze|co dzien|kazdego dnia|co rano|co wieczor|wieczorami|po zmroku|w nocy|noca|o tej samej porze|sam|sama|samotnie) (?:\\S+ ){0,4}?(?:chodzi|chodza|chodzisz|wraca|wracaja|wracasz|jezdzi|jezdza|jezdzisz|jezdzic|wychodzi|wychodzisz|spaceruje|spacerujesz|biega|biegasz|konczy|konczysz)(?![a-z])',
			'(?:chodzi|chodza|chodzisz|wraca|wracaja|wracasz|jezdzi|jezdza|jezdzisz|jezdzic|wychodzi|wychodzisz|spaceruje|spacerujesz|biega|biegasz) (?:\\S+ ){0,4}?(?:sam|sama|sami|same|samotnie|ta sama droga|ta dluga droga|przez las|przez park|po zmroku|wieczorem|w nocy|noca|codziennie|o tej samej)(?![a-z])',
			'(?:inna|innymi|okrezna) drog\\S*|(?:co rano|co wieczor|kazdego ranka|kazdego wieczora|codziennie rano|codziennie wieczorem|o tej samej porze) (?:\\S+ ){0,2}?(?:czeka|czekaja|czekasz|stoi|stoja|wychodzi|wychodza|wychodzisz|idzie|ida|idziesz|jedzie|jada|jedziesz|wraca|wracaja|wracasz|spaceruje|biega|wyprowadza)(?![a-z])'
		])
	],
	[
		'away',
		new Phrases([
			'lepiej (?:tu |tutaj |tedy |juz |wiecej )?nie (?:przychodz|przyjezdz|pokazuj|wracaj|chodz|zblizaj|wchodz|wylaz)\\S*|(?:niech|lepiej niech) (?:\\S+ ){0,3}?(?:lepiej )?(?:tu |tutaj |juz |wiecej )?nie (?:przychodzi|przyjezdza|pokazuje sie|wraca|zbliza sie|wchodzi|przylazi|lazi|wylazi)',
			'(?:ogladaj|ogladajcie|zacznij (?:sie )?ogladac|zacznijcie (?:sie )?ogladac|ogladac) (?:sie )?(?:\\S+ )?za siebie|na (?:twoim|pana|pani|jego|jej|waszym|ich) miejscu (?:\\S+ ){0,3}?(?:nie \\S*(?:bym|bys)|sprzedal\\S*|wyprowadzil\\S*|wyjechal\\S*|ubezpieczyl\\S*)(?![a-z])|(?:trzymaj|trzymajcie|niech trzyma|niech sie trzyma) (?:sie )?(?:z daleka|daleko)|omij\\S* (?:\\S+ ){0,2}?szerokim lukiem',
			'(?:dla (?:ciebie|pana|pani|was|niego|niej)|dla (?:twojego|pana|pani|waszego) dobra) (?:bedzie )?lepiej(?:,? (?:by bylo|bedzie))?,? (?:gdybys|zebys|jak|jesli|gdyby|zeby)'
		])
	],
	[
		'arms',
		new Phrases([
			'(?:umiem|potrafie|umiemy|potrafimy|umie|potrafi) (?:\\S+ )?strzelac|strzelac (?:\\S+ )?(?:umiem|potrafie|umiemy|potrafimy)|(?:mam|mamy|trzymam|trzymamy) (?:\\S+ ){0,2}?(?:bron|strzelbe|dubeltowke|pozwolenie na bron|siekiere|maczete|kastet|bejsbol|pistolet|wiatrowke)(?![a-z])',
			'w wojsku (?:\\S+ )?(?:bylem|sluzylem|nauczyl\\S*)|(?:z tym|z czyms),? co mam w (?:szafie|piwnicy|garazu|szopie|sejfie|stodole)|emerytowany zolnierz'
		])
	],
	[
		'chance',
		new Phrases([
			'roznie (?:w zyciu |to |tu |u nas |na wsi )?bywa|bywa (?:\\S+ )?roznie|takie rzeczy (?:sie )?(?:zdarzaja|dzieja|przytrafiaja)|wypadki chodza po ludziach|(?:nigdy )?nie wiadomo,? (?:co|kiedy|czy|jak)|kto wie,? (?:co|czy|kiedy|jak)|oby tak zostalo|(?:a )?potem (?:juz )?(?:sam )?wiesz',
			'szkoda by(?:loby| bylo)|(?:byloby|by bylo) szkoda|(?:rozne|dziwne|rozne dziwne) rzeczy (?:sie )?(?:dzieja|zdarzaja|pala|zapalaja|psuja)|zycie bywa (?:krotkie|nieprzewidywalne|kruche)|(?:ciekawe|zobaczymy)(?=,? (?:jak dlugo|ile jeszcze|jak dlugo jeszcze) )'
		])
	],
	[
		'damage',
		new Phrases([
			'(?:drewnian\\S* )?(?:dom|domy|stodola|stodoly|szopa|auto|auta|samochod|samochody|siano|drewno|strzecha|dach|plebania|sklep|warsztat) (?:\\S+ )?(?:szybko|latwo|dobrze|pieknie|czasem|czesto) (?:sie )?(?:pali|pala|plonie|plona|zapala|zapalaja)',
			'(?:opony|szyby|lakier|okna|szyba|opona|lusterka|reflektory|leczenie|dentysta|protezy|gips|implanty|zeby) (?:\\S+ )?(?:sa|jest|bywa|bywaja|kosztuja|kosztuje) (?:\\S+ )?(?:drogie|drogi|droga|drogo|kosztown\\S*|slono)',
			'na felgach|(?:(?:dom|plebania|stodola|chata|szopa|garaz|kosciol|remiza|obora) (?:\\S+ )?(?:drewnian\\S*|z drewna|kryt\\S* strzecha)|drewnian\\S* (?:dom|plebania|stodola|chata|szopa|kosciol))(?=\\s*[.!?]|\\s*$)|(?:zanim|az) (?:\\S+ )?(?:sam|sama|samo) (?:sie )?(?:spali|zapali|podpali|zawali|rozpadnie)|(?:ma|masz|macie|ma pan|ma pani|maja) (?:\\S+ ){0,2}?(?:dobre |wykupione |aktualne )?ubezpieczenie|(?:ani|bez|i) (?:opon|szyb)(?=\\s*[.!?]|\\s*$)|(?:jakby|gdyby|jesli) (?:\\S+ )?(?:je|go|ja|ich|to) (?:\\S+ )?ktos (?:\\S+ )?(?:potraktowal|podpalil|zniszczyl|porysowal|pocial|przebil|wybil|otrul|rozjechal|spalil|uszkodzil|polal|oblal|scial|wycial)'
		])
	],
	[
		'warn',
		new Phrases([
			'przemysl to|przemyslcie to|zastanow sie (?:dobrze|dwa razy)|radze (?:ci|panu|pani|wam) (?:dobrze )?(?:przemyslec|zastanowic|uwazac|odpuscic)|ostrzegam(?=\\s*[.!,:]|\\s*$| (?:cie|was|pana|pania|ostatni))|ostrzegalem|ostrzegalam|ostatnie ostrzezenie',
			'(?:niech|to niech) (?:\\S+ )?pamieta|(?:zapamietaj|zapamietajcie) (?:sobie|to)?|oko za oko|zab za zab|(?:niech|to niech) (?:\\S+ )?sie (?:szykuje|szykuja|przygotuje|przygotuja)|szykuj sie(?! na (?:zebranie|impreze|festyn|wycieczke|mecz))',
			'mowie (?:calkiem |zupelnie |smiertelnie |jak najbardziej )?powaznie|nie zartuje|przysiegam|obiecuje(?=\\s*[.!]|\\s*$)|a ja (?:bede|bedziemy) (?:pierwszy|pierwsza|pierwsi)|(?:dluga|dobra) pamiec|cierpliwosc (?:\\S+ )?(?:sie )?(?:konczy|skonczyla|wyczerpala|ma granice)|(?:koniec|kres) (?:mojej |naszej )?cierpliwosci|miarka sie przebrala|niech (?:tylko|no) sprobuje|tylko (?:sprobuj|sprobujcie)(?![a-z])|sam (?:\\S+ )?(?:ukarze|wymierze (?:sprawiedliwosc|kare)|zrobie porzadek|rozprawie sie)|policja (?:mi|nam) (?:\\S+ ){0,2}?(?:niepotrzebna|nie potrzebna)|zobaczymy,? jak (?:ci|wam|mu|jej|panu|pani) sie (?:spodoba|bedzie podobac)|nic nie zapominamy|my nie zapominamy|(?:niech|to niech) (?:\\S+ )?nie (?:spi|spia) spokojnie|nie (?:bedziesz|bedziecie|bedzie) (?:spac|spal\\S*) spokojnie|oddam (?:ci|wam|mu|jej|panu|pani) z nawiazka|odegram sie|wyrownam (?:rachunki|porachunki)|z (?:nami|mna) sie nie zadziera|nie zadziera sie z'
		])
	],
	[
		'meet',
		new Phrases([
			'(?:spotkamy|zobaczymy) sie (?:jeszcze|kiedys|niedlugo|wkrotce)|(?:jeszcze|kiedys|niedlugo|wkrotce) sie (?:spotkamy|zobaczymy)|do zobaczenia (?:po lekcjach|po pracy|po szkole|wieczorem|w nocy|na osiedlu|po zmroku)',
			`(?:az|jak|gdy|kiedy) (?:cie|was|go|ja|ich) (?:\\S+ ){0,3}?(?:spotkam|spotkamy|zlapie${notAnIllness}|zlapiemy|zobacze|zobaczymy|przyuwaze|namierze|znajde|znajdziemy)|(?:cie|was) (?:\\S+ )?(?:znajde|znajdziemy|namierze|namierzymy|wytropie|wytropimy|rozpoznam|rozpoznamy)|znajde (?:cie|was)(?![a-z])|znajde (?:\\S+ )?i (?:wtedy )?(?:pogadamy|porozmawiamy|sie policzymy|zobaczymy)|(?:zebym|zebysmy|obym|oby) (?:\\S+ )?(?:go|jej|ja|cie|was|ich)? ?nie (?:spotkal|spotkala|spotkali|dorwal|dopadl|zlapal|znalazl)`
		])
	],
	['remind', new Phrases(['pamietaj(?:cie)?,? ze|nie zapominaj(?:cie)?,? ze'])],
	[
		'gather',
		new Phrases([
			'kto (?:\\S+ )?(?:chetny|chetni|ze mna|z nami|sie pisze|idzie ze mna|jedzie ze mna|w to wchodzi|dolaczy)|skrzykn\\S* (?:\\S+ )?(?:chlopakow|chlopaki|ludzi|kolegow|ekipe)|zorganizujmy sie'
		])
	],
	[
		'visit',
		new Phrases([
			'(?:odwiedze|odwiedzimy|odwiedzi|odwiedza) (?:cie|was|pana|pania)(?![a-z])|(?:przyjde|przyjdziemy|przyjade|przyjedziemy|wpadne|wpadniemy) (?:\\S+ )?do (?:ciebie|was|pana|pani)(?![a-z])|(?:przyjada|przyjda|wpadna|zjawia sie) (?:\\S+ )?(?:koledzy|chlopaki|chlopcy|ludzie|kumple|znajomi)|(?:psy|psa|psow) (?:\\S+ ){0,3}?(?:glodne|glodny|spuszczon\\S*)|(?:spuszcze|spuscimy|poszczuje|poszczujemy) (?:\\S+ )?(?:psy|psa|psami)|(?:przyjdziemy|przyjedziemy|wpadniemy|zjedziemy) (?:\\S+ )?(?:wszyscy|cala wsia|cala ekipa|w kilku|gromada|w kupie)|(?:mu|jej|im|ci|wam) (?:\\S+ ){0,2}?(?:chlopakow|chlopaki|chlopcy|kolegow|koledzy|ludzi) (?:\\S+ )?(?:pomoze|pomoga|wytlumacza|wytlumaczy)|(?:odwiedze|odwiedzimy|odwiedzilbym|odwiedzilabym|odwiedzilibysmy|odwiedzil|odwiedzila|odwiedzili|wpadne|wpadniemy|przyjde|przyjdziemy|przyjedziemy|przyjade|zlozymy|zloze|zajrzymy|zajrze|zapukamy|zapukam) (?:\\S+ ){0,3}?(?:z (?:kolegami|chlopakami|kumplami|przyjaciolmi|ekipa|ziomkami|bracmi|synami|kolezkami|paczka|chlopami)|we (?:dwoch|trzech|czterech|pieciu)|w odwiedziny|(?:mala )?wizyte|nieproszeni|nieproszony)'
		])
	],
	[
		'poison',
		new Phrases([
			'trutk\\S*|trucizn\\S*|arszenik\\S*|glikol\\S*|strychnin\\S*|(?:kielbas|kielbask|mies|karm|smakolyk|kosc|kotlet|paszte|parowk)\\S* (?:\\S+ )?(?:z niespodzianka|z dodatkiem|z trutka|z czyms|doprawion\\S*|specjaln\\S*|nafaszerowan\\S*)',
			'odpowiedni\\S* srod\\S*|skuteczn\\S* srod\\S*|cos (?:\\S+ )?(?:zje|zjedza|polknie|polkna|dostanie|dostana)(?![a-z])'
		])
	]
];
// Cues that are about the person threatened: with one of them any second cue will do.
const personal = new Set<Cue>(['hurt', 'know', 'family', 'theirs', 'routine', 'away', 'arms', 'meet', 'visit']);
const conditionWords = set(
	'jak jesli jezeli gdy gdyby jakby kiedy niech sprobuj zanim bo albo inaczej skoro przekazcie przekaz powiedzcie powtorzcie'
);
const speaker = set(
	'mi mnie moj moja moje mojego mojej moich moim ja my nam nas nasz nasza nasze naszego naszej ci cie ciebie tobie twoj twoja twoje twojego twojej twoich wy was wam wasz wasza wasze mu jej jego go ja im ich panu pani pana panie panski panska panskie panskiego panskiej'
);
const targetWords = set(
	'twoj twoja twoje twojego twojej twoich twoim wasz wasza wasze waszego waszej waszych jego jej ich pana pani panski panska panskie panskiego panskiej niego niej nich ciebie tobie toba mu ci wam im go cie was'
);
const secondPerson = set(
	'ty ci cie ciebie tobie toba twoj twoja twoje twojego twojej twoich twoim wy was wam wami wasz wasza wasze waszego waszej waszych'
);
const secondPersonVerb = /^[a-z]{3,}(?:esz|isz|ysz|asz)$/;
const animalsOwned = set(
	'pies psa psu psem psie psy psow psami psom kundel kundla kundle kundli kot kota koty kotow kotem kocur kocura suka suke suki sunia sunie zwierzeta zwierzat konia konie krowy kury owce kozy pupil pupila pupile azor burek'
);
const poisonerVerbs = set(
	'nasypie nasypiemy wysypie wysypiemy rozsypie rozsypiemy wyloze wylozymy rzuce rzucimy podrzuce podrzucimy dosypie dosypiemy podam podamy dam damy zostawie zostawimy poloze polozymy przygotuje przygotujemy kupie kupimy dostanie dostana zje zjedza polknie'
);
const reportWords =
	/(?<![a-z])(?:na (?:krety|szczury|myszy|gryzonie|karaluchy|slimaki|mrowki)|z (?:kretami|szczurami|myszami|gryzoniami|karaluchami|slimakami|mrowkami)|ktos (?:\S+ )?(?:truje|wylozyl\S*|rozrzucil\S*|otrul\S*|podrzucil\S*|rozsypal\S*)|wylozono|rozrzucono|otruto|zglos\S*|policj\S*|uwaga|apel\S*|ostrzegam przed|pilnujcie|weterynarz\S*|schronisk\S*|sanepid\S*)(?![a-z])/;
const notThreatening =
	/(?<![a-z])(?:susz\S*|grad\S*|deszcz\S*|mroz\S*|przymroz\S*|powodz\S*|ulew\S*|szkodnik\S*|chorob\S*|chory|chora|nowotwor\S*|lekarz\S*|papieros\S*|diet\S*|pogod\S*|butach|buty|butow|kurtce|spodniach)(?![a-z])/;
const friendly =
	/(?<![a-z])(?:moja tez|moj tez|mozemy|moge (?:\S+ )?(?:podwozic|odbierac|odebrac|pomoc|podrzucic|zabrac|przywiezc|zawiezc)|podwozic|podwioze|podwieziemy|odbiore|pomoge|pomozemy|zapraszam\S*|polecam|gratul\S*|dziekuj\S*|brawo|sto lat|wszystkiego najlepszego|na grilla|na piwo|na kawe|z ciastem|na urodziny|na imieniny)(?![a-z])/;
// A weapon and a way of dealing with someone: "rozmawia się widłami", "wytłumaczyć sprawę pięściami", "bierzemy kije i idziemy wytłumaczyć".
const weapons = set(
	'widlami kijem kijami palka palkami siekiera siekierka lomem lomami bejsbolem bejsbolami sztacheta sztachetami piesciami piescia kastetem batem maczeta cepem lancuchem dragiem kije palki widly siekiery siekiere lomy bejsbole kastety maczety sztachety lancuchy'
);
const dealings =
	/^(?:rozmawia\S*|porozmawia\S*|pogada\S*|pogadam|pogadamy|gada|gadac|wytlumacz\S*|wyjasni\S*|przekona\S*|przywita\S*|powitamy|podziekuj\S*|pokaz\S*|goscinnosc\S*|ugosci\S*|naucz\S*|zalatwi\S*|odwiedz\S*|przyjd\S*|wpadn\S*|przegon\S*|pogon\S*|przepedz\S*|wyprosi\S*|uspokoi\S*|przemowi\S*)$/;
const callToArms = new Phrases([
	'(?:kto|ktory) ma (?:\\S+ )?(?:kij|kije|palke|palki|widly|siekiere|siekiery|lom|lomy|bejsbol|bejsbole|bron|strzelbe|noz|noze|kastet),? (?:niech|to|ten) (?:\\S+ )?(?:bierze|wezmie|zabiera|zabierze|przyniesie|przynosi|lapie)'
]);

const messages = {
	violence: (s: string) =>
		`Groźba przemocy („${s}”). Grożenie komuś krzywdą jest zakazane — wpis nie zostanie opublikowany, sprawdzi go moderator. Opisz spór lub problem bez gróźb; jeśli komuś grozi niebezpieczeństwo, dzwoń pod 112.`,
	call: (s: string) =>
		`Wezwanie do zrobienia komuś krzywdy („${s}”). Takie wpisy są zakazane — sprawdzi go moderator. Jeśli ktoś łamie prawo, zgłoś to policji (112) lub straży gminnej, zamiast namawiać innych do przemocy.`,
	veiled: (s: string) =>
		`Słowa, które brzmią jak groźba („${s}”). Zawoalowane groźby też są zakazane — napisz wprost, o jaką sprawę chodzi, bez sugerowania, że komuś może się coś stać.`
};

const pets = set('psa kota konia krowe psy koty kury owce kozy');
const possessives = set('twoj twoja twoje twojego twojej twoich wasz wasza wasze waszego jego jej ich pana pani');
const demonstrativeObjects = set('tego te ta tych tej');
const together = set('toba wami nim nia nimi');
const thirdPersonObjects = set('go ja jego niego nia ich nich mu jej im jemu niemu');
const roleDative = /(?:owi|emu)$/;

/** Threats: violent verbs aimed at someone (in the 1st person, conditional, as a call to others), threatening phrases, veiled threats. */
export function findThreats(src: Source, out: Findings): void {
	const { text, words, loose: folded } = src;
	const from = out.list.length;
	const n = words.length;
	const f = (i: number) => (i >= 0 && i < n ? words[i].f : '');
	let context: { withDiacritics: boolean; sportsText: boolean; wildAnimals: boolean } | undefined;
	// Checked only for a text with a violent verb in it.
	const about = () =>
		(context ??= {
			withDiacritics: diacritics.test(text),
			sportsText: sports.test(folded),
			wildAnimals: animals.test(folded)
		});

	// What the verb at v is aimed at, within its sentence: from `from` (3 words before by default) to 4 words after.
	const aimed = (v: number, targets: string, from = v - 6): [number, number] | undefined => {
		const { sportsText, wildAnimals } = about();
		// Five or six words back only within the clause ("to mu te drzwi z zawiasów wyrwę", not "do ciebie z wiertarką, to powiesimy").
		let lo = Math.max(0, from);
		if (lo < v - 4) for (let k = lo + 1; k <= v; k++) if (words[k].punct) lo = v - 4;
		const hi = Math.min(n - 1, v + 4);
		let first = -1;
		let last = -1;
		const found = { person: false, you: false, dat: false, body: false, prop: false, air: false, into: false };
		const inSentence = (k: number) => {
			for (let j = Math.min(k, v) + 1; j <= Math.max(k, v); j++) if (words[j].stop) return false;
			return true;
		};
		for (let k = lo; k <= hi; k++) {
			if (k === v || !inSentence(k)) continue;
			const w = words[k];
			const mark = (what: keyof typeof found, upTo = k) => {
				found[what] = true;
				if (first < 0 || k < first) first = k;
				if (upTo > last) last = upTo;
			};
			if (youAccusative.has(w.f) && (w.f !== 'pani' || k > v)) {
				mark('you');
				mark('person');
			} else if (
				personAccusative.has(w.f) &&
				(w.f !== 'ja' || w.raw === 'ją') &&
				!(thirdPersonObjects.has(w.f) && (sportsText || wildAnimals))
			)
				mark('person');
			else if (demonstrativeObjects.has(w.f) && k + 1 === v && k > 0 && words[k].punct) mark('person');
			else if (pets.has(w.f) && !wildAnimals) mark('person');
			else if (
				demonstrativeObjects.has(w.f) &&
				k + 1 < n &&
				k + 1 !== v &&
				!words[k + 1].punct &&
				!(sportsText || wildAnimals) &&
				(isPersonWord(words[k + 1]) || (w.f === 'tego' && /a$/.test(f(k + 1)) && !/[XB]/.test(targets)))
			)
				mark('person', k + 1);
			else if (isPersonWord(w) && !roleDative.test(w.f) && /(?:a|e|ego|ke|ie)$/.test(w.f) && !sportsText)
				mark('person');
			if (w.f === 'razem' && f(k + 1) === 'z' && together.has(f(k + 2))) mark('person', k + 2);
			if (
				(dative.has(w.f) && !(w.f === 'pani' && k < v) && !(thirdPersonObjects.has(w.f) && wildAnimals)) ||
				(isPersonWord(w) && roleDative.test(w.f))
			)
				mark('dat');
			if (bodyOrProperty.has(w.f)) {
				mark('body');
				if (possessives.has(f(k - 1))) mark('dat');
			}
			if (property.has(w.f)) mark('prop');
			if (w.f === 'powietrze' && f(k - 1) === 'w' && k > v) mark('air');
			if (w.f === 'do' || w.f === 'w' || w.f === 'z' || w.f === 'ze') {
				const target =
					demonstrativeObjects.has(f(k + 1)) ||
					f(k + 1) === 'to' ||
					f(k + 1) === 'ten' ||
					f(k + 1) === 'tyj' ||
					f(k + 1) === 'tym'
						? k + 2
						: k + 1;
				const capital = target < n && /^\p{Lu}/u.test(text.slice(words[target].start, words[target].start + 1));
				if (water.has(f(target)) || (w.f === 'do' && capital)) {
					found.into = true;
					if (target > last) last = target;
				}
			}
		}
		const ok =
			(targets.includes('P') && found.person) ||
			(targets.includes('Q') && found.you) ||
			(targets.includes('D') && found.dat) ||
			(targets.includes('B') && found.dat && found.body) ||
			(targets.includes('X') && found.prop) ||
			(targets.includes('W') && found.air) ||
			(targets.includes('R') && (found.you || found.person) && found.into) ||
			((f(v + 1) === 'zywcem' || f(v + 2) === 'zywcem') && (found.person || found.you));
		if (!ok || first < 0) return undefined;
		// Idioms with a person: "zabije cię śmiechem", "ta nuda mnie zabije".
		if (/^smiech|^nud/.test(f(v + 2)) || /^smiech|^nud/.test(f(v + 1))) return undefined;
		return [Math.min(first, v), Math.max(last, v)];
	};

	for (let v = 0; v < n; v++) {
		const form = verbs.get(words[v].f);
		if (!form) continue;
		const { kind, targets } = form;
		if (kind === 'p3') {
			// "okna mu powybijają", "spalą ci stodołę": the 3rd person aimed at you or your property
			const aim = targets.includes('B') ? 'QB' : 'Q';
			const span = aimed(v, aim, v - 1) ?? aimed(v, aim);
			if (span)
				out.add('threat.violence', 'threat', 'block', words[span[0]].start, words[span[1]].end, messages.violence);
			continue;
		}
		if (kind === 's1' || kind === 'p1' || kind === 'cond' || kind === 'imp') {
			// "zabije" may be the 3rd person ("mróz zabije rośliny"): 1st only with "ę", after "ja", or in a text typed without diacritics.
			let first = true;
			if (kind === 's1' && (f(v - 1) === 'mnie' || f(v - 2) === 'mnie' || f(v - 1) === 'nas')) continue;
			if (kind === 's1' && !words[v].raw.endsWith('ę') && about().withDiacritics && !words[v].raw.endsWith('m')) {
				first = false;
				for (let k = v - 1; k >= 0 && k >= v - 7 && !words[k + 1].stop; k--) if (words[k].f === 'ja') first = true;
			}
			const aim = first
				? targets
				: f(v + 1) === 'zywcem' || f(v + 2) === 'zywcem'
					? 'P'
					: targets.includes('B')
						? 'QB'
						: 'Q';
			const span = aimed(v, aim, v - 1) ?? aimed(v, aim);
			if (span)
				out.add(
					kind === 'imp' ? 'threat.call' : 'threat.violence',
					'threat',
					'block',
					words[span[0]].start,
					words[span[1]].end,
					kind === 'imp' ? messages.call : messages.violence
				);
			else if (
				first &&
				blows.has(words[v].f) &&
				(kind === 's1' || kind === 'p1') &&
				(v + 1 >= n || words[v + 1].punct || blowFollowers.has(f(v + 1)))
			)
				out.add('threat.violence', 'threat', 'block', words[v].start, words[v].end, messages.violence);
			continue;
		}
		if (kind === 'inf') {
			// "trzeba go spalić", "ktoś powinien temu sąsiadowi porządnie przyłożyć", "chętnie bym go udusił"
			for (let m = v - 1; m >= 0 && m >= v - 9 && !words[m + 1].stop; m--) {
				if (!callMarkers.has(words[m].f)) continue;
				const span = aimed(v, targets, m - 8);
				if (span)
					out.add(
						'threat.call',
						'threat',
						'block',
						words[Math.min(m, span[0])].start,
						words[Math.max(span[1], v)].end,
						messages.call
					);
				break;
			}
			continue;
		}
		// Past forms: "bym go zabił", "gdyby ktoś mu wybił szyby".
		for (let m = v - 1; m >= 0 && m >= v - 10 && !words[m + 1].stop; m--) {
			if (witnessWords.has(words[m].f)) break;
			const wish = wishMarkers.test(words[m].f) && (f(m + 1) === 'ktos' || f(m + 2) === 'ktos');
			if (!(conditionalMarkers.has(words[m].f) && m >= v - 6) && !wish) continue;
			const span = aimed(v, targets, wish ? m + 1 : Math.min(m - 3, v - 4));
			if (span)
				out.add(
					wish ? 'threat.call' : 'threat.violence',
					'threat',
					'block',
					words[Math.min(m, span[0])].start,
					words[span[1]].end,
					wish ? messages.call : messages.violence
				);
			break;
		}
	}

	out.addMatches(violencePhrases, src, 'threat.violence', 'threat', 'block', messages.violence);
	out.addMatches(veiledPhrases, src, 'threat.veiled', 'threat', 'block', messages.veiled);
	// "uważaj, jak wracasz" is a warning when its sentence speaks of the road, the weather, animals…
	for (const m of watchOut.matches(src)) {
		const from = Math.max(
			folded.lastIndexOf('.', m.index),
			folded.lastIndexOf('!', m.index),
			folded.lastIndexOf('?', m.index),
			folded.lastIndexOf('\n', m.index)
		);
		const ends = folded.slice(m.index).search(/[.!?\n]/);
		if (!hazards.test(folded.slice(from + 1, ends < 0 ? folded.length : m.index + ends)))
			out.add('threat.veiled', 'threat', 'block', m.index, m.index + m[0].length, messages.veiled);
	}
	findVeiled(src, out);
	findRetaliation(src, out);
	if (out.list.length > from) out.dropInside(from, reportedQuotes(text, folded));
}

// The word a text offset falls in.
function wordAt(words: Word[], offset: number): number {
	let lo = 0;
	let hi = words.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (words[mid].start <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Threats by their parts: consequences, pairs of cues, poisoning animals, weapons to deal with someone. */
function findVeiled(src: Source, out: Findings): void {
	const { words } = src;
	const n = words.length;
	const hits: { cue: Cue; start: number; end: number; a: number; b: number }[] = [];
	for (const [cue, phrases] of cuePhrases)
		for (const m of phrases.matches(src))
			hits.push({
				cue,
				start: m.index,
				end: m.index + m[0].length,
				a: wordAt(words, m.index),
				b: wordAt(words, m.index + m[0].length - 1)
			});
	const weaponAt: number[] = [];
	for (let i = 0; i < n; i++) if (weapons.has(words[i].f)) weaponAt.push(i);
	if (!hits.length && !weaponAt.length) return;
	const sentence: number[] = [];
	for (let i = 0, s = 0; i < n; i++) sentence.push(words[i].stop ? ++s : s);
	const f = (i: number) => (i >= 0 && i < n ? words[i].f : '');
	const sentenceText = (i: number) => {
		let a = i;
		let b = i;
		while (a > 0 && sentence[a - 1] === sentence[i]) a--;
		while (b < n - 1 && sentence[b + 1] === sentence[i]) b++;
		return src.loose.slice(words[a].start, words[b].end);
	};
	const inSentence = (i: number, test: (k: number) => boolean) => {
		for (let k = i; k >= 0 && sentence[k] === sentence[i]; k--) if (test(k)) return true;
		for (let k = i + 1; k < n && sentence[k] === sentence[i]; k++) if (test(k)) return true;
		return false;
	};
	const secondIn = (i: number) => inSentence(i, (k) => secondPerson.has(f(k)) || secondPersonVerb.test(f(k)));
	const targetNear = (a: number, b: number) => {
		for (let k = Math.max(0, a - 4); k <= Math.min(n - 1, b + 4); k++)
			if (
				sentence[k] === sentence[a] &&
				(targetWords.has(f(k)) || animalsOwned.has(f(k)) || (k < a && isPersonWord(words[k])))
			)
				return true;
		return false;
	};
	// A condition before the consequence in its sentence: "jak jeszcze raz…, to", "bo", "niech tylko".
	const conditioned = (a: number) => {
		for (let k = a - 1; k >= 0 && k >= a - 18 && sentence[k] === sentence[a]; k--)
			if (conditionWords.has(f(k)) || (f(k) === 'jeszcze' && /^(?:raz|roz|jedna|jeden|jedno)$/.test(f(k + 1))))
				return true;
		return false;
	};
	// Someone spoken to in the sentence or the one before: "ty", "wy", a verb in the 2nd person, "panie proboszczu".
	const addressed = (i: number) => {
		for (let k = i; k >= 0 && sentence[k] >= sentence[i] - 1; k--)
			if (
				secondPerson.has(f(k)) ||
				secondPersonVerb.test(f(k)) ||
				f(k) === 'panie' ||
				(isPersonWord(words[k]) && words[k].raw.endsWith('u') && words[k].punct)
			)
				return true;
		return false;
	};
	const report = (start: number, end: number, message: (s: string) => string, rule = 'threat.veiled') =>
		out.add(rule, 'threat', 'block', start, end, message);
	const isFriendly = friendly.test(src.loose);

	// A consequence said under a condition, of someone or of their things.
	for (const h of hits) {
		if (h.cue !== 'hurt' || notThreatening.test(sentenceText(h.a))) continue;
		const cond = conditioned(h.a);
		if (
			(cond && inSentence(h.a, (k) => speaker.has(f(k)) || secondPersonVerb.test(f(k)))) ||
			(targetNear(h.a, h.b) && (cond || secondIn(h.a)))
		)
			report(h.start, h.end, messages.violence, 'threat.violence');
	}
	// Two cues of different kinds close together.
	for (let i = 0; i < hits.length; i++)
		for (let j = 0; j < hits.length; j++) {
			const [x, y] = [hits[i], hits[j]];
			if (
				(x.cue === y.cue && x.cue !== 'know') ||
				x.start >= y.start ||
				x.end > y.start ||
				x.cue === 'poison' ||
				y.cue === 'poison'
			)
				continue;
			if (Math.abs(sentence[y.a] - sentence[x.b]) > 1 || y.a - x.b > 30) continue;
			const cues = new Set<Cue>([x.cue, y.cue]);
			if (cues.has('injured') || cues.has('precedent')) {
				if (!(cues.has('precedent') && (cues.has('injured') || cues.has('hurt')))) continue;
			} else if (cues.has('family') && cues.has('theirs')) continue;
			else if (
				cues.has('remind') &&
				!['routine', 'know', 'away', 'meet', 'arms', 'hurt'].some((c) => cues.has(c as Cue))
			)
				continue;
			else if (
				!personal.has(x.cue) &&
				!personal.has(y.cue) &&
				!(
					targetNear(x.a, x.b) ||
					targetNear(y.a, y.b) ||
					isPersonWord(words[x.a - 1]) ||
					isPersonWord(words[y.a - 1]) ||
					addressed(x.a)
				)
			)
				continue;
			if (isFriendly && !cues.has('hurt') && !cues.has('arms')) continue;
			// A consequence with only a "kto wie" or "ciekawe" beside it must be aimed at someone ("ciekawe, jak długo postoi ten most").
			const hurt = x.cue === 'hurt' ? x : y.cue === 'hurt' ? y : undefined;
			const other = hurt === x ? y : x;
			if (hurt && !personal.has(other.cue) && !targetNear(hurt.a, hurt.b)) continue;
			// "jedź inną drogą, bo remont", "lepiej nie przychodźcie, bo ślisko": the road, the weather.
			if ((cues.has('routine') || cues.has('away')) && hazards.test(sentenceText(x.a) + ' ' + sentenceText(y.a)))
				continue;
			if (y.end - x.start <= 200) report(x.start, y.end, messages.veiled);
			else report(personal.has(y.cue) ? y.start : x.start, personal.has(y.cue) ? y.end : x.end, messages.veiled);
		}
	// Poisoning someone's animals: a poison, a pet, someone who will do it or an animal that will eat it, not a warning about it.
	for (const h of hits) {
		if (h.cue !== 'poison') continue;
		const near = (test: (k: number) => boolean) => {
			for (let k = Math.max(0, h.a - 25); k <= Math.min(n - 1, h.b + 25); k++)
				if (Math.abs(sentence[k] - sentence[h.a]) <= 1 && test(k)) return true;
			return false;
		};
		const aimedAt =
			inSentence(h.a, (k) => poisonerVerbs.has(f(k))) &&
			inSentence(h.a, (k) => /^(?:mu|jej|im|ci|wam|go|ja|ich|cie|was|temu|tej)$/.test(f(k)));
		if (!aimedAt && !near((k) => animalsOwned.has(f(k)) || /^(?:szczek|ujad|miauk)/.test(f(k)))) continue;
		if (
			!inSentence(h.a, (k) => poisonerVerbs.has(f(k)) || targetWords.has(f(k)) || f(k) === 'sasiada') &&
			!hits.some((o) => o.cue === 'hurt' && Math.abs(sentence[o.a] - sentence[h.a]) <= 1)
		)
			continue;
		if (
			reportWords.test(sentenceText(h.a)) ||
			(h.a > 0 &&
				sentence[h.a] > 0 &&
				reportWords.test(sentenceText(words.findIndex((w, k) => sentence[k] === sentence[h.a] - 1))))
		)
			continue;
		report(h.start, h.end, messages.violence, 'threat.violence');
	}
	// "rozmawia się widłami", "wytłumaczyć mu sprawę pięściami": a weapon to deal with someone.
	for (const i of weaponAt) {
		for (let k = Math.max(0, i - 6); k <= Math.min(n - 1, i + 6); k++) {
			if (k === i || sentence[k] !== sentence[i] || !dealings.test(f(k))) continue;
			const [a, b] = [Math.min(i, k), Math.max(i, k)];
			let aimed = false;
			let howTo = false;
			for (let j = Math.max(0, a - 3); j <= b + 2 && j < n; j++) {
				if (
					targetWords.has(f(j)) ||
					/^(?:takimi|takich|temu|tym|tamtym|tamtemu|tych)$/.test(f(j)) ||
					isPersonWord(words[j])
				)
					aimed = true;
				if (j > a && j < b && f(j) === 'jak') howTo = true;
			}
			if (aimed && !howTo && !/nordic|trekking|spacer|marsz|kijk/.test(sentenceText(i))) {
				report(words[a].start, words[b].end, messages.violence, 'threat.violence');
				break;
			}
		}
	}
	for (const m of callToArms.matches(src)) report(m.index, m.index + m[0].length, messages.call, 'threat.call');
}

// Retaliation promised in one sentence: a condition or a time to come ("jak jeszcze raz", "następnym
// razem", "albo…, albo", "niech się nie zdziwi") and a means or a result of harm ("łomem", "po łbach",
// "na kawałki", "spłonie", "w Wiśle"). Either alone is everyday talk.
const retaliationWhen =
	/(?<![a-z])(?:jak (?:jeszcze raz|znowu|znow|ponownie|nie|tylko|sie dowiem|cie|go|ja|ich|kogos|ktorys)|jesli (?:jeszcze|znowu|nie)|jezeli (?:jeszcze|znowu|nie)|nastepnym razem|nastepny raz|jeszcze raz|jeszcze jeden|bo inaczej|albo [a-z]+,? albo|niech sie nie zdziwi|nie zdziw\S*|pozaluje|pozalujesz|zobaczysz|zobaczymy|to dopiero poczatek|do zobaczenia|obiecuje|zapamietaj|uwazaj|niedlugo|wkrotce|ktoregos|pewnej nocy|predzej czy pozniej)(?![a-z])/;
// A weapon alone ("kije do nordic walking") must be meant for someone: "ci", "twój", "pana".
const retaliationMeans =
	/(?<![a-z])(?:siekier\S*|lom(?:em|u)?|kij(?:em|ami|e|a)?|nozem|noz|widl\S*|kos(?:a|e)|lask(?:a|e)|mlotk\S*|kamien\S*|trutk\S*|kanister\S*|benzyn\S*|zapalk\S*|zapalniczk\S*|kulk\S*|strzelb\S*|dubeltowk\S*|wiatrowk\S*|maczet\S*|pala|pale|palka|linka|linke)(?![a-z])/;
const retaliationTarget =
	/(?<![a-z])(?:cie|ci|ciebie|tobie|twoj\S*|twoje\S*|wam|was|wasz\S*|mu|go|jej|ich|im|pan|pani|panu|panem|pania|sasiad\S*)(?![a-z])/;
const retaliationHarm =
	/(?<![a-z])(?:w zeby|zebow|zebach|zebami|po lbach|po lbie|w leb|morde|mordy|ryj\S*|w pysk|zebra|zebrami|kosci|na kawalki|w kawalkach|na kolach|na noszach|w gipsie|o kulach|rozwal(?:e|imy|i|a|ic|on\S*)|polam(?:ie|iemy|ia|ac|an\S*)|spal(?:e|imy|i|a|ic|on\S*)|pali sie|sie pali|podpal(?:e|imy|i|a|ic|on\S*)|splon(?:ie|a|iesz)|wybij(?:e|emy|a|ac)|wybit\S*|przebij(?:e|emy|a|ac)|przebit\S*|potne|poprzecina\S*|utne|przytnie|przetrace|rozszarp\S*|zagryz\S*|utopi\S*|plywac|w wisle|do stawu|do rzeki|pod kola|mielonk\S*|na zlom|zrobie ci|zrobimy ci|dostaniesz|dostaniecie|oberwiesz|lezysz|nie wstanie|nie wstaniesz|nie wyjdzie|krwi|do krwi)(?![a-z])/;

function findRetaliation(src: Source, out: Findings): void {
	if (!retaliationHarm.test(src.loose) && !retaliationMeans.test(src.loose)) return;
	for (const m of src.loose.matchAll(/[^.!?\n]+/g)) {
		const sentence = m[0];
		if (
			!retaliationWhen.test(sentence) ||
			notThreatening.test(sentence) ||
			reportWords.test(sentence) ||
			hazards.test(sentence)
		)
			continue;
		const harm =
			retaliationHarm.exec(sentence) ?? (retaliationTarget.test(sentence) ? retaliationMeans.exec(sentence) : null);
		if (harm)
			out.add(
				'threat.violence',
				'threat',
				'block',
				m.index + harm.index,
				m.index + harm.index + harm[0].length,
				messages.violence
			);
	}
}
