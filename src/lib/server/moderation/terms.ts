import type { Category } from './findings';

/**
 * The clauses of the groups' terms ("regulamin grupy") a moderator cites when restricting
 * content or an account, and the grounds counted on the transparency page. One place, so the
 * statement of reasons, the queue and the statistics always name a clause the same way.
 */
export const grounds = {
	vulgarity: { clause: '§ 4 ust. 1', label: 'Wulgaryzmy' },
	insult: { clause: '§ 4 ust. 2', label: 'Obrażanie innych osób' },
	hate: { clause: '§ 4 ust. 3', label: 'Mowa nienawiści' },
	threat: { clause: '§ 4 ust. 4', label: 'Groźby' },
	national_politics: { clause: '§ 5 ust. 1', label: 'Polityka krajowa w grupie lokalnej' },
	spam: { clause: '§ 5 ust. 2', label: 'Spam i podejrzane linki' },
	commercial: { clause: '§ 5 ust. 3', label: 'Reklama bez wykupionego pakietu' },
	personal_data: { clause: '§ 6', label: 'Dane osobowe innych osób' },
	misinformation: { clause: '§ 7', label: 'Wprowadzające w błąd treści o zdrowiu i bezpieczeństwie' },
	off_topic: { clause: '§ 3', label: 'Temat niezwiązany z gminą' },
	illegal: { clause: '§ 8', label: 'Treści nielegalne' },
	other: { clause: '§ 9', label: 'Inne naruszenie regulaminu' }
} as const;

export type Ground = keyof typeof grounds;
export const groundIds = Object.keys(grounds) as Ground[];

export function isGround(value: unknown): value is Ground {
	return typeof value === 'string' && value in grounds;
}

/** A ground's Polish name ("Wulgaryzmy"); an unknown code reads as "Inne naruszenie regulaminu". */
export function groundLabel(ground: string | null | undefined): string {
	return isGround(ground) ? grounds[ground].label : grounds.other.label;
}

/** "§ 4 ust. 1 regulaminu (Wulgaryzmy)". */
export function describeGround(ground: string | null | undefined): string {
	if (!isGround(ground)) return 'regulamin grupy';
	const g = grounds[ground];
	return `${g.clause} regulaminu (${g.label})`;
}

/** The ground that fits the engine's most serious finding, for the queue's default choice. */
export function groundForFindings(findings: { category: string; severity: string }[]): Ground {
	const order: Category[] = [
		'threat',
		'hate',
		'insult',
		'vulgarity',
		'personal_data',
		'spam',
		'commercial',
		'misinformation',
		'national_politics'
	];
	const held = findings.filter((f) => f.severity !== 'info');
	return (order.find((c) => held.some((f) => f.category === c)) as Ground | undefined) ?? 'other';
}
