import { countLabel } from './format';

/** "4 198 wyświetleń · 1 komentarz · 524 reakcje · 2 udostępnienia" */
export const engagement = (p: { views: number; comments: number; reactions: number; shares: number }) =>
	[
		countLabel(p.views, 'wyświetlenie', 'wyświetlenia', 'wyświetleń'),
		countLabel(p.comments, 'komentarz', 'komentarze', 'komentarzy'),
		countLabel(p.reactions, 'reakcja', 'reakcje', 'reakcji'),
		countLabel(p.shares, 'udostępnienie', 'udostępnienia', 'udostępnień')
	].join(' · ');

/** How the public figures are counted, for the statistics pages. */
export const countingRule =
	'Wyświetlenie posta liczymy raz dziennie na osobę (bez logowania: na łącze internetowe), a udostępnienie raz na osobę; ruchu robotów i podglądów linków nie liczymy.';
