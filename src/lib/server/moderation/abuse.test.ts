import { describe, expect, it } from 'vitest';
import { findAbuse } from './abuse';
import { Phrases, reportedQuotes, sourceOf, unmask, wordsOf } from './abuse-text';
import { foldKeepingOffsets } from './politics';

const hits = (text: string) => findAbuse(text).map((f) => [f.rule, text.slice(f.start, f.end), f.severity]);
const categories = (text: string) => [...new Set(findAbuse(text).map((f) => f.category))];
const rules = (text: string) => [...new Set(findAbuse(text).map((f) => f.rule))];

/** Each text is expected to give exactly these categories (none for an ordinary text). */
function expectCategories(texts: string[], want: string[]) {
	for (const text of texts) expect(categories(text), text).toEqual(want);
}

describe('the words the rules read', () => {
	const words = (text: string) => wordsOf(text, foldKeepingOffsets(text));

	it('folds, reads leetspeak and stretched letters, keeps spans and sentence breaks', () => {
		const text = 'Ty 1diota!!! Zabiję cię, ŁAJZOOOO.';
		expect(words(text).map((w) => [w.f, text.slice(w.start, w.end), w.stop, w.punct])).toEqual([
			['ty', 'Ty', false, false],
			['idiota', '1diota', false, false],
			['zabije', 'Zabiję', true, true],
			['cie', 'cię', false, false],
			['lajzo', 'ŁAJZOOOO', false, true]
		]);
		expect(words('Zabiję')[0].raw).toBe('zabiję');
		// Numbers with a unit stay numbers: "6b" is a class, not "gb".
		expect(words('klasa 6b i 15kg')[1].f).toBe('6b');
	});

	it('joins letters spelled apart into one word', () => {
		const text = 'c y g a n i e do roboty';
		expect(words(text).map((w) => w.f)).toEqual(['cyganie', 'do', 'roboty']);
		expect(words('a i w z').map((w) => w.f)).toEqual(['a', 'i', 'w', 'z']);
	});

	it('reads a masked word only when enough of it shows', () => {
		expect(unmask('d*bil', ['debil', 'idiota'])).toBe('debil');
		expect(unmask('idi*ta', ['debil', 'idiota'])).toBe('idiota');
		expect(unmask('k***a', ['kanalia', 'kmiota'])).toBeUndefined();
	});

	it('tries a phrase only near a word it must contain, finding what a full scan finds', () => {
		const phrases = new Phrases(['(?:ty|wy) (?:\\S+ )?zero', 'nie (?:wiesz|wiecie),? z kim zadzierasz']);
		const run = (text: string) => phrases.matches(sourceOf(text, foldKeepingOffsets(text))).map((m) => m[0]);
		expect(run('A ty, stare zero, siedź cicho.')).toEqual(['ty, stare zero']);
		expect(run('Nie wiesz, z kim zadzierasz.')).toEqual(['nie wiesz, z kim zadzierasz']);
		expect(run('Zero punktów dla nas, a ty wiesz czemu?')).toEqual([]);
	});
});

