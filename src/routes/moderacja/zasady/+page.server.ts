import { getGroup } from '$lib/server/groups/groups';
import { digestWeekdays, updateDigestSchedule } from '$lib/server/groups/digest-schedule';
import { page, formAction } from '$lib/server/web/http';
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
		settings: { newMemberDays: group.new_member_days, reportHideThreshold: group.report_hide_threshold },
		digest: { weekday: group.digest_weekday, hour: group.digest_hour, weekdays: digestWeekdays }
	};
};

const groupOf = async (locals: App.Locals, f: Record<string, string>) => getGroup(locals.ctx.db, f.group);

export const actions: Actions = {
	add: formAction(
		async (f, { locals }) => {
			const w = await addWord(locals.ctx, locals.actor, await groupOf(locals, f), {
				pattern: f.pattern,
				isRegex: f.isRegex === 'on',
				action: f.action
			});
			return { added: w.pattern };
		},
		(f) => ({ form: 'add', pattern: f.pattern, isRegex: f.isRegex, action: f.action })
	),
	remove: formAction(
		async (f, { locals }) => {
			await removeWord(locals.ctx, locals.actor, await groupOf(locals, f), f.id);
			return { removed: f.pattern };
		},
		() => ({ form: 'remove' })
	),
	test: formAction(
		async (f, { locals }) => ({
			tested: {
				text: f.text.trim(),
				...(await testWords(locals.ctx, locals.actor, await groupOf(locals, f), f.text))
			}
		}),
		(f) => ({ form: 'test', text: f.text })
	),
	settings: formAction(
		async (f, { locals }) => {
			await updateModerationSettings(locals.ctx, locals.actor, await groupOf(locals, f), {
				newMemberDays: f.newMemberDays,
				reportHideThreshold: f.reportHideThreshold
			});
			return { saved: true };
		},
		(f) => ({ form: 'settings', newMemberDays: f.newMemberDays, reportHideThreshold: f.reportHideThreshold })
	),
	digest: formAction(
		async (f, { locals }) => {
			await updateDigestSchedule(locals.ctx, locals.actor, await groupOf(locals, f), {
				weekday: f.weekday,
				hour: f.hour
			});
			return { saved: true };
		},
		(f) => ({ form: 'digest', weekday: f.weekday, hour: f.hour })
	)
};
