// Small IMGW-PIB warning lists of our own making, in the shape of the public API's responses
// (/api/data/warningsmeteo and /api/data/warningshydro): for tests and the demo. Ids, texts and
// catchment codes are invented; the powiat codes and voivodeships are real ("1438" is żyrardowski,
// where Wiskitki lies, in mazowieckie).

export const demoMeteoWarnings = [
	{
		id: 'Tb20260114083000101',
		nazwa_zdarzenia: 'Intensywne opady śniegu',
		stopien: '2',
		prawdopodobienstwo: '80',
		obowiazuje_do: '2026-01-16 07:00:00',
		obowiazuje_od: '2026-01-15 06:00:00',
		opublikowano: '2026-01-14 08:30:00',
		tresc: 'Prognozowane są opady śniegu o natężeniu umiarkowanym. Przyrost pokrywy śnieżnej od 15 cm do 20 cm.',
		komentarz: 'Brak.',
		biuro: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie',
		teryt: ['1438', '1405', '1421']
	},
	{
		id: 'Tb20260714101500202',
		nazwa_zdarzenia: 'Burze z gradem',
		stopien: '1',
		prawdopodobienstwo: '70',
		obowiazuje_do: '2026-07-14 22:00:00',
		obowiazuje_od: '2026-07-14 14:00:00',
		opublikowano: '2026-07-14 10:15:00',
		tresc: 'Prognozowane są burze z opadami deszczu do 30 mm, lokalnie z gradem i porywami wiatru do 70 km/h.',
		komentarz: 'Ostrzeżenie może zostać przedłużone.',
		biuro: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie',
		teryt: ['1438']
	},
	{
		id: 'Tb20260801093000303',
		nazwa_zdarzenia: 'Upał',
		stopien: '3',
		prawdopodobienstwo: '90',
		obowiazuje_do: '2026-08-03 20:00:00',
		obowiazuje_od: '2026-08-01 11:00:00',
		opublikowano: '2026-08-01 09:30:00',
		tresc: 'Prognozowana temperatura maksymalna od 35°C do 37°C, minimalna w nocy około 22°C.',
		komentarz: '',
		biuro: 'Centralne Biuro Prognoz Meteorologicznych w Warszawie',
		teryt: ['3064', '3021']
	}
];

export const demoHydroWarnings = [
	{
		opublikowano: '2026-03-18 09:40:12',
		stopień: '2',
		data_od: '2026-03-18 12:00:00',
		data_do: '2026-03-20 12:00:00',
		prawdopodobienstwo: '80',
		numer: '12',
		biuro: 'Biuro Prognoz Hydrologicznych w Krakowie, Wydział Prognoz i Opracowań Hydrologicznych w Warszawie',
		zdarzenie: 'Wezbranie z przekroczeniem stanów ostrzegawczych',
		przebieg:
			'W związku z roztopami i opadami deszczu na Pisi Gągolinie prognozuje się wzrosty stanów wody powyżej stanów ostrzegawczych.',
		komentarz: 'Brak',
		obszary: [
			{
				wojewodztwo: 'mazowieckie',
				opis: 'mazowieckie, Pisia Gągolina, wezbranie z przekroczeniem stanów ostrzegawczych',
				kod_zlewni: ['Z_T_MZ_001']
			}
		]
	},
	{
		opublikowano: '2026-06-10 10:05:31',
		stopień: '-1',
		data_od: '2026-06-10 10:06:00',
		data_do: '9999-12-31 23:59:59',
		prawdopodobienstwo: '90',
		numer: '12',
		biuro: 'Biuro Prognoz Hydrologicznych w Gdyni, Wydział Prognoz i Opracowań Hydrologicznych w Gdyni',
		zdarzenie: 'Susza hydrologiczna',
		przebieg:
			'W zlewni Wieprzy utrzymują się przepływy wody poniżej SNQ i spodziewane jest ich dalsze utrzymywanie się.',
		komentarz: 'Ostrzeżenie wydane w związku z długotrwałym brakiem opadów.',
		obszary: [
			{ wojewodztwo: 'pomorskie', opis: 'pomorskie, zlewnia Wieprzy, susza hydrologiczna', kod_zlewni: ['Z_T_PM_002'] },
			{
				wojewodztwo: 'zachodniopomorskie',
				opis: 'zachodniopomorskie, zlewnia Wieprzy, susza hydrologiczna',
				kod_zlewni: ['Z_T_ZP_002', 'Z_T_ZP_003']
			}
		]
	}
];
