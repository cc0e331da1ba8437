// The operator's command line: npm run --silent cli -- <command> [options]
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { processClock } from '../src/lib/server/core/clock';
import { readConfig } from '../src/lib/server/core/config';
import type { Ctx } from '../src/lib/server/core/context';
import { migrate } from '../src/lib/server/db/database';
import { AppError } from '../src/lib/server/core/errors';
import { createApiToken } from '../src/lib/server/auth/sessions';
import { hashPassword } from '../src/lib/server/auth/crypto';
import { passwordSchema, displayNameSchema, toActor } from '../src/lib/server/auth/accounts';
import { emailSchema, parseInput } from '../src/lib/server/core/validation';
import { createGroup, getGroup } from '../src/lib/server/groups/groups';
import { seedDemo } from '../src/lib/server/demo/seed-demo';
import { importTerytFile } from '../src/lib/server/municipalities/municipalities';
import { listOutbox } from '../src/lib/server/notify/outbox';
import { queueWeeklyDigest } from '../src/lib/server/notify/digest';
import { loadLexicon } from '../src/lib/server/moderation/engine';
import { moderateLine } from '../src/lib/server/moderation/moderate-lines';
import { compileWordList } from '../src/lib/server/moderation/word-lists';
import { createUnitToken } from '../src/lib/server/units/tokens';
import { rebuildStats } from '../src/lib/server/stats/daily';
import { writeDemoInvoice } from '../src/lib/server/billing/demo-invoice';
import { demoWordList } from '../src/lib/server/demo/content';
import { ensureMunicipalities, ksefSecret, openDatabase } from '../src/lib/server/web/runtime';
import { sendToKsef } from '../src/lib/server/billing/ksef/send';
import { configureKsef } from '../src/lib/server/billing/ksef/settings';
import { startKsefTestServer } from '../src/lib/server/testing/ksef-test-server';
import { backup, restore } from '../src/lib/server/backup/backup';
import { formatNumber, plural } from '../src/lib/format';

const help = `Tablica — polecenia operatora

  migrate                                   migruje bazę danych
  seed-demo                                 wczytuje dane demonstracyjne (jeśli ich nie ma)
  import-teryt PLIK.csv                     wczytuje rejestr gmin TERYT (TERC)
  create-user --email E --name N --password P [--operator]
  create-group --teryt KOD --slug S --name N --question Q [--private] [--no-approval]
  add-moderator --group SLUG --user EMAIL   nadaje rolę moderatora w grupie (członkowi lub nowej osobie)
  token-create --user EMAIL [--name NAZWA]  tworzy osobisty token API (wyświetlany raz)
  token-create --unit SLUG [--teryt KOD] [--name NAZWA]
                                            tworzy token jednostki dla jej systemów (publikuje jako jednostka)
  outbox [--limit N]                        pokazuje ostatnie wiadomości w skrzynce nadawczej
  digest --group SLUG                       kolejkuje teraz „Tydzień w gminie” grupy (nie czekając na jej dzień
                                            i godzinę; raz w tygodniu — drugi raz nic nie wysyła)
  stats-rebuild                             przelicza od nowa dzienne statystyki wszystkich grup
  invoice-demo --out KATALOG                wystawia (albo odczytuje) fakturę gminy demonstracyjnej za bieżący okres
                                            i zapisuje ją jako KATALOG/<numer>.xml (FA(3)) i .pdf (ukośniki numeru → _)
  ksef-send                                 wysyła do KSeF faktury czekające na wysyłkę i odbiera numery KSeF
                                            (to samo co zadanie w tle; konfiguracja: /admin/faktury)
  ksef-config --environment TE|DEMO|PRD --token T [--url ADRES]
                                            zapisuje ustawienia wysyłki do KSeF (jak formularz w /admin/faktury)
  ksef-test-server [--port N]               uruchamia lokalny serwer testowy KSeF 2.0 i kieruje do niego wysyłkę
                                            faktur (dla demonstracji; działa do Ctrl+C)
  backup --out PLIK                         kopia zapasowa bazy danych i plików mediów w jednym pliku (.tar.gz)
                                            (PostgreSQL: pg_dump; PGlite: zatrzymaj najpierw serwer)
  restore PLIK [--force]                    odtwarza kopię i sprawdza liczbę wierszy każdej tabeli; istniejącą
                                            bazę zastępuje tylko z --force (PGlite: przenosi ją obok)
  moderate                                  ocenia wiersze JSON ze standardowego wejścia:
                                            {"id","text","kind":"post"|"comment","author":"resident"|"new_member"|"unit"}

Baza: DATABASE_URL (PostgreSQL) albo PGlite w DATA_DIR (domyślnie ./data; serwer nie może wtedy działać).`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
		operator: { type: 'boolean' },
		teryt: { type: 'string' },
		slug: { type: 'string' },
		question: { type: 'string' },
		private: { type: 'boolean' },
		'no-approval': { type: 'boolean' },
		group: { type: 'string' },
		user: { type: 'string' },
		unit: { type: 'string' },
		limit: { type: 'string' },
		out: { type: 'string' },
		force: { type: 'boolean' },
		port: { type: 'string' },
		environment: { type: 'string' },
		token: { type: 'string' },
		url: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

