import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capCategoryFor, capDate, capXml, type CapMessage } from './cap';

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const schema = path.join(referenceDir, 'cap', 'CAP-v1.2.xsd');
const canValidate = existsSync(schema) && !spawnSync('xmllint', ['--version']).error;

const work = mkdtempSync(path.join(tmpdir(), 'cap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Throws (with xmllint's complaint in `stderr`) when the XML does not validate against the CAP 1.2 schema. */
function xmllint(xml: string, name: string) {
	const file = path.join(work, `${name}.cap.xml`);
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], { stdio: 'pipe' });
}

const alert: CapMessage = {
	identifier: 'tablica-wiskitki-123',
	sender: 'tablica@wiskitki.example',
	sent: new Date('2026-12-02T09:15:00Z'),
	msgType: 'Alert',
	event: 'Brak wody',
	category: capCategoryFor('utilities'),
	urgency: 'Immediate',
	severity: 'Moderate',
	certainty: 'Observed',
	senderName: 'Urząd Gminy Wiskitki',
	headline: 'Awaria wodociągu: Wiskitki & Guzów <pilne>',
	description: "Brak wody do godz. 18:00.\nBeczkowóz stoi przy „Szkole” i O'Hara.",
	instruction: 'Przegotujcie wodę przed spożyciem.',
	onset: new Date('2026-12-02T09:00:00Z'),
	expires: new Date('2026-12-02T17:00:00Z'),
	web: 'https://tablica.example/g/wiskitki/p/123?a=1&b=2',
	areas: [
		{ description: 'Gmina Wiskitki', geocodes: [{ valueName: 'TERYT', value: '1438053' }] },
		{
			description: 'Guzów',
			geocodes: [
				{ valueName: 'SIMC', value: '0543390' },
				{ valueName: 'TERYT', value: '1438053' }
			]
		}
	]
};

const update: CapMessage = {
	...alert,
	identifier: 'tablica-wiskitki-123-update-1',
	sent: new Date('2026-12-02T12:00:00Z'),
	msgType: 'Update',
	references: [{ sender: alert.sender, identifier: alert.identifier, sent: alert.sent }],
	headline: 'Awaria wodociągu potrwa dłużej',
	expires: new Date('2026-12-02T21:00:00Z')
};

const cancel: CapMessage = {
	...alert,
	identifier: 'tablica-wiskitki-123-cancel',
	sent: new Date('2026-12-02T15:30:00Z'),
	msgType: 'Cancel',
	references: [
		{ sender: alert.sender, identifier: alert.identifier, sent: alert.sent },
		{ sender: update.sender, identifier: update.identifier, sent: update.sent }
	],
	headline: 'Woda wróciła',
	instruction: undefined,
	onset: undefined,
	web: undefined,
	areas: [alert.areas[0]]
};