describe('threats', () => {
	it('finds a violent verb aimed at someone, in any person, tense and spelling', () => {
		expect(hits('Jak cię spotkam, to zabiję cię gnoju')).toEqual([['threat.violence', 'zabiję cię', 'block']]);
		expect(hits('Spalę mu chatę, zobaczycie')).toEqual([['threat.violence', 'Spalę mu chatę', 'block']]);
		expect(hits('Udusiłbym tego radnego gołymi rękami.')).toEqual([
			['threat.violence', 'Udusiłbym tego radnego', 'block']
		]);
		expectCategories(
			[
				'Pobijemy cię, jak tylko wyjdziesz z domu.',
				'zabije cie jak cie zobacze',
				'Połamię ci nogi, zobaczysz.',
				'Przebiję ci wszystkie opony, to się nauczysz parkować.',
				'Wybiję wam szyby w oknach, jak nie ściszycie muzyki.',
				'Otruję ci psa, skoro nie umiesz go pilnować.',
				'ja tego psa sąsiada otruje w tym tygodniu',
				'Wrzucimy go do rzeki razem z tym jego rowerem.',
				'Wysadzę w powietrze tę waszą spalarnię.',
				'to bym tego pedofila sam zatłukł siekierą',
				'Jak go złapię, to mu nogi z dupy powyrywam.',
				'Spokojnie, okna ci powybijają i tyle.',
				'Zakopię go żywcem, przysięgam.'
			],
			['threat']
		);
	});

	it('finds threatening phrases in the 2nd and 3rd person', () => {
		expectCategories(
			[
				'Wójt dostaniesz kulkę',
				'Pożałujesz tego wpisu, obiecuję.',
				'Zapłacisz mi za to.',
				'Już nie żyjesz, kolego.',
				'Będziesz zbierał zęby z chodnika.',
				'Nie waż się tu więcej pokazywać, bo wyjdziesz stąd na noszach.',
				'Zrobię z ciebie mielonkę.',
				'Rodzona matka cię nie pozna.',
				'Dla takich jedyna rada to siekierą w łeb.',
				'Skończysz w rowie jak poprzedni sołtys.',
				'To ty będziesz następny.',
				'Jeszcze się policzymy, panie radny.',
				'Zobaczysz, co ci zrobię.'
			],
			['threat']
		);
	});

	it('finds calls on others to hurt someone', () => {
		expect(rules('Trzeba go powiesić na latarni.')).toContain('threat.call');
		expectCategories(
			[
				'Ktoś powinien temu sąsiadowi porządnie przyłożyć.',
				'Niech ktoś wreszcie mu przyłoży, bo słowa nie działają.',
				'Zróbcie z nim porządek, chłopaki.',
				'Tego strażaka trzeba by wrzucić do beczki z wodą.',
				'Gdyby ktoś temu komendantowi przebił opony, nikt by nie płakał.',
				'Spalcie mu tę stodołę.'
			],
			['threat']
		);
	});

	it('finds veiled threats', () => {
		expect(hits('wiem gdzie mieszkasz kolego')).toEqual([['threat.veiled', 'wiem gdzie mieszkasz', 'block']]);
		expectCategories(
			[
				'Uważaj, jak będziesz wracał wieczorem przez park.',
				'Różne rzeczy się zdarzają ludziom, którzy za dużo piszą.',
				'Szkoda by było, gdyby ten nowy sklep poszedł z dymem.',
				'Ciekawe, czy twoje dzieci bezpiecznie wrócą ze szkoły.',
				'Nie radzę ci wracać do tej wsi.',
				'Przyjdziemy do ciebie z kijami, jak nie oddasz pieniędzy.',
				'Odwiedzimy cię w nocy, zobaczysz.',
				'Radni niech pilnują swoich stodół.',
				'Pan burmistrz na pana miejscu kupiłbym gaśnicę do domu.',
				'Pamiętaj, że twoja żona codziennie chodzi sama przez las.',
				'Mam twój adres, czekaj na wizytę.',
				'Spotkamy się w ciemnej uliczce.'
			],
			['threat']
		);
	});

	it('leaves idioms, news, chores and friendly plans alone', () => {
		expectCategories(
			[
				'Zabiję czas w kolejce czytaniem książki.',
				'Spalę dziś liście w ogrodzie, przepraszam za dym.',
				'Rozwaliłem kolano na rowerze, ale już jest lepiej.',
				'Zabiłbym za kawałek sernika pani Krysi.',
				'Mecz to była masakra, przegraliśmy 0:5.',
				'Pożar stodoły w Sokulach – strażacy gasili do rana.',
				'Policja zatrzymała mężczyznę, który podpalił samochód.',
				'Ten mróz zabije wszystkie kwiaty w ogródkach.',
				'Zabije te pralke, czwarty raz wylała wodę 🙄',
				'Trzeba spalić gałęzie po wycince, ale tylko za zgodą gminy.',
				'Trzeba go wymienić, bo piec jest stary.',
				'Wściekły lis w Guzowie – trzeba go odstrzelić, zgłoszono do koła łowieckiego.',
				'Pobijemy ich w niedzielę na boisku, LKS górą!',
				'Przyłożę rękę do tego projektu, chętnie pomogę.',
				'Załatwię ci bilety na koncert, dam ci znać.',
				'Ja ci dam przepis na sernik.',
				'Zróbmy porządek z tym bałaganem po festynie.',
				'Pochowam dziś mojego starego psa w ogrodzie.',
				'Uduszę mięso z cebulą na obiad.',
				'Przyjdziemy całą ekipą posprzątać las w sobotę.',
				'Odwiedzimy was w sobotę z ciastem!',
				'Zapraszamy, nie pożałujesz!',
				'Zapłacisz za to 20 zł przy wejściu.',
				'Uważaj, jak wracasz wieczorem, bo na Polnej nie świeci lampa.',
				'Różne rzeczy się zdarzają, najważniejsze, że nikomu nic się nie stało.',
				'Wiem, gdzie mieszka właściciel tego psa, zadzwonię do niego.',
				'Szkoda by było, gdyby festyn się nie odbył przez deszcz.',
				'Ciekawe, czy dzieci pojadą na wycieczkę do Krakowa.',
				'Niech ktoś z gminy wreszcie zaleje tę dziurę asfaltem.',
				'Kierowcy niech uważają na dzieci przy szkole.'
			],
			[]
		);
	});
});

