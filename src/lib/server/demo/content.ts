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

/**
 * What a post is about, so that the comments under it answer it: each topic has its own
 * comments, replies and (under units' posts) residents' questions with the unit's answers.
 */
export type Topic =
	| 'notice'
	| 'event'
	| 'works'
	| 'water'
	| 'success'
	| 'safety'
	| 'school'
	| 'question'
	| 'outage'
	| 'help'
	| 'lost'
	| 'classified'
	| 'nature'
	| 'thanks'
	| 'community';

export interface DemoPost {
	category: string;
	body: string;
	topic: Topic;
	/** Months (1–12) in which the post makes sense; all year when absent. */
	months?: number[];
	event?: { place: string; hours: number };
}

export interface DemoUnit {
	slug: string;
	name: string;
	type: string;
	description: string;
	posts: DemoPost[];
}

const SCHOOL_YEAR = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];
const WARM = [4, 5, 6, 7, 8, 9, 10];
const HEATING = [10, 11, 12, 1, 2, 3];
const LEAGUE = [3, 4, 5, 6, 8, 9, 10, 11];

// Placeholders: {village} a village's name (nominative, after "w miejscowości", "sołectwa"),
// {inVillage} "w Guzowie" (the locative with its preposition), {date} a date a few days after
// the post, {month} the coming month's name ("na styczeń").
export const wiskitkiUnits: DemoUnit[] = [
	{
		slug: 'urzad',
		name: 'Urząd Miasta i Gminy Wiskitki',
		type: 'office',
		description: 'Oficjalne komunikaty urzędu.',
		posts: [
			{
				category: 'official',
				topic: 'notice',
				body: 'Informujemy, że {date} Urząd Miasta i Gminy Wiskitki będzie nieczynny. Sprawy z zakresu rejestracji zgonów prowadzi dyżurny pracownik USC.'
			},
			{
				category: 'official',
				topic: 'event',
				body: 'Zapraszamy na sesję Rady Miejskiej w Wiskitkach, która odbędzie się {date} o godz. 16:00 w sali konferencyjnej urzędu. Porządek obrad i transmisja online w BIP gminy.',
				event: { place: 'Sala konferencyjna UMiG, pl. Best-Eriksena 3, Wiskitki', hours: 3 }
			},
			{
				category: 'municipal',
				topic: 'notice',
				body: 'Harmonogram odbioru odpadów na {month} jest już dostępny w urzędzie i na stronie gminy.\n\nPrzypominamy: papier – niebieski, szkło – zielony, metale i tworzywa – żółty, odpady bio – brązowy.'
			},
			{
				category: 'municipal',
				topic: 'works',
				months: WARM,
				body: 'Rozpoczęły się prace przy przebudowie drogi gminnej w miejscowości {village}. Prosimy o ostrożność i stosowanie się do oznakowania tymczasowego. Planowany termin zakończenia: koniec miesiąca.'
			},
			{
				category: 'official',
				topic: 'notice',
				body: 'Trwa nabór wniosków o dofinansowanie wymiany starych pieców w programie „Czyste Powietrze”. Punkt konsultacyjny działa w urzędzie w każdy wtorek od 9:00 do 15:00.'
			},
			{
				category: 'official',
				topic: 'notice',
				months: [3, 5, 9, 11],
				body: 'Przypominamy: do 15 dnia miesiąca mija termin płatności raty podatku od nieruchomości. Numery rachunków znajdziecie w decyzjach podatkowych.'
			},
			{
				category: 'municipal',
				topic: 'works',
				body: 'Zakończyliśmy montaż nowych lamp ulicznych LED w miejscowości {village}. Dziękujemy mieszkańcom za cierpliwość w czasie prac.'
			},
			{
				category: 'municipal',
				topic: 'works',
				months: [12, 1, 2],
				body: 'Zima na drogach: drogi gminne odśnieża ZGK, a drogi powiatowe – Powiatowy Zarząd Dróg. Nieodśnieżoną drogę gminną zgłoszycie pod numerem 46 856 45 00.'
			},
			{
				category: 'official',
				topic: 'notice',
				months: [1, 2],
				body: 'Od {date} można składać deklaracje o wysokości opłaty za odpady na nowy rok. Formularz jest w urzędzie i w BIP gminy.'
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
				topic: 'thanks',
				months: [10, 11],
				body: 'Szanowni Mieszkańcy, dziękuję za liczny udział w konsultacjach budżetu gminy. Zgłosiliście ponad sto propozycji – najczęściej chodniki, oświetlenie i place zabaw.'
			},
			{
				category: 'official',
				topic: 'event',
				body: 'Zapraszam na spotkanie otwarte z mieszkańcami sołectwa {village} – porozmawiamy o drogach, kanalizacji i planach na przyszły rok.',
				event: { place: 'Świetlica wiejska', hours: 2 }
			},
			{
				category: 'official',
				topic: 'notice',
				months: [12],
				body: 'Szanowni Mieszkańcy, życzę Wam spokojnych, zdrowych Świąt Bożego Narodzenia i dobrego nowego roku.'
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
				topic: 'success',
				months: SCHOOL_YEAR,
				body: 'Uczniowie naszej szkoły zajęli I miejsce w powiatowym konkursie matematycznym. Gratulujemy zwycięzcom i dziękujemy nauczycielom za przygotowanie!'
			},
			{
				category: 'education',
				topic: 'school',
				months: [9, 11, 1, 4, 6],
				body: 'Przypominamy, że {date} o godz. 17:00 odbędą się zebrania z rodzicami uczniów klas IV–VIII.',
				event: { place: 'Szkoła Podstawowa w Wiskitkach', hours: 2 }
			},
			{
				category: 'education',
				topic: 'event',
				months: [3, 4],
				body: 'Dzień otwarty szkoły – zapraszamy przyszłych pierwszoklasistów wraz z rodzicami. Będzie można zwiedzić klasy, świetlicę i bibliotekę szkolną.',
				event: { place: 'Szkoła Podstawowa w Wiskitkach', hours: 3 }
			},
			{
				category: 'education',
				topic: 'event',
				months: SCHOOL_YEAR,
				body: 'Samorząd uczniowski zaprasza na kiermasz ciast. Dochód przeznaczymy na wycieczkę klas siódmych.'
			},
			{
				category: 'education',
				topic: 'school',
				months: [6],
				body: 'Zakończenie roku szkolnego: {date} o 9:00 msza, o 10:30 uroczystość w sali gimnastycznej. Życzymy wszystkim udanych wakacji!'
			},
			{
				category: 'education',
				topic: 'school',
				months: [8, 9],
				body: 'Rozpoczęcie roku szkolnego: {date} o 9:00 na boisku szkolnym. Listy klas pierwszych wiszą przy wejściu do szkoły.'
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
				topic: 'school',
				months: [2, 3],
				body: 'Rusza rekrutacja do Przedszkola Samorządowego na nowy rok szkolny. Wnioski przyjmujemy w sekretariacie przedszkola do końca miesiąca.'
			},
			{
				category: 'education',
				topic: 'success',
				months: SCHOOL_YEAR,
				body: 'Nasze przedszkolaki odwiedziły strażaków z OSP Wiskitki. Dziękujemy druhom za pokaz sprzętu i cierpliwość do setek pytań!'
			},
			{
				category: 'education',
				topic: 'event',
				months: [12],
				body: 'Jasełka w wykonaniu przedszkolaków już {date} o 16:00. Zapraszamy rodziców, dziadków i rodzeństwo!',
				event: { place: 'Przedszkole Samorządowe w Wiskitkach', hours: 2 }
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
				topic: 'notice',
				body: 'Nowości w bibliotece! Na półkach czekają najnowsze kryminały, reportaże i książki dla dzieci. Zapraszamy od poniedziałku do piątku.'
			},
			{
				category: 'culture',
				topic: 'event',
				body: 'Zapraszamy na spotkanie autorskie z pisarką z Mazowsza. Wstęp wolny, liczba miejsc ograniczona.',
				event: { place: 'Gminna Biblioteka Publiczna, Wiskitki', hours: 2 }
			},
			{
				category: 'culture',
				topic: 'event',
				body: 'Dyskusyjny Klub Książki spotyka się w ostatni czwartek miesiąca o 18:00. W {month} rozmawiamy o nowym reportażu z Mazowsza. Nowe osoby mile widziane!'
			},
			{
				category: 'culture',
				topic: 'event',
				months: [7, 8],
				body: 'Wakacje w bibliotece: we wtorki i czwartki o 11:00 głośne czytanie i zajęcia plastyczne dla dzieci. Udział bezpłatny.'
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
				topic: 'event',
				body: 'Gminny Ośrodek Kultury zaprasza na koncert zespołu ludowego. Po koncercie poczęstunek przygotowany przez Koło Gospodyń Wiejskich.',
				event: { place: 'GOK Wiskitki', hours: 3 }
			},
			{
				category: 'culture',
				topic: 'event',
				months: [9, 10],
				body: 'Ruszają zapisy na zajęcia taneczne, plastyczne i teatralne dla dzieci i młodzieży. Liczba miejsc ograniczona – decyduje kolejność zgłoszeń.'
			},
			{
				category: 'culture',
				topic: 'event',
				months: [6, 7, 8],
				body: 'Festyn rodzinny w Wiskitkach! Dmuchańce, występy dzieci, stoiska kół gospodyń i pokaz strażacki. Zapraszamy całe rodziny.',
				event: { place: 'Stadion w Wiskitkach', hours: 6 }
			},
			{
				category: 'culture',
				topic: 'event',
				months: [5, 6],
				body: 'Zapisy na półkolonie letnie w GOK: dwa turnusy w lipcu, wycieczki, basen i warsztaty. Formularz w sekretariacie ośrodka.'
			},
			{
				category: 'culture',
				topic: 'event',
				months: [1, 2],
				body: 'Ferie zimowe w GOK: warsztaty, kino i kulig (jeśli dopisze śnieg). Zapisy w sekretariacie ośrodka.'
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
				topic: 'safety',
				months: [3, 4],
				body: 'Apelujemy: nie wypalajcie traw! To nielegalne i bardzo niebezpieczne. W tym tygodniu wyjeżdżaliśmy już do trzech takich pożarów.'
			},
			{
				category: 'safety',
				topic: 'thanks',
				body: 'Podsumowanie miesiąca: nasza jednostka wyjeżdżała {count} razy – do pożarów, miejscowych zagrożeń i wypadków. Dziękujemy druhom za służbę!'
			},
			{
				category: 'safety',
				topic: 'safety',
				months: HEATING,
				body: 'Przypominamy o czujnikach czadu. Sezon grzewczy to czas, kiedy tlenek węgla zbiera najtragiczniejsze żniwo. Czujnik kosztuje kilkadziesiąt złotych, a ratuje życie.'
			},
			{
				category: 'safety',
				topic: 'safety',
				months: WARM,
				body: 'Ćwiczenia jednostki na terenie miejscowości {village} w sobotę od 9:00. Prosimy nie niepokoić się widokiem wozów strażackich.'
			},
			{
				category: 'safety',
				topic: 'safety',
				months: [6, 7, 8],
				body: 'Upały: nie zostawiajcie dzieci ani zwierząt w samochodach i kąpcie się tylko w strzeżonych miejscach.'
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
				topic: 'notice',
				months: [1, 2, 3, 4],
				body: 'GOPS informuje o naborze wniosków o dodatek osłonowy. Wnioski można składać osobiście w ośrodku albo przez internet.'
			},
			{
				category: 'social',
				topic: 'notice',
				body: 'W urzędzie działa punkt nieodpłatnej pomocy prawnej i poradnictwa obywatelskiego. Zapisy telefoniczne w GOPS.'
			},
			{
				category: 'social',
				topic: 'event',
				months: WARM,
				body: 'Bezpłatne badania profilaktyczne dla mieszkańców w mobilnym gabinecie. Wystarczy dowód osobisty, bez skierowania.',
				event: { place: 'Parking przy urzędzie', hours: 6 }
			},
			{
				category: 'social',
				topic: 'notice',
				months: [8, 9],
				body: 'Wnioski o stypendium szkolne na nowy rok szkolny przyjmujemy do 15 września. Druki w GOPS i w sekretariatach szkół.'
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
				topic: 'event',
				months: LEAGUE,
				body: 'Zapraszamy na mecz ligowy naszej drużyny seniorów {date}! Doping mile widziany.',
				event: { place: 'Stadion gminny w Wiskitkach', hours: 2 }
			},
			{
				category: 'sport',
				topic: 'event',
				months: [2, 3, 8, 9],
				body: 'Nabór do drużyn juniorów i orlików. Treningi we wtorki i czwartki o 17:00. Zapraszamy dzieci z rocznika 2014–2018.'
			},
			{
				category: 'sport',
				topic: 'success',
				months: LEAGUE,
				body: 'Wygrywamy {score} na wyjeździe! Dziękujemy kibicom, którzy byli z nami.'
			}
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
				topic: 'water',
				body: 'Przerwa w dostawie wody w miejscowości {village} w dniu {date} w godz. 8:00–14:00 z powodu prac na sieci wodociągowej. Przepraszamy za utrudnienia.'
			},
			{
				category: 'municipal',
				topic: 'notice',
				months: [3, 6, 9, 12],
				body: 'Prosimy o przesłanie odczytów wodomierzy do końca miesiąca – mailowo, telefonicznie lub przez formularz na stronie gminy.'
			},
			{
				category: 'municipal',
				topic: 'water',
				months: WARM,
				body: 'Płukanie sieci wodociągowej w miejscowości {village}. Woda może być chwilowo mętna – to bezpieczne, wystarczy odczekać kilka minut.'
			},
			{
				category: 'municipal',
				topic: 'works',
				months: [12, 1, 2],
				body: 'Nocą nasze pługi odśnieżały i posypywały drogi gminne, także w miejscowości {village}. Prosimy nie parkować na poboczach wąskich dróg.'
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
				topic: 'event',
				months: [8, 9],
				body: 'Zebranie wiejskie sołectwa Guzów w sprawie funduszu sołeckiego na przyszły rok. Zapraszam wszystkich mieszkańców.',
				event: { place: 'Świetlica wiejska w Guzowie', hours: 2 }
			},
			{
				category: 'community',
				topic: 'thanks',
				months: [4, 5, 9],
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
				topic: 'thanks',
				months: [9, 10],
				body: 'Fundusz sołecki: na zebraniu zdecydowaliśmy o remoncie placu zabaw i zakupie ławek. Dziękuję za głosy!'
			},
			{
				category: 'community',
				topic: 'notice',
				months: [4, 5, 6, 7, 8, 9, 10],
				body: 'Przypominam o zbiórce odpadów wielkogabarytowych w sobotę. Wystawiajcie rzeczy przed posesję do 7:00.'
			}
		]
	}
];