describe('CAP 1.2', () => {
	it('writes Warsaw time with its offset, winter and summer, across the DST change', () => {
		expect(capDate(new Date('2026-12-02T09:15:00.123Z'))).toBe('2026-12-02T10:15:00+01:00');
		expect(capDate(new Date('2026-07-01T08:00:05Z'))).toBe('2026-07-01T10:00:05+02:00');
		expect(capDate(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
		expect(capDate(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
		expect(capDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
		expect(capDate(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
		expect(capDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01T00:00:00+01:00');
	});

	it('an Alert: header, escaping, dates and areas', () => {
		const xml = capXml(alert);
		expect(
			xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')
		).toBe(true);
		expect(xml).toContain('<sent>2026-12-02T10:15:00+01:00</sent>');
		expect(xml).toContain('<status>Actual</status>');
		expect(xml).toContain('<scope>Public</scope>');
		expect(xml).toContain('<language>pl-PL</language>');
		expect(xml).toContain('<category>Infra</category>');
		expect(xml).toContain('<headline>Awaria wodociągu: Wiskitki &amp; Guzów &lt;pilne&gt;</headline>');
		expect(xml).toContain('i O&apos;Hara.</description>');
		expect(capXml({ ...alert, headline: 'a\u0007b\tc' })).toContain('<headline>ab\tc</headline>');
		expect(xml).toContain('<web>https://tablica.example/g/wiskitki/p/123?a=1&amp;b=2</web>');
		expect(xml).toContain('<onset>2026-12-02T10:00:00+01:00</onset>');
		expect(xml).toContain('<expires>2026-12-02T18:00:00+01:00</expires>');
		expect(xml).not.toContain('<references>');
		expect(xml.match(/<area>/g)).toHaveLength(2);
		expect(xml.match(/<geocode>/g)).toHaveLength(3);
		expect(xml).toContain('<areaDesc>Guzów</areaDesc>\n\t\t\t<geocode>\n\t\t\t\t<valueName>SIMC</valueName>');
	});

	it('orders the children of alert and info as the schema demands', () => {
		const children = (xml: string, depth: number) =>
			[...xml.matchAll(new RegExp(`^\\t{${depth}}<(\\w+)`, 'gm'))].map((m) => m[1]);
		expect(children(capXml(update), 1)).toEqual([
			'identifier',
			'sender',
			'sent',
			'status',
			'msgType',
			'scope',
			'references',
			'info'
		]);
		expect(children(capXml(alert), 2)).toEqual([
			'language',
			'category',
			'event',
			'urgency',
			'severity',
			'certainty',
			'onset',
			'expires',
			'senderName',
			'headline',
			'description',
			'instruction',
			'web',
			'area',
			'area'
		]);
		expect(children(capXml(cancel), 2)).toEqual([
			'language',
			'category',
			'event',
			'urgency',
			'severity',
			'certainty',
			'expires',
			'senderName',
			'headline',
			'description',
			'area'
		]);
	});

	it('references are space-separated sender,identifier,sent triples', () => {
		expect(capXml(update)).toContain(
			'<references>tablica@wiskitki.example,tablica-wiskitki-123,2026-12-02T10:15:00+01:00</references>'
		);
		expect(capXml(cancel)).toContain(
			'<references>tablica@wiskitki.example,tablica-wiskitki-123,2026-12-02T10:15:00+01:00 ' +
				'tablica@wiskitki.example,tablica-wiskitki-123-update-1,2026-12-02T13:00:00+01:00</references>'
		);
		expect(capXml(cancel)).toContain('<msgType>Cancel</msgType>');
	});

	it('refuses a message without areas or with an identifier or sender CAP forbids', () => {
		expect(() => capXml({ ...alert, areas: [] })).toThrow(/area/);
		expect(() => capXml({ ...alert, identifier: 'a b' })).toThrow(/identifier/);
		expect(() => capXml({ ...alert, sender: 'x,y' })).toThrow(/sender/);
		expect(() => capXml({ ...alert, sender: '' })).toThrow(/sender/);
		expect(() => capXml({ ...update, references: [{ sender: 'a&b', identifier: 'x', sent: alert.sent }] })).toThrow(
			/reference sender/
		);
		expect(() => capXml({ ...alert, expires: new Date('nonsense') })).toThrow(/invalid date/);
	});

	it('maps every alert kind to a CAP category', () => {
		expect((['safety', 'weather', 'utilities', 'roads', 'health', 'other'] as const).map(capCategoryFor)).toEqual([
			'Safety',
			'Met',
			'Infra',
			'Transport',
			'Health',
			'Other'
		]);
	});

	it.skipIf(!canValidate)(
		'Alert, Update and Cancel validate against the OASIS schema, a broken message does not (xmllint, needs ../shared/data)',
		() => {
			xmllint(capXml(alert), 'alert');
			xmllint(capXml(update), 'update');
			xmllint(capXml(cancel), 'cancel');

			const broken = capXml(alert).replace(/\s*<status>Actual<\/status>/, '');
			expect(broken).not.toContain('<status>');
			let complaint = '';
			try {
				xmllint(broken, 'broken');
			} catch (e) {
				complaint = String((e as { stderr?: Buffer }).stderr);
			}
			expect(complaint).toMatch(/msgType.*status|status.*msgType/s);
			expect(complaint).toContain('fails to validate');
		}
	);
});
