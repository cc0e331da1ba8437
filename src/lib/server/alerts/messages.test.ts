import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { allClearMessage, urgentAlertMessage } from './messages';

const common = {
	from: 'OSP Wiskitki',
	groupName: 'Wiskitki',
	postUrl: 'http://tablica.test/g/wiskitki/p/5',
	settingsUrl: 'http://tablica.test/g/wiskitki/komunikaty'
};
const body = 'Silny wiatr do 90 km/h.\nZabezpieczcie przedmioty na balkonach i posesjach.';

describe('alert messages', () => {
	it('an urgent alert', () => {
		expect(urgentAlertMessage({ ...common, kindLabel: 'zagrożenie pogodowe', until: '3 grudnia 2026, 18:00', body }))
			.toMatchInlineSnapshot(`
			{
			  "notification": "Komunikat pilny (OSP Wiskitki): Silny wiatr do 90 km/h.
			Zabezpieczcie przedmioty na balkonach i posesjach.",
			  "sms": "PILNE OSP Wiskitki: Silny wiatr do 90 km/h.
			Zabezpieczcie przedmioty na balkonach i posesjach. http://tablica.test/g/wiskitki/p/5",
			  "subject": "Komunikat pilny: Silny wiatr do 90 km/h.",
			  "text": "OSP Wiskitki — komunikat pilny w grupie „Wiskitki” (zagrożenie pogodowe), ważny do 3 grudnia 2026, 18:00:

			Silny wiatr do 90 km/h.
			Zabezpieczcie przedmioty na balkonach i posesjach.

			http://tablica.test/g/wiskitki/p/5

			Ustawienia komunikatów pilnych: http://tablica.test/g/wiskitki/komunikaty",
			}
		`);
	});

	it('its all-clear', () => {
		expect(allClearMessage({ ...common, body, allClear: 'Wiatr osłabł, alert odwołany.' })).toMatchInlineSnapshot(`
			{
			  "notification": "Odwołanie komunikatu pilnego (OSP Wiskitki): Wiatr osłabł, alert odwołany.",
			  "sms": "ODWOŁANIE OSP Wiskitki: Wiatr osłabł, alert odwołany. http://tablica.test/g/wiskitki/p/5",
			  "subject": "Odwołanie: Silny wiatr do 90 km/h.",
			  "text": "OSP Wiskitki odwołuje komunikat pilny w grupie „Wiskitki”:

			Wiatr osłabł, alert odwołany.

			Pierwotny komunikat: Silny wiatr do 90 km/h.
			Zabezpieczcie przedmioty na balkonach i posesjach.

			http://tablica.test/g/wiskitki/p/5

			Ustawienia komunikatów pilnych: http://tablica.test/g/wiskitki/komunikaty",
			}
		`);
	});

	it('cuts long texts for SMS and the subject', () => {
		const long = 'Woda '.repeat(100).trim();
		const m = urgentAlertMessage({ ...common, kindLabel: 'awaria', until: 'jutro', body: long });
		expect(m.sms).toBe(`${`PILNE OSP Wiskitki: ${long}`.slice(0, 139)}… ${common.postUrl}`);
		expect(m.subject).toBe(`Komunikat pilny: ${long.slice(0, 79)}…`);
		expect(m.notification.length).toBeLessThan(240);
	});

	it('are gender-neutral', () => {
		for (const m of [
			urgentAlertMessage({ ...common, kindLabel: 'k', until: 'u', body }),
			allClearMessage({ ...common, body, allClear: 'a' })
		])
			for (const t of Object.values(m)) expect(genderedForms(t), t).toEqual([]);
	});
});
