// The rules of a plan beyond types: what one value says about another. Rules as data, as
// remark-lint keeps them: each has an id (the rule of every message it reports) and is run on
// whatever the schema left (so that all problems come at once). Each has ok and not-ok plans in
// test/fixtures/rules/<id>/, walked by test/rules.test.ts.
import { unbalancedMarkup } from '../text/inline.js';
import { dateParts, isRealDate } from '../text/dates.js';
import { isDocNumber } from '../text/doc-number.js';
import { isMapping, type Path } from '../read/source.js';
import { flatRows, tableGrid, type GridProblem } from './grid.js';
import { KY_HIEU_FORM, LIMITS, ROLES } from './schema.js';
import { changeNote } from './versions.js';

/** Report a problem at `path` (at its key with `key: true`). */
export type Report = (path: Path, message: string, key?: boolean) => void;

export interface Rule<T = Record<string, unknown>> {
  id: string;
  check: (data: T, report: Report) => void;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Every node under `v`, in document order. `at()` gives the node's path (a new array): the walk
 * itself keeps one array, so that paths are made only for the nodes a rule reports or keeps.
 */
function walk(v: unknown, base: (string | number)[], f: (v: unknown, at: () => Path) => void): void {
  const path = [...base];
  const at = () => [...path];
  const visit = (x: unknown) => {
    f(x, at);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        path.push(i);
        visit(x[i]);
        path.pop();
      }
    } else if (isMapping(x)) {
      for (const k of Object.keys(x)) {
        path.push(k);
        visit(x[k]);
        path.pop();
      }
    }
  };
  visit(v);
}

/** The tables of a plan (appendices', and those in the body as "bang" blocks), with their data width (STT column not counted) and grid, made once. */
const tables = new WeakMap<object, ReturnType<typeof tablesOf>>();
function tablesOf(p: Record<string, unknown>) {
  const found: [Record<string, unknown>, Path][] = [];
  if (Array.isArray(p.phu_luc)) p.phu_luc.forEach((a, ai) => isMapping(a) && found.push([a, ['phu_luc', ai]]));
  walk(p, [], (v, at) => isMapping(v) && isMapping(v.bang) && found.push([v.bang, [...at(), 'bang']]));
  return found.flatMap(([a, at]) => {
    if (!Array.isArray(a.cot) || !Array.isArray(a.hang)) return [];
    const width = a.cot.length - (a.so_thu_tu ? 1 : 0);
    const flat = flatRows(a.hang as { o?: unknown; nhom?: unknown; con?: unknown }[]);
    // a group row (nhom) is one cell across every data column
    const rows = flat.map((f) => (f.row.nhom !== undefined ? [{ gop_cot: width }] : Array.isArray(f.row.o) ? f.row.o : []));
    const base: Path = [...at, 'hang'];
    return [{ a, base, width, flat, grid: tableGrid(rows, width) }];
  });
}
const tablesIn = (p: Record<string, unknown>) => {
  let t = tables.get(p);
  if (!t) tables.set(p, (t = tablesOf(p)));
  return t;
};
const exceptStt = (a: Record<string, unknown>) => (a.so_thu_tu ? ', không kể cột STT' : '');

/** A rule on the grid problems of every table: `say` gives the path and message of those it reports. */
function gridRule(id: string, say: (g: GridProblem, t: ReturnType<typeof tablesOf>[number], cells: Path) => [Path, string] | undefined): Rule {
  return {
    id,
    check: (p, report) => {
      for (const t of tablesIn(p)) {
        for (const g of t.grid.problems) {
          if ((t.flat[g.row].row as { nhom?: unknown }).nhom !== undefined) continue; // bang-nhom says it, once
          const r = say(g, t, [...t.base, ...t.flat[g.row].path, 'o']);
          if (r) report(...r);
        }
      }
    },
  };
}

