// CAP 1.2 (OASIS Common Alerting Protocol) message of an urgent alert, for sirens, apps and aggregators
// that read the standard rather than our pages. Element order follows the official XSD.
import { toWarsawLocal } from '../../dates';
import type { AlertKind } from './alerts';
import { escapeXml } from '../text/xml';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export type CapCategory =
	| 'Safety'
	| 'Met'
	| 'Infra'
	| 'Transport'
	| 'Health'
	| 'Other'
	| 'Fire'
	| 'Env'
	| 'Geo'
	| 'Rescue'
	| 'Security'
	| 'CBRNE';

export interface CapArea {
	description: string;
	/** 7-digit TERYT TERC of the gmina, or SIMC of a locality */
	geocodes: { valueName: string; value: string }[];
}

export interface CapMessage {
	/** unique, e.g. "tablica-wiskitki-123" or "tablica-wiskitki-123-update-2" */
	identifier: string;
	/** e.g. "tablica@wiskitki.example" (no spaces, commas, < or &) */
	sender: string;
	sent: Date;
	msgType: 'Alert' | 'Update' | 'Cancel';
	/** for Update/Cancel: earlier messages this one refers to */
	references?: { sender: string; identifier: string; sent: Date }[];
	/** e.g. "Brak wody" */
	event: string;
	category: CapCategory;
	urgency: 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
	severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
	certainty: 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';
	/** e.g. "Urząd Gminy Wiskitki" */
	senderName: string;
	headline: string;
	description: string;
	instruction?: string;
	onset?: Date;
	expires: Date;
	/** absolute URL of the post */
	web?: string;
	/** at least one */
	areas: CapArea[];
}

const categories: Record<AlertKind, CapCategory> = {
	safety: 'Safety',
	weather: 'Met',
	utilities: 'Infra',
	roads: 'Transport',
	health: 'Health',
	other: 'Other'
};

export function capCategoryFor(kind: AlertKind): CapCategory {
	return categories[kind];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-02T10:15:00+01:00": Warsaw wall-clock time with its offset, as CAP's dateTime pattern demands. */
export function capDate(d: Date): string {
	if (Number.isNaN(d.getTime())) throw new Error('CAP: invalid date');
	const local = toWarsawLocal(d);
	const minute = Math.floor(d.getTime() / 60_000) * 60_000;
	const offset = (Date.parse(`${local}:00Z`) - minute) / 60_000;
	const abs = Math.abs(offset);
	return `${local}:${pad(d.getUTCSeconds())}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// CAP forbids these in identifier and sender: `references` separates them by commas and spaces.
function assertToken(what: string, value: string) {
	if (!value || /[\s,<&]/.test(value))
		throw new Error(`CAP: ${what} must be non-empty, without spaces, commas, < or &`);
}

const el = (depth: number, name: string, value: string) =>
	`${'\t'.repeat(depth)}<${name}>${escapeXml(value)}</${name}>`;

function area(a: CapArea): string[] {
	return [
		'\t\t<area>',
		el(3, 'areaDesc', a.description),
		...a.geocodes.flatMap((g) => [
			'\t\t\t<geocode>',
			el(4, 'valueName', g.valueName),
			el(4, 'value', g.value),
			'\t\t\t</geocode>'
		]),
		'\t\t</area>'
	];
}

export function capXml(m: CapMessage): string {
	if (m.areas.length === 0) throw new Error('CAP: at least one area is required');
	assertToken('identifier', m.identifier);
	assertToken('sender', m.sender);
	for (const r of m.references ?? []) {
		assertToken('reference identifier', r.identifier);
		assertToken('reference sender', r.sender);
	}
	const references = m.references?.map((r) => `${r.sender},${r.identifier},${capDate(r.sent)}`).join(' ');

	const lines: (string | string[] | false | undefined)[] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<alert xmlns="${CAP_NAMESPACE}">`,
		el(1, 'identifier', m.identifier),
		el(1, 'sender', m.sender),
		el(1, 'sent', capDate(m.sent)),
		el(1, 'status', 'Actual'),
		el(1, 'msgType', m.msgType),
		el(1, 'scope', 'Public'),
		!!references && el(1, 'references', references),
		'\t<info>',
		el(2, 'language', 'pl-PL'),
		el(2, 'category', m.category),
		el(2, 'event', m.event),
		el(2, 'urgency', m.urgency),
		el(2, 'severity', m.severity),
		el(2, 'certainty', m.certainty),
		m.onset && el(2, 'onset', capDate(m.onset)),
		el(2, 'expires', capDate(m.expires)),
		el(2, 'senderName', m.senderName),
		el(2, 'headline', m.headline),
		el(2, 'description', m.description),
		!!m.instruction && el(2, 'instruction', m.instruction),
		!!m.web && el(2, 'web', m.web),
		...m.areas.map(area),
		'\t</info>',
		'</alert>'
	];
	return lines.flat().filter(Boolean).join('\n') + '\n';
}
