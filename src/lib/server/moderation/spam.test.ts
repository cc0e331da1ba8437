import { describe, expect, it } from 'vitest';
import { findSpam } from './spam';

const rules = (text: string) => findSpam(text).map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('spam and business ads', () => {
	it('holds loan, get-rich and prize schemes', () => {
		expect(rules('Szybka pożyczka bez BIK, zadzwoń!')).toEqual([['spam.scheme', 'Szybka pożyczka']]);
		expect(rules('Pożyczki bez zaświadczeń i chwilówki')).toEqual([['spam.scheme', 'Pożyczki bez zaświadczeń'], ['spam.scheme', 'chwilówki']]);
		expect(findSpam('Zarób nawet 500 zł dziennie bez wychodzenia z domu').map((f) => f.rule)).toEqual(['spam.scheme', 'spam.scheme']);
		expect(findSpam('Wygrałeś iPhone, odbierz nagrodę').map((f) => f.rule)).toEqual(['spam.scheme', 'spam.scheme']);
	});

	it('holds business ads', () => {
		expect(rules('Zapraszam do mojego nowego salonu fryzjerskiego – pierwsze strzyżenie gratis!')).toEqual([
			['commercial.ad', 'mojego nowego salonu'],
			['commercial.ad', 'gratis']
		]);
		expect(findSpam('Promocja na opony, rabat 20%').map((f) => f.rule)).toEqual(['commercial.ad', 'commercial.ad']);
	});

	it('lets private small ads and municipal notices through', () => {
		for (const text of [
			'Sprzedam drewno kominkowe, sezonowane, z transportem po gminie.',
			'Oddam za darmo meble kuchenne w dobrym stanie.',
			'Bilety na koncert po 20 zł w GOK, wstęp dla dzieci wolny.',
			'Pożyczę kosiarkę sąsiadowi na weekend.',
			'Trwa nabór wniosków o dofinansowanie wymiany pieców.'
		]) {
			expect(findSpam(text), text).toEqual([]);
		}
	});
});