const [command, ...args] = positionals;
if (!command || values.help) {
	console.log(help);
	process.exit(command ? 0 : 1);
}

const config = readConfig();

if (command === 'moderate') {
	// Reads JSON lines from stdin and answers each in order. The demo group's word list comes
	// from a PostgreSQL server when there is one (the embedded database may be in use by the
	// server), otherwise from the demo data it was seeded from.
	const lexicon = loadLexicon(config.referenceDataDir);
	let rules = demoWordList.map((w, i) => ({ id: String(i), ...w }));
	if (config.databaseUrl) {
		const database = await openDatabase(config);
		const group = await database.db
			.selectFrom('groups')
			.select('id')
			.where('slug', '=', 'wiskitki')
			.executeTakeFirst()
			.catch(() => undefined);
		if (group)
			rules = (
				await database.db
					.selectFrom('moderation_words')
					.select(['id', 'pattern', 'is_regex', 'action'])
					.where('group_id', '=', group.id)
					.execute()
			).map((r) => ({ id: r.id, pattern: r.pattern, isRegex: r.is_regex, action: r.action }));
		await database.close();
	}
	const words = compileWordList(rules);
	const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
	for await (const line of lines) if (line.trim()) process.stdout.write(moderateLine(line, lexicon, words) + '\n');
	process.exit(0);
}

/** "50 tabel, 914 253 wiersze, 1 plik mediów" */
function contents(rows: Record<string, number>, mediaFiles: number): string {
	const tables = Object.keys(rows).length;
	const total = Object.values(rows).reduce((a, b) => a + b, 0);
	const n = formatNumber;
	return `${n(tables)} ${plural(tables, 'tabela', 'tabele', 'tabel')}, ${n(total)} ${plural(total, 'wiersz', 'wiersze', 'wierszy')}, ${n(mediaFiles)} ${plural(mediaFiles, 'plik', 'pliki', 'plików')} mediów`;
}

if (command === 'backup' || command === 'restore') {
	// Both work on the database's files or server directly, not through an open connection.
	const target = { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
	try {
		if (command === 'backup') {
			if (!values.out) throw new AppError('validation', 'Podaj plik kopii: backup --out PLIK.tar.gz');
			const m = await backup(target, values.out);
			console.log(
				`Zapisano kopię ${values.out}: ${m.database === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${contents(m.rows, m.mediaFiles)}.`
			);
		} else {
			if (!args[0]) throw new AppError('validation', 'Podaj plik kopii: restore PLIK.tar.gz [--force]');
			const r = await restore(target, args[0], { force: values.force });
			console.log(
				`Odtworzono kopię z ${r.manifest.createdAt}: ${contents(r.rows, r.manifest.mediaFiles)}, zgodnie z kopią.`
			);
			if (r.movedAside) console.log(`Poprzednia baza: ${r.movedAside}`);
		}
	} catch (e) {
		console.error(e instanceof AppError ? `Błąd: ${e.message}` : e);
		process.exitCode = 1;
	}
	process.exit();
}

const database = await openDatabase(config);
if (config.clockStart) console.warn(`Zegar przesunięty (TABLICA_NOW): ${config.clockStart.toISOString()}`);
const ctx: Ctx = {
	db: database.db,
	clock: processClock(config.clockStart),
	notifier: database.notifier,
	baseUrl: config.baseUrl,
	ksefSecretKey: ksefSecret(config),
	referenceDataDir: config.referenceDataDir
};

async function userByEmail(email: string | undefined) {
	const e = parseInput(emailSchema, email);
	const user = await ctx.db
		.selectFrom('users')
		.selectAll()
		.where((eb) => eb(eb.fn('lower', ['email']), '=', e))
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!user) throw new AppError('not_found', `Nie ma użytkownika ${e}.`);
	return user;
}