export const residentPosts: DemoPost[] = [
	{ category: 'questions', topic: 'question', body: 'Czy ktoś wie, do której jest dziś czynna apteka w Wiskitkach?' },
	{ category: 'questions', topic: 'help', body: 'Polecicie sprawdzonego hydraulika z okolicy? Cieknie nam bojler.' },
	{
		category: 'questions',
		topic: 'question',
		body: 'Jak często jeździ teraz autobus do Żyrardowa? Rozkład na przystanku jest nieczytelny.'
	},
	{ category: 'questions', topic: 'outage', body: 'Czy {inVillage} też nie ma dziś prądu?' },
	{
		category: 'lostFound',
		topic: 'lost',
		body: 'Znaleziono psa {inVillage} – czarny, średniej wielkości, z czerwoną obrożą. Jest u nas bezpieczny, czekamy na właściciela.'
	},
	{
		category: 'lostFound',
		topic: 'lost',
		body: 'Zgubiłam klucze z brelokiem w kształcie serca, prawdopodobnie przy sklepie w centrum. Proszę o kontakt!'
	},
	{
		category: 'lostFound',
		topic: 'lost',
		body: 'Znaleziony portfel przy przystanku – oddany do urzędu, można odebrać w biurze obsługi.'
	},
	{
		category: 'classifieds',
		topic: 'classified',
		body: 'Oddam za darmo meble kuchenne w dobrym stanie. Odbiór własny, {village}.'
	},
	{
		category: 'classifieds',
		topic: 'classified',
		months: [8, 9, 10, 11, 12, 1],
		body: 'Sprzedam drewno kominkowe, sezonowane, z transportem po gminie.'
	},
	{
		category: 'classifieds',
		topic: 'help',
		body: 'Szukam osoby do pomocy przy starszej mamie, 3 razy w tygodniu po południu.'
	},
	{
		category: 'other',
		topic: 'nature',
		body: 'Piękny wschód słońca nad polami {inVillage} dziś rano. Warto było wstać wcześniej!'
	},
	{ category: 'other', topic: 'thanks', body: 'Dziękuję panom z ZGK za szybką naprawę awarii w nocy. Tak trzymać!' },
	{
		category: 'community',
		topic: 'community',
		months: [11, 12, 1, 2],
		body: 'Organizujemy zbiórkę karmy i koców dla schroniska. Pudło stoi w sklepie przy rynku do końca miesiąca.'
	},
	{
		category: 'community',
		topic: 'community',
		body: 'Koło Gospodyń Wiejskich szuka nowych członkiń – spotykamy się w środy w świetlicy. Zapraszamy!'
	},
	{
		category: 'questions',
		topic: 'question',
		months: [10, 11, 12],
		body: 'Czy będzie w tym roku jarmark bożonarodzeniowy na rynku?'
	},
	{
		category: 'other',
		topic: 'nature',
		months: [3, 4],
		body: 'Bociany wróciły do gniazda {inVillage}! Wiosna oficjalnie rozpoczęta.'
	},
	{
		category: 'questions',
		topic: 'question',
		months: [12, 1, 2],
		body: 'Czy ktoś wie, kiedy pług dojedzie do {village}? Od rana nie da się wyjechać z podwórka.'
	},
	{
		category: 'classifieds',
		topic: 'classified',
		months: [5, 6, 7, 8],
		body: 'Sprzedam truskawki z własnego pola, odbiór {inVillage} albo dowóz po gminie.'
	},
	{
		category: 'other',
		topic: 'nature',
		months: [12, 1, 2],
		body: 'Zima w pełni – tak dziś rano wyglądały pola {inVillage}. Uważajcie na drogach, jest ślisko!'
	},
	{
		category: 'questions',
		topic: 'question',
		months: [6, 7, 8],
		body: 'Gdzie w okolicy można się bezpiecznie wykąpać z dziećmi? Szukamy strzeżonego kąpieliska.'
	},
	{
		category: 'community',
		topic: 'community',
		months: [9, 10],
		body: 'Sąsiedzi {inVillage}, w sobotę sadzimy drzewa wzdłuż drogi do szkoły. Przynieście łopaty, sadzonki zapewnia gmina.'
	}
];

