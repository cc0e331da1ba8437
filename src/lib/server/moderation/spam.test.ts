import { describe, expect, it } from 'vitest';
import { findSpam, isScamWarning } from './spam';
import { foldKeepingOffsets } from './politics';

const rules = (text: string) => findSpam(text).map((f) => f.rule);
const spans = (text: string) => findSpam(text).map((f) => [f.rule, text.slice(f.start, f.end)]);
const expectRule = (rule: string, texts: string[]) => {
	for (const text of texts) expect(rules(text), text).toContain(rule);
};
const expectNothing = (texts: string[]) => {
	for (const text of texts) expect(findSpam(text), text).toEqual([]);
};

describe('scams without a link', () => {
	it('blocks requests for BLIK and SMS codes, in any person and spelling', () => {
		expectRule('spam.code_request', [
			'Hej, podeślesz mi szybko kod BLIK? Oddam wieczorem',
			'czy ktos przekaze mi kod blik na 150, nie mam jak zaplacic za apteke',
			'Kochana, wyślij proszę kod z BLIKA, bank mi zablokował kartę',
			'Sąsiedzie, przyjdzie Ci SMS z kodem, przepisz mi go proszę, to do mojego konta',
			'odbierz za mnie kod na telefon i podaj mi co przyszło w wiadomości',
			'Cześć, głupio mi, ale potrzebuję na szybko 300 zł na BLIK, oddam po wypłacie',
			'Siema, możesz mi wygenerować kod BLIK? Jutro oddam'
		]);
		expect(findSpam('Prześlij mi kod BLIK na 300 zł').every((f) => f.severity === 'block')).toBe(true);
		expect(spans('Możesz przesłać mi kod blik na 200 zł?')).toEqual([['spam.code_request', 'przesłać mi kod blik']]);
	});

	it('blocks card data requests, remote-access apps, "safe accounts" and fake police', () => {
		expectRule('spam.card_data', [
			'Kupię Pani pralkę, proszę wpisać dane swojej karty w formularzu kuriera, żeby odebrać płatność',
			'Do potwierdzenia zwrotu wymagany numer karty i kod CVV'
		]);
		expectRule('spam.impostor', [
			'Dzień dobry, dział bezpieczeństwa banku: ktoś bierze kredyt na Pana dane, proszę podać kod, który przyjdzie',
			'Proszę zainstalować AnyDesk, nasz konsultant zablokuje przelew z Pani konta',
			'Pani oszczędności są zagrożone, trzeba je przelać na bezpieczne konto techniczne',
			'Tu komisarz z komendy w Łodzi. Prowadzimy akcję, proszę wypłacić pieniądze i przekazać je naszemu funkcjonariuszowi'
		]);
	});

	it('holds family emergencies from a new number', () => {
		expectRule('spam.family_emergency', [
			'Mamo, to mój nowy numer, tamten się zepsuł. Przelej mi pilnie 1500 zł na fakturę',
			'Babciu, wnuczek tu, miałem wypadek, potrzebuję 20 tysięcy na kaucję, nie mów nikomu',
			'Tato, piszę z nowego numeru, możesz mi pożyczyć 700 zł? Oddam jutro',
			'Halo, tu Ola, telefon mi padł, piszę z telefonu koleżanki, potrzebuję pilnie przelewu 600 zł'
		]);
	});

	it('holds payment up front before the goods are seen', () => {
		expectRule('spam.prepayment', [
			'Sprzedam szczeniaki buldoga, 900 zł, wysyłka kurierem, zaliczka 300 zł na konto przed wysyłką',
			'Węgiel orzech 1200 zł tona, przedpłata przed przywiezieniem, inaczej nie rezerwuję',
			'Drewno bukowe tanio, najpierw przelew, potem przywiozę',
			'Mieszkanie do wynajęcia od zaraz, klucze prześlę pocztą po wpłacie kaucji',
			'Oddam kotka rasowego za darmo, płacisz tylko za transport 250 zł',
			'Sprzedam owczarka, jestem na kontrakcie w Norwegii, wysyłka przez firmę transportową, płatność z góry',
			'Pierwsze 5 osób, które wpłacą zaliczkę 200 zł, dostanie montaż gratis',
			'Sprzedam yorka, piesek jest u mojej córki w Anglii, wyślemy samolotem, trzeba tylko opłacić transport',
			'Oddam za darmo laptopa, jedyny koszt to wysyłka 30 zł płatna z góry na konto'
		]);
	});

	it('holds fees asked before a loan, a job or a prize, and verification transfers', () => {
		expectRule('spam.advance_fee', [
			'Pożyczka 10 000 zł dla każdego, jedynie opłata przygotowawcza 150 zł',
			'Praca w Niemczech przy zbiorach, przy zapisie opłata 400 zł za rezerwację miejsca',
			'Zostaw numer, zarejestruj się i zweryfikuj się przelewem 1 zł',
			'Mam spadek 3,5 mln dolarów po mężu, potrzebuję zaufanej osoby do przelania środków, dostanie 20%'
		]);
		expect(findSpam('Wystarczy weryfikacja przelewem 1 zł').map((f) => f.severity)).toEqual(['block']);
	});

	it('holds fake bills: parcel surcharges, tolls, threats of a block', () => {
		expectRule('spam.fake_bill', [
			'Twoja przesyłka czeka na dopłatę 1,99 zł, inaczej wróci do nadawcy',
			'Nieopłacony przejazd autostradą, ureguluj 9,80 zł w ciągu 24 godzin',
			'Aby uniknąć odłączenia prądu, opłać zaległą fakturę dzisiaj',
			'Twoje konto zostanie zablokowane, zaloguj się i potwierdź dane',
			'Zapłać zaległość przez link, który dostałeś'
		]);
	});

	it('holds prizes and giveaways', () => {
		expectRule('spam.fake_prize', [
			'Wygrałeś nagrodę w loterii, odbierz ją dziś',
			'Przysługuje Pani zwrot nadpłaty za gaz 412 zł',
			'Każdy senior może dostać 2500 zł dodatku, wystarczy wypełnić formularz na stronie'
		]);
		expectRule('spam.giveaway', [
			'Udostępnij i wygraj nowego iPhone’a!',
			'Polub naszą stronę, udostępnij post i oznacz 2 znajomych – losowanie w sobotę',
			'Z okazji jubileuszu Lidla rozdajemy bony po 400 zł',
			'Kaufland rozdaje karty podarunkowe o wartości 500 zł',
			'Odbierz swój darmowy upominek już dziś',
			'Odpowiedz na 4 pytania i odbierz bon 300 zł',
			'Konkurs! Do wygrania 3 bony po 500 zł do Biedronki. Wystarczy polubić i udostępnić!',
			'Z okazji Dnia Kobiet sklep daje 200 zł każdej kobiecie, kliknij i odbierz'
		]);
	});

	it('holds miracle cures and slimming', () => {
		expectRule('spam.miracle_cure', [
			'Lekarze nienawidzą tej metody na nadciśnienie',
			'Cudowny preparat na kolana, efekty od pierwszego dnia',
			'Stawy przestaną boleć w 10 dni! Kapsułki z imbirem, zamów teraz 79 zł',
			'Babcia biega jak młoda po tych wkładkach na artrozę, 59 zł para, pisz',
			'Schudniesz 12 kg w miesiąc bez diety, herbatka dostępna tylko przez internet',
			'Ozempic tanio, dyskretna wysyłka',
			'Tabletki na potencję bez recepty, wysyłka paczkomatem',
			'Ten jeden składnik sprawi, że schudniesz 10 kg w 2 tygodnie!',
			'Odzyskaj wzrok bez operacji! Krople z borówki, efekty po 7 dniach, cena 89 zł',
			'Olej konopny leczy raka i bóle stawów, sprzedaję 60 zł za butelkę'
		]);
	});

	it('holds get-rich schemes', () => {
		expectRule('spam.get_rich', [
			'Zarabiam 400 zł dziennie na bocie inwestycyjnym, link w moim profilu',
			'Wpłacasz 500 zł, po miesiącu wypłacasz 3000, wszystko online',
			'Gwarantowany zysk 20% miesięcznie, zapisy u mnie',
			'Dzięki panu Krzysztofowi od kryptowalut spłaciłam kredyt',
			'Jest apka, która płaci za chodzenie, mój kod zaproszenia ANIA-22',
			'Wyślij 1 BTC, wróci do Ciebie podwojone',
			'Kurs „Milioner w 60 dni”, sposób na pasywny dochód',
			'Praca w domu, 200 zł za godzinę, wystarczy kupić pakiet startowy',
			'Szukam osób do prostej pracy z telefonu, 400 zł dziennie, szczegóły na priv',
			'Zarabiasz ile chcesz i pracujesz kiedy chcesz – dołącz do mojego zespołu!',
			'Wyślij 0,1 BTC na ten adres, otrzymasz 0,2 BTC z powrotem'
		]);
	});

	it('holds loans, private collections and offers over messengers', () => {
		expectRule('spam.loan', [
			'Pożyczki bez BIK i zaświadczeń',
			'Udzielę pożyczki prywatnej każdemu',
			'Kredyt nawet dla osób bez zdolności kredytowej i z komornikiem',
			'Chwilówki od ręki'
		]);
		expectRule('spam.private_collection', [
			'Zbieramy na operację psa, wpłaty na moje prywatne konto',
			'Proszę o datki na konto prywatne skarbnika, fundacja nie ma jeszcze swojego'
		]);
		expectRule('spam.messenger', [
			'Inwestycje w złoto, zysk pewny, pisz na WhatsApp',
			'Tabletki na odchudzanie, zamówienia przez Telegram, -8 kg'
		]);
	});

	it('holds chain letters and fake closing-down sales', () => {
		expectRule('spam.chain', [
			'Od jutra Messenger będzie płatny! Skopiuj ten post, żeby ominąć opłatę',
			'Wyślij to do 10 osób, inaczej spotka Cię pech'
		]);
		expectRule('spam.fake_shop', [
			'Likwidacja sklepu, wszystkie kurtki -80%, zamówienia na priv',
			'Ostatnie 5 sztuk robota kuchennego za 199 zł, płatność przelewem z góry'
		]);
	});

	it('lets ordinary posts through that look a little like scams', () => {
		expectNothing([
			'Sprzedam drewno opałowe, 250 zł metr, płatność przy odbiorze gotówką albo BLIK-iem.',
			'Kto ma BLIK-a, zapłaci za bilety na festyn na miejscu.',
			'Wynajmę mieszkanie, kaucja 1500 zł płatna przy podpisaniu umowy, czynsz z góry za miesiąc.',
			'Z góry dziękuję za pomoc w szukaniu psa!',
			'Oddam szczeniaki w dobre ręce, odbiór osobisty w Guzowie.',
			'Pożyczę sąsiadowi przyczepkę, oddam jutro.',
			'Babciu, dziękujemy za pierogi, były pyszne!',
			'Mój tata ma nowy numer, znajomi proszę zapiszcie.',
			'Opłata za śmieci wynosi 32,50 zł od osoby miesięcznie.',
			'Opłata rejestracyjna za udział w biegu wynosi 40 zł.',
			'Loteria fantowa na festynie, do wygrania rower i kosz słodyczy.',
			'Udostępnijcie proszę, zaginął kot, nagroda dla znalazcy!',
			'Odbierz dziecko ze świetlicy do 17:00.',
			'Gmina inwestuje w tym roku 2 mln zł w drogi.',
			'Syn pracuje w Norwegii, zarabia dobrze, ale tęskni.',
			'Szukam pomocy przy zbiorze jabłek, płacę 25 zł za godzinę.',
			'Mama po operacji zaćmy widzi jak młoda, polecam szpital w Grodzisku.',
			'Czy ktoś stosował maść na stawy z apteki? Lekarz przepisał, ale drogo.',
			'W przychodni szczepienia przeciw grypie bez recepty i bez skierowania.',
			'Zbiórka na leczenie Kuby prowadzi fundacja, konto fundacji w opisie zbiórki.',
			'Grupa sołectwa jest też na WhatsAppie, zapraszamy.',
			'Kod BLIK działa tylko 2 minuty, w sklepie trzeba się pospieszyć.',
			'Hej, to ja, Marta z Guzowa – kiedy wywóz gabarytów? Pilnie potrzebuję wyrzucić kanapę.',
			'Konkurs plastyczny GOK: do wygrania nagrody rzeczowe. Udostępnijcie rodzicom!',
			'Zarabiasz ile chcesz? Chyba tylko w bajkach, u nas pensje stoją od lat.',
			'Syn pracuje przez internet jako programista, zarabia 8000 zł miesięcznie.',
			'Praca dodatkowa w sklepie w weekendy, 28 zł za godzinę.',
			'Sprzedam bilety na koncert, wysyłka mailem po przelewie lub odbiór osobisty w Guzowie.',
			'Dostałam paczkę z Anglii od siostry, kurier chciał 15 zł cła, zapłaciłam przy odbiorze.',
			'Wynajmę mieszkanie po babci, sam mieszkam w Norwegii, klucze ma sąsiadka, umowa na miejscu.',
			'Likwidacja sklepu pani Basi na rynku – szkoda, 30 lat tam kupowaliśmy.',
			'Przekażcie dalej: w sobotę zbiórka krwi w remizie!',
			'Moja córka schudła 10 kg w 3 miesiące z dietetyczką z przychodni.',
			'Za wynajem sali w remizie płaci się z góry u prezesa OSP.',
			'Jestem doradcą w banku spółdzielczym, w czwartek w GOK odpowiem na pytania o kredyty.',
			'Zapraszamy na XV sesję Rady Miejskiej.'
		]);
	});

	it('lets warnings about scams through, but not a scam that vouches for itself', () => {
		expectNothing([
			'Uwaga! Dostałam SMS, że paczka czeka na dopłatę 1,99 zł. To oszustwo, nie klikajcie!',
			'Ktoś z przejętego konta prosi o kod BLIK — nie dajcie się nabrać.',
			'Dzwonią „na wnuczka”, że wypadek i potrzeba 30 tysięcy na kaucję. Porozmawiajcie z rodzicami!',
			'Bank nigdy nie każe instalować AnyDesk. Rozłączyłam się od razu.',
			'GOPS nie pobiera opłat i nie dzwoni z prośbą o podanie numeru karty. Osoby podające się za pracowników zgłaszajcie na policję.'
		]);
		expect(isScamWarning(foldKeepingOffsets('Ja kliknęłam i działa, dostałam zwrot, polecam, to nie oszustwo'))).toBe(
			false
		);
		expect(isScamWarning(foldKeepingOffsets('Prowadzimy akcję przeciwko oszustom, proszę wypłacić pieniądze'))).toBe(
			false
		);
		expect(rules('Przelew najpierw, bo raz mnie oszukali. Sprzedaję rower, wysyłka paczkomatem.')).toEqual([
			'spam.prepayment'
		]);
	});
});

