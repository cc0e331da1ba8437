import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('DATABASE_READ_URL', () => {
	it('names a replica of the PostgreSQL server, and only with it', () => {
		const primary = 'postgres://app@db1:5432/tablica';
		const replica = 'postgres://app@db2:5432/tablica';
		expect(readConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).databaseReadUrl).toBe(replica);
		expect(readConfig({ DATABASE_URL: primary, DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined();
		expect(() => readConfig({ DATABASE_READ_URL: replica })).toThrow('DATABASE_READ_URL needs DATABASE_URL');
		expect(() => readConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'db2' })).toThrow('DATABASE_READ_URL');
	});
});
