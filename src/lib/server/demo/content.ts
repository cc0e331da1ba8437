// Demo content: the Wiskitki group and its neighbours, in realistic Polish.

export const villages = [
	'Guzów',
	'Miedniewice',
	'Jesionka',
	'Nowe Kozłowice',
	'Podokępie',
	'Sokule',
	'Franciszków',
	'Cyganka',
	'Wola Miedniewska',
	'Hipolitów'
];
export const months = [
	'styczeń',
	'luty',
	'marzec',
	'kwiecień',
	'maj',
	'czerwiec',
	'lipiec',
	'sierpień',
	'wrzesień',
	'październik',
	'listopad',
	'grudzień'
];

export const femaleNames = [
	'Anna',
	'Maria',
	'Katarzyna',
	'Małgorzata',
	'Agnieszka',
	'Barbara',
	'Ewa',
	'Krystyna',
	'Elżbieta',
	'Zofia',
	'Joanna',
	'Magdalena',
	'Monika',
	'Beata',
	'Dorota',
	'Aleksandra',
	'Natalia',
	'Karolina',
	'Justyna',
	'Iwona',
	'Halina',
	'Grażyna',
	'Paulina',
	'Marta',
	'Weronika',
	'Julia',
	'Danuta',
	'Renata',
	'Sylwia',
	'Urszula'
];
export const maleNames = [
	'Jan',
	'Piotr',
	'Krzysztof',
	'Andrzej',
	'Tomasz',
	'Paweł',
	'Michał',
	'Marcin',
	'Stanisław',
	'Jakub',
	'Adam',
	'Marek',
	'Łukasz',
	'Grzegorz',
	'Mateusz',
	'Wojciech',
	'Mariusz',
	'Dariusz',
	'Zbigniew',
	'Jerzy',
	'Tadeusz',
	'Rafał',
	'Kamil',
	'Robert',
	'Sławomir',
	'Józef',
	'Ryszard',
	'Kazimierz',
	'Bartosz',
	'Dawid'
];
// [masculine, feminine]
export const surnames: [string, string][] = [
	['Nowak', 'Nowak'],
	['Kowalski', 'Kowalska'],
	['Wiśniewski', 'Wiśniewska'],
	['Wójcik', 'Wójcik'],
	['Kowalczyk', 'Kowalczyk'],
	['Kamiński', 'Kamińska'],
	['Lewandowski', 'Lewandowska'],
	['Zieliński', 'Zielińska'],
	['Szymański', 'Szymańska'],
	['Woźniak', 'Woźniak'],
	['Dąbrowski', 'Dąbrowska'],
	['Kozłowski', 'Kozłowska'],
	['Jankowski', 'Jankowska'],
	['Mazur', 'Mazur'],
	['Kwiatkowski', 'Kwiatkowska'],
	['Krawczyk', 'Krawczyk'],
	['Piotrowski', 'Piotrowska'],
	['Grabowski', 'Grabowska'],
	['Nowakowski', 'Nowakowska'],
	['Pawłowski', 'Pawłowska'],
	['Michalski', 'Michalska'],
	['Nowicki', 'Nowicka'],
	['Adamczyk', 'Adamczyk'],
	['Dudek', 'Dudek'],
	['Zając', 'Zając'],
	['Wieczorek', 'Wieczorek'],
	['Jabłoński', 'Jabłońska'],
	['Król', 'Król'],
	['Majewski', 'Majewska'],
	['Olszewski', 'Olszewska'],
	['Jaworski', 'Jaworska'],
	['Wróbel', 'Wróbel'],
	['Malinowski', 'Malinowska'],
	['Pawlak', 'Pawlak'],
	['Witkowski', 'Witkowska'],
	['Walczak', 'Walczak'],
	['Stępień', 'Stępień'],
	['Górski', 'Górska'],
	['Rutkowski', 'Rutkowska'],
	['Michalak', 'Michalak'],
	['Sikora', 'Sikora'],
	['Ostrowski', 'Ostrowska']
];

export interface DemoUnit {
	slug: string;
	name: string;
	type: string;
	description: string;
	posts: { category: string; body: string; event?: { place: string; hours: number } }[];
}

