// Document model → one self-contained HTML page (the second writer, beside docx.ts): the same model, the
// same stylesheet by name, no script and no outside resource. On screen each section is an A4 sheet;
// printed, @page gives the plan's margins and named pages turn landscape appendices. Page breaks inside
// the body are the browser's, and there are no page numbers.
import type { AppendixModel, ClosingModel, DocModel, Flow, HeaderModel, Node, Para, Table } from '../model/model.js';
import { FONT, HEADER, PAGE, SINGLE_LINE_EM, TABLE, styles, type Align, type ParaStyle } from '../model/stylesheet.js';
import { escapeMarkup } from '../text/escape.js';

/** Times New Roman first, then its metric twin, so lines break where the .docx's do. */
const FONT_STACK = `"${FONT}", "Liberation Serif", Tinos, serif`;
const TW_PER_MM = 56.6929;
/** Line under agency, tiêu ngữ and trích yếu: a paragraph border 1 pt below a 2 pt line, as docx.ts draws it. */
const RULE_PT = HEADER.ruleSizeEighths / 8;
const BORDER_PT = 0.5; // appendix grid: docx.ts draws size 4 (eighths of a point)

const CSS_ALIGN: Record<Align, string> = { left: 'left', center: 'center', right: 'right', both: 'justify' };

const mm = (n: number) => `${+n.toFixed(2)}mm`;
const pt = (n: number) => `${+n.toFixed(2)}pt`;

/** One CSS rule per paragraph style, class `s-<Style>`: the only place sizes and spacing turn into CSS. */
function styleCss(s: ParaStyle): string {
  const decl = [
    `font-size:${pt(s.sizePt)}`,
    `font-weight:${s.bold ? 'bold' : 'normal'}`,
    `font-style:${s.italic ? 'italic' : 'normal'}`,
    `text-align:${CSS_ALIGN[s.align]}`,
    `line-height:${+((SINGLE_LINE_EM * s.line) / 240).toFixed(3)}`,
    // margins, which collapse: LibreOffice's PDF of the .docx puts max(after, before) between two paragraphs
    `margin:${pt(s.beforePt)} 0 ${pt(s.afterPt)}`,
  ];
  if (s.firstLineTw) decl.push(`text-indent:${mm(s.firstLineTw / TW_PER_MM)}`);
  if (s.allCaps) decl.push('text-transform:uppercase');
  if (s.keepNext) decl.push('break-after:avoid');
  return `.s-${s.name}{${decl.join(';')}}`;
}

/**
 * Per-node values (a rule's width, a stepped-down size, column widths) as generated classes, so the page
 * has no inline style (html-validate's recommended set): same declarations, same class, in first-use order.
 */
class Classes {
  private byDecl = new Map<string, string>();
  name(decl: string): string {
    let n = this.byDecl.get(decl);
    if (!n) this.byDecl.set(decl, (n = `k${this.byDecl.size + 1}`));
    return n;
  }
  css(): string {
    return [...this.byDecl].map(([decl, n]) => `.${n}{${decl}}`).join('\n');
  }
}

