import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, sessionCookie, startServer, type Server } from './harness';

// Private messages through the JSON API: a resident writes to the author of another resident's
// post, the author reads, replies, blocks and unblocks, and reports a message; nobody else sees it.

let server: Server;
/** Marek Zając, a demo resident of Wiskitki: writes first. */
let writerToken: string;
/**
 * A demo resident of Wiskitki without a password (the operator issues the token): the post's author.
 * Not one the demo's own conversations involve (Anna Kwiatkowska, the first resident): the pair is new.
 */
let authorToken: string;
/** The moderator of every demo group: a third person to the conversation. */
let moderatorToken: string;
const AUTHOR = 'mieszkaniec25@demo.tablica.test';
const stamp = Date.now();

const get = (path: string, token?: string) =>
	fetch(`${server.url}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const send = (method: string, path: string, body: unknown, token?: string) =>
	fetch(`${server.url}/api/v1${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});

/** A token the operator issues on /admin for someone who cannot sign in. */
async function issuedToken(email: string): Promise<string> {
	const html = await fetch(`${server.url}/admin?/token`, {
		method: 'POST',
		headers: {
			origin: server.url,
			cookie: await sessionCookie(server.url, 'operator@tablica.test'),
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, tokenName: 'testy' })
	}).then((r) => r.text());
	const token = /tbl_[\w-]+/.exec(html)?.[0];
	if (!token) throw new Error(`no token for ${email}`);
	return token;
}