export const wiskitkiUnits: DemoUnit[] = [
	{
		slug: 'urzad',
		name: 'Urząd Miasta i Gminy Wiskitki',
		type: 'office',
		description: 'Oficjalne komunikaty urzędu.',
		posts: [
			{
				category: 'official',
				body: 'Informujemy, że w piątek {date} Urząd Miasta i Gminy Wiskitki będzie nieczynny. Sprawy z zakresu rejestracji zgonów prowadzi dyżurny pracownik USC.'
			},
			{
				category: 'official',
				body: 'Zapraszamy na sesję Rady Miejskiej w Wiskitkach, która odbędzie się {date} o godz. 16:00 w sali konferencyjnej urzędu. Porządek obrad i transmisja online w BIP gminy.',
				event: { place: 'Sala konferencyjna UMiG, pl. Best-Eriksena 3, Wiskitki', hours: 3 }
			},
			{
				category: 'municipal',
				body: 'Harmonogram odbioru odpadów na miesiąc {month} jest już dostępny w urzędzie i na stronie gminy.\n\nPrzypominamy: papier – niebieski, szkło – zielony, metale i tworzywa – żółty, odpady bio – brązowy.'
			},
			{
				category: 'municipal',
				body: 'Rozpoczęły się prace przy przebudowie drogi gminnej w miejscowości {village}. Prosimy o ostrożność i stosowanie się do oznakowania tymczasowego. Planowany termin zakończenia: koniec miesiąca.'
			},
			{
				category: 'official',
				body: 'Trwa nabór wniosków o dofinansowanie wymiany starych pieców w programie „Czyste Powietrze”. Punkt konsultacyjny działa w urzędzie w każdy wtorek od 9:00 do 15:00.'
			},
			{
				category: 'official',
				body: 'Przypominamy o terminie płatności podatku od nieruchomości i opłaty za gospodarowanie odpadami. Numery rachunków znajdziecie w decyzjach podatkowych.'
			},
			{
				category: 'municipal',
				body: 'Zakończyliśmy montaż nowych lamp ulicznych LED w miejscowości {village}. Dziękujemy mieszkańcom za cierpliwość w czasie prac.'
			}
		]
	},
	{
		slug: 'burmistrz',
		name: 'Burmistrz Wiskitek',
		type: 'mayor',
		description: 'Komunikaty burmistrza.',
		posts: [
			{
				category: 'official',
				body: 'Szanowni Mieszkańcy, dziękuję za liczny udział w konsultacjach budżetu gminy. Zgłosiliście ponad sto propozycji – najczęściej chodniki, oświetlenie i place zabaw.'
			},
			{
				category: 'official',
				body: 'Zapraszam na spotkanie otwarte z mieszkańcami sołectwa {village} – porozmawiamy o drogach, kanalizacji i planach na przyszły rok.',
				event: { place: 'Świetlica wiejska', hours: 2 }
			}
		]
	},
	{
		slug: 'sp-wiskitki',
		name: 'Szkoła Podstawowa im. Armii Krajowej w Wiskitkach',
		type: 'primarySchool',
		description: 'Aktualności ze szkoły.',
		posts: [
			{
				category: 'education',
				body: 'Uczniowie naszej szkoły zajęli I miejsce w powiatowym konkursie matematycznym. Gratulujemy zwycięzcom i dziękujemy nauczycielom za przygotowanie!'
			},
			{
				category: 'education',
				body: 'Przypominamy, że {date} o godz. 17:00 odbędą się zebrania z rodzicami uczniów klas IV–VIII.',
				event: { place: 'Szkoła Podstawowa w Wiskitkach', hours: 2 }
			},
			{
				category: 'education',
				body: 'Dzień otwarty szkoły – zapraszamy przyszłych pierwszoklasistów wraz z rodzicami. Będzie można zwiedzić klasy, świetlicę i bibliotekę szkolną.',
				event: { place: 'Szkoła Podstawowa w Wiskitkach', hours: 3 }
			},
			{
				category: 'education',
				body: 'Samorząd uczniowski zaprasza na kiermasz ciast. Dochód przeznaczymy na wycieczkę klas siódmych.'
			}
		]
	},
	{
		slug: 'przedszkole',
		name: 'Przedszkole Samorządowe w Wiskitkach',
		type: 'kindergarten',
		description: 'Wieści z przedszkola.',
		posts: [
			{
				category: 'education',
				body: 'Rusza rekrutacja do Przedszkola Samorządowego na nowy rok szkolny. Wnioski przyjmujemy w sekretariacie przedszkola do końca miesiąca.'
			},
			{
				category: 'education',
				body: 'Nasze przedszkolaki odwiedziły strażaków z OSP Wiskitki. Dziękujemy druhom za pokaz sprzętu i cierpliwość do setek pytań!'
			}
		]
	},
	{
		slug: 'biblioteka',
		name: 'Gminna Biblioteka Publiczna w Wiskitkach',
		type: 'library',
		description: 'Książki, spotkania, kluby.',
		posts: [
			{
				category: 'culture',
				body: 'Nowości w bibliotece! Na półkach czekają najnowsze kryminały, reportaże i książki dla dzieci. Zapraszamy od poniedziałku do piątku.'
			},
			{
				category: 'culture',
				body: 'Zapraszamy na spotkanie autorskie z pisarką z Mazowsza. Wstęp wolny, liczba miejsc ograniczona.',
				event: { place: 'Gminna Biblioteka Publiczna, Wiskitki', hours: 2 }
			},
			{
				category: 'culture',
				body: 'Dyskusyjny Klub Książki spotyka się w ostatni czwartek miesiąca o 18:00. Nowe osoby mile widziane!'
			}
		]
	},
	{
		slug: 'gok',
		name: 'Gminny Ośrodek Kultury w Wiskitkach',
		type: 'cultureCentre',
		description: 'Wydarzenia kulturalne w gminie.',
		posts: [
			{
				category: 'culture',
				body: 'Gminny Ośrodek Kultury zaprasza na koncert zespołu ludowego. Po koncercie poczęstunek przygotowany przez Koło Gospodyń Wiejskich.',
				event: { place: 'GOK Wiskitki', hours: 3 }
			},
			{
				category: 'culture',
				body: 'Ruszają zapisy na zajęcia taneczne, plastyczne i teatralne dla dzieci i młodzieży. Liczba miejsc ograniczona – decyduje kolejność zgłoszeń.'
			},
			{
				category: 'culture',
				body: 'Festyn rodzinny w Wiskitkach! Dmuchańce, występy dzieci, stoiska kół gospodyń i pokaz strażacki. Zapraszamy całe rodziny.',
				event: { place: 'Stadion w Wiskitkach', hours: 6 }
			}
		]
	},
	{
		slug: 'osp-wiskitki',
		name: 'OSP Wiskitki',
		type: 'fireBrigade',
		description: 'Ochotnicza Straż Pożarna w Wiskitkach.',
		posts: [
			{
				category: 'safety',
				body: 'Apelujemy: nie wypalajcie traw! To nielegalne i bardzo niebezpieczne. W tym tygodniu wyjeżdżaliśmy już do trzech takich pożarów.'
			},
			{
				category: 'safety',
				body: 'Podsumowanie miesiąca: nasza jednostka wyjeżdżała 14 razy – 5 pożarów, 8 miejscowych zagrożeń i 1 alarm fałszywy. Dziękujemy druhom za służbę!'
			},
			{
				category: 'safety',
				body: 'Przypominamy o czujnikach czadu. Sezon grzewczy to czas, kiedy tlenek węgla zbiera najtragiczniejsze żniwo. Czujnik kosztuje kilkadziesiąt złotych, a ratuje życie.'
			},
			{
				category: 'safety',
				body: 'Ćwiczenia jednostki na terenie miejscowości {village} w sobotę od 9:00. Prosimy nie niepokoić się widokiem wozów strażackich.'
			}
		]
	},
	{
		slug: 'gops',
		name: 'Gminny Ośrodek Pomocy Społecznej w Wiskitkach',
		type: 'socialHelp',
		description: 'Wsparcie dla mieszkańców.',
		posts: [
			{
				category: 'social',
				body: 'GOPS informuje o naborze wniosków o dodatek osłonowy. Wnioski można składać osobiście w ośrodku albo przez internet.'
			},
			{
				category: 'social',
				body: 'W urzędzie działa punkt nieodpłatnej pomocy prawnej i poradnictwa obywatelskiego. Zapisy telefoniczne w GOPS.'
			},
			{
				category: 'social',
				body: 'Bezpłatne badania profilaktyczne dla mieszkańców w mobilnym gabinecie. Wystarczy dowód osobisty, bez skierowania.',
				event: { place: 'Parking przy urzędzie', hours: 6 }
			}
		]
	},
	{
		slug: 'lks',
		name: 'LKS Wiskitki',
		type: 'sportsClub',
		description: 'Ludowy Klub Sportowy.',
		posts: [
			{
				category: 'sport',
				body: 'Zapraszamy na mecz ligowy naszej drużyny seniorów! Doping mile widziany.',
				event: { place: 'Stadion gminny w Wiskitkach', hours: 2 }
			},
			{
				category: 'sport',
				body: 'Nabór do drużyn juniorów i orlików. Treningi we wtorki i czwartki o 17:00. Zapraszamy dzieci z rocznika 2014–2018.'
			},
			{ category: 'sport', body: 'Wygrywamy 3:1 na wyjeździe! Dziękujemy kibicom, którzy byli z nami.' }
		]
	},
	{
		slug: 'zgk',
		name: 'Zakład Gospodarki Komunalnej w Wiskitkach',
		type: 'utility',
		description: 'Woda, kanalizacja, drogi.',
		posts: [
			{
				category: 'municipal',
				body: 'Przerwa w dostawie wody w miejscowości {village} w dniu {date} w godz. 8:00–14:00 z powodu prac na sieci wodociągowej. Przepraszamy za utrudnienia.'
			},
			{
				category: 'municipal',
				body: 'Prosimy o przesłanie odczytów wodomierzy do końca miesiąca – mailowo, telefonicznie lub przez formularz na stronie gminy.'
			},
			{
				category: 'municipal',
				body: 'Płukanie sieci wodociągowej w miejscowości {village}. Woda może być chwilowo mętna – to bezpieczne, wystarczy odczekać kilka minut.'
			}
		]
	},
	{
		slug: 'soltys-guzow',
		name: 'Sołtys sołectwa Guzów',
		type: 'villageHead',
		description: 'Sprawy sołectwa Guzów.',
		posts: [
			{
				category: 'community',
				body: 'Zebranie wiejskie sołectwa Guzów w sprawie funduszu sołeckiego na przyszły rok. Zapraszam wszystkich mieszkańców.',
				event: { place: 'Świetlica wiejska w Guzowie', hours: 2 }
			},
			{
				category: 'community',
				body: 'Dziękuję wszystkim, którzy przyszli sprzątać park przy pałacu. Zebraliśmy 40 worków śmieci!'
			}
		]
	},
	{
		slug: 'soltys-miedniewice',
		name: 'Sołtys sołectwa Miedniewice',
		type: 'villageHead',
		description: 'Sprawy sołectwa Miedniewice.',
		posts: [
			{
				category: 'community',
				body: 'Fundusz sołecki: na zebraniu zdecydowaliśmy o remoncie placu zabaw i zakupie ławek. Dziękuję za głosy!'
			},
			{
				category: 'community',
				body: 'Przypominam o zbiórce odpadów wielkogabarytowych w sobotę. Wystawiajcie rzeczy przed posesję do 7:00.'
			}
		]
	}
];

