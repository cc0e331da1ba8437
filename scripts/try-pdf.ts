import { writeFileSync } from 'node:fs';
import { readConfig } from '../src/lib/server/core/config';
import { openDatabase } from '../src/lib/server/web/runtime';
import { systemClock } from '../src/lib/server/core/clock';
import { contractTemplatePdf, offerPdf, presentationPdf, unitReportPdf } from '../src/lib/server/documents/documents';
const database = await openDatabase(readConfig());
const ctx = {
	db: database.db,
	clock: systemClock,
	notifier: database.notifier,
	baseUrl: 'http://localhost:3000'
} as never;
let t = Date.now();
writeFileSync('/tmp/try/offer.pdf', await offerPdf(ctx, 'wiskitki'));
console.log('offer', Date.now() - t);
t = Date.now();
writeFileSync('/tmp/try/umowa.pdf', await contractTemplatePdf(ctx));
console.log('umowa', Date.now() - t);
t = Date.now();
writeFileSync('/tmp/try/prez.pdf', await presentationPdf(ctx, 'wiskitki'));
console.log('prez', Date.now() - t);
t = Date.now();
writeFileSync('/tmp/try/raport.pdf', await unitReportPdf(ctx, 'wiskitki', null));
console.log('raport', Date.now() - t);
await database.close();