async function run(): Promise<void> {
	await migrate(ctx.db);
	switch (command) {
		case 'migrate':
			console.log('Baza danych jest aktualna.');
			return;
		case 'seed-demo':
			await ensureMunicipalities(ctx, config);
			console.log(
				(await seedDemo(ctx, (m) => console.log(m)))
					? 'Wczytano dane demonstracyjne.'
					: 'Dane demonstracyjne już są w bazie.'
			);
			return;
		case 'import-teryt': {
			if (!args[0]) throw new AppError('validation', 'Podaj plik: import-teryt PLIK.csv');
			console.log(`Wczytano ${await importTerytFile(ctx.db, args[0])} gmin.`);
			return;
		}
		case 'create-user': {
			const email = parseInput(emailSchema, values.email);
			const name = parseInput(displayNameSchema, values.name);
			const password = parseInput(passwordSchema, values.password);
			const user = await ctx.db
				.insertInto('users')
				.values({
					email,
					display_name: name,
					password_hash: await hashPassword(password),
					email_verified_at: new Date(),
					is_operator: !!values.operator,
					created_at: new Date(),
					deleted_at: null
				})
				.returning(['id', 'email'])
				.executeTakeFirstOrThrow()
				.catch((e) => {
					throw /unique/i.test(String(e)) ? new AppError('conflict', `Konto ${email} już istnieje.`) : e;
				});
			console.log(`Utworzono konto ${user.email} (id ${user.id})${values.operator ? ' z rolą operatora' : ''}.`);
			return;
		}
		case 'create-group': {
			const op = await ctx.db
				.selectFrom('users')
				.selectAll()
				.where('is_operator', '=', true)
				.where('deleted_at', 'is', null)
				.executeTakeFirst();
			if (!op) throw new AppError('forbidden', 'Najpierw utwórz konto operatora: create-user --operator …');
			await ensureMunicipalities(ctx, config);
			const group = await createGroup(ctx, toActor(op), {
				municipalityCode: values.teryt,
				slug: values.slug,
				name: values.name,
				membershipQuestion: values.question,
				isPublic: !values.private,
				memberPostsNeedApproval: !values['no-approval']
			});
			console.log(`Utworzono grupę „${group.name}”: /g/${group.slug}`);
			return;
		}
		case 'add-moderator': {
			const user = await userByEmail(values.user);
			const group = await ctx.db
				.selectFrom('groups')
				.selectAll()
				.where('slug', '=', values.group ?? '')
				.executeTakeFirst();
			if (!group) throw new AppError('not_found', `Nie ma grupy ${values.group ?? ''}.`);
			await ctx.db.transaction().execute(async (tx) => {
				const before = await tx
					.selectFrom('memberships')
					.select('status')
					.where('group_id', '=', group.id)
					.where('user_id', '=', user.id)
					.executeTakeFirst();
				await tx
					.insertInto('memberships')
					.values({
						group_id: group.id,
						user_id: user.id,
						status: 'approved',
						role: 'moderator',
						requested_at: new Date(),
						decided_at: new Date(),
						decided_by: null
					})
					.onConflict((oc) =>
						oc.columns(['group_id', 'user_id']).doUpdateSet({ status: 'approved', role: 'moderator' })
					)
					.execute();
				if (before?.status !== 'approved')
					await tx
						.updateTable('groups')
						.set((eb) => ({ member_count: eb('member_count', '+', 1) }))
						.where('id', '=', group.id)
						.execute();
			});
			console.log(`${user.email} moderuje teraz grupę ${group.slug}.`);
			return;
		}
		case 'token-create': {
			if (values.unit) {
				let q = ctx.db.selectFrom('units').select(['id', 'name', 'municipality_code']).where('slug', '=', values.unit);
				if (values.teryt) q = q.where('municipality_code', '=', values.teryt);
				const units = await q.execute();
				if (units.length === 0)
					throw new AppError(
						'not_found',
						`Nie ma jednostki „${values.unit}”${values.teryt ? ` w gminie ${values.teryt}` : ''}.`
					);
				if (units.length > 1)
					throw new AppError(
						'validation',
						`Jednostek „${values.unit}” jest kilka (gminy ${units.map((u) => u.municipality_code).join(', ')}) — dodaj --teryt KOD.`
					);
				// The command line is the operator's own tool.
				const operator = {
					id: '0',
					email: 'cli',
					displayName: 'Operator (wiersz poleceń)',
					isOperator: true,
					emailVerified: true
				};
				console.log(await createUnitToken(ctx, operator, units[0].id, values.name ?? 'cli'));
				return;
			}
			const user = await userByEmail(values.user);
			console.log(await createApiToken(ctx, user.id, values.name ?? 'cli'));
			return;
		}
		case 'stats-rebuild': {
			const n = await rebuildStats(ctx.db, ctx.clock);
			console.log(`Przeliczono statystyki: ${n} dni grup.`);
			return;
		}
		case 'invoice-demo': {
			if (!values.out) throw new AppError('validation', 'Podaj katalog: invoice-demo --out KATALOG');
			await ensureMunicipalities(ctx, config);
			await seedDemo(ctx);
			const files = await writeDemoInvoice(ctx, values.out);
			for (const f of files) console.log(f);
			return;
		}
		case 'digest': {
			if (!values.group) throw new AppError('validation', 'Podaj grupę: digest --group SLUG');
			const r = await queueWeeklyDigest(ctx, await getGroup(ctx.db, values.group));
			console.log(
				r.queued
					? `Zakolejkowano podsumowanie tygodnia: ${r.recipients} ${plural(r.recipients, 'e-mail', 'e-maile', 'e-maili')}.`
					: 'Podsumowanie tego tygodnia już wysłano.'
			);
			return;
		}
		case 'ksef-send': {
			const r = await sendToKsef(ctx);
			if (r.notConfigured) throw new AppError('conflict', r.notConfigured);
			console.log(
				[
					`Wysłano do KSeF: ${r.sent}.`,
					r.accepted.length ? `Przyjęte (z numerem KSeF): ${r.accepted.join(', ')}.` : '',
					r.rejected.length ? `Odrzucone: ${r.rejected.join(', ')} (powód w /admin/faktury).` : '',
					r.processing ? `W przetwarzaniu w KSeF: ${r.processing} (sprawdzimy ponownie).` : '',
					r.deferred ? `Odłożone na później: ${r.deferred}. ${r.error ?? ''}` : ''
				]
					.filter(Boolean)
					.join('\n')
			);
			return;
		}
		case 'ksef-config': {
			await configureKsef(ctx, { environment: values.environment, baseUrl: values.url, token: values.token });
			console.log('Zapisano ustawienia wysyłki do KSeF.');
			return;
		}
		case 'ksef-test-server': {
			const server = await startKsefTestServer({
				port: values.port ? Number(values.port) : undefined,
				referenceDataDir: config.referenceDataDir
			});
			await configureKsef(ctx, { environment: 'TE', baseUrl: server.url, token: server.token });
			// PGlite allows one process: the database is closed while the test server goes on serving.
			await database.close();
			console.log(
				`Serwer testowy KSeF: ${server.url} (NIP ${server.nip}).\nWysyłka faktur skierowana do niego; uruchom serwer aplikacji albo ksef-send. Ctrl+C kończy.`
			);
			await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
			await server.close();
			return;
		}
		case 'outbox': {
			for (const m of await listOutbox(ctx.db, { limit: Number(values.limit ?? 20) })) {
				console.log(
					`#${m.id} ${m.created_at.toISOString()} ${m.status} → ${m.recipient}: ${m.subject}\n${m.body_text}\n`
				);
			}
			return;
		}
		default:
			throw new AppError('validation', `Nieznane polecenie „${command}”.\n\n${help}`);
	}
}

try {
	await run();
} catch (e) {
	console.error(e instanceof AppError ? `Błąd: ${e.message}` : e);
	process.exitCode = 1;
} finally {
	await database.close();
}
