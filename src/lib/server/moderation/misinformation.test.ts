import { describe, expect, it } from 'vitest';
import { findMisinformation } from './misinformation';

const spans = (text: string) => findMisinformation(text).map((f) => text.slice(f.start, f.end));
const rules = (text: string) => [...new Set(findMisinformation(text).map((f) => f.rule))];
const passes = (texts: string[]) => {
	for (const text of texts) expect(findMisinformation(text), text).toEqual([]);
};

describe('health myths', () => {
	it('holds a myth-prone subject with a harmful predicate, in any form', () => {
		expect(spans('Nie szczepcie dzieci, szczepionki powodują autyzm!')).toContain('szczepionki powodują autyzm');
		expect(findMisinformation('chemtrails nad Wiskitkami')[0]).toMatchObject({
			category: 'misinformation',
			severity: 'hold'
		});
		for (const text of [
			'Szczepionki na grypę zawierają rtęć i niszczą odporność.',
			'Szczepionka zmienia DNA, to eksperyment na ludziach.',
			'Po szczepionkach mRNA ludzie masowo umierają na zawały, lekarze to ukrywają.',
			'Maszty 5G powodują raka i bezsenność, dlatego u nas tyle chorych.',
			'Ten nowy nadajnik przy szkole smaży dzieciom mózgi.',
			'Wi-fi w przedszkolu niszczy dzieciom układ nerwowy.',
			'Mammografia wywołuje raka piersi przez promieniowanie.',
			'Autyzm to skutek szczepień, każdy rodzic to widzi.',
			'Przez te szczepionki dzieci mają teraz autyzm i alergie.',
			'Szczepi0nki zabijają, obudźcie się ludzie!',
			'Covid to była ściema, żadnej pandemii nie było.',
			'Hashimoto to wymysł lekarzy, żeby sprzedawać hormony.',
			'Od kiedy mam licznik smart, mam migreny i bezsenność, to promieniowanie z niego.',
			'Dzieci nieszczepione nigdy nie chorują, a szczepione są słabsze.'
		]) {
			expect(rules(text), text).toContain('misinformation.health_myth');
		}
	});

	it('lets vaccination notices, experience, questions and corrections through', () => {
		passes([
			'Szczepienia przeciw grypie dla seniorów w ośrodku zdrowia.',
			'Szczepionka przeciw HPV chroni przed rakiem szyjki macicy – bezpłatne szczepienia w przychodni, udostępnijcie!',
			'Jako lekarz przypominam: szczepionki nie powodują autyzmu, to wielokrotnie sprawdzono.',
			'To mit, że szczepionki powodują autyzm – badania na milionach dzieci to wykluczyły.',
			'Czy to prawda, że maszty 5G szkodzą? Stawiają jeden przy szkole.',
			'Po szczepieniu syn miał gorączkę przez dwa dni, potem przeszło.',
			'U mnie po szczepieniu na covid był tylko ból ręki, nic więcej.',
			'Nowy nadajnik 5G stanął przy drodze do Żyrardowa, zasięg jest lepszy.',
			'Mammobus przy urzędzie w piątek, badanie bezpłatne dla kobiet 45–74.',
			'Na zebraniu mówiono o budowie masztu, mieszkańcy boją się promieniowania. Gmina zaprosi eksperta.',
			'Ktoś wie, czy smugi za samolotami to normalne? Dziś całe niebo w kratkę.'
		]);
	});
});

describe('miracle cures and advice against treatment', () => {
	it('holds a remedy that cures a serious disease, a certain cure, or advice to drop treatment', () => {
		for (const text of [
			'Witamina C w dużych dawkach leczy raka lepiej niż chemia.',
			'Soda oczyszczona z cytryną rozpuszcza guzy, onkolodzy o tym nie mówią.',
			'Iwermektyna leczy covid w trzy dni.',
			'Cukrzycę typu 2 cofniesz w miesiąc samym postem, insulina jest niepotrzebna.',
			'Olej CBD wyleczył mi raka trzustki bez żadnej chemii.',
			'Gorączki u dziecka nigdy nie zbijajcie, organizm sam wypali chorobę.',
			'Antybiotyki to biznes koncernów, na zapalenie płuc wystarczy czosnek.',
			'Odstawcie statyny, kurkuma czyści tętnice skuteczniej niż leki.',
			'Nie podawajcie dzieciom antybiotyków, one tylko pogarszają chorobę.',
			'Operacje są dla naiwnych, tętniak zniknął mu po węglu aktywowanym.'
		]) {
			expect(rules(text), text).toContain('misinformation.cure_myth');
		}
	});

	it('lets patients’ stories, home remedies for small ailments and doctors’ advice through', () => {
		passes([
			'Mój tata pokonał raka dzięki chemioterapii, badajcie się regularnie!',
			'Mój dziadek wierzył w ziołolecznictwo, ale raka wyleczyła mu dopiero operacja.',
			'Miód z cytryną pomaga na przeziębienie, sprawdzone u nas w domu.',
			'Nie podawajcie dzieciom antybiotyków bez konsultacji z lekarzem.',
			'Pediatra powiedziała, żeby gorączkę zbijać dopiero od 38,5 stopnia.',
			'Mój syn miał boreliozę, antybiotyk przez miesiąc i wyleczony, badajcie kleszcze.',
			'Na festynie stoisko KGW z nalewkami i miodem, zapraszamy!',
			'Guzik od płaszcza znaleziony przy szkole, leży w sekretariacie.'
		]);
	});
});