describe('hate speech', () => {
	it('finds slurs, but not the ordinary words they resemble', () => {
		expect(hits('Wynocha stąd, ty pedale')).toEqual([['hate.slur', 'ty pedale', 'block']]);
		expectCategories(
			[
				'Czarnuchy wszędzie, nie da się żyć.',
				'Ci żydkowie znowu kombinują.',
				'Nie kupujcie u skośnookich.',
				'Te (((oni))) znowu rządzą.'
			],
			['hate']
		);
		expectCategories(
			[
				'Pedały w rowerze trzeba dokręcić, a ciotka przyniesie ciasto.',
				'Murzynek z kiermaszu był pyszny.',
				'Rocznica rzezi wołyńskiej: pamiętamy o ofiarach banderowców.'
			],
			[]
		);
	});

	it('finds a group named with a generalised vice', () => {
		expect(hits('Wszyscy Ukraińcy to złodzieje.')).toEqual([['hate.generalising', 'Ukraińcy to złodzieje', 'block']]);
		expectCategories(
			[
				'Każdy Cygan kradnie, taka ich natura.',
				'Romowie są brudni i leniwi.',
				'Białorusini to naród pijaków.',
				'Murzyni są leniwi, mają to w genach.',
				'Żydom nie wolno ufać, zawsze oszukają.',
				'Ukraińcy zabierają nam pracę i mieszkania.',
				'muzułmańscy chłopcy to potencjalni gwałciciele',
				'Gruziński kierowca jechał jak wariat, oni wszyscy tacy, dzikusy z gór.',
				'ruski to ruski, nic się nie zmieni',
				'Nie jestem rasistą, ale Wietnamczycy w naszym bloku to problem.',
				'Ż y d = kombinator, w każdym pokoleniu to samo',
				'Wszystkie baby to plotkary, takie już są.'
			],
			['hate']
		);
	});

	it('finds calls to throw a group out, keep it away or apart', () => {
		expect(hits('Ukraińcy wypad z naszej wsi!')).toEqual([['hate.exclusion', 'Ukraińcy wypad', 'block']]);
		expectCategories(
			[
				'Cyganie powinni mieć zakaz wstępu do sklepów.',
				'Nie wynajmujcie mieszkań Ukraińcom.',
				'Ukraińców i Gruzinów nie zatrudniam.',
				'Te imigranty trzeba deportować, wszystkich.',
				'Ukraińcy niech wracają do siebie, nikt ich tu nie chce.',
				'Uchodźcy wynocha, Polska dla Polaków!',
				'Romów wywalić z osiedla.',
				'Dzieci z rodzin romskich powinny się uczyć w osobnym oddziale.',
				'Niepełnosprawni nie powinni chodzić do normalnych szkół.',
				'Kobiety do garów, a nie do polityki.',
				'pedały niech się obnoszą u siebie w Warszawie'
			],
			['hate']
		);
	});

	it('finds dehumanising words about a group', () => {
		expect(hits('Ukraińcy to szczury')).toEqual([['hate.dehumanising', 'Ukraińcy to szczury', 'block']]);
		expect(hits('Cyganie i tak do gazu')).toEqual([['hate.exclusion', 'Cyganie i tak do gazu', 'block']]);
		expectCategories(
			[
				'Cygańska hołota znowu kradła na targu.',
				'Ta żydowska zaraza wszędzie się wciska.',
				'Arabowie rozmnażają się jak króliki.',
				'Romowie to nie ludzie, tylko zwierzęta.',
				'Tych z lasu przy granicy to nie ludzie, tylko dzicz.',
				'Homoseksualizm to choroba, leczyć albo izolować.'
			],
			['hate']
		);
	});

	it('lets neutral and friendly mentions of groups, history and pests through', () => {
		expectCategories(
			[
				'Nasi sąsiedzi z Ukrainy pomogli przy zbiórce.',
				'Historia Żydów w Kałuszynie – wykład w bibliotece.',
				'Muzułmanie z Kruszynian zapraszają na dzień otwarty meczetu.',
				'Uchodźcy potrzebują pomocy – zbiórka ubrań w świetlicy.',
				'Ukraińcy z naszej gminy zorganizowali zbiórkę dla schroniska.',
				'Ukraińcy to pracowici ludzie, dobrze się z nimi współpracuje.',
				'Nie wszyscy Ukraińcy to złodzieje, przestańcie uogólniać.',
				'W 1942 roku Niemcy zamknęli Żydów w getcie – wystawa w muzeum.',
				'Uchodźcy wracają do domów, bo wojna się skończyła.',
				'Zakaz wjazdu dla ciężarówek na ulicy Szkolnej.',
				'Nie wpuszczajcie obcych do klatki schodowej.',
				'Szczury w piwnicy bloku – prosimy administrację o deratyzację.',
				'Mamy w gminie nową plagę – komary z Afryki.',
				'Rosyjska inwazja na Ukrainę zmusiła wiele rodzin do ucieczki.',
				'Kobiety w ciąży mają pierwszeństwo w kolejce.',
				'Dzieci z autyzmem potrzebują wsparcia – zbiórka na terapię.',
				'Pan, który nazwał mnie w sklepie „brudasem” i kazał wracać do Indii – zgłosiłem to na policję.'
			],
			[]
		);
	});
});

