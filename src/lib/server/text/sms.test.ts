import { describe, expect, it } from 'vitest';
import { smsLength } from './sms';

describe('smsLength', () => {
	it('counts GSM-7 text in 160-character messages and 153-character parts', () => {
		expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
		expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
		expect(smsLength('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
		expect(smsLength('a'.repeat(307)).segments).toBe(3);
	});

	it('counts extension characters twice', () => {
		expect(smsLength('€[]')).toEqual({ encoding: 'GSM-7', units: 6, segments: 1 });
		expect(smsLength('€'.repeat(80)).segments).toBe(1);
		expect(smsLength('€'.repeat(81)).segments).toBe(2);
	});

	it('sends Polish letters as UCS-2: 70 characters, 67 per part', () => {
		expect(smsLength('Brak wody w Aleksandrowie')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
		expect(smsLength('Brak wody — żółć')).toMatchObject({ encoding: 'UCS-2', units: 16, segments: 1 });
		expect(smsLength('ą'.repeat(70)).segments).toBe(1);
		expect(smsLength('ą'.repeat(71)).segments).toBe(2);
		expect(smsLength('ą'.repeat(134)).segments).toBe(2);
		expect(smsLength('ą'.repeat(135)).segments).toBe(3);
	});
});
