/**
 * Sołectwa of gmina Wiskitki and the localities they cover (sources: see below, retrieved 2026-12).
 *
 * Sources:
 * - https://wiskitki.pl/urzad-gminy-2/solectwa-i-soltysi/ (official list of sołectwa; abbreviates "Czerwona Niwa-P")
 * - https://wiskitki.pl/urzad-gminy/polozenie/ (38 sołectwa made up of 40 villages)
 * - https://pl.wikipedia.org/wiki/Wiskitki_(gmina) (section "Sołectwa": 38 sołectwa, 43 localities)
 * - https://de.wikipedia.org/wiki/Wiskitki (sołectwa plus the other localities of the gmina)
 * - https://en.wikipedia.org/wiki/Gmina_Wiskitki (villages and settlements of the gmina)
 *
 * Wiskitki regained town rights on 2021-01-01; the town is listed as one area with the single locality "Wiskitki".
 * Localities that are not sołectwa themselves are assigned by their name (e.g. "Kamionka Mała" to Kamionka);
 * no statute confirming those assignments was found. Podbuszyce, Siarkowiec and Stara Wieś are localities of the
 * gmina whose sołectwo could not be determined, so they are left out.
 */
export const wiskitkiPlaces: { area: string; localities: string[] }[] = [
	{ area: 'Aleksandrów', localities: ['Aleksandrów'] },
	{ area: 'Antoniew', localities: ['Antoniew'] },
	{ area: 'Babskie Budy', localities: ['Babskie Budy', 'Babski Borek'] },
	{ area: 'Cyganka', localities: ['Cyganka'] },
	{ area: 'Czerwona Niwa', localities: ['Czerwona Niwa'] },
	{ area: 'Czerwona Niwa-Parcel', localities: ['Czerwona Niwa-Parcel'] },
	{ area: 'Duninopol', localities: ['Duninopol'] },
	{ area: 'Działki', localities: ['Działki'] },
	{ area: 'Feliksów', localities: ['Feliksów'] },
	{ area: 'Franciszków', localities: ['Franciszków'] },
	{ area: 'Guzów', localities: ['Guzów'] },
	{ area: 'Guzów-Osada', localities: ['Guzów-Osada'] },
	{ area: 'Hipolitów', localities: ['Hipolitów', 'Stary Hipolitów'] },
	{ area: 'Janówek', localities: ['Janówek'] },
	{ area: 'Jesionka', localities: ['Jesionka'] },
	{ area: 'Józefów', localities: ['Józefów'] },
	{ area: 'Kamionka', localities: ['Kamionka', 'Kamionka Mała'] },
	{ area: 'Łubno', localities: ['Łubno'] },
	{
		area: 'Miedniewice',
		localities: ['Miedniewice', 'Miedniewice-Gajówka', 'Miedniewice-Kolonia', 'Miedniewice-Łąki', 'Miedniewice-Parcela']
	},
	{ area: 'Morgi', localities: ['Morgi'] },
	{ area: 'Nowa Wieś', localities: ['Nowa Wieś'] },
	{ area: 'Nowe Kozłowice', localities: ['Nowe Kozłowice'] },
	{ area: 'Nowy Drzewicz', localities: ['Nowy Drzewicz'] },
	{ area: 'Nowy Oryszew', localities: ['Nowy Oryszew'] },
	{ area: 'Oryszew-Osada', localities: ['Oryszew-Osada'] },
	{ area: 'Podoryszew', localities: ['Podoryszew'] },
	{ area: 'Popielarnia', localities: ['Popielarnia'] },
	{ area: 'Prościeniec', localities: ['Prościeniec'] },
	{ area: 'Różanów', localities: ['Różanów'] },
	{ area: 'Smolarnia', localities: ['Smolarnia'] },
	{ area: 'Sokule', localities: ['Sokule', 'Sokule Drugie'] },
	{ area: 'Stare Kozłowice', localities: ['Stare Kozłowice'] },
	{ area: 'Starowiskitki', localities: ['Starowiskitki'] },
	{ area: 'Starowiskitki-Parcel', localities: ['Starowiskitki-Parcel'] },
	{ area: 'Stary Drzewicz', localities: ['Stary Drzewicz'] },
	{ area: 'Tomaszew', localities: ['Tomaszew'] },
	{ area: 'Wiskitki', localities: ['Wiskitki'] },
	{ area: 'Wola Miedniewska', localities: ['Wola Miedniewska'] }
];
