import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { deleteAccount } from './delete-account';
import { setAlertPreferences } from '../alerts/alerts';
import { addPlace, setMemberPlaces } from '../places/places';
import { addComment } from '../feed/comments';
import { setPostReaction } from '../feed/engagement';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { fileAppeal } from '../moderation/decisions';
import { decideReports, fileReport } from '../moderation/reports';
import { imposeSanction } from '../moderation/sanctions';
import { subscribePush } from '../notify/push';
import { createTicket, replyToTicket } from '../support/tickets';
import {
	confirmedPhone,
	loadDemoMunicipalities,
	makeUser,
	openTestDatabase,
	testCtx,
	TEST_PASSWORD
} from '../testing/fixtures';
import { GET as downloadRoute } from '../../../routes/konto/eksport/[token]/+server';
import { EXPORT_VALID_MS, expireDataExports, listDataExports, prepareDataExports, requestDataExport } from './export';

const DAY = 86_400_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let dataDir: string;
let dirs: { mediaDir: string; exportsDir: string };
let operator: Actor, moderator: Actor, anna: Actor, jan: Actor;
let group: Group;

// What belongs to Jan, the moderator and the operator, and must never reach Anna's export.
const janEmail = 'jan.nowak@t.pl';
const janReportEmail = 'jan.zglasza@poczta.pl';
const janSecrets = [
	'Jan Nowak',
	janEmail,
	janReportEmail,
	'+48600100900',
	'Komentarz Jana pod postem Anny',
	'Post Jana o zebraniu sołeckim',
	'Jan uważa, że Anna obraża sąsiadów',
	'Olga Operatorka',
	'Marek Moderator',
	'olga@t.pl',
	'marek@t.pl'
];

const annaImage = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 9, 9, 9]);
const annaImageName = 'a1'.repeat(16) + '.webp';
const annaAttachment = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const annaAttachmentName = 'b2'.repeat(16) + '.png';
let annaPostId: string, annaCommentId: string, janPostId: string, sanctionDecisionId: string;

async function member(email: string, name: string): Promise<Actor> {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, group, 'Mieszkam w gminie od urodzenia');
	await decideMembership(ctx, operator, group, a.id, true);
	return a;
}

const linkIn = (text: string) => /\/konto\/eksport\/([\w-]{43})/.exec(text)?.[1];

async function exportEmails(to: string) {
	return ctx.db
		.selectFrom('outbox')
		.select(['recipient', 'subject', 'body_text'])
		.where('recipient', '=', to)
		.where('subject', '=', 'Twoje dane z Tablicy są gotowe do pobrania')
		.orderBy('id')
		.execute();
}

