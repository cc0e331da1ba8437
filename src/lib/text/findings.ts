/** Names of the moderation engine's categories and of what found them, for moderators (Polish). */
const categoryLabels: Record<string, string> = {
	vulgarity: 'Wulgaryzm',
	insult: 'Obrażanie osoby',
	hate: 'Mowa nienawiści',
	threat: 'Groźba',
	national_politics: 'Polityka krajowa',
	spam: 'Oszustwo lub spam',
	link: 'Podejrzany link',
	commercial: 'Reklama firmy',
	personal_data: 'Dane osobowe',
	misinformation: 'Fałszywy alarm lub mit',
	shouting: 'Krzyk',
	word_list: 'Lista słów grupy'
};

export function categoryLabel(category: string): string {
	return categoryLabels[category] ?? 'Inne';
}

/** "reguła", "lista słów grupy" or "model językowy, pewność 87 %". */
export function detectedBy(finding: { rule: string; score?: number }): string {
	if (finding.rule.startsWith('word_list.')) return 'lista słów grupy';
	if (finding.rule.startsWith('model.'))
		return finding.score !== undefined
			? `model językowy, pewność ${Math.round(finding.score * 100)} %`
			: 'model językowy';
	return 'reguła';
}
