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
  /** Overrides the style's keep-with-next: false for a heading that carries text on its own line. */
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
  rows: TableCell[][];
}

export interface AppendixModel {
  landscape: boolean;
  heading: Node[];
  table: Table;
}

export interface DocModel {
  page: {
    marginsMm: { top: number; bottom: number; left: number; right: number };
    bodySizePt: 13 | 14;
  };
  properties: { title: string; subject: string; creator: string; date: string };
  /** ô 1–4: a borderless table; row 1 names and lines, row 2 số (left) and place/date (right). */
  header: {
    leftMm: number;
    rightMm: number;
    left: Node[];
    right: Node[];
    number: Para;
    placeDate: Para;
  };
  /** ô 5a: tên loại, trích yếu, the line under it. */
  title: Node[];
  /** ô 6: căn cứ, opening, sections, closing sentence ending in "./.". */
  body: Para[];
  /** ô 9b beside ô 7: Nơi nhận (left) and the signing block (right). */
  closing: { leftMm: number; rightMm: number; left: Para[]; right: Para[] };
  appendices: AppendixModel[];
}