/** Calls the download route as SvelteKit would; returns its response, or the error/redirect it throws. */
async function download(actor: Actor | null, token: string) {
	const event = {
		locals: { actor, ctx, rt: { exportsDir: dirs.exportsDir } },
		params: { token },
		url: new URL(`http://tablica.test/konto/eksport/${token}`)
	};
	try {
		return { response: await downloadRoute(event as never) };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	dataDir = mkdtempSync(path.join(tmpdir(), 'tablica-export-test-'));
	dirs = { mediaDir: path.join(dataDir, 'media'), exportsDir: path.join(dataDir, 'exports') };
	ctx.exportsDir = dirs.exportsDir;
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'olga@t.pl', { operator: true, name: 'Olga Operatorka' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?',
		memberPostsNeedApproval: false
	});
	await ctx.db.updateTable('groups').set({ new_member_days: 0 }).execute();
	group = await getGroup(ctx.db, 'wiskitki');
	moderator = await member('marek@t.pl', 'Marek Moderator');
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	anna = await member('anna.kowalska@t.pl', 'Anna Kowalska');
	jan = await member(janEmail, 'Jan Nowak');

	await mkdir(path.join(dirs.mediaDir, 'tickets'), { recursive: true });
	await writeFile(path.join(dirs.mediaDir, annaImageName), annaImage);
	await writeFile(path.join(dirs.mediaDir, 'tickets', annaAttachmentName), annaAttachment);

	// Anna's post (with an image and text that looks like markup), Jan's post, comments both ways.
	annaPostId = (
		await createPost(ctx, anna, group, {
			body: 'Festyn w sobotę! <script>alert("x")</script> Zapraszam wszystkich.',
			category: 'community',
			images: [{ fileName: annaImageName, width: 800, height: 600, alt: 'Scena festynu' }]
		})
	).id;
	janPostId = (
		await createPost(ctx, jan, group, { body: 'Post Jana o zebraniu sołeckim w Guzowie.', category: 'community' })
	).id;
	annaCommentId = (
		await addComment(ctx, anna, janPostId, { body: 'Anna pisze: ci z ulicy Szkolnej to zawsze narzekają.' })
	).id;
	await addComment(ctx, jan, annaPostId, { body: 'Komentarz Jana pod postem Anny.' });
	await setPostReaction(ctx, anna, janPostId, 'love');
	await setPostReaction(ctx, jan, annaPostId, 'like');

	// Anna reports Jan's post; Jan reports Anna's comment, which a moderator removes.
	await fileReport(ctx, anna, {
		postId: janPostId,
		ground: 'spam',
		explanation: 'Anna uważa, że to reklama sklepu.',
		name: 'Anna Kowalska',
		email: 'anna.kowalska@t.pl',
		goodFaith: true
	});
	await fileReport(ctx, jan, {
		commentId: annaCommentId,
		ground: 'insult',
		explanation: 'Jan uważa, że Anna obraża sąsiadów.',
		name: 'Jan Nowak',
		email: janReportEmail,
		goodFaith: true
	});
	await decideReports(
		ctx,
		moderator,
		{ commentId: annaCommentId },
		{ outcome: 'remove', ground: 'insult', reason: 'Uogólnienie o mieszkańcach ulicy.' }
	);
	sanctionDecisionId = await imposeSanction(ctx, moderator, group, {
		userId: anna.id,
		kind: 'warn',
		days: 7,
		ground: 'insult',
		reason: 'Powtarzające się uogólnienia o sąsiadach.'
	});
	await fileAppeal(ctx, anna, sanctionDecisionId, { body: 'Anna odwołuje się: to była ironia, nie obraza.' });

	// The places Anna follows, alerts with a phone, a push device, a support ticket with an attachment and a staff reply.
	const guzow = await addPlace(ctx, operator, group, { kind: 'locality', name: 'Guzów' });
	await setMemberPlaces(ctx, anna, group, { places: [guzow.id] });
	await confirmedPhone(ctx, group.id, anna.id, '600 700 800');
	await confirmedPhone(ctx, group.id, jan.id, '600 100 900');
	await setAlertPreferences(ctx, anna, group, {
		kinds: ['safety', 'utilities'],
		byEmail: true,
		bySms: true,
		phone: '600 700 800'
	});
	await setAlertPreferences(ctx, jan, group, { kinds: ['safety'], bySms: true, phone: '600 100 900' });
	await subscribePush(
		ctx,
		anna,
		{ endpoint: 'https://fcm.googleapis.com/fcm/send/anna-device', keys: { p256dh: 'BAnnaKey', auth: 'annaAuth' } },
		'Firefox na Androidzie'
	);
	const ticket = await createTicket(
		ctx,
		anna,
		{ kind: 'technical', body: 'Anna pyta: nie widzę zdjęć w poście.' },
		{
			attachments: [
				{
					fileName: annaAttachmentName,
					originalName: '../zrzut ekranu.png',
					contentType: 'image/png',
					size: annaAttachment.byteLength
				}
			]
		}
	);
	await replyToTicket(ctx, operator, ticket.id, { body: 'Proszę odświeżyć stronę, już działa.', status: 'resolved' });
	await createTicket(ctx, jan, { kind: 'other', body: 'Jan pyta o swoje konto.' });
});
afterAll(async () => {
	await database?.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('asking for a copy of one’s data', () => {
	it('records one waiting request; a second click, or another request the same day, is refused with a clear message', async () => {
		await expect(requestDataExport(ctx, null)).rejects.toMatchObject({ code: 'unauthenticated' });
		const first = await requestDataExport(ctx, anna);
		expect(first).toMatchObject({ state: 'pending', stateLabel: 'przygotowujemy plik', expiresAt: null });
		await expect(requestDataExport(ctx, anna)).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('Już przygotowujemy Twoje dane')
		});
		expect(await listDataExports(ctx, anna)).toHaveLength(1);
		expect(await listDataExports(ctx, jan)).toEqual([]);
	});
});