describe('insults', () => {
	it('finds abusive words wherever they stand, also masked', () => {
		expect(hits('Radny to kretyn i idiota')).toEqual([
			['insult.word', 'kretyn', 'hold'],
			['insult.word', 'idiota', 'hold']
		]);
		expect(hits('Ty d*bilu, czytaj regulamin')).toEqual([['insult.word', 'd*bilu', 'hold']]);
		expectCategories(['Nie bądź frajerem, sprawdź ofertę przed podpisaniem.', 'k***a, znowu pada'], []);
	});

	it('finds ordinary words used as a label for someone', () => {
		expect(hits('Ty baranie, naucz się czytać.')).toEqual([['insult.label', 'Ty baranie', 'hold']]);
		expect(hits('Złodzieju, oddaj rower!')).toEqual([['insult.label', 'Złodzieju', 'hold']]);
		expect(hits('Wójt to zwykły złodziej i kłamca.')).toEqual([
			['insult.label', 'złodziej', 'hold'],
			['insult.label', 'kłamca', 'hold']
		]);
		expectCategories(
			[
				'Pijaku jeden, znowu leżysz pod sklepem.',
				'Pani przewodnicząca to zwykła krowa.',
				'Ten ksiądz to pazerny dziad.',
				'Jesteś pan zwykłym oszustem.',
				'Ale z ciebie baran, człowieku.',
				'Nauczycielka od matmy to głupia baba.',
				'Sąsiad spod piątki to obleśny typ.',
				'Spójrz w lustro, grubasie.',
				'Nie słuchajcie tego pajaca z rady.',
				'Pajac, nie samorządowiec.',
				'Mam pytanie do proboszcza. Zwykły fanatyk i despota, który dzieci nie lubi.',
				'Kasia, jesteś tak fałszywa, że szkoda gadać.',
				'Ta kobieta to leniwa, bezczelna flądra.',
				'Nieudolny, bezczelny i leniwy, tak zapamiętamy naszego radnego.',
				'Przewodniczący z manierami wieprza i charakterem hieny.'
			],
			['insult']
		);
	});

	it('finds insulting phrases', () => {
		expect(hits('Idź się leczyć, człowieku.')).toEqual([['insult.phrase', 'Idź się leczyć', 'hold']]);
		expectCategories(
			[
				'Jesteś nikim, zerem.',
				'Głupi jak but ten nasz sołtys.',
				'Mózg jak orzeszek, a się wypowiada.',
				'Ma więcej brzucha niż rozumu.',
				'gdzie ty masz ten mózg?'
			],
			['insult']
		);
	});

	it('leaves offenders in a report, animals, things, praise and reported words alone', () => {
		expectCategories(
			[
				'Złodziej ukradł rower spod sklepu, policja prosi o kontakt świadków.',
				'Bezczelny złodziej ukradł kosiarkę z posesji.',
				'Oszuści dzwonią do seniorów, podając się za wnuczka.',
				'Moja sąsiadka straciła oszczędności przez fałszywego policjanta.',
				'Zgubiła się krowa, czarno-biała, w okolicach Guzowa.',
				'Sprzedam barana, 2 lata, cena do uzgodnienia.',
				'Na festynie będzie przejażdżka na ośle dla dzieci.',
				'Baranie żeberka w promocji w sklepie mięsnym.',
				'Kot sąsiada to straszny leń, cały dzień śpi.',
				'Bałwan na konkursie wyszedł największy w gminie!',
				'Babie lato w parku – zapraszamy na spacer.',
				'Ten pomysł jest głupi, ale może zadziała.',
				'Wójt nie jest złodziejem, sprawdziłem dokumenty.',
				'Nasz sołtys to złota rączka, wszystko naprawi.',
				'Czy trucizna na szczury ze sklepu rolniczego jest bezpieczna przy kocie?',
				'Ktoś napisał do mnie „ty idioto” – adminie, czy to zgodne z regulaminem?',
				'Nazwałem pana dyrektora nierobem, co było niepotrzebne. Przepraszam.',
				'Wiesiek, ty baranie (z miłością), znowu zostawiłeś wędki u mnie 😂',
				'jaki ty jesteś wredny Marek haha, ale i tak cię lubię, stary'
			],
			[]
		);
	});
});

