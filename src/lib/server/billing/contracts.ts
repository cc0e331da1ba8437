import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../core/context';
import type { ContractTable } from '../db/schema';
import { parseInput, isId } from '../core/validation';
import { AppError } from '../core/errors';
import { assertOperator, assertSignedIn } from '../access/actor';
import { assertCoordinator } from '../access/office';
import { customerColumns, customerSchema } from '../subscriptions/customers';
import { insertSubscription, liveSubscription, stateOf } from '../subscriptions/subscriptions';
import { checkUploads } from '../media/uploads';
import { contractClauses } from '../documents/contract';
import { package1Prices } from '../documents/documents';
import { PdfWriter } from '../documents/pdf';
import { formatMoney } from '../../format';
import { warsawDay, polishDate } from '../../dates';
import { issuePeriodInvoice, nextNumber, type Invoice } from './invoices';
import { availableTo, EXTENDED_PACKAGES_FROM, packageLabels, packageScopes, priceFor } from '../subscriptions/prices';
import { createOrderedUnits, enableOrderedUnits } from '../units/units';
import { sellerForInvoice } from './seller';

export type Contract = Selectable<ContractTable>;

const orderSchema = customerSchema.omit({ municipalityCode: true }).extend({
	group: z.string({ error: 'Wybierz grupę.' }).regex(/^[a-z0-9-]{2,60}$/, 'Wybierz grupę.'),
	package: z.enum(['pakiet1', 'pakiet2', 'pakiet3'], { error: 'Wybierz pakiet.' }).default('pakiet1'),
	plan: z.enum(['monthly', 'commitment'], { error: 'Wybierz wariant pakietu.' }),
	commitmentMonths: z.coerce
		.number()
		.int('Podaj pełną liczbę miesięcy.')
		.min(6, 'Zobowiązanie trwa co najmniej 6 miesięcy.')
		.max(60, 'Najwyżej 60 miesięcy.')
		.nullish(),
	startsOn: z.iso.date('Podaj datę rozpoczęcia w formacie RRRR-MM-DD.'),
	units: z.string().max(6000, 'Lista jednostek jest za długa.').default('')
});

/**
 * The order: a coordinator (or the operator for them) picks the group and the plan, confirms the
 * municipality's data and names the first units. Writes the customer's data, the numbered
 * contract (UM/{year}/{seq}) and the units it names (not publishing yet; a name the municipality
 * already has is not duplicated) in one transaction; the operator signs it later.
 */
