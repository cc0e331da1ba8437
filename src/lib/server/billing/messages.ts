/**
 * Texts of the e-mails the billing area sends. Pure: the caller passes numbers, amounts, dates
 * already formatted and full links, and enqueues `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';

type Mail = Omit<Email, 'to'>;

/** An overdue invoice, once, to the customer's contact and the municipality's coordinators. */
export const paymentReminderEmail = (d: {
	number: string;
	/** "3 850,00 zł" */
	amount: string;
	/** The due date as on the invoice ("14.01.2027"). */
	dueDate: string;
	panelUrl: string;
}): Mail => ({
	subject: `Przypomnienie o płatności: faktura ${d.number}`,
	text: [
		'Dzień dobry,',
		'',
		`uprzejmie przypominamy, że termin płatności faktury ${d.number} na kwotę ${d.amount} minął ${d.dueDate}. Jeśli płatność została już wysłana, prosimy uznać tę wiadomość za nieaktualną.`,
		'',
		`Fakturę (PDF i FA(3)) pobierzesz w panelu urzędu: ${d.panelUrl}`,
		'',
		'Zespół PL-MEDIA'
	].join('\n')
});

/** An invoice KSeF accepted, to the customer's contact and coordinators, with its PDF and XML attached. */
export const invoiceInKsefEmail = (d: {
	number: string;
	ksefNumber: string;
	/** "3 850,00 zł" */
	amount: string;
	dueDate: string;
	panelUrl: string;
}): Mail => ({
	subject: `Faktura ${d.number} (KSeF ${d.ksefNumber})`,
	text: [
		'Dzień dobry,',
		'',
		`przesyłamy fakturę ${d.number} na kwotę ${d.amount}, płatną do ${d.dueDate}. Faktura jest w Krajowym Systemie e-Faktur pod numerem KSeF ${d.ksefNumber}; kod QR na wydruku prowadzi do jej weryfikacji w KSeF.`,
		'',
		'W załącznikach: faktura w PDF i jej plik FA(3) (XML) przesłany do KSeF.',
		`Wszystkie faktury pobierzesz też w panelu urzędu: ${d.panelUrl}`,
		'',
		'Zespół PL-MEDIA'
	].join('\n')
});
