import { alertKinds } from '$lib/server/alerts/alerts';
import { toWarsawLocal } from '$lib/dates';
import { unitTypeLabel } from '$lib/server/groups/unit-types';
import { categories } from '$lib/server/groups/categories';
import {
	countPendingMemberships,
	getGroup,
	getGroupForReading,
	leaveGroup,
	requestMembership
} from '$lib/server/groups/groups';
import { groupAccess } from '$lib/server/access/group-access';
import { can } from '$lib/server/access/policy';
import { setPostReaction, sharePost } from '$lib/server/feed/engagement';
import { listFeed, listOwnPendingPosts, searchPosts } from '$lib/server/feed/feed-query';
import { assertMayPost, createPost } from '$lib/server/feed/create-post';
import { action, clientOf, formFields, page } from '$lib/server/web/http';
import { removeImages } from '$lib/server/media/images';
import { readPostForm } from '$lib/server/web/post-form';
import { viewerKey } from '$lib/server/web/viewer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	page(async () => {
		const { ctx, actor } = locals;
		const { group, municipality } = await getGroupForReading(ctx.db, params.slug);
		const access = await groupAccess(ctx, actor, group);
		const category = url.searchParams.get('kategoria') || null;
		const cursor = url.searchParams.get('kursor') || null;
		const unitSlug = url.searchParams.get('jednostka') || null;
		const q = (url.searchParams.get('q') ?? '').trim();
		const readable = can(access.role, 'read', group);
		const [feed, search, ownPending, pendingMembers, pendingPosts] = await Promise.all([
			readable && !q ? listFeed(ctx, actor, group, { category, cursor, unitSlug, access }) : null,
			readable && q ? searchPosts(ctx, actor, group, q) : null,
			listOwnPendingPosts(ctx, actor, group),
			can(access.role, 'decideMembership', group) ? countPendingMemberships(ctx.db, group.id) : 0,
			can(access.role, 'moderate', group)
				? ctx.db
						.selectFrom('posts')
						.select((eb) => eb.fn.countAll<string>().as('n'))
						.where('group_id', '=', group.id)
						.where('status', '=', 'pending')
						.executeTakeFirstOrThrow()
						.then((r) => Number(r.n))
				: 0
		]);
		return {
			group: {
				id: group.id,
				slug: group.slug,
				name: group.name,
				description: group.description,
				rules: group.rules,
				isPublic: group.is_public,
				memberCount: group.member_count,
				question: group.membership_question,
				needsApproval: group.member_posts_need_approval
			},
			municipality: {
				name: municipality.name,
				county: municipality.county,
				voivodeship: municipality.voivodeship,
				teryt: municipality.teryt_code
			},
			access: {
				role: access.role,
				units: access.units,
				membershipStatus: access.membershipStatus,
				canPost: can(access.role, 'post', group),
				canReact: can(access.role, 'react', group),
				canJoin: can(access.role, 'join', group) && access.membershipStatus !== 'pending',
				readable,
				moderates: can(access.role, 'moderate', group)
			},
			feed,
			search,
			q,
			category,
			cursor,
			unit: unitSlug
				? await ctx.db
						.selectFrom('units')
						.select([
							'slug',
							'name',
							'type',
							'description',
							'verified',
							'contact_email',
							'contact_phone',
							'website',
							'logo_file'
						])
						.where('municipality_code', '=', group.municipality_code)
						.where('slug', '=', unitSlug)
						.executeTakeFirst()
						.then((u) => u && { ...u, typeLabel: unitTypeLabel(u.type) })
				: null,
			ownPending,
			pendingMembers,
			pendingPosts,
			categories: categories.map((c) => ({ code: c.code, label: c.label, official: c.official })),
			alertKinds: Object.entries(alertKinds).map(([id, label]) => ({ id, label })),
			alertDefaultUntil: toWarsawLocal(new Date(ctx.clock.now().getTime() + 24 * 3_600_000)),
			now: ctx.clock.now().toISOString()
		};
	});

export const actions: Actions = {
	join: async ({ locals, params, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const group = await getGroup(locals.ctx.db, params.slug);
				await requestMembership(locals.ctx, locals.actor, group, f.answer);
				return { joined: true };
			},
			{ answer: f.answer }
		);
	},
	leave: async ({ locals, params }) =>
		action(async () => {
			await leaveGroup(locals.ctx, locals.actor, await getGroup(locals.ctx.db, params.slug));
			return { left: true };
		}),
	post: async ({ locals, params, request }) => {
		// Who may post is settled before the body is read: images cost CPU to decode.
		const refused = await action(async () =>
			assertMayPost(locals.ctx, locals.actor, await getGroup(locals.ctx.db, params.slug))
		);
		if (refused) return refused;
		const form = await request.formData();
		const values = formFields(form);
		let stored: string[] = [];
		const result = await action(async () => {
			const group = await getGroup(locals.ctx.db, params.slug);
			const parsed = await readPostForm(form, locals.rt.mediaDir);
			stored = parsed.stored;
			const created = await createPost(locals.ctx, locals.actor, group, parsed.input);
			return { created };
		}, values);
		if (result && 'status' in result && stored.length) await removeImages(locals.rt.mediaDir, stored);
		return result;
	},
	react: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			// Pressing the reaction you already gave takes it back.
			const kind = f.kind === f.current ? null : f.kind;
			await setPostReaction(locals.ctx, locals.actor, f.postId, kind);
			return { reacted: f.postId };
		});
	},
	share: async ({ locals, request, url, params }) => {
		const f = formFields(await request.formData());
		return action(async () => {
			await sharePost(
				locals.ctx,
				locals.actor,
				f.postId,
				await viewerKey(locals.ctx, locals.actor, clientOf({ request, locals }))
			);
			return { shared: f.postId, shareUrl: `${url.origin}/g/${params.slug}/p/${f.postId}` };
		});
	}
};