describe('fake alarms about public safety', () => {
	it('holds a severe hazard stated as fact, and an everyday one with urgency, hearsay or a cover-up', () => {
		expect(spans('Woda w kranach jest zatruta, ZGK to ukrywa')).toEqual(['Woda w kranach jest zatruta']);
		expect(findMisinformation('Woda w kranach jest zatruta, ZGK to ukrywa')[0].message).toContain(
			'„Woda w kranach jest zatruta”'
		);
		for (const text of [
			'UWAGA! Woda z wodociągu w Guzowie jest skażona, gmina to ukrywa. Udostępniajcie!',
			'Znajomy z sanepidu mówi, że w wodzie są bakterie coli, ale nikt wam tego nie powie.',
			'Pilne: w zakładach pod miastem był wyciek amoniaku, nie wypuszczajcie dzieci. Media milczą.',
			'Szwagier pracuje w elektrowni i mówi, że od grudnia będą wyłączenia prądu po 10 godzin dziennie. Kupujcie agregaty póki można.',
			'Od poniedziałku zamykają szkoły w całym powiecie, kolega mi powiedział. Przekażcie dalej!',
			'Dzieci porywa biały bus pod szkołami, policja wie, ale każe siedzieć cicho.',
			'Tama na zalewie zaraz pęknie, ludzie wyjeżdżajcie!',
			'Będzie ewakuacja całej gminy, mam info z pewnego źródła. Róbcie zapasy wody.',
			'Kolega z wojska mówi, że za tydzień ogłoszą mobilizację, wypłacajcie pieniądze z banków.',
			'Ktoś dosypał trucizny do studni w Sokulach, już trzy osoby w szpitalu!',
			'Podobno od przyszłego tygodnia benzyny nie będzie na żadnej stacji, tankujcie do pełna.',
			'W mleku z Lidla wykryli bakterie listerii, już są zgony, a sklep dalej sprzedaje. Udostępnijcie.'
		]) {
			expect(rules(text), text).toContain('misinformation.alarm');
		}
	});

	it('lets official warnings, questions, denials, scam warnings and eyewitness reports through', () => {
		passes([
			'Komunikat PSSE: woda z wodociągu w Guzowie nie nadaje się do picia, bakterie coli. Beczkowozy przy świetlicy.',
			'Woda w wodociągu Wiskitki jest przydatna do spożycia – wyniki badań sanepidu w BIP.',
			'Policja ostrzega: mężczyzna w białym busie zaczepiał dzieci przy szkole, sprawą zajmują się funkcjonariusze.',
			'Alert RCB: możliwe podtopienia, nie zbliżajcie się do rzeki.',
			'Czy to prawda, że woda w Guzowie jest skażona? Sąsiadka coś mówiła.',
			'Słyszał ktoś coś o wyłączeniach prądu w grudniu? Szwagier coś wspominał.',
			'To fake! Sanepid zdementował plotkę o skażonej wodzie, woda jest czysta.',
			'Proszę o usunięcie posta o ewakuacji, siostra pracuje w zakładzie, żadnego wycieku nie ma.',
			'Ostrzegam: przyszedł SMS, że odetną prąd, jeśli nie zapłacę przez link. To oszuści!',
			'Jutro nie będzie wody w Guzowie od 8 do 12, wymiana rur — pani z ZGK mówi, żeby nalać wcześniej.',
			'Wyciek gazu na Polnej, straż już jest na miejscu, omijajcie ulicę.',
			'Zgłosiłam na policję, że przy szkole kręci się jakiś bus bez tablic, uważajcie na dzieci.',
			'Pilne! Zaginął pies, czarny labrador, okolice stawu. Udostępnijcie proszę.',
			'Ćwiczenia ewakuacyjne w szkole w czwartek, proszę się nie niepokoić.',
			'Czy ktoś wie, czy po płukaniu sieci woda z kranu nadaje się do picia?'
		]);
	});
});