export const pendingResidentPosts: { category: string; body: string }[] = [
	{ category: 'classifieds', body: 'Sprzedam rower górski, mało używany. Cena do negocjacji.' },
	{ category: 'questions', body: 'Czy ktoś wie, kiedy będzie naprawiona dziura na drodze {inVillage}?' },
	{ category: 'other', body: 'Zapraszam do mojego nowego salonu fryzjerskiego – pierwsze strzyżenie gratis!' },
	{ category: 'lostFound', body: 'Zaginął kot, rudy, bardzo płochliwy. Okolice ulicy Szkolnej.' }
];

/** Residents' comments by the topic of the post they are under. */
export const commentsByTopic: Record<Topic, string[]> = {
	notice: [
		'Dziękujemy za informację!',
		'Dzięki, udostępniam dalej.',
		'Można prosić o więcej szczegółów?',
		'Dobrze wiedzieć.',
		'Świetnie, że o tym informujecie.'
	],
	event: [
		'Będziemy całą rodziną!',
		'Super inicjatywa 👏',
		'Byłam w zeszłym roku, polecam.',
		'Szkoda, że w dzień roboczy.',
		'Dzięki, udostępniam dalej.',
		'Brawo dla organizatorów!',
		'Do której to potrwa?'
	],
	works: [
		'Nareszcie!',
		'Ile to jeszcze potrwa?',
		'A co z drogą w Miedniewicach?',
		'Czy to dotyczy też Jesionki?',
		'Bardzo potrzebne, brawo.',
		'Dziękujemy za informację!'
	],
	water: [
		'Dzięki za uprzedzenie, nalejemy wody wcześniej.',
		'Czy beczkowóz też będzie?',
		'U nas woda już jest.',
		'Dziękujemy za informację!'
	],
	success: ['Gratulacje!', 'Brawo!', 'Tak trzymać!', 'Gratulacje dla wszystkich!', 'Super 👏'],
	safety: [
		'Bardzo ważny apel.',
		'Dzięki, udostępniam dalej.',
		'Dziękujemy za przypomnienie!',
		'Dziękujemy druhom za służbę!'
	],
	school: ['Dziękujemy za informację!', 'Będziemy.', 'O której godzinie dokładnie?', 'Dzięki za przypomnienie.'],
	question: [
		'Najlepiej zapytać w urzędzie.',
		'Dobre pytanie, też chcę wiedzieć.',
		'Warto zadzwonić do urzędu.',
		'Z tego co wiem – tak.'
	],
	outage: [
		'U nas też nie ma.',
		'Podobno awaria na linii, energetyka już jedzie.',
		'U nas prąd jest, sprawdź bezpieczniki.'
	],
	help: [
		'Napiszę do Ciebie prywatnie z numerem.',
		'Też szukam, dajcie znać.',
		'Polecam firmę z Miedniewic, szybko i solidnie.'
	],
	lost: ['Udostępniam dalej.', 'Mam nadzieję, że właściciel się znajdzie.', 'Trzymam kciuki!'],
	classified: ['Czy aktualne?', 'Wysłałem wiadomość.', 'Podbijam.'],
	nature: ['Piękne!', 'Też to widziałam, cudo.', 'Dzięki, że się dzielisz.'],
	thanks: ['Dołączam się do podziękowań!', 'Tak trzymać!', 'Brawo!', 'Dziękujemy!'],
	community: ['Super inicjatywa 👏', 'Dorzucę coś od siebie.', 'Świetnie, dołączam!', 'Dzięki, udostępniam dalej.']
};