export const residentPosts: { category: string; body: string }[] = [
	{ category: 'questions', body: 'Czy ktoś wie, do której jest dziś czynna apteka w Wiskitkach?' },
	{ category: 'questions', body: 'Polecicie sprawdzonego hydraulika z okolicy? Cieknie nam bojler.' },
	{
		category: 'questions',
		body: 'Jak często jeździ teraz autobus do Żyrardowa? Rozkład na przystanku jest nieczytelny.'
	},
	{ category: 'questions', body: 'Czy w {village} też nie ma dziś prądu?' },
	{
		category: 'lostFound',
		body: 'Znaleziono psa w okolicy {village} – czarny, średniej wielkości, z czerwoną obrożą. Jest u nas bezpieczny, czekamy na właściciela.'
	},
	{
		category: 'lostFound',
		body: 'Zgubiłam klucze z brelokiem w kształcie serca, prawdopodobnie przy sklepie w centrum. Proszę o kontakt!'
	},
	{
		category: 'lostFound',
		body: 'Znaleziony portfel przy przystanku – oddany do urzędu, można odebrać w biurze obsługi.'
	},
	{ category: 'classifieds', body: 'Oddam za darmo meble kuchenne w dobrym stanie. Odbiór własny, {village}.' },
	{ category: 'classifieds', body: 'Sprzedam drewno kominkowe, sezonowane, z transportem po gminie.' },
	{ category: 'classifieds', body: 'Szukam osoby do pomocy przy starszej mamie, 3 razy w tygodniu po południu.' },
	{ category: 'other', body: 'Piękny wschód słońca nad polami w {village} dziś rano. Warto było wstać wcześniej!' },
	{ category: 'other', body: 'Dziękuję panom z ZGK za szybką naprawę awarii w nocy. Tak trzymać!' },
	{
		category: 'community',
		body: 'Organizujemy zbiórkę karmy i koców dla schroniska. Pudło stoi w sklepie przy rynku do końca miesiąca.'
	},
	{
		category: 'community',
		body: 'Koło Gospodyń Wiejskich szuka nowych członkiń – spotykamy się w środy w świetlicy. Zapraszamy!'
	},
	{ category: 'questions', body: 'Czy będzie w tym roku jarmark bożonarodzeniowy na rynku?' },
	{ category: 'other', body: 'Bociany wróciły do gniazda w {village}! Wiosna oficjalnie rozpoczęta.' }
];

