/**
 * The texts of the public pages as first installed, from the offer of Pakiet 1 (the seed) with
 * its spelling corrected. The operator edits them at /admin/strony; these are used until then.
 * {{…}} are live values (site/pages.ts `placeholders`), [[dokumenty]] the list of documents.
 */
export interface DefaultPage {
	title: string;
	body: string;
}

const offer = `Pakiet nr 1 umożliwia {{urzedowi}} oraz jego jednostkom systemowe publikowanie informacji w lokalnej grupie mieszkańców prowadzonej przez PL-MEDIA.

## Cel i zastosowanie usługi

Usługa stanowi narzędzie służące realizacji zadań gminy w zakresie informowania mieszkańców o sprawach publicznych oraz bieżącym funkcjonowaniu jednostki samorządu terytorialnego.

W szczególności umożliwia zwiększenie dostępności informacji publicznych oraz skuteczniejsze dotarcie z komunikatami do mieszkańców za pośrednictwem kanału, z którego korzystają oni na co dzień.

## Zakres pakietu

Pakiet nr 1 umożliwia {{urzedowi}} oraz podległym mu lub finansowanym przez gminę jednostkom publikowanie treści w lokalnej grupie mieszkańców.

W praktyce oznacza to, że po wykupieniu pakietu własne treści mogą publikować nie tylko sam urząd, ale również wskazane przez gminę jednostki i podmioty działające na rzecz mieszkańców.

Pakiet umożliwia systemowe i regularne prezentowanie mieszkańcom działań gminy oraz aktywności jej jednostek w lokalnym kanale komunikacji, z którego mieszkańcy realnie korzystają na co dzień, co przekłada się na większą widoczność działań gminy wśród mieszkańców.

## Korzyści dla gminy i mieszkańców

Wdrożenie pakietu pozwala na:

- uzyskanie w ramach jednego pakietu możliwości publikowania przez wszystkie jednostki organizacyjne gminy oraz podmioty realizujące zadania publiczne na jej rzecz,
- zwiększenie dostępności informacji publicznych dla mieszkańców,
- dotarcie z komunikatami do dużej części lokalnej społeczności,
- szybsze przekazywanie ważnych informacji i ogłoszeń,
- rozszerzenie zakresu komunikacji prowadzonej przez urząd i jednostki gminne,
- ograniczenie sytuacji, w których istotne komunikaty nie docierają do mieszkańców,
- zwiększenie przejrzystości działań gminy,
- ułatwienie mieszkańcom bieżącego śledzenia spraw lokalnych,
- wzmocnienie komunikacji pomiędzy mieszkańcami a instytucjami publicznymi,
- wykorzystanie istniejącego kanału komunikacji, z którego mieszkańcy już aktywnie korzystają.

### Bezpieczeństwo i sytuacje pilne

- możliwość szybkiego informowania mieszkańców o zagrożeniach, utrudnieniach i sytuacjach awaryjnych,
- sprawniejsze przekazywanie komunikatów służb (OSP, jednostki gminne),
- zwiększenie skuteczności ostrzegania mieszkańców w sytuacjach wymagających pilnej reakcji.

### Sprawność działania gminy

- odciążenie tradycyjnych kanałów komunikacji (telefony, zapytania bezpośrednie),
- ograniczenie liczby powtarzających się zapytań od mieszkańców,
- usprawnienie przekazywania informacji pomiędzy jednostkami a mieszkańcami.

### Społeczność lokalna

- większe zaangażowanie mieszkańców w sprawy gminy,
- lepszy przepływ informacji o inicjatywach lokalnych,
- wsparcie działań społecznych, edukacyjnych i kulturalnych.

## Kto może publikować

W ramach pakietu z możliwości publikowania treści w grupie mogą korzystać między innymi:

### Organy i przedstawiciele gminy

- urząd gminy / urząd miasta,
- wójt / burmistrz / prezydent miasta,
- rada gminy / rada miejska,
- radni.

### Jednostki pomocnicze

- sołectwa,
- sołtysi.

### Edukacja i opieka

- szkoły podstawowe,
- licea oraz inne szkoły prowadzone przez gminę,
- przedszkola,
- żłobki.

### Kultura i dziedzictwo

- biblioteki publiczne,
- centra kultury,
- domy kultury,
- muzea i izby pamięci.

### Sport i rekreacja

- ośrodki sportu i rekreacji,
- centra sportu,
- kluby sportowe działające na terenie gminy.

### Bezpieczeństwo i pomoc społeczna

- ochotnicze straże pożarne (OSP),
- ośrodki pomocy społecznej,
- centra usług społecznych.

### Ochrona zdrowia

- ośrodki zdrowia,
- inne gminne placówki ochrony zdrowia.

### Administracja i gospodarka komunalna

- centra usług wspólnych,
- zakłady gospodarki komunalnej,
- spółki komunalne.

### Organizacje społeczne

- stowarzyszenia, fundacje oraz inne organizacje finansowane przez gminę lub realizujące zadania publiczne.

## Zasady działania

Pakiet działa w prosty sposób. Gmina wykupuje usługę, a następnie samodzielnie decyduje, które jednostki zostaną poinformowane o możliwości publikowania treści w grupie.

Jednostki mogą publikować posty:

- samodzielnie ze swoich profili,
- z profili wskazanych przez urząd.

PL-MEDIA nie ingeruje w treści publikowane przez gminę i jej jednostki. W ramach pakietu wszystkie treści publikowane przez urząd oraz podmioty objęte pakietem przechodzą automatycznie.

## Co można publikować

W ramach pakietu nr 1 możliwe jest publikowanie szerokiego zakresu treści związanych z realizacją zadań publicznych oraz bieżącym funkcjonowaniem gminy i jej jednostek.

W szczególności mogą to być:

### Informacje urzędowe i komunikaty publiczne

- ogłoszenia i komunikaty urzędu,
- informacje o decyzjach, działaniach i inicjatywach gminy,
- zaproszenia na sesje rady gminy, komisje oraz transmisje online.

### Edukacja i oświata

- informacje ze szkół i przedszkoli,
- wydarzenia edukacyjne,
- komunikaty dla rodziców i uczniów.

### Kultura i wydarzenia lokalne

- zapowiedzi wydarzeń kulturalnych,
- relacje z wydarzeń,
- działania bibliotek, domów i centrów kultury.

### Sport i aktywność fizyczna

- wydarzenia sportowe,
- informacje z klubów i jednostek sportowych,
- inicjatywy promujące aktywność mieszkańców.

### Bezpieczeństwo i sytuacje bieżące

- komunikaty OSP i służb,
- ostrzeżenia i informacje o zagrożeniach,
- sytuacje wymagające szybkiego dotarcia do mieszkańców.

### Pomoc społeczna i zdrowie

- informacje o dostępnych formach wsparcia,
- działania ośrodków pomocy społecznej,
- inicjatywy zdrowotne i profilaktyczne.

### Gospodarka komunalna i sprawy lokalne

- informacje o inwestycjach i pracach na terenie gminy,
- komunikaty dotyczące odpadów, infrastruktury, utrudnień,
- bieżące sprawy dotyczące funkcjonowania gminy.

### Organizacje społeczne i inicjatywy mieszkańców

- działania stowarzyszeń i fundacji,
- inicjatywy lokalne,
- projekty realizowane na rzecz społeczności.

Zakres publikowanych treści obejmuje również działania związane z realizacją zadań publicznych gminy, w szczególności w obszarach takich jak: rozwój społeczności lokalnej i działalność organizacji pozarządowych, ochrona i promocja zdrowia, oświata i wychowanie, kultura i dziedzictwo, sport i aktywność fizyczna, pomoc społeczna, a także działania związane z ochroną środowiska i sprawami lokalnymi.

## Wsparcie techniczne i administracyjne

Po uruchomieniu współpracy gmina otrzymuje wskazówki dotyczące sposobu publikowania postów, tak aby ograniczyć ryzyko zatrzymania posta przez automatyczne mechanizmy moderacyjne.

Pakiet obejmuje również wsparcie techniczne i administracyjne:

- w sprawach pilnych możliwy jest szybki kontakt telefoniczny z administratorem,
- w sprawach mniej pilnych możliwy jest kontakt mailowy z dodatkową informacją SMS.

Dzięki temu urząd i jego jednostki mogą szybko zgłaszać problemy, np. związane z błędnym zatrzymaniem posta przez system automatyczny, a także przypadki naruszeń regulaminu serwisu, w tym hejt, mowę nienawiści oraz inne treści naruszające obowiązujące przepisy lub zasady korzystania z grupy.

## Bezpieczeństwo i zasady funkcjonowania grup

Grupy prowadzone przez PL-MEDIA funkcjonują w oparciu o przejrzysty regulamin, którego celem jest zapewnienie uporządkowanej i bezpiecznej przestrzeni komunikacji dla mieszkańców.

Publikowane treści oraz dyskusje podlegają moderacji, w szczególności w zakresie ograniczania hejtu, mowy nienawiści, treści obraźliwych oraz materiałów mogących wprowadzać w błąd lub naruszać obowiązujące przepisy i zasady korzystania z serwisu.

Administratorzy podejmują działania mające na celu utrzymanie rzeczowego charakteru dyskusji oraz eliminowanie treści, które mogłyby negatywnie wpływać na odbiór publikowanych komunikatów.

Grupy zachowują charakter lokalny – dyskusje dotyczą przede wszystkim spraw gminy i najbliższej okolicy. Treści związane z polityką krajową nie stanowią przedmiotu bieżącej komunikacji i są ograniczane do sytuacji mających bezpośredni związek z lokalną społecznością.

Dzięki temu grupy stanowią uporządkowany i bezpieczny kanał komunikacji, w którym mieszkańcy mogą zapoznawać się z informacjami bez zakłóceń wynikających z treści o charakterze konfliktowym lub niezwiązanym z tematyką lokalną.

## Model współpracy

Pakiet nr 1 dotyczy grupy „{{grupa}}” działającej na terenie gminy {{gmina}} i może być wykupiony w wariancie miesięcznym, bez długoterminowego zobowiązania, albo na okres co najmniej 6 miesięcy w niższej cenie.

Model ten nie wymaga dodatkowej integracji technicznej ani wdrożeń systemowych. Po uruchomieniu usługi gmina oraz jej jednostki mogą rozpocząć publikowanie treści zgodnie z zasadami opisanymi powyżej.

## Podsumowanie pakietu

W ramach pakietu gmina uzyskuje:

- dostęp do lokalnej grupy mieszkańców zarządzanej przez PL-MEDIA,
- możliwość publikowania treści przez urząd oraz wskazane jednostki,
- automatyczne przechodzenie publikowanych postów,
- brak limitu liczby publikowanych treści,
- wsparcie techniczne i administracyjne w zakresie funkcjonowania grupy.

## Jak wygląda wdrożenie

Proces wdrożenia został zaprojektowany w taki sposób, aby umożliwić szybkie rozpoczęcie publikacji bez konieczności wprowadzania zmian organizacyjnych po stronie gminy.

Po podpisaniu umowy gmina wskazuje jednostki oraz podmioty, które mają uzyskać możliwość publikowania treści w grupie (np. urząd, szkoły, OSP, jednostki kultury, jednostki sportowe, sołectwa), a następnie przekazuje im informację o możliwości korzystania z tego kanału komunikacji.

W dalszej kolejności przekazywane są podstawowe informacje dotyczące zasad publikowania, w szczególności w zakresie sposobu tworzenia postów oraz dostosowania treści do mechaniki działania grupy, tak aby ograniczyć ryzyko ich zatrzymania przez automatyczne mechanizmy moderacyjne.

Kolejnym etapem jest nadanie wskazanym profilom możliwości publikowania treści w grupie w trybie umożliwiającym ich automatyczne pojawianie się, bez konieczności każdorazowej akceptacji przez administratora.

Od momentu uruchomienia pakietu urząd oraz jego jednostki mogą na bieżąco publikować treści, wykorzystując grupę jako stały kanał komunikacji z mieszkańcami.

W trakcie współpracy zapewnione jest bieżące wsparcie techniczne i administracyjne, w szczególności w przypadku problemów z publikacją, zatrzymania posta przez system automatyczny lub sytuacji wymagających szybkiej reakcji.

## Cena pakietu

Cena pakietu nr 1 wynosi:

**3 850 zł brutto miesięcznie**

**3 500 zł brutto miesięcznie** (w przypadku umowy na okres minimum 6 miesięcy)

Usługa rozliczana jest na podstawie faktury VAT.

Cena obejmuje pełny zakres usługi opisany powyżej i dotyczy obsługi lokalnej grupy mieszkańców prowadzonej przez PL-MEDIA na terenie danej gminy. Pakiet został przygotowany z myślą o bieżącej komunikacji gminy i jej jednostek w lokalnej społeczności.

W przypadku większego zakresu współpracy (np. więcej niż jedna grupa lub rozszerzenie działań) możliwe jest indywidualne ustalenie warunków lub wybór jednego z pakietów przedstawionych poniżej.

## Pozostałe pakiety

Pakiet nr 1 jest gotowy do natychmiastowego wdrożenia.

Pakiety nr 2 i nr 3, obejmujące rozszerzone działania wspierające widoczność treści, stanowią rozwinięcie oferty i {{pakiety_2_3_dostepne}}. Każdy z nich obejmuje pełny zakres pakietu nr 1 i służy aktywnemu wzmocnieniu publikowanych treści oraz docieraniu do szerszej grupy odbiorców.

### Pakiet nr 2 – wzmocnienie treści

- wyróżnianie opublikowanych postów przez urząd i jednostki na 1–7 dni, w miesięcznym limicie wyróżnień: wyróżniony post ukazuje się na początku grupy z oznaczeniem „Wyróżnione przez Urząd” i trafia jako powiadomienie do członków grupy, którzy nie wyłączyli ogłoszeń gminy,
- cotygodniowe podsumowanie „Tydzień w gminie” wysyłane pocztą elektroniczną członkom grupy, z wyróżnionymi postami na początku i rezygnacją jednym kliknięciem,
- raport zasięgu każdego wyróżnionego posta na tle postów niewyróżnionych, także w comiesięcznym raporcie jednostek.

Cena pakietu nr 2: {{cena_pakietu_2}}.

### Pakiet nr 3 – zasięg regionalny

Pełny zakres pakietu nr 2, a ponadto:

- publikowanie wyróżnionych postów także w grupach wskazanych przez gminę sąsiednich gmin, z oznaczeniem gminy źródłowej; komentarze trafiają do jednego wątku przy poście źródłowym,
- widżet z najnowszymi wpisami urzędu i jednostek do osadzenia na stronie internetowej gminy i w BIP,
- powiadomienia SMS o wyróżnionych postach tam, gdzie gmina włączyła SMS, w miesięcznym limicie.

Cena pakietu nr 3: {{cena_pakietu_3}}.

Gmina może zmienić pakiet na wyższy lub niższy w panelu urzędu. Zmiana obowiązuje od pierwszego dnia następnego okresu rozliczeniowego i do tego dnia można ją wycofać; faktura za każdy okres wskazuje pakiet, który w nim obowiązuje.

## Materiały do pobrania

Poniżej udostępniono dokumenty zawierające szczegółowy opis pakietów, wzór umowy współpracy, prezentację aktywności i zasięgów lokalnej grupy mieszkańców oraz raport aktywności komunikacyjnej jednostek gminy.

Opis pakietu w formacie PDF odpowiada treściom dostępnym na stronie i został przygotowany w celu umożliwienia wygodnego zapoznania się z ofertą w formie dokumentu.

Prezentacja aktywności i zasięgów grupy przedstawia rzeczywiste dane dotyczące funkcjonowania społeczności, w tym statystyki aktywności użytkowników oraz przykłady najpopularniejszych tematów wraz z osiąganymi zasięgami.

Raport aktywności komunikacyjnej jednostek pokazuje, co publikują jednostki gminy, jakie zasięgi osiągają ich posty i jak szybko odpowiadają na pytania mieszkańców.

[[dokumenty]]

## Realny zasięg i aktywność mieszkańców

Grupy prowadzone przez PL-MEDIA: **{{grupy}}**; ich członkowie: **{{czlonkowie}}**. W ostatnich 30 dniach: wyświetlenia postów – **{{wyswietlenia_30}}**, nowe posty – **{{posty_30}}**, komentarze – **{{komentarze_30}}**, reakcje – **{{reakcje_30}}**.

### Zasięgi i statystyki grup

Dla każdej z grup opracowano szczegółowe zestawienia dotyczące ich funkcjonowania, przygotowane oddzielnie dla poszczególnych gmin.

Szczegółowe statystyki dostępne są w dziale [„Lista grup”](/grupy), gdzie dla każdej gminy przygotowano odrębną podstronę zawierającą m.in. dane dotyczące liczby członków grupy, liczby wyświetleń, aktywności użytkowników (posty, komentarze, reakcje), a także bieżące statystyki obejmujące ostatnie miesiące.

Dodatkowo możliwe jest skorzystanie z wyszukiwarki znajdującej się na górze strony – po wpisaniu nazwy gminy wyświetlona zostanie odpowiednia podstrona z przypisanymi do niej danymi.

Zestawienia te pozwalają zobaczyć rzeczywistą skalę funkcjonowania grupy oraz sposób, w jaki mieszkańcy korzystają z niej na co dzień jako kanału wymiany informacji.

### Najpopularniejsze tematy i rzeczywiste zasięgi

Niezależnie od powyższych danych przygotowano również osobne zestawienia najpopularniejszych tematów publikowanych w grupach, obejmujące rzeczywiste wyniki poszczególnych postów.

Materiały te dostępne są w dziale [„Zasięgi”](/zasiegi), gdzie prezentowane są przykłady najbardziej angażujących tematów wraz z danymi dotyczącymi liczby wyświetleń, komentarzy oraz reakcji.

Zestawienia obejmują zarówno najaktywniejsze tematy z ostatnich tygodni i miesięcy, jak i przekrojowe przykłady z różnych gmin, pokazujące, jak różne typy informacji funkcjonują w społeczności lokalnej.

Warto zwrócić uwagę, że część publikacji osiąga zasięgi wielokrotnie przekraczające standardowy poziom komunikacji lokalnej. Wynika to z tzw. efektu kuli śnieżnej – mieszkańcy udostępniają treści dalej, dzięki czemu informacje szybko wykraczają poza jedną grupę i docierają do szerokiego grona odbiorców w całym regionie.

### Znaczenie dla komunikacji gminy

Powyższe dane pokazują, że lokalne grupy mieszkańców stanowią nie tylko miejsce publikowania ogłoszeń, ale przede wszystkim realny kanał komunikacji, w którym informacje są aktywnie odbierane, komentowane i rozpowszechniane przez mieszkańców.

Dzięki temu możliwe jest nie tylko dotarcie do dużej części społeczności lokalnej, ale również uzyskanie efektu dalszego rozpowszechniania informacji, którego nie zapewniają tradycyjne kanały komunikacji.

**Przedstawione dane mają charakter rzeczywisty i pochodzą bezpośrednio z paneli administracyjnych grup.**
`;

