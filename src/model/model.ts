// The document model: a small, closed, JSON-serialisable tree between the plan and the writer
// (pandoc's AST, in spirit). It holds the ND30 frame (header cells, title, closing, appendices) and the
// body as styled paragraphs. No docx classes, no sizes: styles are named, values live in stylesheet.ts.
import type { StyleName } from './stylesheet.js';

/** A run of text; `bold`/`italic` set explicitly override the paragraph style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A paragraph in a named style. `sizePt` is set only where a rule steps the size down to fit. */
export interface Para {
  type: 'paragraph';
  style: StyleName;
  runs: Run[];
  sizePt?: number;
  /**
   * Overrides the style's keep-with-next: false for a heading that carries text on its own line; true for the
   * last lines before a closing block (see keepWithClosing in build.ts).
   */
  keepNext?: boolean;
}

/** A solid, centred line of the given length (under the agency, the tiêu ngữ, the trích yếu). */
export interface Rule {
  type: 'rule';
  widthMm: number;
  style?: StyleName;
}

export type Node = Para | Rule;

export interface TableCell {
  col: number;
  rowSpan: number;
  colSpan: number;
  align?: 'left' | 'center' | 'right' | 'both';
  paras: Para[];
}

export interface Table {
  type: 'table';
  columnsMm: number[];
  header: TableCell[];
  /** A row "(1) (2) (3) …" under the header, repeated with it on each page. */
  columnNumbers?: TableCell[];
  rows: TableCell[][];
  /** Its last row stays on the page of what follows (the closing block after it). */
  keepEnd?: boolean;
}

/** What flows down a page's text: paragraphs, and the tables a plan sets among them. */
export type Flow = Para | Table;

export interface AppendixModel {
  landscape: boolean;
  heading: Node[];
  /** Body-like paragraphs before the table (or the whole appendix when it has no table). */
  before?: Flow[];
  table: Table | null;
  /** A note under the table. */
  after?: Flow[];
  /** A signature block to be filled in, on the right as the signer's. */
  signature?: ClosingModel;
}

/** ô 1–4: a borderless table; row 1 names and lines, row 2 số (left) and place/date (right). */
export interface HeaderModel {
  leftMm: number;
  rightMm: number;
  left: Node[];
  right: Node[];
  /** Absent on a plan issued by a decision (spec §8a): its header has no Số and no place/date line. */
  number: Para | null;
  placeDate: Para | null;
}

/** ô 9b beside ô 7: Nơi nhận (left) and the signing block (right). */
export interface ClosingModel {
  leftMm: number;
  rightMm: number;
  left: Para[];
  right: Para[];
  /** Kept on one page; false when it is too tall for that (a very long Nơi nhận): it then breaks across pages. */
  keepTogether: boolean;
}

/** The decision that issues the plan (spec §8a, Mẫu 1.3): its own page(s) before the plan. */
export interface DecisionModel {
  header: HeaderModel;
  /** "QUYẾT ĐỊNH", its trích yếu, the line under it, the issuing authority. */
  title: Node[];
  /** căn cứ, "Theo đề nghị của …", "QUYẾT ĐỊNH:", the articles ending in "./.". */
  body: Para[];
  closing: ClosingModel;
}

export interface DocModel {
  page: {
    marginsMm: { top: number; bottom: number; left: number; right: number };
    bodySizePt: 13 | 14;
  };
  properties: { title: string; subject: string; creator: string; date: string };
  /** The decision issuing the plan, when it is one; the plan then starts on a new page. */
  decision: DecisionModel | null;
  /** The plan's header; null when a plan issued by a decision is printed without one. */
  header: HeaderModel | null;
  /** ô 5a: tên loại, trích yếu (a plan issued by a decision: the reference line to it), the line under it. */
  title: Node[];
  /** ô 6: căn cứ, opening, sections (their tables among them), closing sentence ending in "./.". */
  body: Flow[];
  /** null for a plan issued by a decision: the decision carries the nơi nhận and the signature. */
  closing: ClosingModel | null;
  appendices: AppendixModel[];
}