export const pendingResidentPosts: { category: string; body: string }[] = [
	{ category: 'classifieds', body: 'Sprzedam rower górski, mało używany. Cena do negocjacji.' },
	{ category: 'questions', body: 'Czy ktoś wie, kiedy będzie naprawiona dziura na drodze do {village}?' },
	{ category: 'other', body: 'Zapraszam do mojego nowego salonu fryzjerskiego – pierwsze strzyżenie gratis!' },
	{ category: 'lostFound', body: 'Zaginął kot, rudy, bardzo płochliwy. Okolice ulicy Szkolnej.' }
];

export const commentTexts = [
	'Dziękujemy za informację!',
	'Super inicjatywa 👏',
	'O której godzinie?',
	'Czy będzie transmisja?',
	'Gratulacje!',
	'Będziemy całą rodziną!',
	'A co z drogą w Miedniewicach?',
	'Polecam, byłam w zeszłym roku.',
	'Dzięki, udostępniam dalej.',
	'Czy trzeba się wcześniej zapisać?',
	'Bardzo potrzebne, brawo.',
	'Można prosić o więcej szczegółów?',
	'U nas też to samo.',
	'Świetnie, że o tym informujecie.',
	'Czy to dotyczy też Jesionki?',
	'Dziękuję, właśnie tego szukałam.',
	'Brawo dla organizatorów!',
	'Szkoda, że w dzień roboczy.',
	'Byłem, polecam każdemu.',
	'Ile to potrwa?'
];