describe('business ads', () => {
	it('holds a business advertising itself', () => {
		expect(spans('Zapraszam do mojego nowego salonu fryzjerskiego – pierwsze strzyżenie gratis!')).toEqual([
			['commercial.ad', 'Zapraszam do mojego nowego salonu']
		]);
		for (const text of [
			'Nasza firma oferuje docieplenia budynków i elewacje.',
			'Wykonujemy usługi hydrauliczne, szybko i solidnie.',
			'Hurtownia Budmax: cement i styropian, najniższe ceny, zamówienia pod nr 600 100 200',
			'Skup aut za gotówkę, dojeżdżamy w całym województwie, najlepsze ceny!',
			'Dzisiaj promocja w naszym sklepie meblowym, cennik w komentarzu'
		]) {
			expect(
				findSpam(text).map((f) => [f.rule, f.category]),
				text
			).toEqual([['commercial.ad', 'commercial']]);
		}
	});

	it('lets private small ads, neighbourly services and notices through', () => {
		expectNothing([
			'Sprzedam drewno kominkowe, sezonowane, z transportem po gminie.',
			'Oddam za darmo meble kuchenne w dobrym stanie.',
			'Sprzedam kombinezon, 80 zł, buty gratis.',
			'Sprzedam zboże, przy większej ilości rabat.',
			'Mam na sprzedaż ziemniaki, promocja: czwarty worek gratis 🙂',
			'Koszę trawę i przycinam żywopłoty, ceny po sąsiedzku.',
			'Nasza piekarnia rusza po remoncie, przez tydzień drożdżówka gratis. Dziękujemy, że czekaliście!',
			'W aptece na rynku jest promocja na witaminy.',
			'Bilety na koncert po 20 zł w GOK, wstęp dla dzieci wolny.',
			'Trwa nabór wniosków o dofinansowanie wymiany pieców.'
		]);
	});
});