describe('the phrase index', () => {
	const run = (phrases: Phrases, text: string) =>
		phrases.matches(sourceOf(text, foldKeepingOffsets(text))).map((m) => m[0]);

	it('tries a pattern only at words that begin with its key, not at every word sharing three letters', () => {
		const phrases = new Phrases(['(?:przyloze|przywale) (?:ci|mu)', 'jak (?:\\S+ ){0,2}?przylozysz']);
		expect(run(phrases, 'Przez to przyłożę ci, zobaczysz.')).toEqual(['przyloze ci']);
		expect(run(phrases, 'Przez chwilę przy sklepie, przyjdź.')).toEqual([]);
		expect(run(phrases, 'Jak mu jeszcze przyłożysz, to koniec.')).toEqual(['jak mu jeszcze przylozysz']);
	});

	it('reads a comma with no space after it as a space', () => {
		const phrases = new Phrases(['pod reke,? jak malzenstwo']);
		expect(run(phrases, 'Chodzą pod rękę,jak małżeństwo.')).toEqual(['pod reke jak malzenstwo']);
	});

	it('tells reported quotations from the author’s own words', () => {
		const quoted = (text: string) => reportedQuotes(text, foldKeepingOffsets(text)).map(([s, e]) => text.slice(s, e));
		expect(quoted('Dostałam SMS „pożałujesz” od nieznanego numeru.')).toEqual(['„pożałujesz”']);
		expect(quoted('W serialu gangster mówi "wiem, gdzie mieszkasz" i robi się strasznie.')).toEqual([
			'"wiem, gdzie mieszkasz"'
		]);
		expect(quoted('Dla mnie to „złoty człowiek”, polecam.')).toEqual([]);
	});
});

