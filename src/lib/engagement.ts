import { countLabel } from './format';

/** "4 198 wyświetleń · 1 komentarz · 524 reakcje · 2 udostępnienia" */
export const engagement = (p: { views: number; comments: number; reactions: number; shares: number }) =>
	[
		countLabel(p.views, 'wyświetlenie', 'wyświetlenia', 'wyświetleń'),
		countLabel(p.comments, 'komentarz', 'komentarze', 'komentarzy'),
		countLabel(p.reactions, 'reakcja', 'reakcje', 'reakcji'),
		countLabel(p.shares, 'udostępnienie', 'udostępnienia', 'udostępnień')
	].join(' · ');