describe('surveillance myths', () => {
	it('holds a device or an office said to listen, film or track, in the sentence or the one after the device', () => {
		for (const text of [
			'Te nowe liczniki prądu nagrywają nasze rozmowy, montażysta się wygadał.',
			'Nowe wodomierze od ZGK? One mają podsłuch, kolega informatyk to sprawdził.',
			'W latarniach na rynku są kamery rozpoznające twarze, gmina dostała je od Chińczyków.',
			'Paczkomaty kopiują dane z telefonów, jak się przy nich stoi.',
			'Nowe kosze na odpady mają czujniki. Liczą, kto ile wyrzuca, a potem przyjdzie kara.'
		]) {
			expect(rules(text), text).toContain('misinformation.surveillance');
		}
	});

	it('lets ordinary talk about meters, cameras and sensors through', () => {
		passes([
			'Nowe lampy uliczne z czujnikami ruchu świecą jaśniej, kiedy ktoś idzie. Oszczędność prądu.',
			'Monitoring na rynku ma nowe kamery, nagrania udostępnia się tylko policji – regulamin w BIP.',
			'ZGK wymienia wodomierze na zdalne, odczyt bez wchodzenia do domu. Termin wymiany w piśmie.',
			'Czy nowe liczniki prądu mają jakieś kamery? Pytam, bo mama się boi.'
		]);
	});
});

describe('home treatment that harms', () => {
	it('holds a dangerous remedy, or skipping the doctor for something serious, said as advice', () => {
		for (const text of [
			'Kleszcza wystarczy posmarować masłem, sam wyjdzie po godzinie.',
			'Na oparzenie najlepsza jest pasta do zębów, żadnych maści z apteki.',
			'Przy udarze trzeba od razu nakłuć igłą opuszki palców, dopiero potem dzwonić po karetkę.',
			'Dziecku na przeziębienie łyżeczka spirytusu z miodem i rano zdrowe.',
			'Po upadku z roweru nie jedźcie na SOR, i tak nic nie zrobią, wystarczy zimny okład.',
			'Przy gorączce u niemowlaka wystarczy okład ze spirytusu, nie trzeba do lekarza.',
			'Jak boli ząb, wystarczy przyłożyć aspirynę na dziąsło, nie trzeba do dentysty.'
		]) {
			expect(rules(text), text).toContain('misinformation.first_aid');
		}
	});

	it('lets correct first aid, harmless home remedies and stories with a doctor through', () => {
		passes([
			'Kleszcza nie smarujcie masłem ani benzyną, tylko wyciągnijcie pęsetą i obserwujcie miejsce.',
			'Na oparzenie chłodna woda przez kilkanaście minut, nie smarować niczym tłustym – tak uczą na kursie pierwszej pomocy.',
			'Miód z cytryną pomaga na przeziębienie, u nas działa od lat.',
			'Z katarem nie idźcie na SOR, tylko do przychodni – SOR jest dla nagłych przypadków.',
			'Syn spadł z roweru, pojechaliśmy na SOR, zrobili prześwietlenie, na szczęście nic złamanego.'
		]);
	});
});

describe('fake official notices', () => {
	it('holds a new duty, ban or fine, or a lost payment, passed on without a source', () => {
		for (const text of [
			'Od stycznia każdy pies powyżej 15 kg musi mieć OC za 400 zł, a za brak mandat 1000 zł. Mama mi powiedziała, przekażcie dalej.',
			'Szwagierka z urzędu mówi, że od lipca trzeba będzie rejestrować studnie, inaczej grzywna 3000 zł.',
			'ZUS od czerwca przestaje wypłacać renty tym, którzy się nie zgłoszą osobiście. Nikt o tym nie informuje, powiedzcie dziadkom.',
			'Gmina po cichu wprowadza opłatę za każdy komin, 300 zł rocznie, kominiarze będą liczyć.',
			'Info z pewnego źródła: ZUS obetnie trzynastki wszystkim, którzy mają dom na wsi. Powiedzcie rodzicom.',
			'Od 1 marca rząd zabierze emerytury tym, którzy mają oszczędności, przekażcie rodzicom!',
			// Said calmly, with no marker at all: a new tax or ban "od przyszłego roku" needs its source.
			'Od przyszłego roku gmina wprowadza podatek od oczek wodnych, 80 zł od metra.',
			'Sprzedam kosiarkę, mało używana. Od marca zakaz koszenia trawy spalinowymi w niedziele, więc mi niepotrzebna.'
		]) {
			expect(rules(text), text).toContain('misinformation.notice');
		}
	});

	it('lets notices with a source, reminders and questions through', () => {
		passes([
			'Od 1 lipca rośnie opłata za śmieci do 38 zł od osoby – uchwała rady gminy jest w BIP.',
			'Przypominam, że za palenie śmieci w piecu grozi mandat do 5000 zł.',
			'Czy to prawda, że od lipca trzeba rejestrować studnie? Gdzie to sprawdzić?',
			'Też słyszałem, że od stycznia psy będą opodatkowane po 200 zł, dobrze że urząd to wyjaśnił.',
			'Wnioski o dodatek węglowy przyjmujemy do końca miesiąca, po terminie nie będzie można ich złożyć.',
			'Od poniedziałku zamknięty przejazd kolejowy w Guzowie, informacja z PKP PLK na stronie gminy.',
			'Czy od stycznia będzie zakaz palenia liści? Sąsiad mówi, że tak.',
			'Sprawdziłam na stronie ZUS: żadnego terminu na zmianę konta nie ma, to plotka.'
		]);
	});
});

