import type { PackageCode } from '../db/schema';
import { seatPhrase } from '../text/place-names';

/**
 * The contract template ("wzór"), clause by clause. Billing fills the blanks for a real customer;
 * here every blank is a dotted line. Each clause: a title, then paragraphs or numbered points.
 */
export interface Clause {
	title: string;
	points: string[];
}

const blank = '…………………………………………';

/** What a real order puts in the blanks. */
export interface ContractFill {
	legalName: string;
	city: string;
	nip: string;
	regon: string;
	groupName: string;
	municipality: string;
	units: string[];
	/** The package ordered; Pakiet 1 when not named. */
	package?: PackageCode;
	startsOn: string;
	plan: 'monthly' | 'commitment';
	months: number | null;
	/** "3 500,00 zł" — the agreed monthly gross price. */
	price: string;
	priceNote: string | null;
}

const packageNames: Record<PackageCode, string> = {
	pakiet1: 'Pakiet nr 1 – publikowanie treści w grupie',
	pakiet2: 'Pakiet nr 2 – publikowanie i wzmocnienie treści',
	pakiet3: 'Pakiet nr 3 – publikowanie, wzmocnienie i zasięg regionalny treści'
};

/** What Pakiet 2 adds to Pakiet 1, and what Pakiet 3 adds to Pakiet 2 (§ 3). */
const package2Scope = [
	'wyróżnianie opublikowanych postów przez urząd i jednostki na 1–7 dni, w miesięcznym limicie wyróżnień określonym w cenniku: post wyróżniony ukazuje się na początku grupy z oznaczeniem „Wyróżnione przez Urząd” i jest wysyłany jako powiadomienie członkom grupy, którzy nie wyłączyli ogłoszeń gminy',
	'cotygodniowe podsumowanie „Tydzień w gminie” wysyłane pocztą elektroniczną członkom grupy, z wyróżnionymi postami na początku i możliwością rezygnacji jednym kliknięciem',
	'raport zasięgu każdego wyróżnionego posta (doręczone powiadomienia i wiadomości, wyświetlenia, reakcje, komentarze i udostępnienia na tle postów niewyróżnionych), także w comiesięcznym raporcie jednostek'
];
const package3Scope = [
	'publikowanie wyróżnionych postów także w grupach wskazanych przez Gminę sąsiednich gmin (z oznaczeniem gminy źródłowej; komentarze pozostają przy poście źródłowym), o ile moderatorzy tych grup nie wyłączą Gminy jako źródła',
	'widżet z najnowszymi wpisami urzędu i jednostek do osadzenia na stronie internetowej Gminy i w BIP',
	'powiadomienia SMS o wyróżnionych postach, jeśli Gmina włączyła SMS, w miesięcznym limicie'
];

/** The scope of a package beyond Pakiet 1, as points of § 3. */
export function extendedScope(pkg: PackageCode): string[] {
	if (pkg === 'pakiet1') return [];
	const points = [`W ramach Pakietu nr 2 Wykonawca zapewnia ponadto: ${package2Scope.join('; ')}.`];
	if (pkg === 'pakiet3')
		points.push(`W ramach Pakietu nr 3, oprócz zakresu Pakietu nr 2: ${package3Scope.join('; ')}.`);
	return points;
}