/** The moderator approves a held post in the queue (a form action, as the page's button posts it). */
async function approve(postId: string): Promise<void> {
	const r = await fetch(`${server.url}/moderacja?/decide`, {
		method: 'POST',
		headers: {
			origin: server.url,
			cookie: await sessionCookie(server.url, 'moderator@tablica.test'),
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams({ kind: 'post', id: postId, decision: 'approve' })
	});
	expect((await r.json()).type).toBe('success');
}

interface Summary {
	id: string;
	unread: number;
	blocked: boolean;
	other: { name: string };
	last: { excerpt: string; mine: boolean };
}

async function summaryOf(conversationId: string, token: string): Promise<Summary | undefined> {
	const r = await get('/conversations', token);
	expect(r.status).toBe(200);
	const { items } = (await r.json()) as { items: Summary[] };
	return items.find((c) => c.id === conversationId);
}

beforeAll(async () => {
	server = await startServer();
	[writerToken, moderatorToken, authorToken] = await Promise.all([
		apiToken(server.url, 'mieszkaniec@tablica.test'),
		apiToken(server.url, 'moderator@tablica.test'),
		issuedToken(AUTHOR)
	]);
});
afterAll(async () => server?.stop());

describe('private messages in the JSON API', () => {
	let postId: string;
	let conversationId: string;
	let firstMessageId: string;
	const first = `Dzień dobry, czy sadzonki są jeszcze aktualne? ${stamp}`;

	it('a resident’s post, held and approved, to write to its author from', async () => {
		const created = await send(
			'POST',
			'/groups/wiskitki/posts',
			{ body: `Oddam sadzonki pomidorów, odbiór w Guzowie. ${stamp}`, category: 'other' },
			authorToken
		);
		expect(created.status).toBe(201);
		const post = await created.json();
		postId = post.id;
		if (post.status !== 'published') await approve(postId);
		const published = await (await get(`/posts/${postId}`)).json();
		expect(published).toMatchObject({ status: 'published', author: { type: 'user' } });
	});

	it('refuses without a token, with an empty body or an unknown post', async () => {
		expect((await get('/conversations')).status).toBe(401);
		expect((await send('POST', '/conversations', { post: postId, body: first })).status).toBe(401);
		expect((await send('POST', '/conversations', { post: postId, body: first }, 'tbl_zly')).status).toBe(401);

		const empty = await send('POST', '/conversations', { post: postId, body: '   ' }, writerToken);
		expect(empty.status).toBe(400);
		expect((await empty.json()).error).toMatchObject({
			code: 'validation',
			fields: { body: 'Napisz treść wiadomości.' }
		});
		const neither = await send('POST', '/conversations', { body: first }, writerToken);
		expect(neither.status).toBe(400);
		expect((await neither.json()).error.message).toBe('Wskaż post albo komentarz, którego autorowi piszesz.');
		expect((await send('POST', '/conversations', '{nie json', writerToken)).status).toBe(400);
		expect((await send('POST', '/conversations', '[1]', writerToken)).status).toBe(400);

		const unknown = await send('POST', '/conversations', { post: '999999999999', body: first }, writerToken);
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).error.code).toBe('not_found');
		const own = await send('POST', '/conversations', { post: postId, body: first }, authorToken);
		expect(own.status).toBe(400);
	});

	it('starts a conversation from the post: the author sees it unread', async () => {
		// The writer has the demo's conversations; this one must be new.
		const before = await (await get('/conversations', writerToken)).json();
		const r = await send('POST', '/conversations', { post: postId, body: first }, writerToken);
		expect(r.status).toBe(201);
		const sent = await r.json();
		expect(sent).toEqual({
			id: expect.stringMatching(/^\d+$/),
			conversationId: expect.stringMatching(/^\d+$/),
			createdAt: expect.any(String)
		});
		conversationId = sent.conversationId;
		firstMessageId = sent.id;
		expect(before.items.map((c: Summary) => c.id)).not.toContain(conversationId);

		expect(await summaryOf(conversationId, authorToken)).toMatchObject({
			unread: 1,
			blocked: false,
			other: { name: 'Marek Zając' },
			last: { excerpt: first, mine: false }
		});
		expect(await summaryOf(conversationId, writerToken)).toMatchObject({ unread: 0, last: { mine: true } });
	});

	it('the author reads the messages, marks them read and replies', async () => {
		const r = await get(`/conversations/${conversationId}`, authorToken);
		expect(r.status).toBe(200);
		const view = await r.json();
		expect(view).toMatchObject({
			id: conversationId,
			group: { slug: 'wiskitki' },
			post: { id: postId },
			more: false,
			unread: 1,
			blocked: false,
			cannotWrite: null,
			reported: []
		});
		expect(view.messages).toEqual([
			{ id: firstMessageId, mine: false, body: first, removed: false, at: expect.any(String) }
		]);
		// Looking does not mark read; PUT …/read does.
		expect((await summaryOf(conversationId, authorToken))!.unread).toBe(1);
		const read = await send('PUT', `/conversations/${conversationId}/read`, undefined, authorToken);
		expect(read.status).toBe(200);
		expect(await read.json()).toEqual({ read: true });
		expect((await summaryOf(conversationId, authorToken))!.unread).toBe(0);

		expect((await send('POST', `/conversations/${conversationId}/messages`, { body: '' }, authorToken)).status).toBe(
			400
		);
		const reply = await send(
			'POST',
			`/conversations/${conversationId}/messages`,
			{ body: 'Tak, zapraszam w sobotę po 10.' },
			authorToken
		);
		expect(reply.status).toBe(201);
		const { id: replyId, conversationId: same } = await reply.json();
		expect(same).toBe(conversationId);
		expect(await summaryOf(conversationId, writerToken)).toMatchObject({
			unread: 1,
			last: { excerpt: 'Tak, zapraszam w sobotę po 10.', mine: false }
		});
		// What a client fetches after the live event, which carries only the ids.
		const one = await get(`/conversations/${conversationId}/messages/${replyId}`, writerToken);
		expect(one.status).toBe(200);
		expect(await one.json()).toEqual({
			id: replyId,
			mine: false,
			body: 'Tak, zapraszam w sobotę po 10.',
			removed: false,
			at: expect.any(String)
		});
		expect((await get(`/conversations/${conversationId}/messages/999999999999`, writerToken)).status).toBe(404);
		const older = await (await get(`/conversations/${conversationId}?before=${replyId}`, writerToken)).json();
		expect(older.messages.map((m: { id: string }) => m.id)).toEqual([firstMessageId]);
		expect((await get(`/conversations/${conversationId}?before=abc`, writerToken)).status).toBe(400);
	});

	it('is nobody else’s: a third person, the moderator, is told it does not exist', async () => {
		const r = await get(`/conversations/${conversationId}`, moderatorToken);
		expect(r.status).toBe(404);
		expect((await r.json()).error).toEqual({ code: 'not_found', message: 'Nie ma takiej rozmowy.' });
		expect(
			(await send('POST', `/conversations/${conversationId}/messages`, { body: 'Halo?' }, moderatorToken)).status
		).toBe(404);
		expect((await get(`/conversations/${conversationId}/messages/${firstMessageId}`, moderatorToken)).status).toBe(404);
		expect((await send('PUT', `/conversations/${conversationId}/block`, undefined, moderatorToken)).status).toBe(404);
		expect(await summaryOf(conversationId, moderatorToken)).toBeUndefined();
		expect((await get('/conversations/abc', writerToken)).status).toBe(404);
	});

	it('the author blocks the writer, who may not write until unblocked', async () => {
		const block = await send('PUT', `/conversations/${conversationId}/block`, undefined, authorToken);
		expect(block.status).toBe(200);
		expect(await block.json()).toEqual({ blocked: true });
		expect((await summaryOf(conversationId, authorToken))!.blocked).toBe(true);

		const refused = await send('POST', `/conversations/${conversationId}/messages`, { body: 'Halo?' }, writerToken);
		expect(refused.status).toBe(403);
		expect((await refused.json()).error).toEqual({
			code: 'forbidden',
			message: 'Ta osoba nie przyjmuje od Ciebie wiadomości.'
		});
		// Starting anew from the post is refused as well.
		expect((await send('POST', '/conversations', { post: postId, body: 'Halo?' }, writerToken)).status).toBe(403);
		const view = await (await get(`/conversations/${conversationId}`, writerToken)).json();
		expect(view).toMatchObject({ blocked: false, cannotWrite: 'Ta osoba nie przyjmuje od Ciebie wiadomości.' });

		const unblock = await send('DELETE', `/conversations/${conversationId}/block`, undefined, authorToken);
		expect(unblock.status).toBe(200);
		expect(await unblock.json()).toEqual({ blocked: false });
		const again = await send(
			'POST',
			`/conversations/${conversationId}/messages`,
			{ body: 'Dziękuję, będę o 11.' },
			writerToken
		);
		expect(again.status).toBe(201);
	});

	it('the author reports the writer’s message once; a second report is a conflict', async () => {
		const path = `/conversations/${conversationId}/messages/${firstMessageId}/report`;
		expect((await send('POST', path, { reason: '' }, authorToken)).status).toBe(400);
		const report = await send('POST', path, { reason: 'Natarczywe pytania o adres.' }, authorToken);
		expect(report.status).toBe(201);
		expect(await report.json()).toEqual({ id: expect.stringMatching(/^\d+$/) });
		const twice = await send('POST', path, { reason: 'Natarczywe pytania o adres.' }, authorToken);
		expect(twice.status).toBe(409);
		expect((await twice.json()).error.code).toBe('conflict');
		// One's own message cannot be reported.
		expect((await send('POST', path, { reason: 'Moja własna wiadomość.' }, writerToken)).status).toBe(400);
		const view = await (await get(`/conversations/${conversationId}`, authorToken)).json();
		expect(view.reported).toEqual([firstMessageId]);
	});
});