/** Each structured citation of the căn cứ (a mapping, not a free sentence), with its path. */
function eachCitation(p: Record<string, unknown>, f: (c: Record<string, unknown>, at: Path) => void): void {
  if (!Array.isArray(p.can_cu)) return;
  p.can_cu.forEach((g, gi) => {
    if (!isMapping(g) || !Array.isArray(g.van_ban)) return;
    g.van_ban.forEach((c, ci) => isMapping(c) && f(c, ['can_cu', gi, 'van_ban', ci]));
  });
}

/**
 * A line break inside a text ("|" blocks, "\n" in quotes) has no place in a field: Word would show a
 * space, or nothing. Fields that take several lines take a list. A break at the very end (">" and "|" add
 * one) is harmless. Run on the text as written, before cleaning turns breaks into spaces.
 */
export function lineBreaks(v: unknown, path: Path, report: (path: Path, message: string) => void): void {
  if (typeof v === 'string') {
    if (!/[\r\n](?!\s*$)/.test(v)) return;
    // in a ">-" block, a line indented deeper than the others keeps its line break (YAML's rule for folded text)
    const deeper = /\n[ \t]+(\S[^\n]{0,29})/.exec(v);
    if (deeper) report(path, `dòng "${deeper[1].trimEnd()}…" của đoạn này thụt vào sâu hơn các dòng khác, nên YAML giữ dấu xuống dòng trước nó (và cả các dấu cách thừa): hãy cho mọi dòng của đoạn thẳng cột với dòng đầu.`);
    else report(path, `chữ có dấu xuống dòng ở giữa, sẽ không được in như vậy: viết liền một dòng (dùng ">-" thay cho "|"), hoặc, với tên, chức vụ, ô bảng, viết thành danh sách các dòng [dòng 1, dòng 2].${changeNote('xuong-dong')}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => lineBreaks(x, [...path, i], report));
  else if (isMapping(v)) for (const [k, x] of Object.entries(v)) lineBreaks(x, [...path, k], report);
}

/**
 * The abbreviation an issuer's name most likely has, for a message: "SỞ Y TẾ" → SYT, "TRUNG TÂM Y TẾ HUYỆN …" →
 * TTYT (the place left out), "ỦY BAN NHÂN DÂN …" → UBND, "TRƯỜNG THPT ĐỐC BINH KIỀU" → THPTĐBK (a word without a
 * vowel is an abbreviation already). Undefined when the name gives none.
 */
function abbreviationOf(name: unknown): string | undefined {
  const lines = (Array.isArray(name) ? name : [name]).filter(isStr);
  const whole = lines.join(' ').normalize('NFC').toLocaleUpperCase('vi').trim();
  if (/^(?:ỦY|UỶ) BAN NHÂN DÂN\b|^UBND\b/u.test(whole)) return 'UBND';
  if (/^THỦ TƯỚNG CHÍNH PHỦ$/u.test(whole)) return 'TTg';
  const words = whole.split(/\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u)[0].split(/\s+/u);
  const isAbbr = (w: string) => !/[AEIOUY]/u.test(w.normalize('NFD').replace(/\p{M}/gu, ''));
  const from = words[0] === 'TRƯỜNG' && words[1] && isAbbr(words[1]) ? 1 : 0;
  const abbr = words.slice(from).map((w) => (isAbbr(w) ? w : w.charAt(0))).join('').replace(/[^A-ZĐ0-9]/gu, '');
  return abbr.length >= 2 && abbr.length <= 10 ? abbr : undefined;
}

export const PLAN_RULES: readonly Rule[] = [
  {
    // Ký hiệu: given, or built from the issuer's abbreviation.
    id: 'ky-hieu-thieu',
    check: (p, report) => {
      if (p.ky_hieu === undefined && p.viet_tat === undefined) {
        const guess = abbreviationOf(p.co_quan_ban_hanh);
        report(
          [],
          guess
            ? `thiếu ký hiệu: hãy thêm "viet_tat: ${guess}" (chữ viết tắt tên cơ quan, đoán theo tên cơ quan ban hành: hãy sửa cho đúng) hoặc "ky_hieu: KH-${guess}".`
            : 'thiếu ký hiệu: hãy thêm "viet_tat: …" (chữ viết tắt tên cơ quan ban hành, ví dụ SYT của Sở Y tế) hoặc "ky_hieu: KH-…".',
        );
      }
    },
  },
  {
    // A plan's ký hiệu starts with KH-; a plan issued by a decision carries the decision's, QĐ-.
    id: 'ky-hieu',
    check: (p, report) => {
      const kind = isStr(p.ten_loai) ? p.ten_loai : 'Kế hoạch';
      // (a ký hiệu not of the form at all is the schema's to report, once)
      if (!isStr(p.ky_hieu) || !KY_HIEU_FORM.test(p.ky_hieu)) return;
      if (isMapping(p.quyet_dinh)) {
        if (!p.ky_hieu.startsWith('QĐ-')) report(['ky_hieu'], `kế hoạch ban hành kèm quyết định: số và ký hiệu là của Quyết định, bắt đầu bằng "QĐ-" (Phụ lục III, Nghị định 30); nhận được "${p.ky_hieu}".`);
      } else if (kind.toLowerCase() === 'kế hoạch' && !p.ky_hieu.startsWith('KH-')) {
        report(['ky_hieu'], `ký hiệu của Kế hoạch bắt đầu bằng "KH-" (Phụ lục III, Nghị định 30); nhận được "${p.ky_hieu}".`);
      }
    },
  },
  {
    // A decision's reference line written with a numeric date needs the whole date.
    id: 'ngay-quyet-dinh',
    check: (p, report) => {
      const d = p.quyet_dinh;
      if (isMapping(d) && d.kieu_ngay === 'so' && !(isStr(p.ngay) && /^\d{4}-\d{2}-\d{2}$/.test(p.ngay))) {
        report(['quyet_dinh', 'kieu_ngay'], 'ngày viết bằng số (kieu_ngay: so) cần đủ ngày, tháng, năm ở "ngay:"; hãy ghi đủ ngày hoặc bỏ "kieu_ngay: so".');
      }
    },
  },
  {
    // Every section has a title: an empty one prints a lone "I.".
    id: 'muc-trong',
    check: (p, report) => {
      if (!Array.isArray(p.noi_dung)) return;
      p.noi_dung.forEach((s, i) => {
        if (isMapping(s) && s.muc === undefined && s.phan === undefined && s.phan_lon === undefined) {
          report(['noi_dung', i], `mục không có tên (chỉ in ra được một dòng có số); thêm "muc: TÊN MỤC" (hoặc "phan: ..."), hoặc xóa mục này.${changeNote('muc-trong')}`);
        }
      });
    },
  },
  {
    // Parts A., B. (phan_lon) hold Roman sections (cac_muc) and are not mixed with them.
    id: 'phan-lon',
    check: (p, report) => {
      if (!Array.isArray(p.noi_dung)) return;
      const parts = p.noi_dung.filter((s) => isMapping(s) && s.phan_lon !== undefined).length;
      p.noi_dung.forEach((s, i) => {
        if (!isMapping(s)) return;
        if (s.phan_lon !== undefined && s.muc !== undefined) report(['noi_dung', i, 'muc'], 'một phần (phan_lon) không có "muc": các mục I., II. của phần ghi trong "cac_muc".');
        if (s.cac_muc !== undefined && s.phan_lon === undefined) report(['noi_dung', i, 'cac_muc'], '"cac_muc" chỉ dùng trong một phần lớn: thêm "phan_lon: TÊN PHẦN".');
        if (parts > 0 && s.phan_lon === undefined) report(['noi_dung', i], 'kế hoạch có phần A., B. (phan_lon): mọi mục ở cấp này phải là một phần; đưa mục này vào "cac_muc" của một phần.');
      });
    },
  },
  {
    // An appendix holds a table (cot and hang together), body-like content, or both.
    id: 'phu-luc',
    check: (p, report) => {
      if (!Array.isArray(p.phu_luc)) return;
      p.phu_luc.forEach((a, ai) => {
        if (!isMapping(a)) return;
        if ((a.cot === undefined) !== (a.hang === undefined)) report(['phu_luc', ai], `bảng của phụ lục cần cả "cot" (các cột) và "hang" (các hàng); thiếu "${a.cot === undefined ? 'cot' : 'hang'}".`);
        else if (a.cot === undefined && a.noi_dung === undefined) report(['phu_luc', ai], 'phụ lục trống: thêm một bảng ("cot" và "hang") hoặc nội dung ("noi_dung").');
      });
    },
  },
  {
    // A row is cells (o) or a group row (nhom), and a group row is never crossed by a cell merged from above.
    id: 'bang-nhom',
    check: (p, report) => {
      for (const { base, flat, grid } of tablesIn(p)) {
        flat.forEach(({ row, path }, r) => {
          const o = (row as { o?: unknown }).o;
          const nhom = (row as { nhom?: unknown }).nhom;
          if ((o === undefined) === (nhom === undefined)) report([...base, ...path], 'mỗi hàng có đúng một trong hai: "o" (các ô) hoặc "nhom" (hàng nhóm).');
          else if (nhom !== undefined && grid.problems.some((g) => g.row === r)) report([...base, ...path, 'nhom'], 'hàng nhóm (nhom) nằm giữa một ô gộp nhiều hàng ở trên; hãy giảm gop_hang của ô đó.');
        });
      }
    },
  },
  {
    // Signer: KT./TL./TUQ./Q. name the head whose place the signer takes.
    id: 'nguoi-ky',
    check: (p, report) => {
      const s = p.nguoi_ky;
      if (!isMapping(s)) return;
      if (isStr(s.quyen_han) && s.thu_truong === undefined) {
        report(['nguoi_ky'], `ký "${s.quyen_han}." phải ghi chức vụ người đứng đầu: thêm "thu_truong: GIÁM ĐỐC" để in "${s.quyen_han}. GIÁM ĐỐC".`);
      }
      if (s.quyen_han !== 'Q' && s.chuc_vu === undefined) {
        report(['nguoi_ky'], 'thiếu chức vụ người ký: thêm "chuc_vu: GIÁM ĐỐC" (hoặc PHÓ GIÁM ĐỐC khi ký thay).');
      }
      // (the words kehoach prints itself, typed again: "TM. TM. ỦY BAN NHÂN DÂN", "KT. KT. CHỦ TỊCH")
      const typed = isStr(s.thu_truong) ? /^(KT|TL|TUQ|Q)\.\s*(.+)$/u.exec(s.thu_truong) : null;
      if (s.quyen_han === undefined && s.thu_truong !== undefined) {
        report(
          ['nguoi_ky', 'thu_truong'],
          typed
            ? `"thu_truong" ghi cả quyền hạn ký; hãy tách thành "quyen_han: ${typed[1]}" và "thu_truong: ${typed[2]}".`
            : 'có "thu_truong" nhưng không có quyền hạn ký, nên dòng này không được in; thêm "quyen_han: KT" (ký thay) hoặc xóa "thu_truong".',
        );
      } else if (typed) report(['nguoi_ky', 'thu_truong'], `kehoach tự in "${s.quyen_han}." trước chức vụ người đứng đầu; hãy viết "thu_truong: ${typed[2]}".`);
      const tm = isStr(s.thay_mat) ? /^T\/?M\.\s*(.+)$/iu.exec(s.thay_mat) : null;
      if (tm) report(['nguoi_ky', 'thay_mat'], `kehoach tự in "TM." trước tên tập thể; hãy viết "thay_mat: ${tm[1]}".`);
    },
  },
  {
    // A plan's trích yếu stands under its name, without "V/v" (ND30: "V/v" opens a công văn's trích yếu only).
    id: 'trich-yeu-vv',
    check: (p, report) => {
      const first = Array.isArray(p.trich_yeu) ? p.trich_yeu[0] : p.trich_yeu;
      const m = isStr(first) ? /^\s*V\/[vV]\.?\s*(.*)$/u.exec(first) : null;
      if (m) report(['trich_yeu'], `trích yếu của kế hoạch không có "V/v" (Nghị định 30 chỉ dùng "V/v" cho công văn); hãy viết "trich_yeu: ${m[1].charAt(0).toLocaleUpperCase('vi') + m[1].slice(1)}".`);
    },
  },
  {
    // Recipients: no one twice.
    id: 'noi-nhan-trung',
    check: (p, report) => {
      if (!Array.isArray(p.noi_nhan)) return;
      const seen = new Map<string, number>();
      p.noi_nhan.forEach((r, i) => {
        const name = isStr(r) ? r.replace(/\s*\([^)]*\)\s*$/, '') : isMapping(r) && isStr(r.ten) ? r.ten : undefined;
        if (!name) return;
        const key = name.toLocaleLowerCase('vi').replace(/[;.]$/, '');
        if (seen.has(key)) report(['noi_nhan', i], `nơi nhận "${name}" đã có ở dòng thứ ${seen.get(key)! + 1}; hãy xóa dòng trùng.`);
        else seen.set(key, i);
      });
    },
  },
  {
    // Roles: each named part once.
    id: 'phan-trung',
    check: (p, report) => {
      const roles = new Set<string>();
      walk(p.noi_dung, ['noi_dung'], (v, at) => {
        if (!isMapping(v) || !isStr(v.phan) || !(ROLES as readonly string[]).includes(v.phan)) return;
        if (roles.has(v.phan)) report([...at(), 'phan'], `phần "${v.phan}" đã có ở chỗ khác trong kế hoạch; mỗi phần chỉ ghi một lần, các ý khác hãy để không có "phan".`);
        else roles.add(v.phan);
      });
    },
  },
  {
    // Reporting deadlines after the plan's own date, and not decades later.
    id: 'han-bao-cao',
    check: (p, report) => {
      const planDate = isStr(p.ngay) ? dateParts(p.ngay) : {};
      // a date that does not exist is its own error (at ngay): no deadline is measured against it
      if (!planDate.year || !isRealDate(p.ngay as string)) return;
      const planKey = planDate.year * 10000 + (planDate.month ?? 1) * 100 + (planDate.day ?? 1);
      walk(p.noi_dung, ['noi_dung'], (v, at) => {
        if (!isMapping(v) || !isMapping(v.bao_cao) || !Array.isArray(v.bao_cao.ky)) return;
        v.bao_cao.ky.forEach((k, i) => {
          if (!isMapping(k) || !isStr(k.han)) return;
          const h = dateParts(k.han);
          if (!h.year || !h.month || !h.day || !isRealDate(k.han)) return;
          const hanKey = h.year * 10000 + h.month * 100 + h.day;
          if (hanKey < planKey) {
            report([...at(), 'bao_cao', 'ky', i, 'han'], `hạn báo cáo ${k.han} sớm hơn ngày ban hành kế hoạch (${p.ngay}); hãy kiểm tra năm của hạn.`);
          } else if (h.year > planDate.year! + 10) {
            report([...at(), 'bao_cao', 'ky', i, 'han'], `hạn báo cáo ${k.han} cách ngày ban hành hơn 10 năm; hãy kiểm tra năm của hạn.`);
          }
        });
      });
    },
  },
  {
    // Inline markup that opens and never closes would slant the rest of the paragraph.
    id: 'dinh-dang-chu',
    check: (p, report) =>
      walk(p, [], (v, at) => {
        if (isStr(v) && unbalancedMarkup(v)) {
          report(at(), 'dấu * (in đậm/nghiêng) mở mà không đóng; viết **chữ đậm** hoặc *chữ nghiêng*, hoặc \\* để in dấu sao (trong dấu nháy kép "..." thì viết \\\\*, vì ở đó \\ mở đầu một ký tự thoát).');
        }
      }),
  },
  {
    // Citations cited in full: with a number they need a date and an issuer (ND30 first-citation form).
    id: 'can-cu',
    check: (p, report) =>
      eachCitation(p, (c, at) => {
        if (isStr(c.so_ky_hieu) && (c.ngay === undefined || c.co_quan === undefined)) {
          report(at, `văn bản ${c.so_ky_hieu} trích dẫn lần đầu phải đủ ngày ban hành và cơ quan ban hành (Nghị định 30); thêm "ngay:" và "co_quan:".`);
        }
      }),
  },
  {
    // A cited document's số/ký hiệu in the ND30 form: "số" is printed by the template, not written.
    id: 'so-ky-hieu',
    check: (p, report) =>
      eachCitation(p, (c, at) => {
        if (!isStr(c.so_ky_hieu) || isDocNumber(c.so_ky_hieu.trim())) return;
        const given = c.so_ky_hieu.trim();
        // what the clerk most likely meant: "số" left in, spaces around "/" and "-", a "-" for the first "/"
        let meant = given.replace(/^số\s*:?\s*/iu, '').replace(/\s*([/-])\s*/gu, '$1');
        if (!isDocNumber(meant) && /^\d+[a-zđ]?-[^/]+$/u.test(meant)) meant = meant.replace('-', '/');
        const advice = isDocNumber(meant) ? `hãy viết "${meant}"${/^số/iu.test(given) ? ' (chữ "số" được in tự động)' : ''}` : 'hãy ghi đúng số, ký hiệu như trên văn bản';
        report([...at, 'so_ky_hieu'], `số, ký hiệu "${given}" không đúng dạng của Nghị định 30 (số/ký hiệu, ví dụ 13/KH-SYT, 30/2020/NĐ-CP, 12-NQ/TU); ${advice}.`);
      }),
  },
  // Tables: each row fills the columns exactly; spans stay inside the table and apart.
  gridRule('bang-o', (g, { a, width }, at) => {
    if (g.kind === 'short') return [at, `hàng có ${g.filled} trên ${width} ô (tính cả ô gộp từ hàng trên); hãy thêm ô còn thiếu ("" cho ô trống).`];
    if (g.kind !== 'overflow') return undefined;
    if (g.colSpan > 1 && g.col < width) return [[...at, g.cell, 'gop_cot'], `ô gộp ${g.colSpan} cột (gop_cot) vượt ra ngoài bảng ${width} cột${exceptStt(a)}; hãy giảm gop_cot.`];
    const above = g.carried ? ', tính cả ô gộp hàng (gop_hang) từ hàng trên' : '';
    return [[...at, g.cell], `hàng có nhiều ô hơn số cột (${width}${exceptStt(a)}${above}); hãy xóa ô thừa hoặc thêm cột.`];
  }),
  gridRule('bang-gop-cot', (g, { a }, at) =>
    g.kind === 'overlap'
      ? [[...at, g.cell, 'gop_cot'], `ô gộp ${g.colSpan} cột (gop_cot) chồng lên ô gộp hàng từ hàng trên ở cột thứ ${g.col + 1}${exceptStt(a)}; hãy giảm gop_cot, hoặc giảm gop_hang của ô phía trên.`]
      : undefined,
  ),
  gridRule('bang-gop-hang', (g, _, at) =>
    g.kind === 'rowspan' ? [[...at, g.cell, 'gop_hang'], `ô gộp ${g.rowSpan} hàng nhưng bảng chỉ còn ${g.left} hàng tính từ hàng này; hãy giảm gop_hang.`] : undefined,
  ),
  {
    // Rows of a table, sub-rows included: a plan's appendix, not a database.
    id: 'bang-qua-dai',
    check: (p, report) => {
      for (const { a, base, flat } of tablesIn(p)) {
        // more rows than that at the top level are the schema's to report
        if (flat.length > LIMITS.rows && (a.hang as unknown[]).length <= LIMITS.rows) report(base, `bảng có ${flat.length} hàng (kể cả hàng con), nhiều nhất ${LIMITS.rows}; hãy tách thành nhiều phụ lục hoặc kiểm tra tệp có bị lặp nội dung.`);
      }
    },
  },
];
