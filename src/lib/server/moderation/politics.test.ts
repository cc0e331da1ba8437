import { describe, expect, it } from 'vitest';
import { findNationalPolitics, foldKeepingOffsets, readLeet, sentenceIndex } from './politics';

const spans = (text: string) => findNationalPolitics(text).map((f) => text.slice(f.start, f.end));
const rules = (text: string) => [...new Set(findNationalPolitics(text).map((f) => f.rule))];
const held = (text: string) => findNationalPolitics(text).length > 0;

describe('national politics in a local group', () => {
	it('finds parties and national politicians in any case, spelled loosely', () => {
		expect(spans('Tusk i Kaczyński znowu się kłócą')).toEqual(['Tusk', 'Kaczyński']);
		expect(spans('PiS i KO to jedno zło')).toEqual(['PiS', 'KO']);
		expect(spans('Prezydent Nawrocki zawetował ustawę')).toEqual(['Nawrocki']);
		for (const text of [
			'Kosiniak-Kamysz i jego ludowcy dbają tylko o swoje stołki.',
			'Mentzenowi bym nie zaufał, a Hołowni tym bardziej.',
			'K0nfederacja to jedyna nadzieja dla Polski!',
			'pis i po to jedno zło, trzeba ich pogonić',
			'Głosuj na Trzecią Drogę — rozsądek zamiast kłótni.',
			'Polska 2050 to partia bez żadnego programu.',
			'platforma to od zawsze partia dla bogatych, wieś mają gdzieś'
		]) {
			expect(held(text), text).toBe(true);
		}
	});

	it('holds campaigning: a vote or support call, an invitation to a candidate, a march to Warsaw', () => {
		expect(rules('Głosujcie na Konfederację w wyborach parlamentarnych!')).toContain('national_politics.campaign');
		expect(rules('Burmistrz popiera kandydaturę pana Nowaka do Sejmu i zachęca do oddania na niego głosu.')).toContain(
			'national_politics.campaign'
		);
		expect(rules('Urząd Gminy zaprasza na spotkanie z kandydatem na prezydenta RP w sali GOK.')).toContain(
			'national_politics.campaign'
		);
		expect(rules('Nasz kandydat do Senatu prosi o wasz głos 15 października.')).toContain('national_politics.campaign');
		expect(rules('Na następnych wyborach wszyscy pamiętajcie, kto nam podniósł podatki.')).toContain(
			'national_politics.campaign'
		);
		expect(rules('Jedziemy na protest rolników pod Sejm, autokar odjeżdża o 5:00 z rynku.')).toContain(
			'national_politics.rally'
		);
		expect(rules('Wszyscy na Marsz Niepodległości! Zapisy na autokar u mnie.')).toContain('national_politics.rally');
	});

	it('holds judging the government, parliament, the president or politicians', () => {
		for (const text of [
			'Ten rząd to banda złodziei, okradają emerytów.',
			'Sejm znowu uchwalił bzdurę, posłowie tylko kasę biorą i nic nie robią.',
			'Premier kłamie jak z nut, a my płacimy.',
			'Prezydent zdradził Polskę, podpisując tę ustawę.',
			'Posłowie dali sobie podwyżki, a nauczyciele głodują. Hańba!',
			'Ministrowie jeżdżą limuzynami, a u nas nie ma autobusu. Złodzieje!',
			'Wybory do Sejmu to farsa',
			'Zielony Ład to dyktat Brukseli, a nasz rząd kiwa głową jak piesek.',
			'Ta władza w Warszawie ma nas gdzieś.'
		]) {
			expect(rules(text), text).toContain('national_politics.judged');
		}
		expect(spans('Rząd podniósł ceny prądu, a teraz się dziwią. Dno.')).toEqual(['Rząd podniósł ceny']);
	});

	it('holds partisan nicknames on their own', () => {
		for (const text of [
			'Pisowcy rozkradli wszystko.',
			'Lewaki znowu protestują.',
			'Platfusy i konfiarze, jedno i to samo.',
			'Koalicja 13 grudnia rządzi.'
		]) {
			expect(held(text), text).toBe(true);
		}
	});

	it('lets neutral election notices and neutral reports through', () => {
		for (const text of [
			'Wybory do Sejmu odbędą się 12 października, lokale wyborcze czynne od 7:00 do 21:00.',
			'Frekwencja w naszej gminie w wyborach do Sejmu wyniosła 68 proc., szczegółowe wyniki na stronie PKW.',
			'Czy można głosować poza miejscem zamieszkania w wyborach do Sejmu? Będę w pracy za granicą.',
			'W dniu wyborów do Parlamentu Europejskiego gmina zapewnia transport do lokalu wyborczego.',
			'Zmiana siedziby obwodowej komisji wyborczej nr 4 – teraz w świetlicy w Sokulach.',
			'Posłanka Lewicy odwiedziła nasze przedszkole i przekazała dzieciom książki.',
			'Wczoraj w remizie był z wizytą poseł PSL, rozmawiano o ASF i cenach zboża.',
			'Poseł z naszego okręgu odwiedził szkołę w Wiskitkach i rozmawiał z uczniami.',
			'Rząd przyjął program dopłat do wymiany pieców, wnioski przyjmuje urząd.',
			'Sejm uchwalił zmiany w ustawie o odpadach, od lipca nowe zasady segregacji — szczegóły w urzędzie.',
			'Minister rolnictwa ogłosił nabór wniosków o pomoc suszową, wnioski przez ARiMR.'
		]) {
			expect(findNationalPolitics(text), text).toEqual([]);
		}
	});

	it('leaves local public life, history and look-alike words alone', () => {
		for (const text of [
			'Sesja Rady Miejskiej w Wiskitkach w czwartek o 16:00.',
			'Wybory sołtysa sołectwa Guzów odbędą się w niedzielę.',
			'Głosujcie na Anię Kowalską do rady gminy, ona naprawdę zna sprawy Guzowa!',
			'Ta opozycja w radzie gminy to cyrk, tylko się kłócą z wójtem.',
			'Wójt obiecał chodnik i nic. Wstyd, panie wójcie!',
			'W 1989 roku Solidarność wygrała wybory, a dziś w bibliotece wystawa o tamtych dniach.',
			'Premiera spektaklu w GOK w sobotę, to będzie hit, brawo młodzież!',
			'Razem posprzątamy park po festynie! Po zebraniu zapraszamy na kawę.',
			'Platforma widokowa nad stawem zostanie otwarta w maju.',
			'Trzecia droga w lewo za kościołem, tam jest apteka.',
			'Strażacy bosakiem ściągnęli gałąź z linii energetycznej.',
			'Ul. Lecha Kaczyńskiego będzie zamknięta w sobotę z powodu remontu.',
			'W pierwszym rzędzie usiądą seniorzy, koszt rzędu 5 mln zł pokryje dotacja unijna.',
			'Ministranci zapraszają na kolędowanie, brawo dla naszych chłopaków!',
			'Kiedyś w tej partii szachów przegrałem dziesięć razy z rzędu, wstyd się przyznać.',
			'Ministerstwo Finansów przypomina o rozliczeniu PIT do 30 kwietnia.',
			'Wody Polskie pogłębią koryto rzeki przy moście.',
			'Protest mieszkańców przeciw budowie fermy w sobotę pod urzędem.',
			'Więc jedziemy do Warszawy na wycieczkę, zbiórka o 7:00.',
			'Prezydent Żyrardowa to porażka, a nasz burmistrz przynajmniej coś robi.',
			'Golarka Braun sprzedam, stan idealny.',
			'Sejmik województwa przyznał dotację na drogę powiatową.'
		]) {
			expect(findNationalPolitics(text), text).toEqual([]);
		}
	});
});

describe('text helpers', () => {
	it('reads digits inside a word as letters, keeping the length', () => {
		const folded = foldKeepingOffsets('K0nfederacja i Pi$ 2050');
		expect(readLeet(folded)).toBe('konfederacja i pis 2050');
	});

	it('finds the sentence of an offset', () => {
		const text = 'Pierwsze zdanie. Drugie zdanie? Trzecie';
		const of = sentenceIndex(text);
		expect(text.slice(of(3).start, of(3).end)).toBe('Pierwsze zdanie.');
		expect(text.slice(of(20).start, of(20).end)).toBe(' Drugie zdanie?');
		expect(text.slice(of(35).start, of(35).end)).toBe(' Trzecie');
	});
});
