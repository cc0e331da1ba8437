import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks, and skips blank lines', () => {
		expect(parseCsv('\uFEFFid,Text,Class\r\n1,"Ala, ""kot""\nma",0\n\n2,zwykły,1\n')).toEqual([
			['id', 'Text', 'Class'],
			['1', 'Ala, "kot"\nma', '0'],
			['2', 'zwykły', '1']
		]);
	});
});