/** Replies to a comment: agreeing, thanking — they fit under any comment. */
export const replyTexts = ['Dokładnie, zgadzam się.', 'Dzięki!', 'Też tak uważam.', '👍'];

/** Every comment text (the moderation engine's tests screen them all). */
export const commentTexts = [...new Set(Object.values(commentsByTopic).flat())];

/**
 * Residents' questions under the units' posts, with the unit's answer, by topic (the units'
 * report measures how fast they are answered).
 */
export const questionsByTopic: Partial<Record<Topic, [question: string, answer: string][]>> = {
	event: [
		['Czy trzeba się wcześniej zapisać?', 'Dzień dobry, zapisy nie są potrzebne – zapraszamy.'],
		['Czy będzie dostępny parking?', 'Tak, parking będzie dostępny przy budynku.'],
		['Czy dzieci mogą przyjść same?', 'Dzieci do lat 13 prosimy przyprowadzić z opiekunem.'],
		['Czy jest jakaś opłata?', 'Udział jest bezpłatny.']
	],
	notice: [
		['Gdzie można znaleźć więcej informacji?', 'Szczegóły są na stronie internetowej oraz w sekretariacie.'],
		['A co z osobami, które pracują do 16?', 'Dla pracujących przewidzieliśmy dodatkowy termin w sobotę.'],
		['Czy to dotyczy też Nowych Wiskitek?', 'Tak, dotyczy całej gminy.']
	],
	works: [
		['Ile to potrwa?', 'Prace powinny się zakończyć w ciągu dwóch tygodni.'],
		['Czy przejazd będzie możliwy?', 'Tak, ruch odbywa się wahadłowo.']
	],
	water: [
		['Czy będzie beczkowóz?', 'Tak, beczkowóz stanie przy świetlicy.'],
		['Czy to dotyczy też Nowych Wiskitek?', 'Nie, tylko wskazanej miejscowości.']
	],
	school: [
		['Czy zebranie dotyczy też klas młodszych?', 'Klasy I–III mają zebrania tydzień później.'],
		['O której godzinie dokładnie?', 'Zgodnie z ogłoszeniem – prosimy o punktualność.']
	],
	safety: [['Gdzie można kupić taki czujnik?', 'W każdym markecie budowlanym, kilkadziesiąt złotych.']]
};
export const questionTexts = [...new Set(Object.values(questionsByTopic).flatMap((qs) => qs!.map(([q]) => q)))];
export const unitAnswerTexts = [...new Set(Object.values(questionsByTopic).flatMap((qs) => qs!.map(([, a]) => a)))];

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