const about = `PL-MEDIA prowadzi lokalne grupy mieszkańców gmin – miejsca, w których mieszkańcy na co dzień rozmawiają o sprawach swojej okolicy, a urząd i jednostki gminne docierają do nich ze swoimi komunikatami.

## Co robimy

- prowadzimy i moderujemy grupy mieszkańców – obecnie **{{grupy}}**, w których jest **{{czlonkowie}}** członków i członkiń,
- dbamy o rzeczowy, lokalny charakter dyskusji: moderacja działa przez całą dobę, a każda decyzja ma uzasadnienie i można się od niej odwołać,
- oferujemy gminom Pakiet nr 1 – publikowanie komunikatów urzędu i jednostek bez kolejki akceptacji,
- publikujemy rzeczywiste statystyki zasięgów każdej grupy.

## Dane firmy

PL-MEDIA, NIP 118-161-04-40, Laski, gm. Izabelin.

- Dla firm (reklama i ogłoszenia): [poczta@pl-media.pl](mailto:poczta@pl-media.pl)
- Dla urzędów (współpraca i komunikacja): [jst@pl-media.pl](mailto:jst@pl-media.pl)
- Kontakt z administratorami: [formularz kontaktowy](/kontakt)
`;

const privacy = `## Kto przetwarza dane

Administratorem danych osobowych jest PL-MEDIA, NIP 118-161-04-40, Laski, gm. Izabelin. W sprawach danych osobowych pisz na [jst@pl-media.pl](mailto:jst@pl-media.pl) albo przez [formularz kontaktowy](/kontakt).

## Jakie dane i po co

- **Konto**: adres e-mail, imię i nazwisko (lub nazwa), skrót hasła – aby można było się logować i uczestniczyć w grupach (art. 6 ust. 1 lit. b RODO).
- **Członkostwo w grupie**: odpowiedź na pytanie przy dołączaniu – aby moderatorzy mogli sprawdzić związek z gminą (art. 6 ust. 1 lit. b RODO).
- **Treści**: posty, komentarze, reakcje, zgłoszenia i odwołania – aby grupa działała, a moderacja spełniała obowiązki aktu o usługach cyfrowych (art. 6 ust. 1 lit. b i c RODO).
- **Powiadomienia**: numer telefonu i subskrypcje powiadomień push, tylko jeśli je włączysz (art. 6 ust. 1 lit. a RODO) – możesz je wyłączyć w każdej chwili.
- **Zgłoszenia do pomocy**: treść zgłoszenia i dane kontaktowe – aby odpowiedzieć (art. 6 ust. 1 lit. f RODO).

## Statystyki bez śledzenia

Liczymy wyświetlenia i udostępnienia postów, aby pokazywać gminom i mieszkańcom rzeczywiste zasięgi. Osobę zalogowaną liczymy raz na post; osobę niezalogowaną rozpoznajemy tylko przez jeden dzień, po jednokierunkowym skrócie adresu IP (łącza internetowego), którego nie da się połączyć z kolejnymi dniami. Ruchu robotów i podglądów linków nie liczymy. Statystyki publikujemy wyłącznie zbiorczo.

## Pliki cookies

Używamy dwóch niezbędnych plików cookie: **sesji logowania**, aby zalogowana osoba pozostała zalogowana, oraz **urządzenia** (zapisywanego przy logowaniu), dzięki któremu ta przeglądarka może się zalogować także wtedy, gdy ktoś z tej samej sieci próbuje zgadywać hasła. Nie używamy cookies analitycznych, reklamowych ani śledzących i nie wczytujemy skryptów innych firm, dlatego nie prosimy o zgodę na cookies i nie wyświetlamy banera.

## Jak długo

Dane konta i treści przechowujemy do ich usunięcia (przez Ciebie albo w wyniku decyzji moderacji). Dziennik decyzji moderacyjnych przechowujemy dłużej, bo akt o usługach cyfrowych wymaga, by można było je uzasadnić i rozpatrzyć odwołanie. Wysłane e-maile i SMS-y usuwamy po 90 dniach, powiadomienia w serwisie po roku, a dane kontaktowe z rozwiązanych zgłoszeń do pomocy po dwóch latach. Po usunięciu konta Twoje posty i komentarze zostają w dyskusjach podpisane „Konto usunięte”, bez niczego, co by Cię identyfikowało.

## Twoje prawa

Masz prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania, przenoszenia, sprzeciwu oraz cofnięcia zgody. Kopię wszystkich swoich danych (plik ZIP z danymi w formacie JSON i czytelną stroną) pobierzesz w ustawieniach konta – link wyślemy e-mailem. Tam też sam usuniesz konto. Przysługuje Ci skarga do Prezesa Urzędu Ochrony Danych Osobowych.
`;

const files = `Dokumenty generujemy na bieżąco z danych grup – zawsze pokazują aktualne liczby. Wybierz gminę, aby pobrać jej opis pakietu, prezentację zasięgów i raport jednostek; te same liczby pobierzesz też jako CSV i JSON.

[[dokumenty]]
`;

export const defaultPages: Record<string, DefaultPage> = {
	oferta: { title: 'Pakiet nr 1 – publikowanie treści w grupie mieszkańców gminy', body: offer },
	'o-nas': { title: 'O nas', body: about },
	'polityka-prywatnosci': { title: 'Polityka prywatności i cookies', body: privacy },
	pliki: { title: 'Materiały do pobrania', body: files }
};