describe('threats said by their consequences and cues', () => {
	it('finds a consequence under a condition, or said of someone and their things', () => {
		expectCategories(
			[
				'Panie sołtysie, jak pan jeszcze raz przestawi mi miedzę, to z tej pańskiej stodoły nie będzie czego zbierać.',
				'ziomek serio, jeszcze raz mi tak napiszesz to dlugo nie pochodzisz na te swoje treningi',
				'Jak się dowiem, kto mi podpalił śmietnik, to ten ktoś długo nie pożyje.',
				'Za tydzień nie będzie czego ratować z tego twojego warsztatu, obiecuję.',
				'Jeśli ta koparka jeszcze raz rozjedzie mi rów, to pańska koparka więcej nie odpali.',
				'Jeszcze raz zobaczę tego psa na moim podwórku i będzie po nim, sąsiedzie.',
				'Sołtysie, jak dalej będziesz kręcił z funduszami, to ktoś ci te pieniądze wsadzi do gardła.',
				'Kto jeszcze raz wyrzuci gruz na moją łąkę, dostanie go z powrotem, ale przez okno.',
				'Jak mi jesce roz wlezies na pole, to cie tak sprom, ze cie rodzono mama nie pozno.',
				'Zrobię wam z życia piekło, całej waszej rodzinie.'
			],
			['threat']
		);
	});

	it('finds the idioms of a threat in their variants', () => {
		expectCategories(
			[
				'Za tę wycinkę zapłacisz, Kowalski, i to nie w złotówkach.',
				'Za każde drzewo z mojej działki zapłacisz jednym zębem.',
				'No to ja ci jeszcze pokażę, gdzie twoje miejsce, poczekaj tylko do soboty.',
				'Kierowniczka z opieki niech się lepiej modli, żebym jej nie spotkał po godzinach.',
				'Ostatni, co mi tak pyskował w barze, do dziś chodzi o lasce.',
				'Zapamiętajcie: kto podniesie rękę na mojego syna, ten już jej drugi raz nie podniesie.',
				'Wywieziemy cię do lasu i sam już stamtąd nie wrócisz.',
				'Za to, co zrobiłeś mojej matce, będziesz wąchał kwiatki od spodu.',
				'Radzę ci dobrze, zamknij się, bo ci ją zamknę na zawsze.',
				'Weterynarz, co spartaczył operację, niech lepiej wyjedzie z gminy, póki jeszcze może chodzić.',
				'Żaden immunitet nie chroni przed kamieniem w szybę.',
				'Chłopie, masz dwa dni na zwrot kasy, potem koledzy porozmawiają z tobą inaczej.'
			],
			['threat']
		);
	});

	it('finds a veiled threat made of two cues: knowing, family, routine, keeping away, arms, chance, damage, a warning', () => {
		expectCategories(
			[
				'Ładne masz dzieci, Marek. Chodzą codziennie tą samą drogą do szkoły, prawda?',
				'Twoja córka ładnie wygląda w czerwonym płaszczyku, jak wraca sama z przystanku.',
				'Wiem, w którym bloku mieszka ta pani z księgowości, i wiem, o której kończy zmianę.',
				'Nie wiem, kim jesteś, ale wiem, gdzie twoja mała co rano czeka na autobus.',
				'Szkoda by było tych pięknych tui przy pańskim płocie, jakby je ktoś tak potraktował Randapem.',
				'Na twoim miejscu nie parkowałbym już pod sklepem, opony są drogie.',
				'Radzę pani przemyśleć tę eksmisję, bo różnie w życiu bywa, a drewniany dom szybko się pali.',
				'Ja w wojsku byłem i strzelać umiem, więc niech ten leśniczy lepiej nie przychodzi na moją działkę.',
				'Hejterze, IP to nie problem, a potem znajdę twój adres i przyjadę w odwiedziny.',
				'Spotkamy się jeszcze, panie inspektorze, i wtedy nie będzie świadków.',
				'Komornik niech tylko spróbuje wejść na moje podwórko, psy są głodne i spuszczone z łańcucha.',
				'Spokojnie, panie proboszczu, cierpliwość się kończy, a plebania drewniana.',
				'Pamiętaj, że ja tu zostaję, a ty musisz codziennie jeździć przez las.'
			],
			['threat']
		);
	});

	it('finds threats to animals and calls to come with a weapon', () => {
		expectCategories(
			[
				'Jak ten jego kundel jeszcze raz narobi mi na trawnik, to dostanie kiełbaskę z niespodzianką.',
				'Nasypię trutki przy płocie, zobaczymy, ile te psy sąsiada jeszcze pobiegają.',
				'Rzucę mu trutkę przez płot i problem szczekania sam się rozwiąże.',
				'Kto zatruł mi staw, niech wie, że jego psy też coś zjedzą.',
				'Chłopaki, kto chętny, żeby temu komornikowi wytłumaczyć sprawę pięściami?',
				'Z takimi jak ten przedstawiciel firmy rozmawia się widłami.',
				'Bierzemy kije i idziemy wytłumaczyć tym z Zalesia, czyje jest boisko.',
				'Trzeba mu pokazać, że z nami się nie zadziera, kto ma kij, niech bierze.'
			],
			['threat']
		);
	});

	it('leaves the same words alone in ordinary talk', () => {
		expectCategories(
			[
				'Długo nie pochodzisz w tych butach po błocie, kup gumiaki.',
				'Jak będziesz tak jadł, to długo nie pożyjesz, mówię ci jako lekarz.',
				'Ten samochód długo nie pojeździ, silnik już stuka.',
				'Ciekawe, jak długo jeszcze postoi ten stary młyn, bo się sypie.',
				'Policzymy się z rachunkami po zebraniu, skarbnik przyniesie zestawienie.',
				'Policzymy się po zbiórce, każdy dołoży tyle, ile może.',
				'Już ja ci pokażę, jak się robi dobry bigos, wpadnij w niedzielę.',
				'Niech się modli, kto chce, kościół jest otwarty do 20.',
				'Rolnik niech się lepiej modli o deszcz, bo susza straszna.',
				'Wiem, gdzie pracuje pani, która zgubiła portfel, oddałem go do sklepu.',
				'Wiem, gdzie mieszka pani Basia, zaniosę jej zakupy.',
				'Wiem, o której wraca autobus z Radomia, mogę odebrać dzieci z przystanku.',
				'Pamiętaj, że twoja córka ma jutro szczepienie o 10.',
				'Twoja córka codziennie wraca sama z przystanku? Mogę ją podwozić.',
				'Opony są drogie, więc na twoim miejscu kupiłbym używane.',
				'Na twoim miejscu zadzwoniłabym do gminy w sprawie tej dziury.',
				'Mam nadzieję, że macie dobre ubezpieczenie domu, bo w tym roku burze szaleją.',
				'Różne rzeczy się dzieją na tym świecie, ale dziś mamy dobrą wiadomość.',
				'Kto ruszy moje grabie, ten niech odda, bo nie mam czym grabić.',
				'Kto tknie mój rower, ten będzie miał problem z policją, bo mam kamerę.',
				'Jeszcze się spotkamy na dożynkach, dziękuję wszystkim!',
				'Spotkamy się w sobotę na festynie, przyjdźcie z dziećmi!',
				'Odwiedzimy was z kolegami z koła wędkarskiego, przyniesiemy ryby.',
				'Przyjdę do ciebie jutro z wiertarką, to powiesimy te półki.',
				'Poczekaj, aż się ściemni, to zobaczysz fajerwerki nad stawem!',
				'Dopóki możesz chodzić, ruszaj się, mówi nasz rehabilitant.',
				'Uwaga, ktoś truje psy na Polnej! Wyłożono kiełbasę z trutką, zgłaszajcie na policję.',
				'Nasz kundel coś zjadł na spacerze, czy to może być trutka?',
				'Dziadek pokazał nam, jak rąbać drewno siekierą.',
				'Kto ma wolną przyczepę, niech da znać, potrzebujemy przewieźć ławki.',
				'Niech pan pilnuje swoich dokumentów, bo oszuści dzwonią i podają się za urzędników.',
				'Plebania drewniana ma już sto lat i potrzebuje remontu dachu.',
				'Ten serial jest mocny, w trzecim odcinku gangster mówi „wiem, gdzie mieszkasz”.',
				'Dostałam SMS „pożałujesz” od nieznanego numeru, czy to oszuści?',
				'Spaliłam obiad, bo zagadałam się z sąsiadką przez płot, mąż mnie chyba zamorduje 😂'
			],
			[]
		);
	});
});