let annaToken: string;
let zip: AdmZip;
const entry = (name: string) => zip.getEntry(name)?.getData().toString('utf8') ?? '';
const json = (name: string) => JSON.parse(entry(name));

describe('the job that prepares exports', () => {
	it('writes a ZIP under a random name, marks it ready for 7 days and e-mails the link through the outbox', async () => {
		expect(await prepareDataExports(ctx, dirs)).toBe(1);
		expect(await prepareDataExports(ctx, dirs)).toBe(0);
		const [row] = await ctx.db.selectFrom('data_exports').selectAll().where('user_id', '=', anna.id).execute();
		expect(row).toMatchObject({ state: 'ready', file_name: expect.stringMatching(/^[0-9a-f]{32}\.zip$/) });
		expect(row.expires_at!.getTime() - clock.now().getTime()).toBe(EXPORT_VALID_MS);
		expect(existsSync(path.join(dirs.exportsDir, row.file_name!))).toBe(true);

		const mails = await exportEmails(anna.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].body_text).toContain('http://tablica.test/konto/eksport/');
		expect(mails[0].body_text).toContain('Link jest ważny do 3 grudnia 2026');
		annaToken = linkIn(mails[0].body_text)!;
		expect(annaToken).toBeTruthy();
		// Only the token's hash is stored.
		expect(JSON.stringify(await ctx.db.selectFrom('data_exports').selectAll().execute())).not.toContain(annaToken);
		zip = new AdmZip(path.join(dirs.exportsDir, row.file_name!));

		const [view] = await listDataExports(ctx, anna);
		expect(view).toMatchObject({ state: 'ready', size: row.size, expiresAt: row.expires_at!.toISOString() });
	});

	it('holds every section of the person’s data, each file named as promised', () => {
		const names = zip.getEntries().map((e) => e.entryName);
		for (const f of [
			'profil.json',
			'czlonkostwa.json',
			'posty.json',
			'komentarze.json',
			'reakcje.json',
			'zgloszenia.json',
			'decyzje.json',
			'powiadomienia.json',
			'zgody.json',
			'alerty.json',
			'zgloszenia-pomocy.json',
			'dane.html'
		])
			expect(names).toContain(f);

		expect(json('profil.json')).toMatchObject({
			id: anna.id,
			email: 'anna.kowalska@t.pl',
			displayName: 'Anna Kowalska'
		});
		expect(json('czlonkostwa.json').groups).toEqual([
			expect.objectContaining({
				group: 'Wiskitki',
				status: 'approved',
				answer: 'Mieszkam w gminie od urodzenia',
				places: ['Guzów']
			})
		]);

		const posts = json('posty.json');
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({
			id: annaPostId,
			body: expect.stringContaining('Festyn w sobotę!'),
			images: [{ file: `zdjecia/${annaImageName}`, alt: 'Scena festynu' }]
		});
		expect(new Uint8Array(zip.getEntry(`zdjecia/${annaImageName}`)!.getData())).toEqual(annaImage);

		expect(json('komentarze.json')).toEqual([
			expect.objectContaining({
				id: annaCommentId,
				postId: janPostId,
				status: 'removed',
				body: expect.stringContaining('Anna pisze')
			})
		]);
		expect(json('reakcje.json').onPosts).toEqual([expect.objectContaining({ postId: janPostId, kind: 'love' })]);
		expect(json('zgloszenia.json')).toEqual([
			expect.objectContaining({
				postId: janPostId,
				explanation: 'Anna uważa, że to reklama sklepu.',
				email: 'anna.kowalska@t.pl'
			})
		]);

		const decisions = json('decyzje.json');
		expect(decisions.aboutMe.map((d: { action: string }) => d.action)).toEqual(
			expect.arrayContaining(['remove', 'warn'])
		);
		expect(decisions.aboutMe.find((d: { action: string }) => d.action === 'remove')).toMatchObject({
			commentId: annaCommentId,
			basedOnReport: true,
			decidedBy: 'moderator',
			facts: expect.stringContaining('Uogólnienie')
		});
		expect(decisions.sanctions).toEqual([
			expect.objectContaining({
				kind: 'warn',
				reason: 'Powtarzające się uogólnienia o sąsiadach.',
				decisionId: sanctionDecisionId
			})
		]);
		expect(decisions.appeals).toEqual([
			expect.objectContaining({
				decisionId: sanctionDecisionId,
				body: expect.stringContaining('to była ironia'),
				status: 'open'
			})
		]);
		expect(decisions.reportsAboutMyContent).toEqual([
			expect.objectContaining({
				commentId: annaCommentId,
				ground: expect.stringContaining('Obrażanie'),
				status: 'actioned'
			})
		]);

		const notifications = json('powiadomienia.json');
		const kinds = notifications.inApp.map((n: { kind: string }) => n.kind);
		expect(kinds).toEqual(
			expect.arrayContaining([
				'membership_approved',
				'comment_on_post',
				'reaction_on_post',
				'report_received',
				'moderation_decision'
			])
		);
		expect(notifications.inApp.find((n: { kind: string }) => n.kind === 'comment_on_post').text).toBe(
			'Ktoś komentuje Twój post w grupie „Wiskitki”.'
		);
		expect(notifications.messages.map((m: { subject: string }) => m.subject)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^Potwierdzenie zgłoszenia nr/),
				expect.stringMatching(/^Decyzja moderatora/)
			])
		);
		expect(
			notifications.messages.every((m: { to: string }) => m.to === 'anna.kowalska@t.pl' || m.to === '+48600700800')
		).toBe(true);

		expect(json('zgody.json')).toMatchObject({
			email: 'anna.kowalska@t.pl',
			urgentAlerts: [{ group: 'Wiskitki', byEmail: true, bySms: true, byPush: false }],
			pushDevices: [{ browser: 'Firefox na Androidzie', service: 'fcm.googleapis.com' }]
		});
		expect(json('alerty.json')).toEqual([
			expect.objectContaining({
				group: 'Wiskitki',
				phone: '+48600700800',
				bySms: true,
				phoneConfirmedAt: expect.any(String),
				consentSource: 'settings',
				kinds: [expect.objectContaining({ kind: 'safety' }), expect.objectContaining({ kind: 'utilities' })]
			})
		]);

		const [ticket] = json('zgloszenia-pomocy.json');
		expect(ticket.messages).toEqual([
			expect.objectContaining({
				from: 'Anna Kowalska',
				fromStaff: false,
				body: 'Anna pyta: nie widzę zdjęć w poście.',
				files: [
					expect.objectContaining({
						name: '../zrzut ekranu.png',
						file: expect.stringMatching(/^zalaczniki\/\d+-_+zrzut_ekranu\.png$/)
					})
				]
			}),
			expect.objectContaining({ from: 'Zespół Tablicy', fromStaff: true, body: 'Proszę odświeżyć stronę, już działa.' })
		]);
		expect(new Uint8Array(zip.getEntry(ticket.messages[0].files[0].file)!.getData())).toEqual(annaAttachment);
	});

	it('holds none of another person’s data: not Jan’s name, e-mail, phone, texts or report, nor the staff’s names', () => {
		const everything = zip
			.getEntries()
			.map((e) => `${e.entryName}\n${e.getData().toString('utf8')}`)
			.join('\n');
		for (const secret of janSecrets) expect(everything, secret).not.toContain(secret);
		// Jan's own posts, comments and reactions are in no section.
		expect(json('posty.json').map((p: { id: string }) => p.id)).toEqual([annaPostId]);
		expect(json('reakcje.json').onPosts.map((r: { postId: string }) => r.postId)).not.toContain(annaPostId);
	});

	it('writes dane.html as one self-contained Polish page with everything escaped', () => {
		const html = entry('dane.html');
		expect(html).toMatch(/^<!doctype html>\n<html lang="pl">/);
		expect(html).toContain('Twoje dane w Tablicy');
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(html).not.toContain('<script');
		expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
		expect(html).toContain(`<img src="zdjecia/${annaImageName}" alt="Scena festynu"`);
		for (const text of [
			'Anna pisze: ci z ulicy Szkolnej',
			'Powtarzające się uogólnienia o sąsiadach.',
			'to była ironia',
			'+48600700800',
			'Anna pyta: nie widzę zdjęć',
			'Firefox na Androidzie',
			'1 post.',
			'1 komentarz.'
		])
			expect(html).toContain(text);
	});
});

