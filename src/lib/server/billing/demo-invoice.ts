import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { periodContaining, warsawDay } from '../../dates';
import { fa3Xml } from './fa3';
import { invoicePdf } from './invoice-pdf';
import { issuePeriodInvoice } from './invoices';

/** `cli invoice-demo`: the demo municipality's invoice for the current period, as FA(3) XML and PDF. */
export async function writeDemoInvoice(ctx: Ctx, outDir: string): Promise<string[]> {
	const s = await ctx.db
		.selectFrom('subscriptions as s')
		.innerJoin('groups as g', 'g.id', 's.group_id')
		.select(['s.id', 's.starts_on'])
		.where('g.slug', '=', 'wiskitki')
		.where('s.status', '!=', 'ended')
		.executeTakeFirst();
	if (!s) throw new AppError('not_found', 'Gmina demonstracyjna (Wiskitki) nie ma aktywnego pakietu.');
	const { start } = periodContaining(s.starts_on, warsawDay(ctx.clock.now()));
	const inv = await issuePeriodInvoice(ctx, s.id, start);
	mkdirSync(outDir, { recursive: true });
	const base = path.join(outDir, inv.number.replace(/\//g, '_'));
	writeFileSync(`${base}.xml`, fa3Xml(inv));
	writeFileSync(`${base}.pdf`, await invoicePdf(inv));
	return [`${base}.xml`, `${base}.pdf`];
}