export async function placeOrder(ctx: Ctx, actor: Actor | null, input: Record<string, unknown>): Promise<Contract> {
	assertSignedIn(actor, 'Zaloguj się, aby zamówić pakiet.');
	const data = parseInput(orderSchema, input);
	if (data.plan === 'commitment' && !data.commitmentMonths)
		throw new AppError('validation', 'Podaj, na ile miesięcy (co najmniej 6).', {
			commitmentMonths: 'Podaj liczbę miesięcy (co najmniej 6).'
		});
	const group = await ctx.db
		.selectFrom('groups as g')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.select(['g.id', 'g.name', 'g.municipality_code', 'm.name as municipality'])
		.where('g.slug', '=', data.group)
		.executeTakeFirst();
	if (!group) throw new AppError('not_found', 'Nie ma takiej grupy.');
	await assertCoordinator(ctx, actor, group.municipality_code);
	const today = warsawDay(ctx.clock.now());
	if (data.startsOn < today)
		throw new AppError('validation', 'Pakiet może zacząć się najwcześniej dziś.', {
			startsOn: 'Podaj dzisiejszą lub późniejszą datę.'
		});
	const units = data.units
		.split(/\r?\n/)
		.map((u) => u.trim())
		.filter(Boolean);
	if (units.length > 50)
		throw new AppError('validation', 'Wskaż najwyżej 50 jednostek; kolejne dodasz w panelu urzędu.', {
			units: 'Najwyżej 50 jednostek.'
		});
	if (units.some((u) => u.length < 3 || u.length > 160))
		throw new AppError('validation', 'Każda jednostka w osobnym wierszu, od 3 do 160 znaków.', {
			units: 'Każda jednostka w osobnym wierszu, od 3 do 160 znaków.'
		});
	return ctx.db.transaction().execute(async (tx) => {
		const live = await liveSubscription(tx, group.id);
		if (live && stateOf(live, today).status !== 'ended') throw new AppError('conflict', 'Ta grupa ma już pakiet.');
		const open = await tx
			.selectFrom('contracts')
			.select('number')
			.where('group_id', '=', group.id)
			.where('status', '=', 'ordered')
			.executeTakeFirst();
		if (open) throw new AppError('conflict', `Umowa ${open.number} dla tej grupy czeka na podpis.`);
		const now = ctx.clock.now();
		const values = { ...customerColumns(data), updated_at: now };
		const existing = await tx
			.selectFrom('customers')
			.select('id')
			.where('municipality_code', '=', group.municipality_code)
			.executeTakeFirst();
		const customerId = existing
			? (
					await tx
						.updateTable('customers')
						.set(values)
						.where('id', '=', existing.id)
						.returning('id')
						.executeTakeFirstOrThrow()
				).id
			: (
					await tx
						.insertInto('customers')
						.values({ ...values, municipality_code: group.municipality_code, created_at: now })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
		// Pakiet 2 and 3 from 2027-01-01 once priced in the list, earlier only on the customer's own terms.
		if (!(await availableTo(tx, customerId, data.package, data.plan, data.startsOn)))
			throw new AppError(
				'conflict',
				data.package !== 'pakiet1' && data.startsOn < EXTENDED_PACKAGES_FROM
					? `${packageLabels[data.package]} można zamówić z początkiem od 1 stycznia 2027 roku.`
					: 'Tego wariantu nie można teraz zamówić.',
				data.package !== 'pakiet1' && data.startsOn < EXTENDED_PACKAGES_FROM
					? { startsOn: 'Podaj datę od 1 stycznia 2027.' }
					: undefined
			);
		const price = await priceFor(tx, customerId, data.plan, data.startsOn, data.package);
		const year = Number(today.slice(0, 4));
		const seq = await nextNumber(tx, 'UM', year);
		const contract = await tx
			.insertInto('contracts')
			.values({
				number: `UM/${year}/${String(seq).padStart(4, '0')}`,
				customer_id: customerId,
				group_id: group.id,
				package: data.package,
				plan: data.plan,
				commitment_months: data.plan === 'commitment' ? data.commitmentMonths! : null,
				starts_on: data.startsOn,
				gross: price.gross,
				vat_rate: price.ratePercent,
				price_note: price.note,
				customer: JSON.stringify({
					legalName: data.legalName,
					nip: data.nip,
					regon: data.regon,
					street: data.street,
					postalCode: data.postalCode,
					city: data.city,
					contactName: data.contactName,
					contactEmail: data.contactEmail,
					municipality: group.municipality,
					groupName: group.name
				}),
				units: JSON.stringify(units),
				scan_file: null,
				signed_by: null,
				subscription_id: null,
				ordered_by: actor.id,
				created_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		// The units it names exist from now on, not publishing until the contract is signed.
		await createOrderedUnits(tx, now, group.municipality_code, units, contract.id);
		return contract;
	});
}

const scanDir = (mediaDir: string) => path.join(mediaDir, 'contracts');

/**
 * The operator marks the contract signed with its scan (PDF or a photo): the subscription starts
 * and the units its order created start publishing in the same transaction and, when its first period has begun, the first invoice is issued.
 */
export async function signContract(
	ctx: Ctx,
	actor: Actor | null,
	contractId: string,
	scan: { name: string; bytes: Uint8Array } | null,
	mediaDir: string
): Promise<{ contract: Contract; invoice: Invoice | null }> {
	assertOperator(actor);
	if (!scan || scan.bytes.byteLength === 0)
		throw new AppError('validation', 'Dołącz skan podpisanej umowy (PDF, JPEG albo PNG).', {
			scan: 'Dołącz skan podpisanej umowy.'
		});
	const [checked] = checkUploads([scan]);
	const fileName = `${randomBytes(16).toString('hex')}.${checked.ext}`;
	await mkdir(scanDir(mediaDir), { recursive: true });
	await writeFile(path.join(scanDir(mediaDir), fileName), scan.bytes);
	try {
		const contract = await ctx.db.transaction().execute(async (tx) => {
			const c = await tx
				.selectFrom('contracts')
				.selectAll()
				.where('id', '=', contractId)
				.forUpdate()
				.executeTakeFirst();
			if (!c) throw new AppError('not_found', 'Nie ma takiej umowy.');
			if (c.status !== 'ordered')
				throw new AppError(
					'conflict',
					`Umowa ${c.number} jest już ${c.status === 'signed' ? 'podpisana' : 'anulowana'}.`
				);
			// The first invoice follows at once when the package has begun: refuse before anything is written.
			if (c.starts_on <= warsawDay(ctx.clock.now())) await sellerForInvoice(tx);
			const subscriptionId = await insertSubscription(
				tx,
				ctx,
				actor,
				c.group_id,
				{ plan: c.plan, commitmentMonths: c.commitment_months, startsOn: c.starts_on },
				c.package
			);
			await enableOrderedUnits(tx, c.id);
			return tx
				.updateTable('contracts')
				.set({
					status: 'signed',
					scan_file: fileName,
					signed_at: ctx.clock.now(),
					signed_by: actor.id,
					subscription_id: subscriptionId
				})
				.where('id', '=', c.id)
				.returningAll()
				.executeTakeFirstOrThrow();
		});
		const invoice =
			contract.starts_on <= warsawDay(ctx.clock.now())
				? await issuePeriodInvoice(ctx, contract.subscription_id!, contract.starts_on)
				: null;
		return { contract, invoice };
	} catch (e) {
		await unlink(path.join(scanDir(mediaDir), fileName)).catch(() => {});
		throw e;
	}
}

/** Contracts of a municipality for its coordinators and the operator. */
export async function contractsOf(ctx: Ctx, actor: Actor | null, municipalityCode: string): Promise<Contract[]> {
	await assertCoordinator(ctx, actor, municipalityCode, 'Umowy gminy widzą jej koordynatorzy i operator.');
	return ctx.db
		.selectFrom('contracts as c')
		.innerJoin('customers as k', 'k.id', 'c.customer_id')
		.selectAll('c')
		.where('k.municipality_code', '=', municipalityCode)
		.orderBy('c.id', 'desc')
		.execute();
}

export async function contractForReader(ctx: Ctx, actor: Actor | null, id: string): Promise<Contract> {
	assertSignedIn(actor, 'Zaloguj się, aby pobrać umowę.');
	if (!isId(id)) throw new AppError('not_found', 'Nie ma takiej umowy.');
	const row = await ctx.db
		.selectFrom('contracts as c')
		.innerJoin('customers as k', 'k.id', 'c.customer_id')
		.selectAll('c')
		.select('k.municipality_code')
		.where('c.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'Nie ma takiej umowy.');
	await assertCoordinator(ctx, actor, row.municipality_code, 'Umowy gminy pobierają jej koordynatorzy i operator.');
	const { municipality_code: _code, ...contract } = row;
	return contract;
}

export const readContractScan = (mediaDir: string, fileName: string) =>
	readFile(path.join(scanDir(mediaDir), path.basename(fileName)));

/** The contract from the template of the public site, filled for this order, with the signatures block. */
export async function contractPdf(c: Contract): Promise<Buffer> {
	const title = `Umowa nr ${c.number} o świadczenie usług komunikacji lokalnej`;
	const pdf = new PdfWriter({ title, subject: `${c.customer.legalName} – ${packageLabels[c.package]}` });
	pdf.titlePage(title, [
		`${c.customer.legalName} – PL-MEDIA`,
		`${packageLabels[c.package]} – ${packageScopes[c.package]} w grupie „${c.customer.groupName}”`,
		`Od ${polishDate(c.starts_on)}${c.plan === 'commitment' ? `, na ${c.commitment_months} miesięcy` : ', na czas nieokreślony'}`,
		c.status === 'signed' ? 'Umowa podpisana' : 'Do podpisu'
	]);
	const fill = {
		legalName: c.customer.legalName,
		city: c.customer.city,
		nip: c.customer.nip,
		regon: c.customer.regon,
		groupName: c.customer.groupName,
		municipality: c.customer.municipality,
		units: c.units,
		package: c.package,
		startsOn: polishDate(c.starts_on),
		plan: c.plan,
		months: c.commitment_months,
		price: formatMoney(c.gross),
		priceNote: c.price_note
	};
	for (const clause of contractClauses(package1Prices, fill)) {
		pdf.heading(clause.title, 2);
		clause.points.forEach((p, i) => pdf.paragraph(clause.points.length > 1 ? `${i + 1}. ${p}` : p));
	}
	pdf.heading('Załącznik nr 1. Jednostki uprawnione do publikowania', 2);
	pdf.table(
		[
			{ header: 'Lp.', width: 0.08 },
			{ header: 'Nazwa jednostki', width: 0.92 }
		],
		(c.units.length ? c.units : ['(jednostki wskaże Gmina w panelu urzędu)']).map((u, i) => [`${i + 1}.`, u])
	);
	pdf.heading('Podpisy', 2);
	pdf.table(
		[
			{ header: `Za Gminę (${c.customer.legalName})`, width: 0.5 },
			{ header: 'Za Wykonawcę (PL-MEDIA)', width: 0.5 }
		],
		[['\n\n\n…………………………………………\n(data, podpis, pieczęć)', '\n\n\n…………………………………………\n(data, podpis)']]
	);
	return pdf.finish(title);
}
