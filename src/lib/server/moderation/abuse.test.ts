import { describe, expect, it } from 'vitest';
import { findAbuse } from './abuse';

const hits = (text: string) => findAbuse(text).map((f) => [f.rule, text.slice(f.start, f.end), f.severity]);

describe('threats, hate and insults', () => {
	it('finds threats of violence with their target', () => {
		expect(hits('Jak cię spotkam, to zabiję cię gnoju')).toEqual([['threat.violence', 'zabiję cię', 'block']]);
		expect(hits('Spalę mu chatę, zobaczycie')).toEqual([['threat.violence', 'Spalę mu', 'block']]);
		expect(hits('Wójt dostaniesz kulkę')).toEqual([['threat.violence', 'dostaniesz kulkę', 'block']]);
	});

	it('finds slurs and dehumanising phrases', () => {
		expect(hits('Ukraińcy to szczury')).toEqual([['hate.dehumanising', 'Ukraińcy to szczury', 'block']]);
		expect(hits('Wynocha stąd, ty pedale')).toEqual([['hate.slur', 'ty pedale', 'block']]);
		expect(hits('Cyganie i tak do gazu')).toEqual([['hate.dehumanising', 'do gazu', 'block']]);
	});

	it('finds insults aimed at people, to hold them', () => {
		expect(hits('Radny to kretyn i idiota')).toEqual([['insult.word', 'kretyn', 'hold'], ['insult.word', 'idiota', 'hold']]);
	});

	it('leaves ordinary words that look similar alone', () => {
		for (const text of [
			'Spalę kalorie na biegu wokół stawu.',
			'Zabijemy nudę na festynie — zapraszamy dzieci!',
			'Pedały w rowerze trzeba dokręcić, a ciotka przyniesie ciasto.',
			'Kanalizacja w Guzowie będzie gotowa w maju.',
			'Ukraińcy z naszej gminy zorganizowali zbiórkę dla schroniska.',
			'Powiesz mi, o której jest zebranie?',
			'Rozwalę ten problem w jeden dzień — obiecał fachowiec od dachu.',
			'Szczury w piwnicy bloku — prosimy administrację o deratyzację.'
		]) {
			expect(findAbuse(text), text).toEqual([]);
		}
	});
});
