import { getGroup } from '$lib/server/groups/groups';
import { action, formFields, page } from '$lib/server/web/http';
import {
	addWord,
	listWords,
	removeWord,
	testWords,
	updateModerationSettings,
	wordActionLabels
} from '$lib/server/moderation/word-lists';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { group: chosen } = await parent();
	const group = await getGroup(locals.ctx.db, chosen.slug);
	return {
		words: await page(() => listWords(locals.ctx, locals.actor, group)),
		actions: Object.entries(wordActionLabels).map(([id, label]) => ({ id, label })),
		settings: { newMemberDays: group.new_member_days, reportHideThreshold: group.report_hide_threshold }
	};
};

const groupOf = async (locals: App.Locals, f: Record<string, string>) => getGroup(locals.ctx.db, f.group);

export const actions: Actions = {
	add: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				const w = await addWord(locals.ctx, locals.actor, await groupOf(locals, f), {
					pattern: f.pattern,
					isRegex: f.isRegex === 'on',
					action: f.action
				});
				return { added: w.pattern };
			},
			{ form: 'add', pattern: f.pattern, isRegex: f.isRegex, action: f.action }
		);
	},
	remove: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await removeWord(locals.ctx, locals.actor, await groupOf(locals, f), f.id);
				return { removed: f.pattern };
			},
			{ form: 'remove' }
		);
	},
	test: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => ({
				tested: {
					text: f.text.trim(),
					...(await testWords(locals.ctx, locals.actor, await groupOf(locals, f), f.text))
				}
			}),
			{ form: 'test', text: f.text }
		);
	},
	settings: async ({ locals, request }) => {
		const f = formFields(await request.formData());
		return action(
			async () => {
				await updateModerationSettings(locals.ctx, locals.actor, await groupOf(locals, f), {
					newMemberDays: f.newMemberDays,
					reportHideThreshold: f.reportHideThreshold
				});
				return { saved: true };
			},
			{ form: 'settings', newMemberDays: f.newMemberDays, reportHideThreshold: f.reportHideThreshold }
		);
	}
};