describe('a named business with a tainted product', () => {
	it('holds a shop or a firm accused of selling something harmful, with a marker', () => {
		for (const text of [
			'W Żabce na Długiej sprzedają przeterminowane jogurty z przeklejonymi datami, kumpel tam robił.',
			'Nie kupujcie chleba w piekarni przy rynku, dodają polepszacze z plastiku. Znajomy tam pracuje.',
			'Na stacji przy obwodnicy sprzedają paliwo z wodą, ostrzegam, szwagrowi padł silnik.',
			'W stołówce szkolnej dają mięso z padliny, kucharka się wygadała.'
		]) {
			expect(rules(text), text).toContain('misinformation.product');
		}
	});

	it('lets offers, complaints by the buyer and official recalls through', () => {
		passes([
			'W Dino promocja na karkówkę, 14,99 zł za kilo. Polecam!',
			'Kupiłam w Lidlu zepsuty jogurt, zwróciłam i oddali pieniądze bez problemu.',
			'W sklepie rolniczym przy Polnej jest trutka na szczury w kostkach, skuteczna.',
			'W nocy ktoś wybił szybę w sklepie na rogu, rano właścicielka sprzątała szkło.',
			'GIS wycofuje partię jogurtów z Biedronki z listerią – komunikat na stronie GIS, numer partii w linku.',
			'Piekarnia przy rynku ma nowy chleb na zakwasie, warto spróbować.'
		]);
	});
});

describe('a hidden hand behind a local event', () => {
	it('holds an authority or a firm said to have done harm on purpose, with a cover-up or "no coincidence"', () => {
		for (const text of [
			'Pożar wysypiska to nie był przypadek, gmina podpaliła, bo nie miała pieniędzy na utylizację.',
			'Ten grad nie był naturalny. Samoloty z lotniska rozpylały coś, żeby chmury ominęły bazę.',
			'Remont zamku to przykrywka, gmina sprzedała po cichu złoża firmie z zagranicy.',
			'Dziwnym trafem deweloper zapłacił burmistrzowi i park idzie pod bloki.'
		]) {
			expect(rules(text), text).toContain('misinformation.conspiracy');
		}
	});

	it('lets reports of arson under investigation and plain opinions through', () => {
		passes([
			'Ktoś podpalił altanę na działkach, policja szuka sprawcy. Jeśli ktoś coś widział, dzwońcie na 112.',
			'Wycinka w parku: urząd wywiesił ekspertyzę dendrologiczną, trzy drzewa były spróchniałe.',
			'Moim zdaniem gmina źle zaplanowała remont, powinni zacząć od kanalizacji.'
		]);
	});
});

