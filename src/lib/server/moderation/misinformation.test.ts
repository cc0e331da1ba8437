import { describe, expect, it } from 'vitest';
import { findMisinformation } from './misinformation';

const spans = (text: string) => findMisinformation(text).map((f) => text.slice(f.start, f.end));

describe('misleading health and safety claims', () => {
	it('holds claims from the list', () => {
		expect(spans('Nie szczepcie dzieci, szczepionki powodują autyzm!')).toEqual(['szczepionki powodują autyzm']);
		expect(spans('Woda w kranach jest zatruta, ZGK to ukrywa')).toEqual(['Woda w kranach jest zatruta']);
		expect(spans('Maszty 5G zabijają ptaki, a to wszystko plandemia')).toEqual(['Maszty 5G zabijają', 'plandemia']);
		expect(findMisinformation('chemtrails nad Wiskitkami')[0]).toMatchObject({ category: 'misinformation', severity: 'hold' });
	});

	it('lets ordinary health and water notices through', () => {
		for (const text of [
			'Szczepienia przeciw grypie dla seniorów w ośrodku zdrowia.',
			'Woda w wodociągu Wiskitki jest przydatna do spożycia – wyniki badań sanepidu w BIP.',
			'Nowy nadajnik 5G stanął przy drodze do Żyrardowa, zasięg jest lepszy.',
			'Czy ktoś wie, czy po płukaniu sieci woda z kranu nadaje się do picia?'
		]) {
			expect(findMisinformation(text), text).toEqual([]);
		}
	});
});