/** The fixed part of the style sheet: depends on the model only through its margins and body size. */
function baseCss(m: DocModel): string {
  const pm = m.page.marginsMm;
  const lm = PAGE.landscapeMargins;
  return [
    `@page{size:A4;margin:${mm(pm.top)} ${mm(pm.right)} ${mm(pm.bottom)} ${mm(pm.left)}}`,
    `@page ngang{size:A4 landscape;margin:${mm(lm.top)} ${mm(lm.right)} ${mm(lm.bottom)} ${mm(lm.left)}}`,
    `html{background:#e8e8e8}`,
    `body{margin:0;padding:8mm 0;color:#000}`,
    `.trang{box-sizing:border-box;background:#fff;margin:0 auto 8mm;box-shadow:0 1px 4px rgba(0,0,0,.3);font-family:${FONT_STACK};font-size:${pt(m.page.bodySizePt)};line-height:${SINGLE_LINE_EM}}`,
    `.doc{width:${mm(PAGE.widthMm)};min-height:${mm(PAGE.heightMm)};padding:${mm(pm.top)} ${mm(pm.right)} ${mm(pm.bottom)} ${mm(pm.left)}}`,
    `.ngang{width:${mm(PAGE.heightMm)};min-height:${mm(PAGE.widthMm)};padding:${mm(lm.top)} ${mm(lm.right)} ${mm(lm.bottom)} ${mm(lm.left)}}`,
    // pre-wrap: spaces are kept as Word keeps them (the blank left for a number: "Số:      /KH-SYT")
    `.trang p{overflow-wrap:break-word;white-space:pre-wrap}`,
    // an empty paragraph still takes its line (the signature space, an empty cell)
    `.trang p:empty::before{content:"\\a0"}`,
    `.trang b{font-weight:bold}.trang i{font-style:italic}.trang .nb{font-weight:normal}.trang .ni{font-style:normal}`,
    `hr{border:0;border-top:${pt(RULE_PT)} solid #000;margin:0 auto;height:0}`,
    `.ke{line-height:${SINGLE_LINE_EM}}`,
    `table{border-collapse:collapse;table-layout:fixed}`,
    `.khung td{padding:0 ${mm(HEADER.cellPaddingMm)};vertical-align:top}`,
    `.bang td,.bang th{border:${pt(BORDER_PT)} solid #000;padding:0 ${mm(TABLE.cellPaddingMm)};vertical-align:top;font-weight:normal}`,
    `.bang th{vertical-align:middle}`,
    ...styles(m.page.bodySizePt).map(styleCss),
    // as the .docx: a row never splits across pages (cantSplit), the closing block stays whole unless the model
    // says it is too tall (keepTogether), and each section (the decision, the plan, an appendix) starts a page
    `.bang tr,.giu tr{break-inside:avoid}.bang tr.giu-sau{break-after:avoid}.truoc-khung{break-after:avoid}`,
    `@media print{html,body{background:none;padding:0}.trang{box-shadow:none;margin:0;width:auto;min-height:0;padding:0}.trang+.trang{break-before:page}.ngang{page:ngang;break-before:page}.phu-luc{break-before:page}}`,
  ].join('\n');
}

function runs(p: Para): string {
  return p.runs
    .map((r) => {
      let t = escapeMarkup(r.text);
      // a run's explicit weight or slant overrides the style's (a heading's regular ": ..." tail)
      if (r.bold === true) t = `<b>${t}</b>`;
      else if (r.bold === false) t = `<span class="nb">${t}</span>`;
      if (r.italic === true) t = `<i>${t}</i>`;
      else if (r.italic === false) t = `<span class="ni">${t}</span>`;
      return t;
    })
    .join('');
}

/** The body's writer: one per rendering, collecting the generated classes as it goes. */
class Writer {
  readonly k = new Classes();
  constructor(private readonly size: 13 | 14) {}

  paragraph(p: Para, align?: Align): string {
    const css: string[] = [];
    if (p.sizePt) css.push(`font-size:${pt(p.sizePt)}`);
    if (align) css.push(`text-align:${CSS_ALIGN[align]}`);
    // a paragraph's own keep-with-next, as docx.ts writes it (the line above a table, a heading with its text)
    if (p.keepNext !== undefined) css.push(`break-after:${p.keepNext ? 'avoid' : 'auto'}`);
    return `<p class="s-${p.style}${css.length ? ' ' + this.k.name(css.join(';')) : ''}">${runs(p)}</p>`;
  }

  /** A centred solid line: the 2 pt rule paragraph of docx.ts (its space before, its line, 1 pt, the border). */
  rule(widthMm: number, styleName = 'DuongKe'): string {
    const s = styles(this.size).find((x) => x.name === styleName)!;
    const line = s.sizePt * SINGLE_LINE_EM + 1;
    return `<div class="ke ${this.k.name(`margin:${pt(s.beforePt)} 0 ${pt(s.afterPt)};padding-top:${pt(line)}`)}"><hr class="${this.k.name(`width:${mm(widthMm)}`)}"></div>`;
  }

  nodes(ns: Node[]): string {
    return ns.map((n) => (n.type === 'rule' ? this.rule(n.widthMm, n.style) : this.paragraph(n))).join('');
  }