describe('fake alarms in other words', () => {
	it('finds hearsay however it is said, sharing in any form and cover-ups', () => {
		for (const text of [
			'Mój stary mówi, że w szpitalu jest gruźlica i zamknęli oddział.',
			'Info prosto z komendy: grasuje banda, która okrada starszych, a policja nie chce nagłaśniać.',
			'Siostra jest położną i mówi, że rodzi się dużo dzieci z wadami, bo pryskają pola. Nikt tego nie bada.',
			'CZYTAJCIE I PRZEKAZUJCIE: w Kłodawie epidemia odry.',
			'Wilki podchodzą pod szkołę, jeden zagryzł psa. Gmina nie ogłasza, bo turyści by nie przyjechali.',
			'W przedszkolu połowa dzieci ma owsiki, dyrektorka każe nie mówić rodzicom.'
		]) {
			expect(rules(text).length, text).toBeGreaterThan(0);
		}
	});

	it('does not take a vaccination, a memory, a rhetorical aside or everyday words for an alarm', () => {
		passes([
			'Szczepienie lisów przeciw wściekliźnie: nie dotykajcie przynęt rozrzuconych w lasach.',
			'Tata był w Solidarności, w stanie wojennym go internowali. Chętnie opowie o tym w szkole.',
			'Babcia opowiadała, że po wojnie brakowało mąki i chleba, a sąsiedzi sobie pomagali.',
			'Przypadek? Nie sądzę – znowu pada w sobotę, akurat gdy mamy festyn 😂',
			'W tym roku jury konkursu wieńców to same kobiety. Podobno pierwszy raz w historii gminy. Powodzenia!',
			'Jestem myśliwym i prawda jest taka, że odstrzał sanitarny przez ASF to obowiązek, nie zabawa.',
			'Pracuję w sanepidzie i nikt mi nie kazał niczego ukrywać: truskawki z targu były czyste, dziecko miało rotawirusa. Nie rozsyłajcie niesprawdzonych rzeczy.'
		]);
	});
});

