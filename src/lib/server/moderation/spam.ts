import { Gates } from './gates';
import type { Finding, Severity } from './findings';
import { foldKeepingOffsets } from './politics';

// Every pattern runs once on the text folded to lower case without diacritics (offsets unchanged).
// A scheme is a small grammar: all of its patterns must be found somewhere in the text, the first
// one gives the span; `unless` patterns cancel it. Gaps between words are bounded (`gap(n)`).
// `\b` is cheaper than a lookbehind and the same here: letters in the folded text are lower-case ASCII.
const re = (body: string) => new RegExp(`\\b(?:${body})`);
const gap = (n: number) => `(?:\\S+\\s+){0,${n}}`;
const money =
	'\\d+(?:[ .]\\d{3})*(?:[,.]\\d{1,2})?\\s?(?:zl|pln|zlotych|zlote|tys[a-z]*|euro|eur|usd|dolar[a-z]*)(?![a-z])';
const moneyRange = '\\d[\\d .,-]{0,12}\\s?(?:zl|pln|zlotych|zlote|tys[a-z]*|euro|eur|usd|dolar[a-z]*)(?![a-z])';
const domain =
	'[a-z0-9-]+\\.(?:pl|com|net|org|eu|info|shop|store|online|site|xyz|top|win|gift|support|live|biz|club|vip)(?![a-z])';

// A warning about a scam ("to oszustwo, nie klikajcie") is welcome; "przeciwko oszustom" is the fake policeman's line, not a warning.
const warning = re(
	[
		'(?<!przeciwko |przeciw |scigamy |zlapac |zatrzymac |namierzyc |lapiemy )oszust[a-z]*|naciag(?:acz|aj|a|ac)[a-z]*|wyludz[a-z]*|falszyw[a-z]*(?![a-z]| (?:transakcj|logowan|platnos|operacj|zlecen|dostep|prob))|podszyw[a-z]*|scam[a-z]*|phishing[a-z]*|przekret[a-z]*',
		'nie (?:klikaj|klikac|wchodz|otwieraj|podawaj|wplacaj|placcie|przelewaj|odpisuj|odpowiadaj|dawajcie|oddzwaniaj|instaluj|wysylaj|dajcie sie|dajmy sie|dac sie)[a-z]*|uwazaj(?:cie|my)(?![a-z])|badzcie ostrozni|ostrzega[a-z]*|ostrzegam|ostrzec|przestrzeg[a-z]*',
		'na wnuczka|na policjanta|na (?:pracownika|kuriera|konsultanta|pracownikow)|nabra[cl][a-z]*|nabier[a-z]*|rozlaczyl[a-z]*|porozmawiajcie z',
		'nigdy nie (?:dzwoni|prosi|pyta|wysyla|kaze|pobiera|zada|wymaga)[a-z]*|nie (?:dzwonimy|prosimy|pytamy|wysylamy|pobieramy|zadamy|wymagamy)|(?:podaj|podajac|podawal)[a-z]* sie za',
		`(?:zglasza|zglos)[a-z]*\\S*\\s+${gap(3)}na policj[a-z]*|zawiadom[a-z]* policj[a-z]*`,
		// Someone telling what they received: "dostałam SMS", "o tych SMS-ach".
		`dostal(?!es|as|iscie)[a-z]*\\S*\\s+${gap(1)}(?:telefon|sms[a-z]*|esemes[a-z]*|wiadomosc|mail[a-z]*|e-mail[a-z]*)|przyszedl ${gap(2)}sms|przyszla ${gap(2)}wiadomosc|(?:sms|esemes)[a-z]* (?:mi )?przyszedl|wiadomosc (?:mi )?przyszla|(?:tych|takich|podobnych|tego typu) (?:sms|esemes|wiadomosc|telefon|link)[a-z]*`,
		// Someone whose account was taken over, or who recognised the trick: "włamali się na Messengera, to nie ona", "nic nie zamawiałam".
		'wlamal[a-z]* sie na (?:konto|profil|messenger|fejs|facebook|whats)[a-z]*|przejel[a-z]* (?:jej |jego |mi |moje |moj )?(?:konto|profil)|to nie (?:ona|on|ja)(?![a-z])|nic nie zamawial[a-z]*'
	].join('|')
);
const endorsement = re(
	`polecam|polecamy|(?:to|i|naprawde|serio|wszystko|faktycznie) dziala|sprawdzon[ea] (?:strona|firma|oferta|sposob)|wejdzcie|zapisujcie sie|zarejestrujcie sie|skorzystajcie|(?:to )?nie (?:jest )?(?:zadne )?(?:oszustwo|scam|sciema)(?!\\s*\\?)|zadne oszustwo|legitn[a-z]*|nie jestem ${gap(1)}(?:naciagacz|oszust)[a-z]*`
);

// Telling the reader to act ("zaloguj się", "kliknij", "odbierz") outside quotation marks: a scam posing as a warning.
const imperative =
	/(?<![a-z])(?<!nie )(?:zaloguj|kliknij|wejdz|odbierz|zaplac|oplac|doplac|podaj|zweryfikuj|potwierdz|zainstaluj|wypelnij|zarejestruj|przelej|zabezpiecz)(?![a-z])/;
