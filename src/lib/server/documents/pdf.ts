import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fonts = {
	regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
};

/**
 * The fonts parsed once per process. Parsing and measuring DejaVu Sans (fontkit decoding its
 * tables and glyphs) was most of a document's time; pdfkit takes a parsed font object as a font
 * source, and each document still embeds its own subset. pdfkit has no public way to parse one,
 * so a throwaway document loads it and we keep its fontkit font.
 */
let parsed: { regular: unknown; bold: unknown } | null = null;
function parsedFonts(): { regular: unknown; bold: unknown } {
	if (!parsed) {
		const load = (file: string) => {
			const doc = new PDFDocument({ autoFirstPage: false });
			doc.font(file);
			return (doc as unknown as { _font: { font: unknown } })._font.font;
		};
		parsed = { regular: load(fonts.regular), bold: load(fonts.bold) };
	}
	return parsed;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const INK = '#1c1e21';
const MUTED = '#555b63';
const ACCENT = '#1d4ed8';

type Struct = ReturnType<PDFKit.PDFDocument['struct']>;

export interface Column {
	header: string;
	/** Share of the table's width. */
	width: number;
	align?: 'left' | 'right';
	/** Cells kept on one line (amounts, dates); right-aligned columns are by default. */
	nowrap?: boolean;
}

/**
 * A4 documents with DejaVu Sans (every Polish letter), a title page, numbered pages and a tagged
 * structure (PDF/UA where pdfkit allows: headings, paragraphs, lists, tables, figures with their
 * alternative text; page numbers and rules are artifacts).
 */
export class PdfWriter {
	readonly doc: PDFKit.PDFDocument;
	private root: Struct;

	constructor(meta: { title: string; subject: string; author?: string }) {
		this.doc = new PDFDocument({
			size: 'A4',
			margins: { top: MARGIN, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
			pdfVersion: '1.7',
			// pdfkit supports PDF/UA-1 identification; its type definitions do not list it yet.
			subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
			tagged: true,
			lang: 'pl-PL',
			displayTitle: true,
			bufferPages: true,
			info: { Title: meta.title, Subject: meta.subject, Author: meta.author ?? 'PL-MEDIA', Creator: 'Tablica' },
			font: parsedFonts().regular as string
		});
		const { regular, bold } = parsedFonts();
		this.doc.registerFont('regular', regular as PDFKit.Mixins.PDFFontSource);
		this.doc.registerFont('bold', bold as PDFKit.Mixins.PDFFontSource);
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
	}

	/**
	 * The cover: the document's title, whom it concerns (group, municipality), the period, when it
	 * was made, and its key numbers in boxes — what a council member reads first.
	 */
	titlePage(title: string, lines: string[], figures: { label: string; value: string }[] = []): this {
		const d = this.doc;
		this.artifact(() => d.rect(MARGIN, 150, 60, 6).fill(ACCENT));
		d.y = 180;
		this.root.add(
			d.struct('H1', {}, () => d.font('bold').fontSize(24).fillColor(INK).text(title, MARGIN, d.y, { width: WIDTH }))
		);
		d.moveDown(1);
		for (const line of lines)
			this.root.add(
				d.struct('P', {}, () => d.font('regular').fontSize(13).fillColor(MUTED).text(line, { width: WIDTH }))
			);
		if (figures.length) {
			d.moveDown(2);
			this.figures(figures);
		}
		d.addPage();
		return this;
	}

	/** The document's title on the current page (documents without a title page, e.g. invoices). */
	title(text: string, subtitle?: string): this {
		const d = this.doc;
		this.root.add(
			d.struct('H1', {}, () => d.font('bold').fontSize(18).fillColor(INK).text(text, MARGIN, d.y, { width: WIDTH }))
		);
		if (subtitle)
			this.root.add(
				d.struct('P', {}, () =>
					d
						.font('regular')
						.fontSize(10)
						.fillColor(MUTED)
						.text(subtitle, MARGIN, d.y + 2, { width: WIDTH })
				)
			);
		d.moveDown(0.8);
		return this;
	}

	heading(text: string, level: 2 | 3 = 2): this {
		const d = this.doc;
		this.ensureSpace(level === 2 ? 80 : 60);
		d.moveDown(level === 2 ? 0.8 : 0.5);
		this.root.add(
			d.struct(`H${level}`, {}, () =>
				d
					.font('bold')
					.fontSize(level === 2 ? 16 : 13)
					.fillColor(INK)
					.text(text, MARGIN, d.y, { width: WIDTH })
			)
		);
		d.moveDown(0.3);
		return this;
	}

	paragraph(text: string, opts: { muted?: boolean; bold?: boolean } = {}): this {
		const d = this.doc;
		this.root.add(
			d.struct('P', {}, () =>
				d
					.font(opts.bold ? 'bold' : 'regular')
					.fontSize(10.5)
					.fillColor(opts.muted ? MUTED : INK)
					.text(text, MARGIN, d.y, { width: WIDTH, lineGap: 2 })
			)
		);
		d.moveDown(0.5);
		return this;
	}

	list(items: string[]): this {
		const d = this.doc;
		const list = d.struct('L');
		this.root.add(list);
		for (const item of items) {
			this.ensureSpace(30);
			const y = d.y;
			list.add(
				d.struct('LI', {}, [
					d.struct('Lbl', {}, () =>
						d
							.font('regular')
							.fontSize(10.5)
							.fillColor(ACCENT)
							.text('•', MARGIN + 4, y, { width: 12 })
					),
					d.struct('LBody', {}, () =>
						d
							.font('regular')
							.fontSize(10.5)
							.fillColor(INK)
							.text(item, MARGIN + 18, y, { width: WIDTH - 18, lineGap: 2 })
					)
				])
			);
			d.moveDown(0.2);
		}
		list.end();
		d.moveDown(0.4);
		return this;
	}

	/**
	 * Column widths and a font scale that fit: no header word is split across lines, no amount
	 * wraps. Each column gets at least what its longest header word (and, for one-line columns,
	 * its longest cell) needs; the rest of the width is taken from columns with room to spare, in
	 * proportion; when even the needs exceed the page, the fonts shrink (at most to 75 %).
	 */
	private fitColumns(columns: Column[], rows: string[][]): { widths: number[]; scale: number } {
		const d = this.doc;
		const measure = (scale: number) =>
			columns.map((c, i) => {
				d.font('bold').fontSize(7.5 * scale);
				let need = Math.max(0, ...c.header.split(/\s+/).map((w) => d.widthOfString(w)));
				d.font('regular').fontSize(8.5 * scale);
				const nowrap = c.nowrap ?? c.align === 'right';
				for (const r of rows)
					for (const part of (r[i] ?? '').split('\n'))
						need = Math.max(need, ...(nowrap ? [part] : part.split(/\s+/)).map((w) => d.widthOfString(w)));
				return need + 7;
			});
		let scale = 1;
		let needs = measure(scale);
		const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		while (total(needs) > WIDTH && scale > 0.75) needs = measure((scale -= 0.05));
		const widths = columns.map((c, i) => Math.max(c.width * WIDTH, needs[i]));
		const excess = total(widths) - WIDTH;
		if (excess > 0) {
			const slack = widths.map((w, i) => Math.max(0, w - needs[i]));
			const room = total(slack);
			for (let i = 0; i < widths.length; i++)
				widths[i] -= room > 0 ? (excess * slack[i]) / room : excess / widths.length;
		}
		return { widths, scale };
	}

	/** A table with a header row (repeated after a page break). */
	table(columns: Column[], rows: string[][], caption?: string): this {
		const d = this.doc;
		const { widths, scale } = this.fitColumns(columns, rows);
		const table = d.struct('Table');
		this.root.add(table);
		if (caption)
			table.add(
				d.struct('Caption', {}, () =>
					d.font('bold').fontSize(10).fillColor(INK).text(caption, MARGIN, d.y, { width: WIDTH })
				)
			);
		const row = (cells: string[], header: boolean) => {
			const fontSize = (header ? 7.5 : 8.5) * scale;
			d.font(header ? 'bold' : 'regular').fontSize(fontSize);
			const height = Math.max(...cells.map((c, i) => d.heightOfString(c, { width: widths[i] - 6 }))) + 6;
			if (d.y + height > A4.height - MARGIN - 20) {
				d.addPage();
				if (!header)
					row(
						columns.map((c) => c.header),
						true
					);
			}
			const y = d.y;
			const tr = d.struct('TR');
			table.add(tr);
			let x = MARGIN;
			cells.forEach((cell, i) => {
				const cx = x;
				tr.add(
					d.struct(header ? 'TH' : 'TD', {}, () =>
						d
							.font(header ? 'bold' : 'regular')
							.fontSize(fontSize)
							.fillColor(INK)
							.text(cell, cx + 3, y + 3, { width: widths[i] - 6, align: columns[i].align ?? 'left' })
					)
				);
				x += widths[i];
			});
			tr.end();
			this.artifact(() =>
				d
					.moveTo(MARGIN, y + height)
					.lineTo(MARGIN + WIDTH, y + height)
					.lineWidth(header ? 1 : 0.4)
					.strokeColor(header ? INK : '#c9ccd1')
					.stroke()
			);
			d.x = MARGIN;
			d.y = y + height;
		};
		row(
			columns.map((c) => c.header),
			true
		);
		for (const r of rows) row(r, false);
		table.end();
		d.moveDown(0.8);
		return this;
	}

	/** A bar chart with each bar's value above it, as a figure whose alternative text lists every value. */
	barChart(title: string, bars: { label: string; value: number; display: string }[]): this {
		const d = this.doc;
		const H = 150;
		this.ensureSpace(H + 72);
		const top = d.y + 4;
		const max = Math.max(1, ...bars.map((b) => b.value));
		const slot = WIDTH / Math.max(1, bars.length);
		const alt = `${title}: ${bars.map((b) => `${b.label} ${b.display}`).join('; ')}`;
		this.root.add(
			d.struct('Figure', { alt }, () => {
				d.font('bold').fontSize(10).fillColor(INK).text(title, MARGIN, top, { width: WIDTH });
				// Room above the tallest bar for its value.
				const base = top + 32 + H;
				bars.forEach((b, i) => {
					const h = (b.value / max) * H;
					d.rect(MARGIN + i * slot + 4, base - h, slot - 8, h).fill(ACCENT);
					d.font('regular')
						.fontSize(slot < 45 ? 6.5 : 8)
						.fillColor(INK)
						.text(b.display, MARGIN + i * slot, base - h - 10, { width: slot, align: 'center', lineBreak: false });
					d.font('regular')
						.fontSize(7)
						.fillColor(MUTED)
						.text(b.label, MARGIN + i * slot, base + 3, { width: slot, align: 'center' });
				});
				d.moveTo(MARGIN, base)
					.lineTo(MARGIN + WIDTH, base)
					.lineWidth(0.6)
					.strokeColor(MUTED)
					.stroke();
				d.x = MARGIN;
				d.y = base + 18;
			})
		);
		return this;
	}

	/** Key figures in a row of boxes. */
	figures(items: { label: string; value: string }[]): this {
		const d = this.doc;
		this.ensureSpace(70);
		const top = d.y;
		const w = WIDTH / items.length;
		const list = d.struct('L');
		this.root.add(list);
		items.forEach((item, i) => {
			const x = MARGIN + i * w;
			this.artifact(() =>
				d
					.roundedRect(x + 2, top, w - 4, 52, 4)
					.lineWidth(0.6)
					.strokeColor('#c9ccd1')
					.stroke()
			);
			list.add(
				d.struct('LI', {}, [
					d.struct('Lbl', {}, () =>
						d
							.font('regular')
							.fontSize(8)
							.fillColor(MUTED)
							.text(`${item.label}: `, x + 8, top + 8, { width: w - 16 })
					),
					d.struct('LBody', {}, () =>
						d
							.font('bold')
							.fontSize(14)
							.fillColor(INK)
							.text(item.value, x + 8, top + 24, { width: w - 16 })
					)
				])
			);
		});
		list.end();
		d.x = MARGIN;
		d.y = top + 64;
		return this;
	}

	/**
	 * Square images side by side (QR codes), each `size` points wide in a column of half the width:
	 * a short title above, the image as a figure with its alternative text, a label below.
	 */
	imageRow(items: { png: Buffer; alt: string; title: string; label: string }[], size: number): this {
		const d = this.doc;
		this.ensureSpace(size + 40);
		const top = d.y + 4;
		const slot = WIDTH / Math.max(2, items.length);
		items.forEach((item, i) => {
			const x = MARGIN + i * slot;
			this.root.add(
				d.struct('P', {}, () =>
					d.font('bold').fontSize(8).fillColor(MUTED).text(item.title, x, top, { width: slot, align: 'center' })
				)
			);
			this.root.add(
				d.struct('Figure', { alt: item.alt }, () => d.image(item.png, x + (slot - size) / 2, top + 12, { width: size }))
			);
			this.root.add(
				d.struct('P', {}, () =>
					d
						.font('bold')
						.fontSize(8.5)
						.fillColor(INK)
						.text(item.label, x, top + 14 + size, { width: slot, align: 'center' })
				)
			);
		});
		d.x = MARGIN;
		d.y = top + size + 34;
		return this;
	}

	/**
	 * A line of text, then a web address on its own line, as small as it must be (down to 6 pt) to
	 * fit on that line so it can be read and copied whole; a link with its description for screen readers.
	 */
	link(text: string, url: string, description: string): this {
		const d = this.doc;
		this.ensureSpace(40);
		const p = d.struct('P');
		this.root.add(p);
		p.add(() => d.font('regular').fontSize(9).fillColor(INK).text(text, MARGIN, d.y, { width: WIDTH }));
		d.font('regular').fontSize(1);
		const size = Math.max(6, Math.min(9, Math.floor((WIDTH / d.widthOfString(url)) * 10) / 10));
		const link = d.struct('Link', {}, () => {
			d.font('regular').fontSize(size).fillColor(ACCENT);
			const x = MARGIN;
			const y = d.y + 2;
			const width = Math.min(WIDTH, d.widthOfString(url));
			const height = d.heightOfString(url, { width: WIDTH });
			d.text(url, x, y, { width: WIDTH });
			// pdfkit writes a JS string as a PDF name; a String object becomes a text string. Its types
			// do not list `structParent`, which ties the annotation to the Link element.
			const annotation = { structParent: link, Contents: new String(description) };
			d.link(x, y, width, height, url, annotation as unknown as PDFKit.Mixins.AnnotationOption);
		});
		p.add(link);
		p.end();
		d.x = MARGIN;
		d.moveDown(0.5);
		return this;
	}

	/** Starts a new page when less than `height` points remain. */
	ensureSpace(height: number): void {
		if (this.doc.y + height > A4.height - MARGIN - 20) this.doc.addPage();
	}

	private artifact(draw: () => void): void {
		this.doc.markContent('Artifact', { type: 'Layout' });
		draw();
		this.doc.endMarkedContent();
	}

	/** Page numbers on every page but the title page (unless there is none), then the bytes. */
	async finish(footer: string, opts: { numberFirstPage?: boolean } = {}): Promise<Buffer> {
		const d = this.doc;
		this.root.end();
		const range = d.bufferedPageRange();
		for (let i = range.start; i < range.start + range.count; i++) {
			d.switchToPage(i);
			if (i === range.start && !opts.numberFirstPage) continue;
			// Writing below the bottom margin would make pdfkit open a new page.
			const bottom = d.page.margins.bottom;
			d.page.margins.bottom = 0;
			d.markContent('Artifact', { type: 'Pagination' });
			d.font('regular').fontSize(8).fillColor(MUTED);
			const y = A4.height - MARGIN + 8;
			d.text(footer, MARGIN, y, { width: WIDTH / 2, lineBreak: false });
			d.text(`Strona ${i + 1} z ${range.count}`, MARGIN + WIDTH / 2, y, {
				width: WIDTH / 2,
				align: 'right',
				lineBreak: false
			});
			d.endMarkedContent();
			d.page.margins.bottom = bottom;
		}
		const chunks: Buffer[] = [];
		d.on('data', (c: Buffer) => chunks.push(c));
		const done = new Promise<void>((resolve, reject) => {
			d.on('end', () => resolve());
			d.on('error', reject);
		});
		d.end();
		await done;
		return Buffer.concat(chunks);
	}
}