describe('the download link', () => {
	it('gives the ZIP to its owner, signed in; another person gets 404, a visitor is sent to sign in', async () => {
		const ok = await download(anna, annaToken);
		expect(ok.response?.status).toBe(200);
		expect(ok.response!.headers.get('content-type')).toBe('application/zip');
		expect(ok.response!.headers.get('content-disposition')).toBe(
			'attachment; filename="tablica-moje-dane-2026-11-26.zip"'
		);
		expect(ok.response!.headers.get('cache-control')).toBe('private, no-store');
		const bytes = Buffer.from(await ok.response!.arrayBuffer());
		expect(new AdmZip(bytes).getEntry('profil.json')).toBeTruthy();
		expect((await listDataExports(ctx, anna))[0].downloadedAt).toBe(clock.now().toISOString());

		expect(await download(jan, annaToken)).toMatchObject({
			status: 404,
			message: expect.stringContaining('Nie ma takiego pliku')
		});
		expect(await download(operator, annaToken)).toMatchObject({ status: 404 });
		expect(await download(null, annaToken)).toEqual({
			status: 303,
			location: `/logowanie?dalej=${encodeURIComponent(`/konto/eksport/${annaToken}`)}`
		});
		expect(await download(anna, 'x'.repeat(43))).toMatchObject({ status: 404 });
		expect(await download(anna, '../../etc/passwd')).toMatchObject({ status: 404 });
	});

	it('refuses another request the same day, and takes one the next day', async () => {
		clock.advance(DAY - 60_000);
		await expect(requestDataExport(ctx, anna)).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('raz na dobę')
		});
		clock.advance(60_000);
		const next = await requestDataExport(ctx, anna);
		expect(next.state).toBe('pending');
		await ctx.db.deleteFrom('data_exports').where('id', '=', next.id).execute();
	});

	it('after 7 days says the link has expired (410); the hourly job deletes the file and leftovers', async () => {
		const row = await ctx.db
			.selectFrom('data_exports')
			.select(['file_name', 'expires_at'])
			.where('user_id', '=', anna.id)
			.executeTakeFirstOrThrow();
		clock.set(new Date(row.expires_at!.getTime() - 1));
		expect((await download(anna, annaToken)).response?.status).toBe(200);
		clock.set(row.expires_at!);
		expect(await download(anna, annaToken)).toMatchObject({
			status: 410,
			message: expect.stringContaining('Link do pobrania Twoich danych wygasł')
		});
		expect(await download(jan, annaToken)).toMatchObject({ status: 404 });

		// A file left by a crash: removed once an hour old, not while a job may still be writing it.
		const stale = path.join(dirs.exportsDir, 'c3'.repeat(16) + '.zip');
		const fresh = path.join(dirs.exportsDir, 'd4'.repeat(16) + '.zip');
		writeFileSync(stale, 'x');
		writeFileSync(fresh, 'x');
		const hourAgo = new Date(clock.now().getTime() - 2 * 3600_000);
		utimesSync(stale, hourAgo, hourAgo);
		utimesSync(fresh, clock.now(), clock.now());

		expect(await expireDataExports(ctx, dirs.exportsDir)).toEqual({ expired: 1, orphans: 1 });
		expect(existsSync(path.join(dirs.exportsDir, row.file_name!))).toBe(false);
		expect(existsSync(stale)).toBe(false);
		expect(existsSync(fresh)).toBe(true);
		expect((await listDataExports(ctx, anna))[0]).toMatchObject({
			state: 'expired',
			stateLabel: 'link wygasł, plik usunięty'
		});
		expect(await download(anna, annaToken)).toMatchObject({ status: 410 });
	});
});

describe('deleting the account', () => {
	it('removes the person’s exports, files and rows, and no one else’s', async () => {
		await requestDataExport(ctx, jan);
		await requestDataExport(ctx, anna);
		expect(await prepareDataExports(ctx, dirs)).toBe(2);
		const files = await ctx.db
			.selectFrom('data_exports')
			.select(['user_id', 'file_name'])
			.where('state', '=', 'ready')
			.execute();
		const jansFile = files.find((f) => f.user_id === jan.id)!.file_name!;
		const annasFile = files.find((f) => f.user_id === anna.id)!.file_name!;
		await deleteAccount(ctx, jan, TEST_PASSWORD);
		expect(await ctx.db.selectFrom('data_exports').select('id').where('user_id', '=', jan.id).execute()).toEqual([]);
		expect(existsSync(path.join(dirs.exportsDir, jansFile))).toBe(false);
		expect(existsSync(path.join(dirs.exportsDir, annasFile))).toBe(true);
	});
});
