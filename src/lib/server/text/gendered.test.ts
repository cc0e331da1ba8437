import { describe, expect, it } from 'vitest';
import { genderedForms } from './gendered';

describe('genderedForms', () => {
	it('finds forms that give the reader or staff a gender', () => {
		expect(genderedForms('Jeśli to nie Ty zakładałeś konto')).toEqual(['zakładałeś']);
		expect(genderedForms('Zostałeś wykluczony. Otrzymałaś ostrzeżenie.')).toEqual(['Zostałeś', 'Otrzymałaś']);
		expect(genderedForms('Szanowny Panie, czy mógłbyś')).toEqual(['mógłbyś', 'Szanowny', 'Panie']);
		expect(genderedForms('moderator uznał, że… Decyzję podjął moderator grupy.')).toEqual([
			'moderator uznał',
			'podjął moderator'
		]);
		expect(genderedForms('Dyżurny administrator dostał już SMS')).toEqual(['administrator dostał']);
	});

	it('passes neutral wording', () => {
		for (const text of [
			'Ktoś (mamy nadzieję, że Ty) poprosił o zmianę hasła.',
			'Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.',
			'Twoje konto w grupie „Wiskitki” zostało wykluczone z grupy.',
			'Decyzję podjął automatyczny system; Decyzję podjęła osoba moderująca grupę.',
			'Post został usunięty, komentarz został ukryty. Wysłaliśmy SMS do osoby pełniącej dyżur.',
			'Zespół Tablicy, Pałac Kultury, ładna pogoda, była, było, swoim hasłem, kołem'
		])
			expect(genderedForms(text), text).toEqual([]);
	});
});
