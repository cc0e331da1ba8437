/** Post categories: the seed's "CO MOŻNA PUBLIKOWAĆ", then the residents' own. */
export const categories = [
	{ code: 'official', label: 'Informacje urzędowe i komunikaty', official: true },
	{ code: 'education', label: 'Edukacja i oświata', official: true },
	{ code: 'culture', label: 'Kultura i wydarzenia lokalne', official: true },
	{ code: 'sport', label: 'Sport i aktywność fizyczna', official: true },
	{ code: 'safety', label: 'Bezpieczeństwo i sytuacje bieżące', official: true },
	{ code: 'social', label: 'Pomoc społeczna i zdrowie', official: true },
	{ code: 'municipal', label: 'Gospodarka komunalna i sprawy lokalne', official: true },
	{ code: 'community', label: 'Organizacje społeczne i inicjatywy mieszkańców', official: true },
	{ code: 'questions', label: 'Pytania', official: false },
	{ code: 'classifieds', label: 'Ogłoszenia drobne', official: false },
	{ code: 'lostFound', label: 'Zgubione / znalezione', official: false },
	{ code: 'other', label: 'Inne', official: false }
] as const;

export type CategoryCode = (typeof categories)[number]['code'];
export const categoryCodes = categories.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];
export const categoryLabel = (code: string) => categories.find((c) => c.code === code)?.label ?? code;
