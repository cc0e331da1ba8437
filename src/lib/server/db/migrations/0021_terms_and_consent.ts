import { sql, type Kysely } from 'kysely';

// The groups' rules ("regulamin grupy") as versioned text: each version is kept, so a statement of
// reasons always cites the wording in force; version 1 is the text moderation decisions have cited
// (the clauses of moderation/terms.ts). An account records which rules and privacy policy its owner
// accepted, and when. A confirmation link remembers the group its owner was about to join.
const version1 = `§ 1. Postanowienia ogólne
1. Regulamin określa zasady korzystania z grup mieszkańców gmin prowadzonych w serwisie Tablica przez PL-MEDIA.
2. Grupa jest miejscem rozmowy mieszkańców gminy oraz komunikatów urzędu i jednostek gminnych.
3. Dołączając do grupy, akceptujesz ten regulamin.

§ 2. Członkostwo
1. Do grupy może dołączyć osoba, która mieszka, pracuje lub działa w gminie.
2. Prośby o dołączenie rozpatrują moderatorzy grupy; mogą zapytać o związek z gminą.
3. Każda osoba ma jedno konto i podpisuje się imieniem i nazwiskiem lub nazwą.

§ 3. Tematyka
Posty i komentarze dotyczą spraw gminy i jej mieszkańców. Treści niezwiązane z gminą mogą zostać ukryte.

§ 4. Szacunek dla innych
1. Nie używamy wulgaryzmów.
2. Nie obrażamy innych osób ani nie wyśmiewamy ich.
3. Nie publikujemy mowy nienawiści, w tym treści atakujących ze względu na pochodzenie, narodowość, religię, płeć, orientację, niepełnosprawność lub wiek.
4. Nie grozimy nikomu i nie nawołujemy do przemocy.

§ 5. Treści niedozwolone w grupie lokalnej
1. Grupa nie jest miejscem sporów o politykę krajową; sprawy gminy, w tym wybory lokalne, są tematem grupy.
2. Nie publikujemy spamu ani podejrzanych linków.
3. Reklama i ogłoszenia firm są możliwe tylko w ramach wykupionego pakietu.

§ 6. Dane osobowe
Nie publikujemy danych osobowych innych osób (np. numerów PESEL, adresów, numerów telefonów) bez ich zgody.

§ 7. Zdrowie i bezpieczeństwo
Nie publikujemy wprowadzających w błąd treści o zdrowiu i bezpieczeństwie, w szczególności podczas zagrożeń.

§ 8. Treści nielegalne
Treści niezgodne z prawem są usuwane. Każda osoba, także bez konta, może je zgłosić przez formularz „Zgłoś”.

§ 9. Moderacja i odwołania
1. Moderatorzy mogą wstrzymać, ukryć lub usunąć treść naruszającą regulamin, a także ograniczyć konto (ostrzeżenie, wyciszenie, zawieszenie, wykluczenie).
2. Każda decyzja ma uzasadnienie wskazujące paragraf regulaminu, a osoba, której dotyczy, może się od niej odwołać.
3. Zmiany regulaminu są publikowane z nowym numerem wersji; poprzednie wersje pozostają dostępne, a członkowie grup dostają powiadomienie.`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE terms_versions (
  version       integer PRIMARY KEY CHECK (version > 0),
  body          text NOT NULL,
  summary       text NOT NULL DEFAULT '',
  published_at  timestamptz NOT NULL,
  published_by  bigint REFERENCES users ON DELETE SET NULL
);

ALTER TABLE users
  ADD COLUMN terms_version integer REFERENCES terms_versions,
  ADD COLUMN terms_accepted_at timestamptz,
  ADD COLUMN privacy_version text,
  ADD COLUMN privacy_accepted_at timestamptz;

ALTER TABLE user_tokens ADD COLUMN group_id bigint REFERENCES groups ON DELETE SET NULL;
`).execute(db);
	await sql`INSERT INTO terms_versions (version, body, summary, published_at)
VALUES (1, ${version1}, 'Pierwsza wersja regulaminu.', now())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE user_tokens DROP COLUMN group_id;
ALTER TABLE users DROP COLUMN terms_version, DROP COLUMN terms_accepted_at, DROP COLUMN privacy_version,
  DROP COLUMN privacy_accepted_at;
DROP TABLE terms_versions;`).execute(db);
}