  table(cls: string, widths: number[], inner: string): string {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => `<col class="${this.k.name(`width:${mm(w)}`)}">`).join('');
    return `<table class="${cls} ${this.k.name(`width:${mm(total)}`)}"><colgroup>${cols}</colgroup>${inner}</table>`;
  }

  /** A borderless two-column layout table (header, closing), fixed widths as in the .docx; `giu`: rows kept whole. */
  layoutTable(widths: number[], rows: string[][], keepTogether = true): string {
    return this.table(keepTogether ? 'khung giu' : 'khung', widths, `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`);
  }

  dataTable(t: Table): string {
    const cell = (tag: 'th' | 'td', c: Table['header'][number]) =>
      `<${tag}${tag === 'th' ? ` scope="${c.colSpan > 1 ? 'colgroup' : 'col'}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>` +
      `${c.paras.map((p) => this.paragraph(p, c.align)).join('')}</${tag}>`;
    return this.table(
      'bang',
      t.columnsMm,
      `<thead><tr>${t.header.map((c) => cell('th', c)).join('')}</tr>${t.columnNumbers ? `<tr>${t.columnNumbers.map((c) => cell('th', c)).join('')}</tr>` : ''}</thead>` +
        `<tbody>${t.rows.map((r, i) => `<tr${t.keepEnd && i === t.rows.length - 1 ? ' class="giu-sau"' : ''}>${r.map((c) => cell('td', c)).join('')}</tr>`).join('')}</tbody>`,
    );
  }

  /** Paragraphs and the tables among them. */
  flow(fs: Flow[] = []): string {
    return fs.map((f) => (f.type === 'table' ? this.dataTable(f) : this.paragraph(f))).join('');
  }

  appendix(a: AppendixModel): string {
    return (
      `<section class="trang phu-luc ${a.landscape ? 'ngang' : 'doc'}">${this.nodes(a.heading)}${this.flow(a.before)}` +
      `${a.table ? this.dataTable(a.table) : ''}${this.flow(a.after)}${a.signature ? this.closing(a.signature) : ''}</section>`
    );
  }

  /** ô 1–4: the agency and Quốc hiệu, and (unless a plan issued by a decision) Số and place/date. */
  header(h: HeaderModel): string {
    const rows = [[this.nodes(h.left), this.nodes(h.right)]];
    if (h.number || h.placeDate) rows.push([h.number ? this.paragraph(h.number) : '', h.placeDate ? this.paragraph(h.placeDate) : '']);
    return this.layoutTable([h.leftMm, h.rightMm], rows);
  }

  /** Nơi nhận beside the signer, after the empty paragraph docx.ts puts before the closing table. */
  closing(c: ClosingModel): string {
    return (
      `<p class="s-Body truoc-khung"></p>` +
      this.layoutTable([c.leftMm, c.rightMm], [[c.left.map((p) => this.paragraph(p)).join(''), c.right.map((p) => this.paragraph(p)).join('')]], c.keepTogether)
    );
  }

  document(m: DocModel): string {
    const d = m.decision;
    // a plan issued by a decision: the decision's page first, the plan on a page of its own
    const decision = d
      ? `<section class="trang doc">${this.header(d.header)}${this.nodes(d.title)}${d.body.map((p) => this.paragraph(p)).join('')}${this.closing(d.closing)}</section>`
      : '';
    const main =
      decision +
      `<section class="trang doc">` +
      (m.header ? this.header(m.header) : '') +
      this.nodes(m.title) +
      this.flow(m.body) +
      (m.closing ? this.closing(m.closing) : '') +
      `</section>`;
    return main + m.appendices.map((a) => this.appendix(a)).join('');
  }
}

export interface HtmlParts {
  title: string;
  /** The style sheet, generated classes included. */
  css: string;
  /** The sheets: main section, then one per appendix. What `kehoach xem` swaps on each save. */
  body: string;
}

/** The page in parts, for a caller that frames it (the preview server). */
export function htmlParts(m: DocModel): HtmlParts {
  const w = new Writer(m.page.bodySizePt);
  const body = w.document(m);
  return { title: m.properties.title, css: `${baseCss(m)}\n${w.k.css()}`, body };
}

/**
 * What marks a page as kehoach's: `render --html` writes over no other. A page from before kehoach marked them is
 * known by its sheet's element.
 */
const GENERATOR = '<meta name="generator" content="kehoach">';
const SHEET = '<main id="van-ban">';
export const isOurHtml = (text: string): boolean => text.includes(GENERATOR) || text.includes(SHEET);

/** A whole page around `parts`; `head` and `before` are the preview's additions (none for --html). */
export function htmlPage(parts: HtmlParts, extra: { head?: string; before?: string } = {}): string {
  return (
    `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n${GENERATOR}\n` +
    `<title>${escapeMarkup(parts.title)}</title>\n` +
    `<style id="kieu">\n${parts.css}\n</style>\n${extra.head ?? ''}</head>\n<body>\n${extra.before ?? ''}${SHEET}\n${parts.body}\n</main>\n</body>\n</html>\n`
  );
}

/** The whole page, one self-contained file (no script, no outside resource): same model, same string. */
export function renderHtml(m: DocModel): string {
  return htmlPage(htmlParts(m));
}

/** Where `render --html` writes the page: beside the .docx, same name, .html. */
export const htmlTargetFor = (docxTarget: string): string => docxTarget.replace(/\.docx$/i, '') + '.html';
