/**
 * Texts of the e-mails the units area sends. Pure: the caller passes names and full links, and
 * enqueues `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';
import { plural } from '../../format';

type Mail = Omit<Email, 'to'>;

/** An invitation to a unit's team, to the invited address. */
export const invitationEmail = (d: {
	unitName: string;
	/** Who invites, as shown in the app. */
	invitedBy: string;
	role: 'unitAdmin' | 'editor';
	validDays: number;
	acceptUrl: string;
}): Mail => ({
	subject: `Zaproszenie do publikowania jako „${d.unitName}”`,
	text: [
		'Dzień dobry,',
		'',
		`${d.invitedBy} zaprasza Cię do zespołu „${d.unitName}” (${d.role === 'unitAdmin' ? 'administrator jednostki' : 'redaktor'}) w Tablicy. Posty jednostki ukazują się w grupie mieszkańców od razu, bez akceptacji administratora.`,
		'',
		`Przyjmij zaproszenie (link ważny ${d.validDays} ${plural(d.validDays, 'dzień', 'dni', 'dni')}): ${d.acceptUrl}`,
		'',
		'Jeśli nie spodziewasz się tej wiadomości, zignoruj ją.',
		'',
		'Zespół Tablicy'
	].join('\n')
});