export function contractClauses(
	prices: { monthly: string; commitment: string },
	fill: ContractFill | null = null
): Clause[] {
	const f = fill;
	const pkg = f?.package ?? 'pakiet1';
	const price = f
		? `Wynagrodzenie za usługę wynosi ${f.price} brutto miesięcznie (${f.plan === 'commitment' ? `wariant z zobowiązaniem na ${f.months} miesięcy` : 'wariant miesięczny, bez długoterminowego zobowiązania'}${f.priceNote ? `; warunki indywidualne: ${f.priceNote}` : ''}).`
		: `Wynagrodzenie za usługę wynosi ${prices.monthly} brutto miesięcznie, a w przypadku umowy zawartej na okres co najmniej 6 miesięcy – ${prices.commitment} brutto miesięcznie (Pakiet nr 1). Wynagrodzenie za Pakiet nr 2 albo nr 3 wynosi tyle, ile cena tego pakietu według cennika Wykonawcy w dniu zawarcia umowy.`;
	const term = f
		? f.plan === 'commitment'
			? `Umowa zostaje zawarta od dnia ${f.startsOn} na okres ${f.months} miesięcy (wariant z zobowiązaniem).`
			: `Umowa zostaje zawarta od dnia ${f.startsOn} na czas nieokreślony (wariant miesięczny).`
		: `Umowa zostaje zawarta od dnia ${blank} na czas nieokreślony (wariant miesięczny) albo na okres ${blank} miesięcy (wariant z zobowiązaniem, co najmniej 6 miesięcy).`;
	return [
		{
			title: '§ 1. Strony umowy',
			points: [
				f
					? `Zamawiający: ${f.legalName}, ${seatPhrase(f.city)}, NIP ${f.nip}, REGON ${f.regon}, reprezentowana przez ${blank} (zwana dalej „Gminą”).`
					: `Zamawiający: Gmina ${blank}, z siedzibą w ${blank}, NIP ${blank}, REGON ${blank}, reprezentowana przez ${blank} (zwana dalej „Gminą”).`,
				'Wykonawca: PL-MEDIA, Laski, gm. Izabelin, NIP 118-161-04-40 (zwany dalej „Wykonawcą”).'
			]
		},
		{
			title: '§ 2. Przedmiot umowy',
			points: [
				f
					? `Przedmiotem umowy jest świadczenie przez Wykonawcę usługi komunikacji lokalnej „${packageNames[pkg]}” w grupie mieszkańców „${f.groupName}” prowadzonej przez Wykonawcę dla gminy ${f.municipality}.`
					: `Przedmiotem umowy jest świadczenie przez Wykonawcę usługi komunikacji lokalnej „${packageNames.pakiet1}” albo – gdy Gmina zamawia pakiet rozszerzony – „${packageNames.pakiet2}” lub „${packageNames.pakiet3}” w grupie mieszkańców „${blank}” prowadzonej przez Wykonawcę dla gminy ${blank}.`,
				'Usługa służy realizacji zadań Gminy w zakresie informowania mieszkańców o sprawach publicznych oraz bieżącym funkcjonowaniu jednostki samorządu terytorialnego.'
			]
		},
		{
			title: '§ 3. Zakres usługi',
			points: [
				'Wykonawca umożliwia urzędowi Gminy oraz jednostkom wskazanym przez Gminę publikowanie treści w grupie bez każdorazowej akceptacji przez administratora; treści te przechodzą automatycznie, a Wykonawca nie ingeruje w ich treść.',
				'Jednostki publikują ze swoich profili albo z profili wskazanych przez urząd; liczba publikowanych treści nie jest ograniczona.',
				'Zakres treści obejmuje w szczególności: informacje urzędowe i komunikaty publiczne, edukację i oświatę, kulturę i wydarzenia lokalne, sport, bezpieczeństwo i sytuacje bieżące (w tym komunikaty pilne), pomoc społeczną i zdrowie, gospodarkę komunalną oraz działania organizacji społecznych.',
				'Wykonawca przekazuje wskazówki dotyczące sposobu publikowania, tak aby ograniczyć ryzyko zatrzymania posta przez automatyczne mechanizmy moderacyjne.',
				'Wykonawca udostępnia Gminie bieżące statystyki zasięgów grupy oraz comiesięczny raport aktywności komunikacyjnej jednostek.',
				...(f
					? extendedScope(pkg)
					: [
							'W Pakiecie nr 2 Wykonawca zapewnia ponadto wyróżnianie postów w miesięcznym limicie, cotygodniowe podsumowanie „Tydzień w gminie” i raport zasięgu wyróżnionych postów, a w Pakiecie nr 3 dodatkowo publikowanie wyróżnionych postów w grupach sąsiednich gmin, widżet na stronę gminy i BIP oraz powiadomienia SMS o wyróżnionych postach.'
						])
			]
		},
		{
			title: '§ 4. Jednostki objęte umową',
			points: [
				'Gmina wskazuje jednostki i podmioty uprawnione do publikowania w załączniku nr 1 (nazwa, rodzaj, osoba kontaktowa). Gmina może zmieniać listę jednostek w panelu urzędu; zmiana nie wymaga aneksu.',
				`Jednostki wskazane przy zawarciu umowy: ${f ? (f.units.length ? f.units.join('; ') : 'urząd gminy; pozostałe Gmina wskaże w panelu urzędu') : blank}.`
			]
		},
		{
			title: '§ 5. Wynagrodzenie i płatności',
			points: [
				price,
				'Usługa rozliczana jest na podstawie faktury VAT wystawianej w pierwszym dniu każdego okresu rozliczeniowego, płatnej przelewem w terminie 14 dni na rachunek wskazany na fakturze.',
				'Za dzień zapłaty uważa się dzień uznania rachunku Wykonawcy.',
				'Gmina może w panelu urzędu zamówić zmianę pakietu na wyższy albo niższy; zmiana obowiązuje od pierwszego dnia następnego okresu rozliczeniowego, a wynagrodzenie za ten okres wynosi tyle, ile cena nowego pakietu według cennika albo warunków indywidualnych. Zmianę można wycofać do dnia jej wejścia w życie; nie wymaga ona aneksu.'
			]
		},
		{
			title: '§ 6. Okres obowiązywania i wypowiedzenie',
			points: [
				term,
				...[
					'W wariancie miesięcznym każda ze stron może wypowiedzieć umowę ze skutkiem na koniec opłaconego miesiąca.',
					'W wariancie z zobowiązaniem umowa nie może zostać wypowiedziana ze skutkiem przed upływem okresu zobowiązania; po jego upływie przechodzi w wariant miesięczny, chyba że strona złoży wypowiedzenie.'
				].filter((_, i) => !f || (f.plan === 'monthly' ? i === 0 : true)),
				'Wypowiedzenie wymaga formy dokumentowej (w tym w panelu urzędu albo pocztą elektroniczną).'
			]
		},
		{
			title: '§ 7. Wsparcie techniczne i administracyjne',
			points: [
				'W sprawach pilnych (np. błędne zatrzymanie komunikatu) Gmina i jej jednostki mają zapewniony szybki kontakt telefoniczny z dyżurnym administratorem.',
				'W sprawach mniej pilnych kontakt odbywa się przez formularz zgłoszeń lub pocztę elektroniczną; Wykonawca informuje o zgłoszeniu dodatkowo wiadomością SMS.',
				'Gmina może zgłaszać naruszenia regulaminu, w tym hejt i mowę nienawiści, oraz treści niezgodne z prawem.'
			]
		},
		{
			title: '§ 8. Zasady moderacji',
			points: [
				'Grupa działa według regulaminu opublikowanego przez Wykonawcę; dyskusje mają charakter lokalny, a treści dotyczące polityki krajowej są ograniczane do spraw mających bezpośredni związek ze społecznością lokalną.',
				'Wykonawca moderuje komentarze i posty mieszkańców, w szczególności w zakresie hejtu, mowy nienawiści, treści obraźliwych i wprowadzających w błąd; każda decyzja ograniczająca zawiera uzasadnienie i podlega odwołaniu zgodnie z aktem o usługach cyfrowych.',
				'Treści Gminy i jednostek objętych umową nie podlegają akceptacji przed publikacją; mogą zostać zatrzymane wyłącznie w razie oczywistego naruszenia prawa (np. próby oszustwa), o czym Wykonawca niezwłocznie informuje Gminę.'
			]
		},
		{
			title: '§ 9. Dane osobowe',
			points: [
				'Każda ze stron jest odrębnym administratorem danych osobowych przetwarzanych w związku z umową, w szczególności danych osób kontaktowych i pracowników jednostek posiadających konta w serwisie.',
				'Wykonawca przetwarza dane zgodnie z RODO i polityką prywatności serwisu; nie używa plików cookies śledzących ani narzędzi analitycznych innych firm.',
				'Strony zobowiązują się do zachowania w poufności informacji uzyskanych w związku z wykonywaniem umowy, z wyjątkiem informacji publicznych.'
			]
		},
		{
			title: '§ 10. Postanowienia końcowe',
			points: [
				'Zmiany umowy wymagają formy pisemnej lub elektronicznej pod rygorem nieważności, z wyjątkiem zmian listy jednostek (§ 4) i zmiany pakietu (§ 5).',
				'W sprawach nieuregulowanych stosuje się przepisy Kodeksu cywilnego.',
				'Spory rozstrzyga sąd właściwy dla siedziby Gminy.',
				'Umowę sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.'
			]
		}
	];
}