const quoted = /[„"«“][^”"»„]{0,300}[”"»“]/g;

/** A resident warning others about a scam (and not vouching for it or sending the reader to act at the same time). */
export function isScamWarning(folded: string): boolean {
	return warning.test(folded) && !endorsement.test(folded) && !imperative.test(folded.replace(quoted, ' '));
}

type Say = (quote: string) => string;
interface Scheme {
	rule: string;
	severity: Severity;
	/** Checked first, cheaply: at least one of these strings must be in the folded text. */
	gate: string[];
	all: RegExp[];
	unless?: RegExp[];
	say: Say;
}

const say = {
	code: (q: string) =>
		`Prośba o kod BLIK albo kod z SMS-a („${q}”) — tak działają oszuści z przejętych kont. Takiego wpisu nie opublikujemy; jeśli ktoś prosi Cię o kod, ostrzeż innych, że to oszustwo.`,
	card: (q: string) =>
		`Prośba o dane karty płatniczej („${q}”) — to sposób na kradzież pieniędzy z konta. Nikt uczciwy nie prosi o nie w wiadomości ani ogłoszeniu; usuń tę część.`,
	impostor: (q: string) =>
		`Tekst udaje bank, policję albo urząd i prosi o pieniądze, kod lub instalację aplikacji („${q}”) — to znany sposób oszustów. Jeśli ostrzegasz przed takim telefonem, napisz wprost, że to oszustwo.`,
	family: (q: string) =>
		`Pilna prośba o pieniądze „od bliskiej osoby” albo „z nowego numeru” („${q}”) to znane oszustwo „na wnuczka”. Jeśli ostrzegasz przed nim, napisz wprost, że to oszustwo.`,
	prepay: (q: string) =>
		`Zapłata z góry, zanim zobaczysz towar („${q}”), to częsty sposób oszustów w ogłoszeniach. Zaproponuj płatność przy odbiorze albo odbiór osobisty.`,
	fee: (q: string) =>
		`Opłata z góry za pożyczkę, pracę, nagrodę albo „rejestrację” („${q}”) to znak oszustwa. Takich ofert nie publikujemy.`,
	bill: (q: string) =>
		`Żądanie drobnej dopłaty albo opłaty „żeby uniknąć blokady lub kary” („${q}”) to typowa wiadomość oszustów. Jeśli ostrzegasz przed taką wiadomością, napisz wprost, że to oszustwo.`,
	giveaway: (q: string) =>
		`Wygląda na fałszywe rozdawanie nagród („${q}”) — takie wpisy wyłudzają dane i pieniądze. Jeśli to lokalny konkurs, napisz, kto go organizuje i gdzie są jego zasady.`,
	miracle: (q: string) =>
		`Obietnica cudownego wyleczenia albo odchudzania („${q}”). Reklam takich produktów nie publikujemy; o leczeniu warto porozmawiać z lekarzem.`,
	rich: (q: string) =>
		`Obietnica łatwego zarobku albo inwestycji („${q}”) — takie oferty to zwykle oszustwo. Nie publikujemy ich w grupie.`,
	loan: (q: string) => `Reklama pożyczek („${q}”) — takie oferty często są oszustwem. Nie publikujemy ich w grupie.`,
	collection: (q: string) =>
		`Zbiórka na prywatne konto („${q}”) — nie da się sprawdzić, kto zbiera pieniądze. Podaj nazwę organizacji i jej oficjalne konto albo link do zbiórki na znanym portalu.`,
	messenger: (q: string) =>
		`Kontakt przez komunikator albo zagraniczny numer przy ofercie pieniędzy lub leków („${q}”) to częsty znak oszustwa. Takich ofert nie publikujemy.`
};

// Word classes shared by the schemes.
const request =
	'(?:wysl|wysyl|przesl|przesyl|przekaz|podaj|podac|podesl|dasz|daj|pozycz|poratuj|potrzebuj|prosze o)[a-z]*';
// Asking "you" for something: "wyślij mi", "podeślesz", "pożyczysz".
const askYou =
	'(?:wyslij|wyslesz|przeslij|przeslesz|podeslij|podeslesz|daj|dasz|dajcie|przekaz|przekazesz|pozycz|pozyczysz|poratuj|poratujesz|podaj|podasz|zrobisz|rzuc|rzucisz)';
// Paying in person is offered: "odbiór osobisty", "płatne przy odbiorze", "za pobraniem".
const inPerson = re(
	'odbior[a-z]* osobist[a-z]*(?!\\S*\\s+(?:nie|niemozliw|wykluczon|odpada))|(?:platn[a-z]*|zaplac[a-z]*|gotowk[a-z]*) przy odbior[a-z]*|przy odbiorze|za pobraniem|na miejscu'
);
const lostFound = re(
	'zgubi[a-z]*|zagin[a-z]*|znalaz[a-z]*|znalezi[a-z]*|uciekl[a-z]*|zaginion[a-z]*|szukam[a-z]*|poszukiw[a-z]*|ukradl[a-z]*|skradzion[a-z]*|zginal[a-z]*|zginela|zginelo'
);
const ailment =
	'(?:cukrzyc|zylak|prostat|stawy|stawow|stawach|artroz|reumatyzm|nadcisnien|cisnieni|cholesterol|otylos|nadwag|kilogram|\\d+\\s?kg(?![a-z])|cellulit|lysieni|wlos|grzybic|paznokc|jaskr|zacm|wzrok|sluch|bezsennos|chrapani|hemoroid|potencj|erekcj|nowotwor|raka?(?![a-z])|tarczyc|kregoslup|migren|kolan|zmarszcz|tradzik|luszczyc|astm|wrzod|watrob|nerk|miazdzyc|zakrzep|neuropat|demencj|alzheimer|parkinson|pasozyt|tluszcz|odchudz|schudn|oponk|wirus|covid|gryp|odpornos)[a-z]*';
const cure =
	'(?:jak now[aeyi]|leczy|lecza|leczac|odzysk|efekt[a-z]* (?:juz )?po|wylecz|przesta|ustepuj|ustapi|minie|mija|uleczy|znika|zniknie|znikna|zniknal|zniknel|pozbyc|pozbedziesz|pozbyl|przywrac|przywroc|cofa|cofnie|cofnal|regeneruj|odbudow|rozpuszcz|spala|schud|zrzuc|stracil|stracisz|tracisz|odmlodz|koniec z|zapomnij o|biega[a-z]* ' +
	gap(2) +
	'jak|jak mlod|jak reka odjal|jak niemowle|na zawsze|chroni przed (?:wszystkimi|kazdym|kazda|wirus))[a-z]*';
const timeframe =
	'(?:w|po|przez|za|juz po|w ciagu) (?:jeden |jedna )?(?:tydzien|tygodniu|miesiac|noc|weekend|dobe)(?![a-z])|(?:w|po|przez|za|juz po|w ciagu)\\s+(?:\\d+|kilk[a-z]*|jed[a-z]*|dw[a-z]*|trzy|cztery|piec|siedem|dziesiec|czternascie)\\s+(?:dni|dniach|dzien|tygodn[a-z]*|tydzien|noc[a-z]*|godzin[a-z]*|minut[a-z]*)|bez (?:operacj|lekow|diet|cwiczen|wysilku|okular|skalpel|recept|efektow ubocznych|chemii)[a-z]*|-?\\d+\\s?kg (?:w )?(?:miesiecznie|tygodniowo|w tydzien|w miesiac)';
const product =
	'(?:wkladk|plastr|kropl|kapsulk|tabletk|suplement|masc|zel|zelu|olej|herbatk|bransolet|magnetyczn|syrop|preparat|proszek|nalewk|ziol|mieszank|krem|serum|probk|kuracj)[a-z]*';
const sale = `(?:zamow|kup|sprzeda|dostepn|zamawia|cena|ceny|link|sklep|pisz|priv|przesylk|wysylk|tylko przez internet|zostalo niewiele|ostatnie sztuki)[a-z]*|${money}|${domain}`;
// Earning in the first or second person ("zarabiam", "zarobisz", "zarób"): "syn zarabia 8000" is news, not an offer.
const earn =
	'(?:zarabiam|zarabiasz|zarabiaj|zarabiac|zarob(?=\\s)|zarobisz|zarobicie|zarobic|zarobil(?:em|am|ismy|ysmy)|wyplacil(?:em|am)|wyplacam|zgarniam|zgarniasz|zgarnalem|zgarnelam|wrzuca mi|wpada mi|wplywa mi|otrzymujesz|dostajesz|masz|mam)(?![a-z])';
const period =
	'(?:dziennie|tygodniowo|miesiecznie|na dzien|na tydzien|na miesiac|w tydzien|w miesiac|co miesiac|co tydzien|za godzine|na godzine|bez wychodzenia)';
const richDomain = `krypto[a-z]*|bitcoin[a-z]*|btc|inwest[a-z]*|gield[a-z]*|forex|trading[a-z]*|bot[a-z]*|boci[ea]|aplikacj[a-z]*|apk[aiey]|platform[a-z]*|z domu|w domu|bez wychodzenia|przez internet|online|na telefonie|polub[a-z]*|link[a-z]*|profil[a-z]*|rejestr[a-z]*|od ${money}`;
const brandsInText =
	'lidl[a-z]*|biedronk[a-z]*|orlen[a-z]*|kaufland[a-z]*|rossmann[a-z]*|ikea|allegro|zabk[a-z]*|auchan[a-z]*|carrefour[a-z]*|netto|dino|pepco|media ?markt[a-z]*|rtv euro agd|play|orange|t-?mobile|pge|inpost[a-z]*|castoram[a-z]*|leroy merlin|empik[a-z]*|shell|circle k|netflix[a-z]*';
const prepayNoun =
	'(?:przelew[a-z]*|oplat[a-z]*|blik[a-z]*|placi[a-z]*|zaplaci[a-z]*|przelac|przelej[a-z]*|przelal[a-z]*|przelewie|wplat[a-z]*|wplac[a-z]*|zaliczk[a-z]*|zadat[a-z]*|przedplat[a-z]*|kaucj[a-z]*|platnos[a-z]*|platn[aey]|zaplat[a-z]*|zaplac[a-z]*|oplac[a-z]*|pieniadz[a-z]*)';
const prepayWhen =
	'(?:z gory(?!\\s+(?:dzie|dzk|thx|wielkie|za\\s|do\\s))|najpierw|przed (?:wysylk|wyslani|odbior|przyjazd|przekazani|obejrzeni|dostaw|transport|przywiez|zawiez|nadani)[a-z]*|zeby ' +
	gap(1) +
	'zarezerwowa[a-z]*|na rezerwacj[a-z]*|za rezerwacj[a-z]*|100\\s?%|przed (?:rozpatrzeni|podpisani|wyplat|realizacj)[a-z]*|odbior[a-z]* osobist[a-z]* (?:nie jest mozliw|niemozliw|wykluczon|odpada|nie wchodzi)[a-z]*|bez (?:mozliwosci )?odbioru osobist[a-z]*)';

const schemes: Scheme[] = [
	// Codes: BLIK and one-time SMS codes asked of the reader.
	{
		rule: 'spam.code_request',
		severity: 'block',
		gate: ['blik'],
		all: [
			re(
				`${request}\\S*\\s+${gap(3)}kod[a-z]*\\s+(?:z\\s+)?blik[a-z]*|kod[a-z]*\\s+blik[a-z]*\\s+(?:na\\s+)?\\d|${askYou}\\S*\\s+${gap(2)}blik[a-z]*\\s+(?:na\\s+)?\\d`
			)
		],
		say: say.code
	},
	{
		rule: 'spam.code_request',
		severity: 'block',
		gate: ['blik'],
		all: [
			re(
				`(?:kod[a-z]*|wygeneruj[a-z]*|wygenerowac)\\s+(?:z\\s+)?(?:kod[a-z]*\\s+)?blik[a-z]*|\\d+\\s?(?:zl|zlotych)?\\s+na\\s+blik[a-z]*`
			),
			re('(?:mi|nam|oddam|oddaje|oddamy|pilnie|pozycz[a-z]*|potrzeb[a-z]*|pomoz[a-z]*|poratuj[a-z]*|glupio)(?![a-z])')
		],
		say: say.code
	},
	{
		rule: 'spam.code_request',
		severity: 'block',
		gate: ['kod', 'przyjdzie'],
		all: [
			re(
				`(?:przepisz|przepisze|podaj|podasz|podyktuj|przeslij|przesle|wyslij|wysle|odczytaj|przekaz|odbierz|odebral|odebrala)[a-z]*\\S*\\s+${gap(4)}(?:kod(?!\\s*pocztow)[a-z]*|co\\s+(?:ci\\s+)?przyjdzie)|kod(?!\\s*pocztow)[a-z]*\\S*\\s+${gap(4)}(?:przepisz|podaj|podyktuj|przeslij|wyslij|przekaz)[a-z]* (?:mi|nam)`
			),
			re('sms[a-z]*|esemes[a-z]*|na telefon|wiadomosc')
		],
		say: say.code
	},
	// Card data and "collect your payment" links.
	{
		rule: 'spam.card_data',
		severity: 'block',
		gate: ['kart', 'cvv', 'cvc', 'link'],
		all: [
			re(
				`(?<!nie )(?:wpis|podaj|podac|podani|uzupelni|potwierdz|wprowadz|wymagan|potrzebn)[a-z]*\\S*\\s+${gap(3)}(?:dan[a-z]*|numer[a-z]*)\\S*\\s+${gap(1)}kart[a-z]*|cvv|cvc|dane karty platniczej|link[a-z]* do (?:odbioru|otrzymania|przyjecia) (?:platnosci|pieniedzy|srodkow|przelewu)`
			)
		],
		say: say.card
	},
	// Impostors: a bank's "security department", remote-access apps, "safe accounts", fake police.
	{
		rule: 'spam.impostor',
		severity: 'block',
		gate: ['anydesk', 'teamviewer', 'team viewer', 'support', 'rustdesk', 'airdroid', 'zdaln'],
		all: [
			re(
				'anydesk|teamviewer|team viewer|quick ?support|rustdesk|airdroid|aplikacj[a-z]* (?:do )?(?:zdalnego|pulpitu zdaln)[a-z]*'
			),
			re('bank[a-z]*|kredyt[a-z]*|kont[aoy]|pieniadz[a-z]*|srodk[a-z]*|oszczednosc[a-z]*|konsultant[a-z]*|kod[a-z]*')
		],
		say: say.impostor
	},
	{
		rule: 'spam.impostor',
		severity: 'block',
		gate: ['bezpieczenstw', 'konsultant', 'z tej strony', 'doradc', 'przedstawiciel', 'agent', 'specjalist'],
		all: [
			re(
				`dzial[a-z]* bezpieczenstw[a-z]*|konsultant[a-z]*\\S*\\s+${gap(2)}bank[a-z]*|z tej strony ${gap(2)}(?:bank|policj|prokuratur|zus|urzad|ministerstw|kancelari|komorni)[a-z]*|(?:jestem|pisze|dzwonie|kontaktuje sie) ${gap(2)}(?:doradc|konsultant|przedstawiciel|agent|specjalist)[a-z]*\\S*\\s+${gap(2)}(?:z )?(?:ministerstw|bank|zus|skarbow|rzad|unii|nfz|komisji europ)[a-z]*`
			),
			re(
				'oszczednosc[a-z]*|przel[a-z]*|wyplac[a-z]*|zainstal[a-z]*|kod[a-z]*|haslo|login|anulow[a-z]*|klikn[a-z]*|formularz[a-z]*|pesel|profil[a-z]*|zaplac[a-z]*|link[a-z]*|na (?:pani|pana|twoje|panstwa) dane|(?:podac|podanie|potwierdz[a-z]*) dan[a-z]*|zablokowan[a-z]*|zagrozon[a-z]*'
			)
		],
		say: say.impostor
	},
	{
		rule: 'spam.impostor',
		severity: 'block',
		gate: ['kont'],
		all: [
			re(
				'(?:bezpieczne|bezpiecznego|techniczne|technicznego|tymczasowe|zabezpieczajace|specjalne) kont[aoy]?(?![a-z])'
			),
			re('przel[a-z]*|wplac[a-z]*|przekaz[a-z]*|pieniadz[a-z]*|oszczednosc[a-z]*|srodk[a-z]*')
		],
		say: say.impostor
	},
	{
		rule: 'spam.impostor',
		severity: 'block',
		gate: ['policj', 'funkcjonariusz', 'prokurat', 'cba', 'abw', 'komisarz', 'komend'],
		all: [
			re(
				`(?:wyplac|przekaz|zostaw|wyrzuc|oddac|oddaj|przelej|przelac|wplac|spakuj)[a-z]*\\S*\\s+${gap(4)}(?:oszczednosc|pieniadz|gotowk|srodk|kase|zloto|bizuteri)[a-z]*|(?:oszczednosc|pieniadz|gotowk|srodk|zloto|bizuteri)[a-z]*\\S*\\s+${gap(6)}(?:wyplac|przekaz|oddac|oddaj|przelac|przelej|wydac|spakowac)[a-z]*`
			),
			re('policj[a-z]*|policjant[a-z]*|funkcjonariusz[a-z]*|prokurat[a-z]*|cba|abw|komisarz[a-z]*|komend[a-z]*'),
			re(
				'zagrozon[a-z]*|bezpieczn[a-z]*|zabezpiecz[a-z]*|akcj[a-z]*|zasadzk[a-z]*|przestepc[a-z]*|oszust[a-z]*|tajemnic[a-z]*|nikomu|sledztw[a-z]*|naszemu|nasz kolega|przyjdzie|odbierze'
			)
		],
		say: say.impostor
	},
	// Family emergencies from a "new number" and the grandchild in trouble.
	{
		rule: 'spam.family_emergency',
		severity: 'hold',
		gate: [
			'mamo',
			'mamus',
			'tato',
			'tatus',
			'babciu',
			'dziadku',
			'ciociu',
			'wujku',
			'wujaszku',
			'synku',
			'coreczko',
			'wnucz',
			'numer',
			'telefon',
			'to ja',
			'tu '
		],
		all: [
			re(
				`przelac|przelej[a-z]*|przelew[a-z]*|pozyczysz|pozycz (?:mi|nam)|pozyczyc|wyslij ${gap(2)}pieniadz[a-z]*|kaucj[a-z]*|potrzeb[a-z]*\\S*\\s+${gap(2)}(?:pilnie )?\\d+|(?:pilnie|szybko) ${gap(1)}\\d+(?:[ .]\\d{3})*(?![\\d:])|oddam (?:jutro|pojutrze|w [a-z]+|jak|po)`
			),
			re(
				`mamo|mamusiu|tato|tatusiu|babciu|dziadku|ciociu|wujku|wujaszku|synku|coreczko|wnucz[a-z]*|z nowego numeru|nowy numer|stary (?:telefon|numer)|zmienil[a-z]* numer|z (?:telefonu|numeru) (?:kolezank|koleg|znajom|sasiad)[a-z]*|telefon mi\\S*\\s+${gap(1)}(?:padl|zepsul|wpadl|ukradli|zginal|rozbil|nie dziala)[a-z]*|to ja(?![a-z])|tu [a-z]+,`
			),
			re(
				'pilnie|pilne|pilna|pilny|szybko|nikomu|nie dzwon|nie mow|policja zabronil[a-z]*|wypadek|wypadku|szpital[a-z]*|areszt[a-z]*|zatrzyma[a-z]*|mikrofon|bank[a-z]* nie dziala|zablokowal[a-z]*|wpadl[a-z]* do wody|zepsul[a-z]*|oddam'
			)
		],
		say: say.family
	},
	// Fees asked before a loan, a job, a prize or a "registration".
	{
		rule: 'spam.advance_fee',
		severity: 'hold',
		gate: ['oplat', 'kaucj'],
		all: [
			re(
				`oplat[a-z]*\\S*\\s+${gap(1)}(?:rejestracyjn|przygotowawcz|administracyjn|manipulacyjn|aktywacyjn|weryfikacyjn|wstepn|serwisow|ubezpieczeniow)[a-z]*|(?:rejestracyjn|przygotowawcz|administracyjn|manipulacyjn|aktywacyjn|weryfikacyjn)[a-z]* oplat[a-z]*|kaucj[a-z]* za (?:sprzet|material|program|pakiet|zestaw)[a-z]*|oplat[a-z]*\\S*\\s+${gap(2)}za (?:analiz|rozpatrzeni|rezerwacj|zalatwieni|dokument|przygotowani|wniosek|wniosku|weryfikacj|ubezpieczeni|aktywacj|material|zestaw|szkoleni|starter|pakiet|program)[a-z]*`
			),
			re(
				`pozyczk[a-z]*|kredyt[a-z]*|spad(?:ek|ku)|pracy|praca|zarob[a-z]*|program[a-z]*|darmo|darmow[a-z]*|bezplatn[a-z]*|wygran[a-z]*|nagrod[a-z]*|unia|unijn[a-z]*|dotacj[a-z]*|dofinans[a-z]*|\\d+\\s?%|${domain}`
			)
		],
		say: say.fee
	},
	{
		rule: 'spam.advance_fee',
		severity: 'hold',
		gate: ['zakupic', 'kupic', 'wplacic', 'oplacic', 'wykupic'],
		all: [
			re(
				`(?:musz[a-z]*|trzeba|nalezy|wystarczy)\\s+${gap(2)}(?:zakupic|kupic|wplacic|oplacic|wykupic)\\s+${gap(3)}(?:program|pakiet|zestaw|kurs|szkoleni|starter|licencj|material|sprzet|aplikacj)[a-z]*`
			),
			re('prac[a-z]*|zarob[a-z]*|zlecen[a-z]*|stawk[a-z]*|zatrudni[a-z]*')
		],
		say: say.fee
	},
	{
		rule: 'spam.advance_fee',
		severity: 'block',
		gate: ['weryfik', 'przelew'],
		all: [
			re(
				`weryfikac[a-z]*\\S*\\s+${gap(2)}(?:przelew[a-z]*|przez bank|kart[a-z]*)|przelew[a-z]* (?:weryfikacyjn|testow|aktywacyjn)[a-z]*|(?:zweryfikuj|zweryfikowa|potwierdz)[a-z]* (?:sie )?${gap(2)}przelewem|\\d+\\s?(?:zl|gr) ${gap(1)}(?:weryfikac|na weryfikac)[a-z]*`
			)
		],
		say: say.fee
	},
	// Paying up front before seeing the goods (pets, firewood, coal, tickets, flats).
	{
		rule: 'spam.prepayment',
		severity: 'hold',
		gate: ['z gory', 'najpierw', 'przed ', 'rezerw', '100', 'osobist'],
		all: [
			re(`${prepayNoun}\\S*\\s+${gap(5)}${prepayWhen}|${prepayWhen}\\S*\\s+${gap(5)}${prepayNoun}`),
			// Paid from afar: "z góry u prezesa OSP" is not.
			re(
				'przel[a-z]*|kont[aoy]?(?![a-z])|blik[a-z]*|wysyl[a-z]*|wysle|kurier[a-z]*|paczkomat[a-z]*|transport[a-z]*|przesylk[a-z]*|przesl[a-z]*|dowoz[a-z]*|dostaw[a-z]*|przywiez[a-z]*|przywioz[a-z]*|kaucj[a-z]*|zaliczk[a-z]*|zadat[a-z]*|przedplat[a-z]*|rezerw[a-z]*'
			)
		],
		say: say.prepay
	},
	{
		rule: 'spam.prepayment',
		severity: 'hold',
		gate: ['po wplac', 'po wplat', 'po przelew', 'po oplac', 'po zaplac', 'po przedpla'],
		all: [
			re(
				`(?:wysyl|wysle|wysylam|wysylka|wysylamy|przesl|przesle|przesyl|szczegol|adres|zlecen|dostep|rezerw|klucz)[a-z]*\\S*\\s+${gap(3)}po (?:wplac|wplat|przelew|oplac|zaplac|przedplac|przedplat)[a-z]*|po (?:wplac|wplat|przelew|oplac|zaplac|przedplac|przedplat)[a-z]*\\S*\\s+${gap(3)}(?:wysyl|wysle|wysylam|wysylka|wysylamy|przesl|przesle|przesyl|szczegol|adres|zlecen|dostep|rezerw|klucz)[a-z]*`
			)
		],
		unless: [inPerson],
		say: say.prepay
	},
	{
		rule: 'spam.prepayment',
		severity: 'hold',
		gate: ['zaliczk', 'zadat', 'przedplat', 'kaucj'],
		all: [
			re(`(?:wplac|przelej|przela|wplat)[a-z]*\\S*\\s+${gap(2)}(?:zaliczk|zadat|przedplat|kaucj)[a-z]*`),
			re(
				`pierwsz[a-z]* \\d+ osob|tylko dla|ostatni dzien|liczba miejsc|ilosc ograniczon|zostal[a-z]* (?:tylko )?\\d|gratis|dostan[a-z]*|dostaniesz`
			)
		],
		say: say.prepay
	},
	{
		rule: 'spam.prepayment',
		severity: 'hold',
		gate: ['placisz', 'placi sie', 'pokrywa', 'oplacasz'],
		all: [
			re(
				`(?:placisz|zaplacisz|pokrywasz|oplacasz|placi sie|pokrywa) (?:tylko |jedynie )?(?:za |koszt[a-z]* )(?:transport|przesylk|dostaw|wysylk|kurier|dowoz)[a-z]*`
			),
			re(`z gory|przelew[a-z]*|kont[aoy]?(?![a-z])|blik[a-z]*|oddam|za darmo|darmow[a-z]*|gratis|${money}`)
		],
		say: say.prepay
	},
	{
		rule: 'spam.prepayment',
		severity: 'hold',
		gate: [
			'granica',
			'kontrakc',
			'misji',
			'platformie',
			'anglii',
			'norwegii',
			'niemc',
			'niemiec',
			'holandii',
			'szkocji',
			'irlandii',
			'hiszpanii',
			'szwecji',
			'rumunii',
			'brytanii',
			'usa',
			'kanad',
			'belgii',
			'francji',
			'austrii',
			'danii',
			'ukrain',
			'litw'
		],
		all: [
			re(
				`zaliczk[a-z]*|kaucj[a-z]*|przedplat[a-z]*|przelew[a-z]*|wplat[a-z]*|wplac[a-z]*|oplacic|oplac(?![a-z])|zaplacic|zaplac(?![a-z])|z gory|najpierw`
			),
			// The seller is abroad and sends the goods or the keys.
			re(
				`za granica|na kontrakcie|na misji|na platformie|(?:w|z) (?:anglii|norwegii|niemczech|niemiec|holandii|szkocji|irlandii|hiszpanii|szwecji|rumunii|wielkiej brytanii|usa|kanadzie|kanady|belgii|francji|austrii|danii|ukrainie|ukrainy|litwie|litwy)(?![a-z])`
			),
			re(
				'wysyl[a-z]*|wysle[a-z]*|przesl[a-z]*|przesle[a-z]*|kurier[a-z]*|transport[a-z]*|samolot[a-z]*|klucz[a-z]*|przesylk[a-z]*|paczkomat[a-z]*'
			),
			// Something for sale or to let: a pet, goods, a flat.
			re(
				'(?:sprzeda[a-z]*|oddam|oddaje|szczeni[a-z]*|piesek|piesk[a-z]*|psa|kot|kotk[a-z]*|kociak[a-z]*|mieszkani[a-z]*|wynaj[a-z]*|do wynajecia|cena)(?![a-z])'
			)
		],
		unless: [inPerson],
		say: say.prepay
	},
	// Small surcharges for parcels, tolls, power; "to avoid a block".
	{
		rule: 'spam.fake_bill',
		severity: 'hold',
		gate: ['doplat', 'oplat', 'oplac', 'zaplac', 'doplac', 'uiscic', 'uregul', 'czeka'],
		all: [
			re(
				`(?:doplat|oplat|oplac|zaplac|doplac|uiscic|uregul)[a-z]*\\S*\\s+${gap(4)}\\d{1,3}[,.]\\d{2}(?:\\s?(?:zl|pln|gr))?|czeka[a-z]* na (?:doplat|oplat|oplacen|clo|potwierdz)[a-z]*`
			),
			re(
				'paczk[a-z]*|przesylk[a-z]*|kurier[a-z]*|magazynow[a-z]*|doreczen[a-z]*|nadawc[a-z]*|adres[a-z]* dostawy|dostarczeni[a-z]*|clo|cla|celn[a-z]*|sortowni[a-z]*|autostrad[a-z]*|e-?toll|mandat[a-z]*|odlaczeni[a-z]*|wylaczeni[a-z]*'
			)
		],
		say: say.bill
	},
	{
		rule: 'spam.fake_bill',
		severity: 'hold',
		gate: ['unikn', 'przeciwnym', 'zablokowan', 'zawieszon', 'usunie', 'wstrzyman', 'zwrocon', 'odeslan'],
		all: [
			re(
				`(?:aby|zeby|by) ${gap(1)}unikn[a-z]*\\S*\\s+${gap(2)}(?:odlaczeni|odcieci|wylaczeni|blokad|mandat|kar[aey]?(?![a-z])|zawieszeni|utrat|egzekucj|komornik|windykacj|zajeci|licytacj|pozw|sprawy w sadzie)[a-z]*|w przeciwnym (?:razie|wypadku) ${gap(3)}(?:utrac|strac|zablok|odlacz|zawiesz|przepad)[a-z]*|(?:konto|karta|karte|dostep|paczka|przesylka) ${gap(3)}(?:zostal[a-z]*|zostanie|bedzie) ${gap(1)}(?:zablokowan|zawieszon|usunie|wstrzyman|zwrocon|odeslan)[a-z]*`
			),
			re(
				'oplac[a-z]*|zaplac[a-z]*|doplac[a-z]*|zaktualizuj[a-z]*|potwierdz[a-z]*|zweryfikuj[a-z]*|zaloguj[a-z]*|odblokuj[a-z]*|klikn[a-z]*|wejdz[a-z]*|podaj[a-z]*|wypelnij[a-z]*'
			)
		],
		say: say.bill
	},
	{
		rule: 'spam.fake_bill',
		severity: 'hold',
		gate: ['przez link', 'przez ponizszy', 'przez ten link', 'przez strone'],
		all: [
			re(
				`(?:zaplac|oplac|doplac|uregul|splac)[a-z]*\\S*\\s+${gap(2)}przez (?:link|ponizszy link|ten link|strone)[a-z]*`
			)
		],
		say: say.bill
	},
	// Benefits and refunds promised to "every pensioner", "you have won".
	{
		rule: 'spam.fake_prize',
		severity: 'hold',
		gate: ['kazd'],
		all: [
			re(
				`(?:kazdy|kazda|kazdemu) ${gap(2)}(?:obywatel|emeryt|senior|polak|mieszkan|rolnik|rencist|rodzic|uzytkownik|kierowc|klient)[a-z]*\\S*\\s+${gap(3)}(?:otrzyma|dostac|dostanie|dostaje|nalezy sie|przysluguje)[a-z]*\\S*\\s+${gap(2)}${money}`
			),
			re(
				`zarejestr[a-z]*|wypelni[a-z]*|formularz[a-z]*|klikn[a-z]*|zweryfik[a-z]*|link[a-z]*|stron[a-z]*|profil[a-z]*|ankiet[a-z]*|przelew[a-z]*|${domain}`
			)
		],
		say: say.giveaway
	},
	{
		rule: 'spam.fake_prize',
		severity: 'hold',
		gate: ['przysluguje'],
		all: [
			re(
				`przysluguje (?:ci|pani|panu|panstwu|wam) ${gap(2)}(?:zwrot|doplat|odszkodowan|rekompensat|nagrod|wyplat|swiadczen|bon)[a-z]*`
			)
		],
		say: say.giveaway
	},
	{
		rule: 'spam.fake_prize',
		severity: 'hold',
		gate: ['otrzymal', 'wygral', 'zostal'],
		all: [
			re('otrzymal(?:es|as|iscie)|wygral(?:es|as|iscie)|zostal(?:es|as|iscie) (?:wylosowan|wybran|nagrodzon)[a-z]*'),
			re(
				`odbierz[a-z]*|klikn[a-z]*|link[a-z]*|nagrod[a-z]*|gratulacj[a-z]*|wyplat[a-z]*|zalegl[a-z]*|${money}|${domain}`
			)
		],
		say: say.giveaway
	},
	// Giveaways: like and share to win, "Orlen gives away fuel cards", "collect your voucher".
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['oznacz', 'polub', 'udostepn', 'kazd', 'kto '],
		all: [
			re(
				`oznacz[a-z]*\\S*\\s+${gap(1)}(?:\\d|trzech|dwoch|pieciu|znajom)[a-z]*|polub[a-z]*\\S*\\s+${gap(3)}(?:stron|fanpage|profil|post)[a-z]*|udostepn[a-z]*\\S*\\s+${gap(2)}(?:post|wpis|fanpage|stron|profil|publicznie)[a-z]*|(?:wystarczy|warunek[a-z]*|musisz|trzeba)\\S*\\s+${gap(2)}(?:polub|udostepn|oznacz|skomentuj|zaobserwuj)[a-z]*|(?:kazd[a-z]*|wszystk[a-z]*) kto (?:polubi|udostepni|oznaczy|skomentuje|zaobserwuje)|kto (?:polubi|udostepni|oznaczy)`
			),
			re(
				`wygra[a-z]*|do wygrania|losowan[a-z]*|losujemy|rozdaj[a-z]*|rozdani[a-z]*|nagrod[a-z]*|zgarnij|odbierz[a-z]*|bon(?:y|u|ow)?(?![a-z])|voucher[a-z]*|(?:dostan|dostaje|daje|dam)[a-z]*\\S*\\s+${gap(1)}\\d`
			)
		],
		unless: [lostFound],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['udostepnij', 'polub', 'oznacz', 'skomentuj', 'zaobserwuj'],
		all: [
			re(
				'(?:udostepnij|udostepnijcie|polub|polubcie|oznacz|skomentuj|zaobserwuj)[a-z]* (?:i|a|aby|zeby) (?:wygraj|zgarnij|odbierz|wygrasz|wygracie|zgarniesz|odbierzesz|otrzymasz|dostaniesz|wygrac|zgarnac)[a-z]*'
			)
		],
		unless: [lostFound],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['wygraj'],
		all: [
			re(
				'wygraj[a-z]* (?:\\S+\\s+){0,2}(?:iphone|samsung|samochod|auto|audi|bmw|toyot|mercedes|telefon|smartfon|laptop|telewizor|konsol|playstation|bon|voucher|karte podarunkow|\\d)[a-z]*'
			)
		],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['odbierz', 'odbieraj', 'zgarnij', 'wymien'],
		all: [
			re(
				`(?:odbierz|odbieraj|zgarnij|wymien)[a-z]*\\S*\\s+${gap(3)}(?:nagrod|bon(?:y|u|a)?(?![a-z])|kart[ay]? (?:podarunkow|paliwow|prezentow)|upomin|prezent|voucher|doladowan|iphone|smartfon|darmow|swoj[a-z]* (?:nagrod|upomin|prezent|zestaw|bon|kart[ae] (?:podarunkow|paliwow)))[a-z]*|(?:odbierz|odbieraj|zgarnij)[a-z]*\\S*\\s+${gap(1)}${money}`
			)
		],
		unless: [lostFound],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['rozda'],
		all: [
			re(
				`(?:rozdaj|rozdajemy|rozdaja|rozdaje|rozdawa|rozdamy)[a-z]*\\S*\\s+${gap(4)}(?:o wartosci|po ${money}|${money}|iphone[a-z]*|smartfon[a-z]*|samochod[a-z]*|bitcoin[a-z]*|btc|krypto[a-z]*|aut(?:a|o)?(?![a-z])|kart[ay]? (?:paliwow|podarunkow)[a-z]*|bony|vouchery)`
			)
		],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['jubileusz', 'urodzin', 'rocznic'],
		all: [
			re(
				`(?:jubileusz|urodzin|rocznic)[a-z]*\\S*\\s+${gap(2)}(?:${brandsInText})|(?:${brandsInText}) ${gap(3)}(?:jubileusz|urodzin|rocznic)[a-z]*`
			),
			re(
				'rozdaj[a-z]*|odbierz[a-z]*|wygra[a-z]*|za darmo|darmow[a-z]*|bon[a-z]*|voucher[a-z]*|kart[ay]? podarunkow[a-z]*|nagrod[a-z]*|upomin[a-z]*|prezent[a-z]*'
			)
		],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['pytan', 'ankiet'],
		all: [
			re('odpowiedz[a-z]* na \\d+ (?:proste )?pytan[a-z]*|wypelnij[a-z]* (?:krotk[a-z]* )?ankiet[a-z]*'),
			re('odbierz[a-z]*|nagrod[a-z]*|bon[a-z]*|kart[a-z]*|wygra[a-z]*|dopl[a-z]*|\\d+\\s?zl')
		],
		say: say.giveaway
	},
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['odbierz', 'zgarnij', 'otrzymaj', 'wygraj', 'kazd', 'wszystkim'],
		all: [
			re(
				`(?:kliknij|wejdz|zarejestruj sie|wypelnij|zaloguj sie)[a-z]*\\s+(?:i|a)\\s+(?:odbierz|zgarnij|otrzymaj|wygraj)[a-z]*|(?:daje|daja|rozdaje|rozdaja|dostanie|otrzyma|wyplaca)[a-z]*\\s+${money}\\s+(?:kazdemu|kazdej|kazdy|kazda|dla kazdego|wszystkim)`
			)
		],
		say: say.giveaway
	},
	// Miracle cures and slimming.
	{
		rule: 'spam.miracle_cure',
		severity: 'hold',
		gate: ['lekarz', 'nienawidz', 'ukrywaj', 'nie znaj', 'nie powie', 'koncern', 'pharm', 'cudown'],
		all: [
			re(
				`lekarz[a-z]*\\S*\\s+${gap(2)}(?:nienawidz|ukrywa|nie chc|nie znaj|sa w szoku|przecieraj|nie mow|milcz)[a-z]*|(?:nienawidz|ukrywaj|nie znaj|nie powie)[a-z]*\\S*\\s+${gap(2)}lekarz[a-z]*|koncern[a-z]*\\S*\\s+${gap(1)}farmaceut[a-z]*|big pharm[a-z]*|cudown[a-z]*\\S*\\s+${gap(1)}(?:lek|srodk|preparat|krem|masc|suplement|kapsul|kropl|plastr|syrop|olej|herbat|sposob|metod|mieszank|tabletk|wkladk|zel|ziol|nalewk|napoj|eliksir|kuracj)[a-z]*`
			)
		],
		say: say.miracle
	},
	{
		rule: 'spam.miracle_cure',
		severity: 'hold',
		gate: [
			'cukrzyc',
			'zylak',
			'prostat',
			'staw',
			'artroz',
			'reumatyzm',
			'cisnien',
			'cholesterol',
			'otylos',
			'nadwag',
			'kilogram',
			'kg',
			'cellulit',
			'lysien',
			'wlos',
			'grzybic',
			'paznokc',
			'jaskr',
			'zacm',
			'wzrok',
			'sluch',
			'bezsennos',
			'chrapan',
			'hemoroid',
			'potencj',
			'erekcj',
			'nowotwor',
			'rak',
			'tarczyc',
			'kregoslup',
			'migren',
			'kolan',
			'zmarszcz',
			'tradzik',
			'luszczyc',
			'astm',
			'wrzod',
			'watrob',
			'nerk',
			'miazdzyc',
			'zakrzep',
			'neuropat',
			'demencj',
			'alzheimer',
			'parkinson',
			'pasozyt',
			'tluszcz',
			'odchudz',
			'schudn',
			'oponk',
			'wirus',
			'covid',
			'gryp',
			'odpornos'
		],
		all: [re(cure), re(ailment), re(`${timeframe}|${product}`), re(sale)],
		say: say.miracle
	},
	{
		rule: 'spam.miracle_cure',
		severity: 'hold',
		gate: ['schud', 'zrzuc', 'stracisz', 'spalisz', 'trik', 'skladnik'],
		all: [
			re(
				`(?:schudniesz|schudnij|schudnac|zrzucisz|zrzuc|stracisz|spalisz)\\s+${gap(1)}\\d+\\s?(?:kg|kilo)[a-z]*\\S*\\s+${gap(1)}(?:w|przez|w ciagu|za|do)\\s+(?:\\d+|tydzien|miesiac|dwa|trzy|jeden)|(?:ten|jeden|prosty) (?:prosty |domowy )?(?:trik|skladnik|sposob) (?:sprawi|na|ktory)`
			)
		],
		say: say.miracle
	},
	{
		rule: 'spam.miracle_cure',
		severity: 'hold',
		gate: [
			'ozempic',
			'wegovy',
			'saxenda',
			'mounjaro',
			'viagr',
			'cialis',
			'sildenafil',
			'tadalafil',
			'steryd',
			'clenbuterol',
			'anaboli'
		],
		all: [
			re('(?:ozempic|wegovy|saxenda|mounjaro|viagr|cialis|sildenafil|tadalafil|steryd|clenbuterol|anaboli)[a-z]*'),
			re(
				'bez recept[a-z]*|tanio|dyskretn[a-z]*|zamow[a-z]*|sprzedam|wysylk[a-z]*|telegram[a-z]*|whatsapp[a-z]*|\\d+\\s?kg'
			)
		],
		say: say.miracle
	},
	{
		rule: 'spam.miracle_cure',
		severity: 'hold',
		gate: ['recept'],
		all: [
			re('bez recept[a-z]*'),
			re(
				'tanio|dyskretn[a-z]*|telegram[a-z]*|whatsapp[a-z]*|wysylk[a-z]*|kurier[a-z]*|zamowien[a-z]*|paczkomat[a-z]*|\\d+\\s?kg'
			)
		],
		say: say.miracle
	},
	// Get rich: earnings per day, crypto bots, "pay 800, get 4000", referral codes, "link in my profile".
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: [
			'zarabia',
			'zarob',
			'wyplacil',
			'zgarnia',
			'zgarnal',
			'wrzuca mi',
			'wpada mi',
			'wplywa mi',
			'otrzymujesz',
			'dostajesz',
			'masz'
		],
		all: [re(`${earn}\\S*\\s+${gap(3)}(?:nawet\\s+)?${moneyRange}\\S*\\s+${gap(1)}${period}`), re(richDomain)],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['wplac', 'wklad', 'zainwest', 'inwestujesz', 'wlozy'],
		all: [
			re(
				`(?:wplac|wklad|zainwest|inwestujesz|wlozyl|wlozy)[a-z]*\\S*\\s+${gap(1)}${moneyRange}\\S*\\s+${gap(4)}(?:masz|dostaj|otrzym|dostan|zarob|zarabia|wyplac)[a-z]*\\S*\\s+${gap(1)}\\d`
			),
			re(
				`${richDomain}|(?:po|za) (?:tygodniu|tydzien|miesiacu|miesiac|dniu|dwa tygodnie|\\d+ (?:dniach|dni|tygodniach|tygodnie))|co (?:miesiac|tydzien)|miesiecznie|dziennie|tygodniowo|sprawdzon[a-z]*`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['podwoj', 'zarab', 'zarob'],
		all: [
			re(
				`(?:wroca|wroci|oddamy|odesle|odeslemy|zwrocimy)[a-z]*\\S*\\s+${gap(3)}podwojon[a-z]*|podwoj[a-z]* (?:wplat|kwot|pieniadz|srodk|inwestycj)[a-z]*|(?:juz )?od ${money} ${gap(2)}(?:mozesz |mozna )?(?:zarabia|zarobi)[a-z]*`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['bot', 'krypto', 'bitcoin', 'btc', 'usdt', 'forex', 'binarn', 'inwestycyjn', 'inwestuj'],
		all: [
			re(
				`bot[a-z]*\\S*\\s+${gap(1)}(?:kryptowalut|inwestycyjn|tradingow|gieldow)[a-z]*|kryptowalut[a-z]*|bitcoin[a-z]*|(?:btc|usdt)(?![a-z])|forex[a-z]*|opcj[a-z]* binarn[a-z]*|platform[a-z]* inwestycyjn[a-z]*|(?:zainwestuj|inwestuj)[a-z]*\\S*\\s+${gap(2)}(?:krypto|bitcoin|zlot|akcj|w (?:orlen|pge|lotos|baltic|cpk|tesl|amazon))[a-z]*`
			),
			re(
				`zarab[a-z]*|zarobi[a-z]*|zysk[a-z]*|${moneyRange}|dziennie|miesiecznie|link[a-z]*|profil[a-z]*|zapis[a-z]*|rejestr[a-z]*|polec[a-z]*|wplac[a-z]*|otrzymasz|dostaniesz|z powrotem|podwoj[a-z]*`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: [
			'dlugow',
			'gwarantowan',
			'zysk',
			'dzieki',
			'przepis',
			'sposob',
			'klucz',
			'recept',
			'milioner',
			'pasywn',
			'wolnosc',
			'latw'
		],
		all: [
			re(
				`wyszl[a-z]* z dlugow|gwarantowan[a-z]* (?:zysk|zwrot|dochod|zarob)[a-z]*|zysk[a-z]*\\S*\\s+${gap(1)}\\d+\\s?% (?:miesiecznie|tygodniowo|dziennie|w miesiac|w tydzien|na miesiac)|dzieki ${gap(1)}(?:pani|panu|pana) [a-z]+ ${gap(2)}(?:od|z) (?:gield|inwestycj|krypto|forex|bitcoin|trading)[a-z]*|(?:przepis|sposob|klucz|recept[a-z]*) na ${gap(1)}(?:bogactw|milion|wolnosc finansow|pasywny dochod|latwe pieniadze)[a-z]*|milioner[a-z]* w \\d+ dni|pasywn[a-z]* dochod[a-z]*|wolnosc[a-z]* finansow[a-z]*|latw[a-z]* (?:pieniadz|kas[aey]|zarob)[a-z]*`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['kod', 'bonus'],
		all: [
			re(
				`kod[a-z]*\\S*\\s+${gap(1)}(?:zaproszeni|polecajac|polecen|referencyjn|rejestracyjn)[a-z]*|(?:oboje|obaj|obie|razem) (?:dostajemy|dostaniemy|otrzymujemy|zgarniamy) ${gap(1)}bonus[a-z]*`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['placi', 'wyplaca', 'daje'],
		all: [
			re(
				`(?:apk[a-z]*|aplikacj[a-z]*|gr[ae]|program)\\s+${gap(3)}(?:placi|wyplaca|daje)\\s+${gap(3)}(?:${money}|za (?:instalacj|rejestracj|odpowiad|granie|ogladani|chodzeni|polecen)[a-z]*)`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['profil', 'bio', 'opisie', 'komentarz', 'avatar', 'zdjeci'],
		all: [
			re(
				`link[a-z]*\\S*\\s+${gap(2)}w (?:moim )?(?:profilu|bio|opisie)|(?:kliknij|wejdz|zajrzyj)[a-z]*\\S*\\s+${gap(1)}(?:w |na )?(?:moj|moje|moim) (?:profil|zdjeci|avatar)[a-z]*|(?:wpisz|wpisze|napisz|napisze|pisz|dajcie|daj|zostaw)[a-z]*\\S*\\s+${gap(2)}(?:w )?komentarz[a-z]*\\S*\\s+${gap(1)}\\W?tak(?![a-z])|(?:wpisz|wpisze|napisz|napisze|pisz|dajcie|daj|zostaw)[a-z]*\\s+\\W?tak\\W?\\s+(?:\\S+\\s+)?w komentarz`
			)
		],
		say: say.rich
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['ile chcesz', 'kiedy chcesz', 'szefem'],
		all: [
			re('zarabiasz ile chcesz|pracujesz kiedy chcesz|badz (?:swoim |sam |sama )?(?:wlasnym )?szefem'),
			re(
				'dolacz[a-z]*|zapisz[a-z]*|napisz[a-z]*|pisz(?![a-z])|priv|link[a-z]*|zespol[a-z]*|biznes[a-z]*|szczegol[a-z]*|wiadomosc[a-z]*'
			)
		],
		say: say.rich
	},
	// Loans.
	{
		rule: 'spam.loan',
		severity: 'hold',
		gate: ['pozyczk', 'pozycz', 'kredyt', 'chwilowk', 'gotowk'],
		all: [
			re(
				`szybk[a-z]* pozyczk[a-z]*|pozyczk[a-z]*\\S*\\s+${gap(4)}(?:bez (?:bik|krd|big|sprawdzania|zaswiadczen|baz|pytan|weryfikacji|zbednych)|kazdemu|dla kazdego|od reki|na dowod|z komornikiem|w \\d+ minut)|(?:daje|udziela|udzielam|udziele|oferuje|oferujemy|dam|damy)[a-z]*\\S*\\s+${gap(2)}pozycz(?:k|ek|ki)[a-z]*|pozyczk[a-z]* prywatn[a-z]*|prywatn[a-z]* pozyczk[a-z]*|pozycz(?:e|ymy) (?:pieniadze|gotowke) ${gap(1)}(?:na procent|na %|kazdemu)|kredyt[a-z]*\\S*\\s+${gap(2)}bez (?:bik|krd|big|zaswiadczen|baz|sprawdzania)|(?:kredyt|pozyczk)[a-z]*\\S*\\s+${gap(6)}(?:bez zdolnosci kredytowej|z komornikiem|dla zadluzonych|mimo komornika|z negatywna historia)|chwilowk[a-z]*|szybk[a-z]* gotowk[a-z]*|gotowk[a-z]* (?:od reki|w \\d+ minut|bez pytan)`
			)
		],
		say: say.loan
	},
	// "Inheritance of 2.5 million dollars", fake work from home.
	{
		rule: 'spam.advance_fee',
		severity: 'hold',
		gate: ['mln', 'milion'],
		all: [
			re(
				`\\d+(?:[,.]\\d+)?\\s?(?:mln|milion[a-z]*) (?:dolar|usd|funt|euro)[a-z]*|spad(?:ek|ku) ${gap(3)}\\d+(?:[,.]\\d+)?\\s?(?:mln|milion[a-z]*)`
			),
			re('pomoc[a-z]*|przel[a-z]*|zaufan[a-z]*|procent[a-z]*|\\d+\\s?%|oplat[a-z]*')
		],
		say: say.fee
	},
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['prac'],
		all: [
			re(
				`prac[a-z]* ${gap(1)}(?:w domu|z domu|przez internet|zdaln[a-z]*|przez komputer|na telefonie|z telefonu|przez telefon|chalupnicz[a-z]*)|(?:przyjme|zatrudnie) do pracy w domu`
			),
			re(
				`musz[a-z]*\\S*\\s+${gap(2)}(?:zakup|kupi|wplac|oplac)[a-z]*|kaucj[a-z]*|oplat[a-z]*|wplat[a-z]*|pakiet[a-z]* startow[a-z]*|${moneyRange}\\S*\\s+${gap(1)}(?:dziennie|tygodniowo)`
			)
		],
		say: say.rich
	},
	// Chain letters and fake shops closing down.
	{
		rule: 'spam.chain',
		severity: 'hold',
		gate: ['skopiuj', 'wklej', 'przekaz', 'rozeslij', 'wyslij', 'udostepnij', 'pech', 'nieszczesc'],
		all: [
			re(
				`(?:skopiuj|wklej|przekaz|rozeslij|wyslij|udostepnij)[a-z]*\\S*\\s+${gap(3)}(?:do )?(?:\\d+|dziesieciu|pieciu|wszystkich) (?:osob|znajom|kontakt)[a-z]*|skopiuj (?:i wklej|ten (?:post|tekst|status))|(?:przyniesie|spotka|czeka)[a-z]*\\S*\\s+${gap(2)}(?:pech|nieszczesci)[a-z]*`
			),
			re(
				'pech[a-z]*|szczesci[a-z]*|nieszczesci[a-z]*|inaczej|bo |facebook[a-z]*|messenger[a-z]*|whatsapp[a-z]*|usun[a-z]*|zablokuj[a-z]*|platn[a-z]*'
			)
		],
		say: (q) =>
			`Wygląda na łańcuszek („${q}”) — takie wiadomości krążą bez końca i często straszą albo wprowadzają w błąd. Nie publikujemy ich.`
	},
	{
		rule: 'spam.fake_shop',
		severity: 'hold',
		gate: ['likwidacj', 'zamkn', 'wyprzedaz', 'ostatnie'],
		all: [
			re(
				'likwidacj[a-z]*|zamkniec[a-z]* (?:sklepu|magazynu|firmy|hurtowni)|wyprzedaz[a-z]* (?:magazyn|calego|towaru|z likwidacj)[a-z]*|ostatnie (?:\\d+ )?sztuk[a-z]*'
			),
			re(`\\d{2}\\s?%|za grosze|za pol ceny|${money}`),
			re(`zamow[a-z]*|kup[a-z]*|link[a-z]*|pisz[a-z]*|priv|messenger[a-z]*|z gory|przelew[a-z]*|${domain}`)
		],
		say: (q) =>
			`Wygląda na fałszywą wyprzedaż („${q}”) — to częsty sposób, żeby wziąć pieniądze i nie wysłać towaru. Nie publikujemy takich ogłoszeń.`
	},
	// Collections to a private account.
	{
		rule: 'spam.private_collection',
		severity: 'hold',
		gate: ['prywatn'],
		all: [
			re('kont[aoy]? prywatn[a-z]*|prywatn[a-z]* kont[aoy]?(?![a-z])'),
			re(
				'wplat[a-z]*|wplac[a-z]*|przelew[a-z]*|datk[a-z]*|zbier[a-z]*|zbiork[a-z]*|pomoc[a-z]*|pomoz[a-z]*|potrzeb[a-z]*|fundacj[a-z]*|leczeni[a-z]*'
			)
		],
		// A foundation saying where it does not collect: "nie prowadzimy zbiórek przez prywatne konta".
		unless: [
			re(
				`nie (?:prowadzimy|zbieramy|przyjmujemy|zbiera|prowadzi)${gap(2)}(?:zbior|wplat|datk|pieniedz)[a-z]*|wylacznie na (?:oficjaln[a-z]* )?kont[a-z]* (?:fundacj|stowarzyszen|parafi|szkol|osp|gminy)[a-z]*`
			)
		],
		say: say.collection
	},
	// Messengers and foreign numbers with money or pills.
	{
		rule: 'spam.messenger',
		severity: 'hold',
		gate: ['whats', 'telegram', 'signal', 'viber', '+'],
		all: [
			/\b(?:whats ?app[a-z]*|telegram[a-z]*|signal[a-z]*|viber[a-z]*)|\+(?!48)\d{1,3}[ -]?\d{2,4}[ -]?\d{3}/,
			re(
				'gield[a-z]*|inwest[a-z]*|krypto[a-z]*|pozyczk[a-z]*|zarob[a-z]*|zarabia[a-z]*|dlug[a-z]*|tanio|dyskretn[a-z]*|recept[a-z]*|\\d+\\s?kg|zysk[a-z]*|bitcoin[a-z]*'
			)
		],
		say: say.messenger
	},
	// The chorus under an investment scam: "zarobiłam 1800 zł, pani Agata wszystko tłumaczy", "wypłaty idą co piątek".
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['zarobil', 'wyplac', 'wyplaty', 'zarabiam'],
		all: [
			re('zarobil(?:am|em)|wyplacil(?:am|em)|wyplacam|wyplaty (?:ida|przychodza|wplywaja)|zarabiam'),
			re(
				`opiekun[a-z]*|prowadzi (?:mnie|pan|pani)|pani? [a-z]+ wszystko|polecam|napisz|pisz|kontakt[a-z]*|link[a-z]*|(?:to )?(?:naprawde )?dziala|co (?:tydzien|piatek|miesiac|dzien)`
			),
			re(`${money}|co (?:tydzien|piatek)`)
		],
		say: say.rich
	},
	// Recruiting into a "team" that sells: "szukam ambitnych osób do zespołu", "pakiet startowy", "propozycja biznesowa".
	{
		rule: 'spam.get_rich',
		severity: 'hold',
		gate: ['zespol', 'startow', 'biznesow', 'zycie', 'prowizj', 'liderk', 'ambitn'],
		all: [
			re(
				'do (?:mojego |naszego )?zespolu|pakiet[a-z]* startow[a-z]*|propozycj[a-z]* biznesow[a-z]*|zmieni[a-z]* (?:twoje|moje|wasze) zycie|prowizj[a-z]* od kazdej|liderk[a-z]*|ambitnych osob'
			),
			re(
				'zarab[a-z]*|zarob[a-z]*|prowizj[a-z]*|dorob[a-z]*|biznes[a-z]*|priv|napisz|pisz|zapisz[a-z]*|dolacz[a-z]*|odezwij'
			)
		],
		say: say.rich
	},
	// Asking for what opens someone's bank account or identity: a photo of the ID card, login and password, "przekaż dostęp".
	{
		rule: 'spam.card_data',
		severity: 'block',
		gate: ['dowod', 'hasl', 'pesel', 'dostep', 'swoje dane', 'przelew'],
		all: [
			re(
				`zdjeci[a-z]* (?:\\S+\\s+)?(?:dowodu|dowod|karty platniczej)|login[a-z]* i hasl[a-z]*|hasl[a-z]* do (?:banku|konta)|numer[a-z]* konta i pesel|pesel i numer[a-z]* konta|przekaza[a-z]* dostep[a-z]*|dostep[a-z]* do (?:swojego |twojego )?konta bankow[a-z]*|zalozy[a-z]* konto na swoje dane|przyjac przelew i przesla[a-z]*`
			)
		],
		say: say.card
	},
	// "wygrałam laptopa, link na moim profilu": a hacked account's fake prize.
	{
		rule: 'spam.giveaway',
		severity: 'hold',
		gate: ['profilu', 'tablicy', 'u mnie'],
		all: [
			re(
				`link[a-z]* (?:\\S+\\s+){0,2}(?:na (?:moim |mojej )?(?:profilu|tablicy)|u mnie)|(?:na moim profilu|na mojej tablicy) (?:\\S+\\s+){0,2}link`
			),
			re(`wygral[a-z]*|wygrana|nagrod[a-z]*|rozdaj[a-z]*|za darmo|gratis|${brandsInText}`)
		],
		say: say.giveaway
	},
	// An address written so that a filter will not see it: "zabka-ankieta(kropka)shop", "h t t p s", "bon . gov-pl . online".
	{
		rule: 'spam.hidden_link',
		severity: 'hold',
		gate: ['kropka', 'spacje', 'h t t p', ' . ', 'gov-pl'],
		all: [
			re(
				'\\(kropka\\)|\\[kropka\\]| kropka (?:pl|com|shop|top|online)|spacje usun|h t t p|[a-z0-9-]{3,} \\. (?:pl|com|shop|top|online|info|net|xyz|site)(?![a-z])|gov-pl'
			)
		],
		say: (q: string) =>
			`Adres strony zapisany tak, żeby ominąć filtr („${q}”) — tak robią oszuści. Podaj zwykły adres, jeśli to uczciwa strona.`
	}
];

// Business advertising from those who do not pay for it. A business speaking of itself counts on its
// own; price lists, "orders by phone" and the like only together; a private seller ("sprzedam",
// "oddam") may write "gratis" or "promocja".
const bizNoun =
	'(?:firm|sklep|salon|hurtowni|zaklad|warsztat|gabinet|studi|restauracj|pizzeri|kwiaciarn|lokal|serwis|biur|hotel|pensjonat|agencj|myjni|kawiarn|cukierni|piekarni|butik|punkt|baru|bar|agroturystyk)[a-z]*';
const selfAd = re(
	`nasz[a-z]*\\S*\\s+${gap(1)}${bizNoun} ${gap(2)}(?:oferuj|zaprasz|polec|realizuj|wykonuj|swiadcz|gwarantuj|zapewni|specjalizuj)[a-z]*|oferujemy|swiadczymy|wykonujemy (?!sie)|realizujemy|specjalizujemy sie|gwarantujemy|posiadamy w ofercie|mamy w ofercie|w naszej ofercie|nasza oferta|naszej oferty|nasza firma|naszej firmy|nasza firme|zaprasza[a-z]*\\S*\\s+${gap(2)}do (?:naszego|naszej|mojego|mojej) (?:nowego |nowej |nowo otwart[a-z]* )?${bizNoun}|przyjmujemy zamowieni[a-z]*|firma [a-z]+ oferuje`
);
const adCue = new RegExp(
	`\\b(?:${[
		'cennik[a-z]*|faktur[a-z]* vat|wystawiamy faktur[a-z]*|(?:bezplatn|darmow)[a-z]* wycen[a-z]*|wycen[a-z]* (?:gratis|za darmo)|dojazd (?:do klienta|gratis)|sp\\. z o\\.o\\.|godzin[a-z]* otwarcia|czynne (?:od|codziennie|w godz|pon)',
		'(?:konkurencyjn|atrakcyjn|najnizsz|super|hurtow|najlepsz)[a-z]* cen[a-z]*|najtaniej|najtansz[a-z]*|najlepsz[a-z]* ofert[a-z]*|\\d+\\s?% taniej|taniej niz w|prosto z fabryki|(?:prosto|bezposrednio) od producenta',
		'profesjonaln[a-z]* (?:uslug|obslug)[a-z]*|kompleksow[a-z]* (?:uslug|obslug|remont|wykonczen)[a-z]*|skup (?:zlota|aut|samochod|nieruchomosc|mieszkan|zlomu|antyk|dzial)[a-z]*',
		`(?:zamowieni|zamawia|rezerwacj)[a-z]*\\S*\\s+${gap(1)}(?:pod (?:nr|numer|tel|telefon)|przez (?:stron|messenger|formularz))[a-z]*`,
		`(?:dzialamy|dojezdzamy|dojade|dojedziemy|obslugujemy|wysylamy)[a-z]*\\S*\\s+${gap(2)}(?:wszedzie|w calej polsce|na terenie|w calym|w (?:calym )?wojewodztwie|cala polske)`,
		`sprawdz(?:cie)? nasz[a-z]*|nasz[a-z]* (?:opinie|realizacje|klienci|klientow)|(?:w|do) nasz(?:ym|ej|ego) (?:nowym |nowej |nowego )?${bizNoun}`
	].join('|')})`,
	'g'
);
const adSoft = re(
	'promocj[a-z]*|rabat[a-z]*|znizk[a-z]*|gratis|tylko teraz|wyprzedaz[a-z]*|okazj[a-z]*|ceny od|od \\d+\\s?zl|zapraszamy'
);
const privateSale = re(
	'sprzedam|sprzedaje|oddam|oddaje|mam na sprzedaz|mam do sprzedania|posiadam do sprzedania|zamienie|kupie|wynajme|odstapie|mam do oddania|po sasiedzku'
);

/**
 * Scams (codes, prepayment, fake bills and prizes, miracle cures, get-rich schemes, loans) and
 * business advertising. A resident's warning about a scam is not held.
 */
const schemeGates = new Gates(schemes.flatMap((s) => s.gate));

export function findSpam(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const found: Finding[] = [];
	const add = (
		rule: string,
		category: 'spam' | 'commercial',
		severity: Severity,
		m: RegExpMatchArray,
		message: Say
	) => {
		const start = m.index ?? 0;
		const end = start + m[0].trimEnd().length;
		const finding: Finding = { rule, category, severity, start, end, message: message(text.slice(start, end)) };
		// One finding a rule (the blocking one if there is one), none overlapping another.
		const same = found.findIndex((f) => f.rule === rule);
		if (same >= 0) {
			if (severity === 'block' && found[same].severity !== 'block') found[same] = finding;
			return;
		}
		if (!found.some((f) => f.start < end && start < f.end)) found.push(finding);
	};
	if (!isScamWarning(folded)) {
		const present = schemeGates.present(folded);
		for (const s of schemes) {
			if (!s.gate.some((g) => present.has(g))) continue;
			const m = s.all[0].exec(folded);
			if (!m || !s.all.every((r, i) => i === 0 || r.test(folded)) || s.unless?.some((r) => r.test(folded))) continue;
			add(s.rule, 'spam', s.severity, m, s.say);
		}
	}
	const self = selfAd.exec(folded);
	const cues = [...folded.matchAll(adCue)];
	const distinct = new Set(cues.map((c) => c[0])).size;
	const isPrivate = privateSale.test(folded);
	const ad =
		self && (!isPrivate || distinct > 0)
			? self
			: distinct >= 2 || (distinct === 1 && !isPrivate && adSoft.test(folded))
				? cues[0]
				: null;
	if (ad)
		add(
			'commercial.ad',
			'commercial',
			'hold',
			ad,
			(q) =>
				`Wygląda na reklamę firmy („${q}”). Reklamy publikujemy w ramach oferty dla firm (poczta@pl-media.pl); prywatne ogłoszenia drobne są mile widziane.`
		);
	return found.sort((a, b) => a.start - b.start);
}
