/** Kinds of unit that may publish under the package (the seed's "KTO MOŻE PUBLIKOWAĆ"). */
export const unitTypes = {
	office: 'Urząd Gminy / Miasta',
	mayor: 'Wójt / Burmistrz / Prezydent Miasta',
	council: 'Rada Gminy / Miejska',
	councillor: 'Radny',
	villageDistrict: 'Sołectwo',
	villageHead: 'Sołtys',
	primarySchool: 'Szkoła podstawowa',
	secondarySchool: 'Liceum lub inna szkoła',
	kindergarten: 'Przedszkole',
	nursery: 'Żłobek',
	library: 'Biblioteka publiczna',
	cultureCentre: 'Centrum / dom kultury',
	museum: 'Muzeum / izba pamięci',
	sportsCentre: 'Ośrodek sportu i rekreacji',
	// The offer lists "centra sportu" apart from the OSiR-s above.
	sportCentre: 'Centrum sportu',
	sportsClub: 'Klub sportowy',
	fireBrigade: 'Ochotnicza Straż Pożarna',
	socialHelp: 'Ośrodek pomocy społecznej',
	socialServices: 'Centrum usług społecznych',
	healthCentre: 'Ośrodek zdrowia',
	otherHealthcare: 'Inna placówka ochrony zdrowia',
	sharedServices: 'Centrum usług wspólnych',
	utility: 'Zakład gospodarki komunalnej',
	municipalCompany: 'Spółka komunalna',
	organisation: 'Stowarzyszenie / fundacja'
} as const;

export type UnitType = keyof typeof unitTypes;
export const unitTypeIds = Object.keys(unitTypes) as [UnitType, ...UnitType[]];
export const unitTypeLabel = (t: string) => unitTypes[t as UnitType] ?? t;