export const replyTexts = [
	'Z tego co wiem – tak.',
	'Dokładnie, zgadzam się.',
	'Dzięki za odpowiedź!',
	'Też jestem ciekawa.',
	'Od 10:00, tak jak w zeszłym roku.',
	'Warto zadzwonić do urzędu.'
];

/** Residents' questions under the units' posts (the units' report measures how fast they are answered). */
export const questionTexts = [
	'Czy trzeba się wcześniej zapisać?',
	'Do której godziny będzie można przyjść?',
	'Czy to dotyczy też Nowych Wiskitek?',
	'Gdzie można znaleźć więcej informacji?',
	'Czy będzie dostępny parking?',
	'A co z osobami, które pracują do 16?',
	'Czy dzieci mogą przyjść same?',
	'Czy jest jakaś opłata?'
];

/** The units' answers to them. */
export const unitAnswerTexts = [
	'Dzień dobry, zapisy nie są potrzebne – zapraszamy.',
	'Do godziny 18:00. Pozdrawiamy!',
	'Tak, dotyczy całej gminy.',
	'Szczegóły są na stronie internetowej oraz w sekretariacie.',
	'Tak, parking będzie dostępny przy budynku.',
	'Dla pracujących przewidzieliśmy dodatkowy termin w sobotę.',
	'Dzieci do lat 13 prosimy przyprowadzić z opiekunem.',
	'Udział jest bezpłatny.'
];

/** The demo group's own word list (also what `cli moderate` uses without a server database). */
export const demoWordList: { pattern: string; isRegex: boolean; action: 'block' | 'hold' | 'flag' | 'allow' }[] = [
	// Local insults the engine does not know ("dzban" only as an insult, not the jug).
	{
		pattern: '\\b(ty|wy|ale|totalny|skończony|z\\s+niego|z\\s+niej|z\\s+ciebie)\\s+dzban\\w*',
		isRegex: true,
		action: 'hold'
	},
	{ pattern: 'januszex*', isRegex: false, action: 'hold' },
	{ pattern: 'patus*', isRegex: false, action: 'hold' },
	// The BLIK scam: "wyślij mi kod BLIK" from a hijacked account.
	{ pattern: '(wyślij|podaj|prześlij)\\w*\\s+(mi\\s+)?kod\\w*\\s+blik', isRegex: true, action: 'block' },
	// What moderators want to know about at once.
	{ pattern: 'wysypisk*', isRegex: false, action: 'flag' },
	{ pattern: 'zaginął', isRegex: false, action: 'flag' },
	{ pattern: 'zaginęła', isRegex: false, action: 'flag' },
	{ pattern: 'podpal*', isRegex: false, action: 'flag' },
	// Practical election information (where to vote) is local, not national politics.
	{ pattern: 'wybor\\w*\\s+do\\s+sejmu(?=[^.]*\\blokal\\w*\\s+wyborcz)', isRegex: true, action: 'allow' }
];