describe('the chorus, the team, the keys to an account, prizes behind a profile, hidden addresses', () => {
	it('holds testimonials of easy money and recruiting into a selling "team"', () => {
		expectRule('spam.get_rich', [
			'ja też na początku nie wierzyłam, a w tym miesiącu wypłaciłam 2300 zł, pan Robert wszystko pokazuje',
			'Polecam, zarobiłem 900 zł w tydzień, opiekun sam dzwoni',
			'Szukam trzech ambitnych osób do mojego zespołu, praca z telefonu, napisz „INFO”',
			'Mam propozycję biznesową, która odmieni… zmieni twoje życie, odezwij się'
		]);
		expectNothing([
			'Syn zarobił w wakacje 2000 zł przy truskawkach, teraz kupił rower',
			'Dziękujemy zespołowi z GOK za piękny festyn, do zobaczenia za rok',
			'Nasz zespół ludowy szuka nowych osób do śpiewu, próby we wtorki o 18'
		]);
	});

	it('blocks requests for an ID photo, a bank login or "access" to an account, not warnings about them', () => {
		expectRule('spam.card_data', [
			'Dotacja na pompę ciepła: wyślij zdjęcie dowodu i rachunku na WhatsApp',
			'Pomogę z wnioskiem, wystarczy że podacie login i hasło do banku',
			'Płacę 400 zł za założenie konta na swoje dane i przekazanie dostępu'
		]);
		expectNothing([
			'Bank nigdy nie pyta o login i hasło przez telefon, uważajcie',
			'Rachmistrz nigdy nie prosi o hasło do banku ani PIN.'
		]);
	});

	it('holds a prize "linked on my profile" and addresses written to slip past a filter', () => {
		expectRule('spam.giveaway', ['wygrałam hulajnogę od Lidla 😍 link mam na profilu… link na moim profilu']);
		expectRule('spam.hidden_link', [
			'odbierz zwrot za prąd: zwrot-energii(kropka)online',
			'wejdź na bon . gov-pl . online i sprawdź',
			'h t t p s : / / zysk24 . top'
		]);
		expectNothing([
			'Link do zbiórki dla Kuby macie na moim profilu, dziękuję za każdą złotówkę ❤️',
			'Kropka nad i: festyn się udał.'
		]);
	});
});

describe('warnings by those who got the message', () => {
	it('lets through a resident who received the scam or whose friend was hacked', () => {
		expectNothing([
			'Mnie wczoraj SMS przyszedł, że paczka wstrzymana i dopłata 1,99 zł. Nic nie zamawiałam, od razu usunęłam.',
			'Znajomej włamali się na Messengera i od niej idą wiadomości „pożycz 500 zł na BLIK”. To nie ona!'
		]);
		expectRule('spam.fake_bill', ['Twoja paczka wstrzymana, dopłata 1,99 zł, zapłać tutaj']);
	});
});