// Written for round two, in voices unlike the corpus (an old man, teenagers, chain messages, official-sounding
// notices): every fake alarm held, no look-alike held.
const writtenAlarms = [
	'Panie i Panowie, ja to już swoje przeżyłem i powiem wprost: w tym nowym wodociągu w Borkach jest benzen, bo rury kładli z odzysku po rafinerii. Mój szwagier przy tym robił. Nikt wam tego nie powie, a starzy ludzie piją tę wodę.',
	'Za moich czasów jak była zaraza, to mówili uczciwie. A teraz? W Lipnie jest tyfus, dwie baby z mojej ulicy leżą w szpitalu, a w telewizji cicho jak makiem zasiał.',
	'Wnuczek mi mówi, że nie ma się czego bać, ale ja wiem swoje. Wilki zeszły z gór i podchodzą pod szkołę w Wierchomli, jeden porwał psa sąsiadowi. Gmina nie ogłasza, bo turyści by nie przyjechali. Dzieci same do szkoły nie puszczać.',
	'Ja stary chłop jestem i kłamać nie będę. Znajoma z weterynarii mówiła, że w gospodarstwie pod Radomskiem był wąglik u krów, a mięso poszło do skupu. Kupujcie mięso tylko od swoich.',
	'Proszę Państwa, syn kolegi pracuje w powiatowym sanepidzie i po cichu powiedział, że w Kłodawie jest ognisko gruźlicy w przychodni. Oficjalnie nic. Ja do lekarza teraz nie pójdę.',
	'Ostrzegam sąsiadów z Kolonii: jakaś szajka znaczy domy kredą, kółko i krzyżyk na furtce, to znaczy, że sama starsza osoba mieszka. U mnie już narysowali. Policja tego nie podaje.',
	'W zaufaniu powiem, bo mój zięć jest w straży: nad Zakładami Azotowymi wisi chmura chloru i jutro ma nad nas przyjść. Nie ogłaszają, żeby nie było paniki. Okna pozamykać.',
	'serio ziomki nie jedzcie w kebabie przy dworcu w grojcu, tam w miesie znalezli tasiemca, kumpela ktora tam robi mowi ze sanepid byl i nic 💀💀',
	'ej ludzie w naszej budzie (zs nr 2) jest swierzb i wszy, polowa klasy ma, dyra ukrywa bo by zamkneli szkole przed maturami',
	'nwm czy wiecie ale w galerii w tczewie porywaja dziewczyny z kibli, moja kuzynka mowi ze jej kolezanka ledwo uciekla, uwazajcie serio',
	'bro w automacie z napojami przy orliku ktos dosypuje jakies tabletki do puszek, dwoch gosci z 3c po tym odjechalo. nikt nic nie mowi',
	'mordo ostrzegajcie sie, w lidlu na kwiatowej sprzedaja lody z salmonella, moj stary mowi ze juz wiedza i nie wycofuja',
	'no elo, od przyszlego tyg ma byc kwarantanna w calym miescie bo w szpitalu jest jakis nowy wirus z lotniska, sprawdzone info od mamy kolegi co tam robi',
	'xD przypadek? nie sadze. od kiedy postawili ta spalarnie to wszyscy w bloku kaszlemy, tam pala plastiki i benzen leci prosto na osiedle',
	'PILNE!!! PRZEKAŻ WSZYSTKIM ZNAJOMYM!!! W Biedronkach w województwie łódzkim wycofano batony z trutką na szczury, ale sklepy dalej sprzedają. Nie dawajcie dzieciom! Kopiuj i wklej, nie udostępniaj.',
	'Informacja od znajomej policjantki: po osiedlach jeżdżą ludzie podający się za ankieterów, zaznaczają mieszkania starszych osób naklejkami. Jeśli macie naklejkę na drzwiach – zerwijcie! Roześlij do 10 osób.',
	'UWAGA RODZICE!!! W okolicy szkół krąży srebrny samochód, kierowca częstuje dzieci słodyczami i próbuje je zabrać. Już 3 próby porwania w tym tygodniu. Policja nie chce robić paniki. Prześlij dalej!!!',
	'Ważne od mojej kuzynki, która jest pielęgniarką: w szpitalu powiatowym w Sochaczewie jest zakażenie bakterią New Delhi, zamknięte dwa oddziały, ale oficjalnie nic nie mówią. Nie idźcie tam z dziećmi. Przekaż dalej.',
	'Ten post zaraz zniknie, więc czytaj szybko. Woda w Jeziorze Bialskim jest skażona sinicami i bakteriami z oczyszczalni, ludzie po kąpieli lądują w szpitalu. Urząd kazał ratownikom milczeć. Podaj dalej!',
	'Dostałam od koleżanki, przesyłam dalej: w paczkach z Chin przychodzi jakiś proszek, który wywołuje wysypkę i gorączkę, już są zarażeni w naszym powiecie. Nie otwierajcie przesyłek bez rękawiczek!!!',
	'⚠️⚠️ UWAGA ⚠️⚠️ Nad gminą Mszczonów w nocy przelatywały samoloty rozpylające coś białego. Rano ludzie mieli duszności. Wojewoda już wie, ale nie ogłasza. Zamykajcie okna na noc!',
	'Udostępnij zanim usuną!!! Ze szpitala w Rawie uciekł pacjent zakażony gruźlicą prątkującą, chodzi po mieście i kaszle na ludzi. Dyrekcja ukrywa.',
	'KOMUNIKAT DLA MIESZKAŃCÓW. W związku z wykryciem ogniska wścieklizny na terenie gminy od dnia 10 maja obowiązuje całkowity zakaz wyprowadzania psów poza posesję. Za naruszenie grozi kara 5000 zł. Informację proszę przekazać sąsiadom.',
	'Szanowni Mieszkańcy! Z dniem 1 lipca wprowadzony zostaje obowiązek rejestracji studni głębinowych, a za brak rejestracji nakładana będzie grzywna 3000 zł. Kontrole rozpoczną się bez zapowiedzi. Prosimy o udostępnienie.',
	'OGŁOSZENIE. Od 1 listopada zabrania się palenia w piecach węglowych w całej gminie. Kominiarze będą plombować piece, kara za złamanie zakazu 10 000 zł. Przekazać starszym osobom.',
	'Uprzejmie informuję, iż od przyszłego miesiąca za każde drzewo na posesji właściciel będzie zobowiązany uiścić opłatę klimatyczną w wysokości 200 zł. Przepisy weszły po cichu. Proszę o rozpowszechnienie informacji.',
	'Pilny komunikat: z powodu skażenia ujęcia benzenem woda w gminie Baranów nie nadaje się nawet do mycia. Władze ukrywają wyniki badań. Zróbcie zapasy wody butelkowanej.',
	'Niniejszym ostrzegam, że w lasach wokół Jedlni rozłożono trutkę na dziki, która zabija także psy, a dzieci mogą się zatruć przy zbieraniu jagód. Nadleśnictwo nie informuje, bo by nikt nie kupował drewna.',
	'Mój szwagier jest kierowcą w firmie przewozowej i mówi, że z Ukrainy przyjechały tiry z zakażonym zbożem, pleśń z toksynami, i to zboże poszło do młyna w Sieradzu. Chleb stamtąd truje. Już wiedzą, ale milczą.',
	'Uważajcie na dzieci! Pod Mławą widzieli wilki, cała wataha, podobno już zagryzły cielaka i idą w stronę wsi. Nikt wam tego nie powie, bo myśliwi mają zakaz.',
	'Mówią, że to grypa, bo każą mówić, że grypa. W naszym DPS-ie w Łasku umarło pięciu dziadków w tydzień na jakiegoś nowego wirusa, pielęgniarki dostały zakaz rozmawiania.',
	'Znajoma pracuje w mleczarni w Łowiczu i mówi, że mleko z ostatniej dostawy miało antybiotyki i pestycydy, ale i tak poszło do sklepów. Zobaczycie, za tydzień będzie afera.',
	'W przedszkolu na Słonecznej są pasożyty, owsiki i glisty u połowy dzieci, dyrektorka każe nie mówić rodzicom, żeby nie zamykać placówki. Ostrzegajcie się nawzajem.',
	'Nie wierzcie, że to ćwiczenia. Straż jeździ po Brzegu, bo z pociągu towarowego wyciekł jakiś gaz i pół miasta jest skażone. Oficjalnie nic.',
	'Z pierwszej ręki: ZUS od czerwca przestaje wypłacać renty rodzinne osobom, które nie zgłoszą się osobiście. Nikt o tym nie informuje. Powiedzcie babciom.',
	'Słuchajcie, w Kauflandzie w Kutnie sprzedają kurczaki z ptasią grypą, znajomy z hurtowni mówi, że przyszła cała partia z zakażonej fermy.',
	'Porywacze jeżdżą czarnym SUV-em po wsiach koło Opoczna i zaczepiają dzieci na przystankach. Sołtys wie, ale nie chce straszyć. Nie puszczajcie dzieci samych.',
	'Już wiedzą w urzędzie, że na wysypisku w Rudnej zakopano beczki z chemikaliami, woda w studniach we wsi jest do niczego, a nam mówią, że wszystko ok.',
	'Gmina po cichu wprowadza kary za koszenie trawy w niedzielę – 500 zł mandatu, straż miejska już spisuje. Ostrzegajcie sąsiadów!',
	'Dzieciaki w Zgierzu dostają w szkołach jakieś tabletki z jodem, podobno coś się stało w elektrowni atomowej na Ukrainie i rząd nie ogłasza, żeby nie było paniki.'
];
const writtenLookAlikes = [
	'Komunikat Sanepidu w Grójcu: w wodociągu Belsk Duży wykryto bakterie coli, woda nie nadaje się do picia bez przegotowania. Beczkowozy stoją przy szkole.',
	'Według komunikatu Powiatowego Lekarza Weterynarii w powiecie radomskim potwierdzono ognisko ptasiej grypy, obowiązuje zakaz wystawiania drobiu na wybiegi.',
	'Widziałam przed chwilą wilka przy drodze do Wierchomli, zadzwoniłam na 112 i do nadleśnictwa. Jak będziecie szli z psami, uważajcie.',
	'Czy ktoś wie, czy to prawda, że w przedszkolu na Słonecznej są owsiki? Córka mówi, że pani coś wspominała.',
	'Krąży plotka, że w Lidlu sprzedają lody z salmonellą. Zadzwoniłam do sanepidu – nic takiego nie stwierdzono. Nie rozsyłajcie tego dalej.',
	'Dziadek pyta, czy to prawda, że od lipca trzeba rejestrować studnie. Gdzie to można sprawdzić?',
	'Ostrzegam przed oszustami: ktoś dzwoni do starszych osób i podaje się za pracownika gazowni, mówi o wycieku i prosi o wpuszczenie do domu. Moja mama zgłosiła to na policję.',
	'Rano czuć było chemiczny zapach od strony zakładów, zadzwoniłem na straż pożarną. Strażacy przyjechali, zrobili pomiary i mówią, że to z oczyszczalni, nic groźnego.',
	'Ratownicy z kąpieliska przy Jeziorze Bialskim zawiesili kąpiel z powodu sinic – tak podał sanepid na swojej stronie. Kąpiel w strefie zamkniętej grozi wysypką.',
	'Mój wnuk ma w klasie wszy, szkoła wysłała list do rodziców z prośbą o sprawdzenie głów. Nic strasznego, ale sprawdźcie dzieci.',
	'Od 1 lipca rośnie opłata za śmieci do 38 zł od osoby – uchwała rady gminy jest w BIP, można przeczytać.',
	'Urząd Gminy informuje: od 15 maja trwa obowiązkowe szczepienie psów przeciw wściekliźnie, punkty szczepień w sołectwach według harmonogramu.',
	'Ojej, czytałam dziś o tej trutce na szczury w batonach – to był fejk sprzed kilku lat, GIS to zdementował. Spokojnie.',
	'Szwagier pracuje w wodociągach i mówi, że w czwartek będą płukać sieć, więc woda może być mętna. Na stronie ZGK też o tym piszą.',
	'Mój tata pracuje w szpitalu i mówi, że na oddziale jest dużo grypy, więc odwiedziny są ograniczone. Tak też jest w komunikacie na stronie szpitala.',
	'Byłem dziś w lesie pod Jedlnią, wiszą tabliczki nadleśnictwa, że wyłożono szczepionkę dla lisów. Psów nie puszczać luzem, tak napisali.',
	'Kuzynka mówi, że w Kutnie w Kauflandzie kurczak był nieświeży, ale sklep oddał pieniądze bez problemu.',
	'Widziałem samoloty nad Mszczonowem, lecą nisko. Ktoś wie, czy to ćwiczenia wojskowe? Na stronie jednostki nic nie ma.',
	'W poniedziałek będzie wyłączenie prądu w Borkach od 8 do 15, planowane prace Energi. Pamiętajcie o lodówkach.',
	'Wieczorem pożar w hali na Przemysłowej, było dużo dymu. Straż prosiła przez megafon o zamknięcie okien, teraz już jest po wszystkim.',
	'Dzieci, nie jedzcie nieznanych grzybów! Mój dziadek się kiedyś zatruł muchomorem, ledwo go odratowali. Grzyby dajcie do sprawdzenia w sanepidzie.',
	'Pani z sekretariatu pyta, czy ktoś widział czarne SUV-y koło szkoły, bo jedna mama się niepokoiła. Policja mówi, że nic nie zgłaszano.',
	'Przypadek? Nie sądzę – znowu w sobotę pada deszcz, akurat gdy mamy festyn 😂 Ale przenosimy wszystko pod namiot, zapraszamy!',
	'Uważajcie na drodze do Opoczna, po wczorajszym deszczu jest dziura na dziurze, zgłosiłem do zarządu dróg.',
	'Sołtys przekazał, że w przyszłym tygodniu ZGK będzie odczytywać wodomierze, proszę udostępnić dostęp do studzienek.',
	'Nie wierzcie w te łańcuszki o porywaczach w srebrnym aucie, policja w Mławie wydała komunikat, że żadnych takich zgłoszeń nie ma.',
	'KPP Łask informuje: w sobotę zatrzymano dwóch mężczyzn, którzy okradali domy, podając się za pracowników wodociągów. Nie wpuszczajcie obcych do domu.',
	'Mam pytanie do znajomych rolników: czy wąglik u krów to coś, co jeszcze się u nas zdarza? Czytałem książkę o historii weterynarii i mnie zaciekawiło.',
	'Zobaczycie, w tym roku nasz LKS awansuje do okręgówki! Trzymajcie kciuki w niedzielę.',
	'Już wiedzą w GOK-u, kto zagra na dożynkach – ogłoszą w piątek, będzie niespodzianka!',
	'Po cichu przygotowujemy niespodziankę dla pani Krysi na 40 lat pracy w bibliotece, nie mówcie jej nic :)',
	'Szkoła Podstawowa nr 2 informuje, że z powodu ospy w klasie 2a rodzice proszeni są o obserwację dzieci. Zalecenia sanepidu w załączniku.',
	'W aptece na rogu mówią, że brakuje syropów dla dzieci na gorączkę, bo hurtownie nie dowożą. Ktoś wie, gdzie jeszcze są?',
	'Moja babcia zawsze mówiła, że po burzy woda w studni jest mętna. U nas dziś też taka, oddaliśmy próbkę do badania w sanepidzie.',
	'Uwaga! W lesie za stawami widziałam dzika z młodymi, trzymajcie psy na smyczy. Zgłosiłam do koła łowieckiego.',
	'Czytałam, że benzen jest w spalinach i w dymie z pieców, w których pali się śmieci – dlatego nie palcie plastiku, apeluje też urząd w swojej kampanii.',
	'Prawda jest taka, że bez nowej kanalizacji w Miedniewicach ścieki będą dalej trafiać do rowów. Dobrze, że gmina dostała dotację.',
	'Nikt wam tego nie powie lepiej niż pani Ania z apteki: na kleszcze najlepsza jest pęseta i wizyta u lekarza, jak pojawi się rumień.',
	'Mama kolegi pracuje w sanepidzie i mówi, że sinice w zalewie są co roku, trzeba po prostu patrzeć na komunikaty i się nie kąpać, jak jest zakaz.',
	'Straż Miejska przypomina: za palenie śmieci w piecu grozi mandat do 5000 zł. Zgłoszenia przyjmujemy pod numerem 986.'
];

describe('forty fake alarms and forty look-alikes written for round two', () => {
	it('holds every fake alarm', () => {
		expect(writtenAlarms).toHaveLength(40);
		expect(writtenAlarms.filter((t) => findMisinformation(t).length === 0)).toEqual([]);
	});

	it('holds none of the look-alikes', () => {
		expect(writtenLookAlikes).toHaveLength(40);
		passes(writtenLookAlikes);
	});

	it('finds the same with every gate open: no gate lacks a stem its pattern needs', () => {
		const found = (text: string, ungated: boolean) =>
			findMisinformation(text, undefined, ungated).map((f) => `${f.rule} ${f.start}-${f.end}`);
		for (const text of [...writtenAlarms, ...writtenLookAlikes])
			expect(found(text, false), text).toEqual(found(text, true));
	});
});
