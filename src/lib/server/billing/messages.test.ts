import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { paymentReminderEmail } from './messages';

describe('billing messages', () => {
	const m = paymentReminderEmail({
		number: 'FV/2026/12/0002',
		amount: '3 850,00 zł',
		dueDate: '14.01.2027',
		panelUrl: 'http://tablica.test/urzad'
	});

	it('the payment reminder', () => {
		expect(m).toMatchInlineSnapshot(`
			{
			  "subject": "Przypomnienie o płatności: faktura FV/2026/12/0002",
			  "text": "Dzień dobry,

			uprzejmie przypominamy, że termin płatności faktury FV/2026/12/0002 na kwotę 3 850,00 zł minął 14.01.2027. Jeśli płatność została już wysłana, prosimy uznać tę wiadomość za nieaktualną.

			Fakturę (PDF i FA(3)) pobierzesz w panelu urzędu: http://tablica.test/urzad

			Zespół PL-MEDIA",
			}
		`);
	});

	it('is gender-neutral', () => {
		expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