describe('hate speech: more groups and frames', () => {
	it('knows more groups, also named by a phrase', () => {
		expectCategories(
			[
				'Feministki to sfrustrowane baby, szkoda na nie czasu.',
				'Rumuni pod marketem żebrzą, a potem jeżdżą mercedesami, wszyscy to oszuści.',
				'Ateiści to ludzie bez sumienia, nie zdziwcie się, jak was okradną.',
				'Świadkowie Jehowy to sekta oszustów.',
				'Bezdomni to śmiecie, które trzeba wywieźć za miasto.',
				'Osoby trans to dewianci, nie powinno ich być w przestrzeni publicznej.',
				'Ci z domu dziecka to przyszli bandyci, lepiej ich omijać.',
				'Pasożyty zza Buga, niech płacą za nasze leczenie.',
				'Nie muszę widzieć nagrania, wiem, że to ci w kolorowych spódnicach, cała ta ich nacja tak żyje.',
				'Dwóch facetów trzymało się za ręce na festynie, takich trzeba leczyć, a nie pokazywać dzieciom.',
				'Czarny ksiądz ma nas uczyć wiary? Śmiech na sali, niech wraca do buszu.'
			],
			['hate']
		);
	});

	it('finds collective blame, disclaimers, rhetorical questions and jokes about a group', () => {
		expectCategories(
			[
				'Znowu ci z bloków socjalnych zrobili burdel na placu zabaw, oni tak mają.',
				'Wiadomo kto kradnie rowery na dworcu, wszyscy wiemy jakiej narodowości.',
				'Gmina chce wprowadzić rodziny romskie. Żegnajcie spokój, bo wiadomo, jak jest tam, gdzie oni się osiedlą.',
				'Nie jestem homofobem, ale geje nie powinni adoptować dzieci.',
				'Czy ktoś widział kiedyś uczciwego Cygana? Bo ja przez 70 lat ani jednego.',
				'Wiecie, po czym poznać, że Cygan był w ogrodzie? Nie ma ogrodu.',
				'Najgorsze są wycieczki izraelskie, ta nacja jest roszczeniowa z natury.',
				'Gruzini przyjechali i od razu bójki. Taki naród, tam się nożem rozmawia.',
				'Od kiedy zamieszkali tu Czeczeni, nikt nie wychodzi wieczorem, dzicy ludzie z gór.',
				'Każda baba za kierownicą to nieszczęście na drodze.',
				'Arabowie w pizzerii na rogu? Tylko patrzeć, jak się coś wysadzi.'
			],
			['hate']
		);
	});

	it('leaves neutral, friendly and ordinary uses of the same words alone', () => {
		expectCategories(
			[
				'Znowu Romowie grają na festynie, super muzyka!',
				'Ukraińcy znowu wygrali turniej szachowy, gratulacje!',
				'Wiadomo, kto wygrał konkurs na najpiękniejszą wieś – Guzów!',
				'Jakiej narodowości jest nowy lekarz? Mama lepiej mówi po rosyjsku.',
				'Nie mam nic do powiedzenia, ale Ukraińcy dobrze gotują barszcz.',
				'Ta nacja ma piękną kulturę, byłam w Gruzji i polecam.',
				'Ta rasa psów jest agresywna, trzeba uważać przy dzieciach.',
				'Bezdomne koty to plaga na osiedlu, prosimy o sterylizację.',
				'Bezdomny pies błąka się po Polnej, kto go przygarnie?',
				'Czy ktoś widział kiedyś tak pracowitych ludzi jak nasi Ukraińcy z sadu? Brawo!',
				'Dwie panie z KGW trzymały się za ręce, tańcząc poloneza.',
				'Feministki z naszego koła zorganizowały zbiórkę dla potrzebujących.',
				'Osoby bezdomne mogą przyjść po ciepły posiłek do noclegowni.',
				'Świadkowie zdarzenia proszeni są o kontakt z policją.',
				'Wietnamczycy z baru na rogu dewastują konkurencję cenami, pho za 15 zł!',
				'Zarazę zza wschodniej granicy zatrzymały szczepienia, pisze sanepid.',
				'Katolicy z naszej parafii nie mogą głosować na tę listę, to grzech – mówi proboszcz.',
				'Dzieci z domu dziecka przyjechały na festyn, świetnie się bawiły.',
				'Wolę świnię pieczoną niż indyka na święta, kto ma przepis?'
			],
			[]
		);
	});
});

