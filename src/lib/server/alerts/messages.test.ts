import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { smsLength } from '../text/sms';
import { alertUpdateMessage, allClearMessage, phoneCodeSms, urgentAlertMessage } from './messages';

const common = {
	from: 'OSP Wiskitki',
	groupName: 'Wiskitki',
	postUrl: 'http://tablica.test/g/wiskitki/p/5',
	settingsUrl: 'http://tablica.test/g/wiskitki/komunikaty'
};
const title = 'Silny wiatr do 90 km/h';
const body = 'Zabezpieczcie przedmioty na balkonach i posesjach.';

describe('alert messages', () => {
	it('an urgent alert', () => {
		expect(
			urgentAlertMessage({ ...common, kindLabel: 'zagrożenie pogodowe', until: '3 grudnia 2026, 18:00', title, body })
		).toMatchInlineSnapshot(`
				{
				  "notification": "Komunikat pilny (OSP Wiskitki): Silny wiatr do 90 km/h",
				  "sms": "PILNE OSP Wiskitki: Silny wiatr do 90 km/h http://tablica.test/g/wiskitki/p/5",
				  "subject": "Komunikat pilny: Silny wiatr do 90 km/h",
				  "text": "OSP Wiskitki — komunikat pilny w grupie „Wiskitki” (zagrożenie pogodowe), ważny do 3 grudnia 2026, 18:00:

				Silny wiatr do 90 km/h

				Zabezpieczcie przedmioty na balkonach i posesjach.

				http://tablica.test/g/wiskitki/p/5

				Ustawienia komunikatów pilnych: http://tablica.test/g/wiskitki/komunikaty",
				}
			`);
	});

	it('its all-clear', () => {
		expect(allClearMessage({ ...common, title, allClear: 'Wiatr osłabł, alert odwołany.' })).toMatchInlineSnapshot(`
			{
			  "notification": "Odwołanie komunikatu pilnego (OSP Wiskitki): Wiatr osłabł, alert odwołany.",
			  "sms": "ODWOŁANIE OSP Wiskitki: Wiatr osłabł, alert odwołany. http://tablica.test/g/wiskitki/p/5",
			  "subject": "Odwołanie: Silny wiatr do 90 km/h",
			  "text": "OSP Wiskitki odwołuje komunikat pilny w grupie „Wiskitki”:

			Wiatr osłabł, alert odwołany.

			Pierwotny komunikat: Silny wiatr do 90 km/h

			http://tablica.test/g/wiskitki/p/5

			Ustawienia komunikatów pilnych: http://tablica.test/g/wiskitki/komunikaty",
			}
		`);
	});

	it('cuts long texts for SMS and the subject', () => {
		const long = 'Woda '.repeat(100).trim();
		const m = urgentAlertMessage({ ...common, kindLabel: 'awaria', until: 'jutro', title: long, body });
		expect(m.sms).toBe(`${`PILNE OSP Wiskitki: ${long}`.slice(0, 119)}… ${common.postUrl}`);
		expect(m.subject).toBe(`Komunikat pilny: ${long.slice(0, 79)}…`);
		expect(m.notification.length).toBeLessThan(240);
	});

	it('an update reaches the same people with the new facts first', () => {
		const m = alertUpdateMessage({ ...common, title, update: 'Wiatr słabnie, do 60 km/h.' });
		expect(m.notification).toBe('Aktualizacja komunikatu pilnego (OSP Wiskitki): Wiatr słabnie, do 60 km/h.');
		expect(m.subject).toBe('Aktualizacja: Silny wiatr do 90 km/h');
		expect(m.sms).toBe(`AKTUALIZACJA OSP Wiskitki: Wiatr słabnie, do 60 km/h. ${common.postUrl}`);
		expect(m.text.split('\n')[2]).toBe('Wiatr słabnie, do 60 km/h.');
	});

	it('the code confirming a phone: one SMS, even with Polish letters', () => {
		const sms = phoneCodeSms({ code: '048213', minutes: 10 });
		expect(sms).toMatchInlineSnapshot(`"Tablica: kod potwierdzający numer to 048213. Ważny 10 minut."`);
		expect(smsLength(sms)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
	});

	it('are gender-neutral', () => {
		for (const m of [
			urgentAlertMessage({ ...common, kindLabel: 'k', until: 'u', title, body }),
			allClearMessage({ ...common, title, allClear: 'a' }),
			alertUpdateMessage({ ...common, title, update: 'u' }),
			{ sms: phoneCodeSms({ code: '123456', minutes: 10 }) }
		])
			for (const t of Object.values(m)) expect(genderedForms(t), t).toEqual([]);
	});
});
