import { describe, expect, it } from 'vitest';
import { findNationalPolitics } from './politics';

const spans = (text: string) => findNationalPolitics(text).map((f) => text.slice(f.start, f.end));

describe('national politics in a local group', () => {
	it('finds parties, national politicians, parliament and national elections', () => {
		expect(spans('Tusk i Kaczyński znowu się kłócą')).toEqual(['Tusk']);
		expect(spans('Jarosław Kaczyński powiedział w Sejmie, że…')).toEqual(['Jarosław Kaczyński', 'w Sejmie']);
		expect(spans('Głosujcie na Konfederację w wyborach parlamentarnych!')).toEqual(['Konfederację', 'wyborach parlamentarnych']);
		expect(spans('PiS i KO to jedno zło')).toEqual(['PiS', 'KO']);
		expect(spans('Rząd Tuska podniósł ceny prądu')).toEqual(['Rząd Tuska']);
		expect(spans('Prezydent Nawrocki zawetował ustawę')).toEqual(['Prezydent Nawrocki']);
	});

	it('leaves local public life alone', () => {
		for (const text of [
			'Sesja Rady Miejskiej w Wiskitkach w czwartek o 16:00.',
			'Poseł z naszego okręgu odwiedził szkołę w Wiskitkach i rozmawiał z uczniami.',
			'Wybory sołtysa sołectwa Guzów odbędą się w niedzielę.',
			'Wybory samorządowe: lista kandydatów do rady gminy w urzędzie.',
			'Premiera filmu o historii Wiskitek w GOK.',
			'Razem posprzątamy park po festynie! Po zebraniu zapraszamy na kawę.',
			'Sejmik województwa przyznał dotację na drogę powiatową.',
			'Burmistrz i wójt sąsiedniej gminy podpisali porozumienie.'
		]) {
			expect(findNationalPolitics(text), text).toEqual([]);
		}
	});
});