describe('retaliation, idioms of menace, mock threats and reports to the moderators', () => {
	it('blocks retaliation promised with a means of harm, and idioms of menace', () => {
		expectCategories(
			[
				'Jeszcze raz zastawisz mi bramę, a wyjdziesz do auta z przebitymi oponami… a auto będzie rozwalone łomem.',
				'Następnym razem jak przejdziesz przez moje pole, to widłami cię pogonię.',
				'Niech pan nie kusi losu, panie sołtysie.',
				'Na twoim miejscu nie spałbym tak spokojnie po tym, co napisałeś.',
				'Wiatrówka naładowana, czekam na tego twojego kota przy płocie.',
				'Policz sobie kury dziś wieczorem, jutro może być ich mniej.'
			],
			['threat']
		);
	});

	it('lets through the same words without a menace: advice, tools, hazards, friends joking', () => {
		expectCategories(
			[
				'Jak jeszcze raz będę malował płot, to kupię lepszy pędzel, ten się rozwalił.',
				'Następnym razem weźcie kije do nordic walking, trasa jest długa.',
				'Uważaj na kamienie na drodze do Guzowa, po burzy pełno ich na asfalcie.',
				'Marta, zabiję cię jak zjesz ostatni kawałek sernika 😂 a przepis poproszę!',
				'Tomek, uduszę cię 🤣 miałeś przynieść węgiel do grilla',
				'haha trzeba było tego kierowcę ubić… kotletem schabowym 😂',
				'Kochani, jak was złapie lumbago, nie leżcie tydzień w łóżku.',
				'Z kretami najlepiej wiatraczki. Trucizny nie polecam, bo truciznę zje pies sąsiada.'
			],
			[]
		);
		// A joke stops being one with a weapon or a house in it.
		expect(categories('Haha 😂 zabiję cię, wiem gdzie stoi twój dom')).toEqual(['threat']);
	});

	it('does not hold a report to the moderators of what someone else wrote, nor slurs quoted in it', () => {
		expectCategories(['Do adminów: ktoś pisze, że Ukraińcy to „robactwo”. Proszę to usunąć i zablokować autora.'], []);
		expectCategories(
			['pod postem jakiś pan wypisuje, że Romowie to złodzieje. Proszę usunąć ten komentarz, moderatorze.'],
			[]
		);
		expectCategories(['Romowie to złodzieje, wszyscy jak jeden.'], ['hate']);
	});

	it('knows regional and misspelled slurs', () => {
		expectCategories(['czarnuhy na osiedlu znowu hałasują', 'żółtki przejmują wszystkie sklepy'], ['hate']);
		expectCategories(['Na śniadanie dwa żółtka i kromka chleba', 'Jo je hanys z dziada pradziada, a żona gorolka'], []);
	});
});

describe('insults: softened forms, more words, labels in apposition', () => {
	it('holds vocatives with a softened consonant and less common names for a person', () => {
		expectCategories(
			[
				'ty stary zgredzie, idź spać',
				'Ty flejo, najpierw posprzątaj podwórko',
				'Sołtys to zwykła miernota',
				'Ksiądz wikary to maminsynek'
			],
			['insult']
		);
	});

	it('holds a label set beside someone just named, not beside an animal or a thing', () => {
		expectCategories(
			[
				'W urzędzie pani w okienku, ta stara zgryźliwa małpa, nic nie wiedziała.',
				'Przy kasie pani Gienia, skamielina z epoki kamienia, znowu się pomyliła.'
			],
			['insult']
		);
		expectCategories(
			[
				'Mój sąsiad, ten stary kocur, zawsze pomaga przy sianie.',
				'Kotek sierota szuka domu, jest odrobaczony.',
				'Pani z Zalesia, krowa mleczna rasy HF na sprzedaż.'
			],
			[]
		);
	});
});

describe('more idioms of menace', () => {
	it('holds "gdybym był tobą, nie wychodziłbym", "dla własnego zdrowia", "kto ma więcej do stracenia", payment "nie złotówkami"', () => {
		expectCategories(
			[
				'Gdybym był tobą, nie wychodziłbym wieczorem z psem w stronę lasu.',
				'Niech pan Włodek nie przychodzi w tym roku na dożynki. Naprawdę, dla własnego zdrowia.',
				'Ja mam czas. Ty masz dom, auto, dzieci. Pomyśl, kto ma więcej do stracenia.',
				'Zapłacisz mi za tego psa, i nie myśl, że złotówkami.'
			],
			['threat']
		);
		expectCategories(
			[
				'Gdybym była tobą, to bym kupiła ten dom, okazja.',
				'Dla własnego zdrowia warto się zaszczepić przed sezonem.',
				'Gdybym był panem, nie kupowałbym tego auta, ma przebite progi.'
			],
			[]
		);
	});
});

describe('wishes of harm and a call for an address', () => {
	it('holds a wish that something crush or run over someone, and "give me the address, I will settle it"', () => {
		expectCategories(
			[
				'oby mu się ta kosiarka kiedyś po nogach przejechała',
				'Żeby ci się ten dom nad stawem zawalił na głowę, wójcie',
				'Dajcie adres, sam mu wyrównam rachunki'
			],
			['threat']
		);
		expectCategories(
			[
				'Żeby ci się wszystko udało, kochana!',
				'Oby mu się noga nie powinęła na egzaminie',
				'Dajcie adres, wyślę mu kartkę z życzeniami'
			],
			[]
		);
	});
});
