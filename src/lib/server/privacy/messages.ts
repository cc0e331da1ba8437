/**
 * Texts of the e-mails the privacy area sends. Pure: the caller passes names, full links and
 * dates already formatted (sizes in bytes), and enqueues `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';
import { formatSize } from '../../format';

type Mail = Omit<Email, 'to'>;

/** The copy of a person's data is ready: where to download it and until when. */
export const exportReadyEmail = (d: { name: string; downloadUrl: string; expiresAt: string; size: number }): Mail => ({
	subject: 'Twoje dane z Tablicy są gotowe do pobrania',
	text: [
		`Dzień dobry, ${d.name}!`,
		'',
		`Zgodnie z Twoją prośbą przygotowaliśmy kopię Twoich danych (plik ZIP, ${formatSize(d.size)}): profil, członkostwa, posty ze zdjęciami, komentarze, reakcje, zgłoszenia, decyzje moderatorów, powiadomienia, zgody, komunikaty pilne i zgłoszenia do pomocy — w plikach JSON i jako czytelna strona dane.html.`,
		'',
		'Pobierzesz go po zalogowaniu pod adresem:',
		d.downloadUrl,
		'',
		`Link jest ważny do ${d.expiresAt}; potem usuniemy plik. Jeśli prośba nie pochodzi od Ciebie, zmień hasło i napisz do nas.`,
		'',
		'Zespół Tablicy'
	].join('\n')
});
