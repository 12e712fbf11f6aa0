// derive: a unit's plan from its department's plan. A pure function (no files, no clock), like
// changesets' assembleReleasePlan: department plan + unit profile + options → unit plan (input form,
// ready to be written as YAML) with a note of where each derived part came from.
import { ROLE_TITLES, type InputBlock, type InputPlan, type InputReport, type Role } from '../plan/schema.js';
import type { Plan } from '../plan/normalize.js';
import { isNumbered, letter, roman } from '../plan/normalize.js';
import { NOTE_PARAGRAPH, plainText, unbalancedMarkup } from '../text/inline.js';
import { isUpper } from '../text/normalize-text.js';
import { rewriteDate, twoDigits, writtenDates } from '../text/dates.js';
import { isMapping } from '../read/source.js';
import { workingDaysBefore, type Calendar } from '../text/calendar.js';
import { chuQuanOf, issuerLines, type UnitProfile } from '../plan/profile.js';
import { isBodyName } from '../text/bodies.js';
import { addressesKind, addressesUnits, doerAtHead, governmentsOnly, scopeOfName, withoutDoers } from './addressees.js';
import { fromCapitals, hasName, hasPhrase, lowerFirst, replacePhrase, sameName, withoutPlace } from './text.js';
import { parentSo } from './provenance.js';
import { sentenceCount, voiceOf, withoutAppendixRefs, type VoiceContext } from './voice.js';

export interface DeriveOptions {
  /** The unit plan's date (YYYY-MM-DD); when absent, the department plan's month with the day blank. */
  date?: string;
  /** The working-day calendar (built once per run, with the profile's own days off). */
  calendar: Calendar;
  /** Wording from the templates (mo-dau-trien-khai, ket-thuc-trien-khai, bao-cao-don-vi). */
  wording: {
    opening: (ctx: { don_vi: string; trich_yeu: string }) => string;
    closing: (ctx: { don_vi: string; don_vi_ngan: string; cap_tren_ke_hoach: string; bo_phan: string; dau_moi: string }) => string;
    report: (ctx: { cap_tren: string }) => string;
    /** A standard duty by role (to-chuc-trien-khai). */
    duty: (ctx: { vai: 'dau_moi' | 'chung' | 'truc_thuoc' | 'de_nghi'; don_vi_ngan: string; dau_moi: string; cap_tren: string; bo_phan: string; co_han?: boolean }) => string;
  };
}

export interface Problem {
  in: 'ke-hoach' | 'ho-so';
  path: (string | number)[];
  rule: string;
  message: string;
}

export interface Derived {
  plan: InputPlan;
  /** Data path in the derived plan → where it came from ("từ mục II.2, Kế hoạch 13/KH-SYT"). */
  notes: { path: (string | number)[]; note: string }[];
  /** What the clerk should check (a deadline kept as the parent's). */
  warnings: Problem[];
}

type Block = InputBlock;

/** What a deadline's "ngày" follows in a sentence: "trước ngày", "(ngày", "chậm nhất là ngày", "hạn chót ngày". */
const DEADLINE_CUE = /(?:trước|chậm nhất(?:\s+(?:là|vào))?|hạn(?:\s+chót)?(?:\s+là)?|\()\s*ngày\s+$/iu;

/** The period a report's deadline in brackets is for: "báo cáo 6 tháng (ngày ", "báo cáo năm (trước ngày ". */
const PERIOD_BEFORE_DATE = /báo cáo\s+((?:[\p{L}\p{N}]+\s+){0,3}[\p{L}\p{N}]+)\s*\([^()]*$/iu;

export function derive(parent: InputPlan, deptPlan: Plan, unit: UnitProfile, opts: DeriveOptions): Derived | { problems: Problem[] } {
  const dept = withTaskPart(parent);
  const problems: Problem[] = [];
  if (!namesOf(deptPlan).some((n) => sameName(unit.cap_tren, n))) {
    problems.push({
      in: 'ho-so',
      path: ['cap_tren'],
      rule: 'cap-tren',
      message: `hồ sơ ghi cơ quan cấp trên "${unit.cap_tren}", nhưng kế hoạch do "${deptPlan.ten_co_quan}" ban hành; hãy kiểm tra đúng kế hoạch, hoặc sửa cap_tren (hoặc ten_co_quan của kế hoạch).`,
    });
  }
  if (deptPlan.so === null || !deptPlan.ngay || deptPlan.ngay.length < 10) {
    problems.push({
      in: 'ke-hoach',
      path: deptPlan.so === null ? [] : ['ngay'],
      rule: 'chua-co-so',
      message: 'kế hoạch cấp trên chưa có số hoặc ngày ban hành đầy đủ, nên không trích dẫn được; hãy điền "so:" và "ngay:" theo bản đã ký.',
    });
  }
  // this unit by name: its full name in a heading, or exactly its name without place, short name or abbreviation
  const ours = (name: string) => hasPhrase(name, unit.ten) || [withoutPlace(unit.ten), unit.ten_ngan ?? unit.ten, unit.viet_tat].some((n) => sameName(name, n));
  const { mine: unitTasks, others: otherKinds } = tasksFor(dept.noi_dung, unit.ten, ours);
  // the khoản taken as this unit's tasks, and those the parent gives units of another kind: neither stays as content
  const taken = new Set(unitTasks.map((u) => u.from));
  const givenElsewhere = new Map(otherKinds.map((u) => [u.from, u]));
  if (unitTasks.length === 0 && otherKinds.length > 0) {
    problems.push({
      in: 'ke-hoach',
      path: ['noi_dung'],
      rule: 'khong-co-nhiem-vu',
      message: `kế hoạch cấp trên giao nhiệm vụ cho ${[...new Set(otherKinds.map((u) => `"${clip(u.to)}"`))].join(', ')}, không giao nhiệm vụ nào cho ${unit.ten} (không có đề mục mang tên đơn vị, cũng không giao cho loại đơn vị này); không có gì để triển khai.`,
    });
  } else if (unitTasks.length === 0) {
    problems.push({
      in: 'ke-hoach',
      path: ['noi_dung'],
      rule: 'khong-co-nhiem-vu',
      message:
        'kế hoạch cấp trên không giao nhiệm vụ nào cho đơn vị trực thuộc: không có khoản "don_vi" cho các đơn vị trực thuộc ("cap: truc_thuoc", hoặc tên như "Các đơn vị trực thuộc", "UBND các huyện"), cũng không có khoản nào của phần Tổ chức thực hiện mở đầu bằng các đơn vị ấy, hay giao việc cho chính đơn vị bằng tên (tên đơn vị làm đề mục, hoặc "<tên đơn vị> có trách nhiệm …", "<tên đơn vị> chủ trì …"); không có gì để triển khai.',
    });
  }
  if (problems.length) return { problems };
  // the parent named as the profile names it: the same agency (checked above), written as sentences write
  // it even when the parent gives only its header ("SỞ Y TẾ", as an imported plan does)
  deptPlan = { ...deptPlan, ten_co_quan: unit.cap_tren };

  const soKyHieu = parentSo(deptPlan);
  // a plan issued by a decision has no number of its own: it is the decision's
  const cite = deptPlan.quyet_dinh ? `Kế hoạch kèm Quyết định ${soKyHieu}` : `${deptPlan.ten_loai} ${soKyHieu}`;
  const parentPlan = deptPlan.quyet_dinh
    ? `Kế hoạch của ${deptPlan.ten_co_quan} ban hành kèm theo Quyết định số ${soKyHieu}`
    : `${deptPlan.ten_loai} số ${soKyHieu} của ${deptPlan.ten_co_quan}`;
  // A substitution that leaves a * open (thanh: "**cải") would make the derived plan invalid: it is the
  // profile's mistake, reported at the substitution, once.
  const broken = new Set<number>();
  // The appendix rows that concern units; without any, references to an appendix are removed.
  const appendixKeys = (unit.tu_khoa_phu_luc ?? ['đơn vị']).map((k) => k.toLocaleLowerCase('vi'));
  const appendixRows = (dept.phu_luc ?? []).map((a) => (a.hang ?? []).filter((r) => appendixKeys.some((k) => plainText(JSON.stringify(r)).toLocaleLowerCase('vi').includes(k))));
  const hasAppendix = appendixRows.some((rows) => rows.length > 0);
  // Substitutions apply to whole phrases, never inside a word.
  const subst = (s: string) => {
    // the units addressed by name are this unit: the sentence is its own task
    const out = (unit.thay_the ?? []).reduce((acc, r, i) => {
      const next = replacePhrase(acc, r.tu, r.thanh);
      if (next !== acc && unbalancedMarkup(next) && !unbalancedMarkup(acc)) broken.add(i);
      return next;
    }, withoutDoers(s) ?? s);
    return hasAppendix ? out : withoutAppendixRefs(out);
  };
  const notes: Derived['notes'] = [];
  const admin = unit.bo_phan.find((b) => b.hanh_chinh)!;
  // The focal department for this plan (follow up, urge, compile, report); the filing office stays `admin`.
  const focal = unit.bo_phan.find((b) => b.viet_tat === unit.dau_moi) ?? admin;
  // "all departments together": marked chung, or else an entry named as a group ("Các khoa, phòng")
  const together = unit.bo_phan.find((b) => b.chung) ?? unit.bo_phan.find((b) => b !== focal && /^Các\s/u.test(b.ten));
  const short = unit.ten_ngan ?? unit.ten;
  const allDepts = together ? lowerFirst(together.ten) : 'các bộ phận';
  const dropped: string[] = [];
  const margin = unit.bao_cao_truoc ?? 5;

  // The unit's responsibilities: each task the department gave its units is led by the first department
  // whose keywords it mentions, with the others mentioned as partners, else by the focal department; a
  // task the parent addressed to someone else is dropped (and said so); reports move earlier.
  const byDept = new Map<string, Block[]>();
  const reports: InputReport[] = [];
  // A deadline moved earlier stays on or after the unit plan's date (the parent's when --date is not given).
  const floor = opts.date ?? deptPlan.ngay!;
  const warnings: Problem[] = [];
  // The same assumed holiday warns once, at the first deadline that steps over it.
  const calendarWarned = new Set<string>();
  type At = { in: 'ke-hoach'; path: (string | number)[] };
  /** A parent's deadline `margin` working days earlier; undefined (and said) when that is before the unit plan's date. */
  const earlier = (han: string, at: At): string | undefined => {
    const { date: moved, warnings: assumed } = workingDaysBefore(han, margin, opts.calendar);
    for (const w of assumed) {
      if (calendarWarned.has(w)) continue;
      calendarWarned.add(w);
      warnings.push({ ...at, rule: 'lich-tam-tinh', message: `hạn báo cáo ${han}: ${w}` });
    }
    if (moved >= floor) return moved;
    if (han >= floor) warnings.push({ ...at, rule: 'han-giu-nguyen', message: `hạn báo cáo ${han} đưa sớm ${margin} ngày làm việc thì rơi vào ${moved}, trước ngày của kế hoạch đơn vị (${floor}); giữ hạn của cấp trên, hãy xem lại.` });
    return undefined;
  };
  // A deadline the parent writes in a sentence ("… gửi báo cáo 6 tháng (ngày 20/6) …", as a plan restored or
  // imported writes it) moves as a bao_cao's does, written as it was; each change is said in the note.
  const year = Number(deptPlan.ngay!.slice(0, 4));
  const movedInText: string[] = [];
  // the dates written anew, as they now read: a deadline in a sentence that derive moved is the unit's own
  const movedTo: string[] = [];
  // the periods such a sentence names ("báo cáo 6 tháng (ngày 20/6), báo cáo năm (ngày 20/12)"): the units below
  // report by them too, as they do by a bao_cao's
  const periodsInText: InputReport['ky'] = [];
  const earlierInText = (text: string, at: At): string =>
    text
      .split(/(?<=[.;])(?=\s)/u)
      .map((sentence) => {
        if (!/báo cáo/iu.test(sentence)) return sentence;
        let out = '';
        let last = 0;
        for (const w of writtenDates(sentence, year)) {
          // a deadline, not the date of a document cited: "trước ngày", "(ngày", "chậm nhất ngày", "hạn ngày"
          if (!DEADLINE_CUE.test(sentence.slice(0, w.index))) continue;
          const on = (y: number) => `${y}-${twoDigits(w.month)}-${twoDigits(w.day)}`;
          // a day written without its year is the next one on or after the parent's date
          const han = w.year !== undefined ? on(w.year) : on(year) >= deptPlan.ngay! ? on(year) : on(year + 1);
          const moved = earlier(han, at);
          const said = sentence.slice(w.index, w.index + w.length);
          if (!moved) {
            if (han < floor) warnings.push({ ...at, rule: 'han-da-qua', message: `hạn "${said}" trong câu của kế hoạch cấp trên đã qua ngày của kế hoạch đơn vị (${floor}); kế hoạch đơn vị giữ nguyên câu ấy: hãy sửa hoặc bỏ hạn này.` });
            continue;
          }
          const now = rewriteDate(w, moved, year);
          const period = PERIOD_BEFORE_DATE.exec(sentence.slice(0, w.index))?.[1];
          // (the unit's own deadline, which the units below are given the margin before)
          if (period && !periodsInText.some((k) => k.han === moved)) periodsInText.push({ ten: period, han: moved, moc: 'trước ngày' });
          movedInText.push(`${said} → ${now}`);
          movedTo.push(now);
          out += sentence.slice(last, w.index) + now;
          last = w.index + w.length;
        }
        return out + sentence.slice(last);
      })
      .join('');
  // a footnote import moved into the text ("² Chỉ thị số …") goes with the task that refers to it, as it is
  let lastLead: string | undefined;
  for (const { task, path } of unitTasks.flatMap((u) => u.tasks.map((task, i) => ({ task, path: [...u.path, i] })))) {
    if (typeof task === 'string' && NOTE_PARAGRAPH.test(task) && lastLead) {
      byDept.get(lastLead)!.push(task);
      continue;
    }
    if (isMapping(task) && 'bao_cao' in task) {
      const r = task.bao_cao as InputReport;
      const ky = r.ky.map((k, i) => {
        const at = { in: 'ke-hoach' as const, path: [...path, 'bao_cao', 'ky', i, 'han'] };
        const moved = earlier(k.han, at);
        // the unit's sentence already says "báo cáo … kết quả thực hiện": a period named "báo cáo 6 tháng" is "6 tháng"
        const ten = k.ten.replace(/^báo cáo\s+/iu, '');
        if (moved) return { ten, han: moved, moc: 'trước ngày' };
        if (k.han < floor) {
          problems.push({ ...at, rule: 'han-da-qua', message: `hạn báo cáo ${k.han} của kế hoạch cấp trên đã qua ngày của kế hoạch đơn vị (${floor}): đơn vị không còn hạn nào để báo cáo kỳ "${k.ten}"; hãy chọn --date sớm hơn, hoặc soạn rồi bỏ kỳ này khỏi kế hoạch đơn vị.` });
        }
        return { ten, han: k.han, moc: 'trước ngày' };
      });
      reports.push({
        truoc: opts.wording.report({ cap_tren: deptPlan.ten_co_quan }),
        ky,
        sau: '.',
        gui: deptPlan.ten_co_quan,
        nghieng: r.nghieng,
      });
      continue;
    }
    const plain = plainText(allText(task));
    const elsewhere = addressedElsewhere(plain, unit.ten, [short, unit.viet_tat]);
    if (elsewhere) {
      dropped.push(`"${clip(plain)}" (cấp trên giao cho ${elsewhere})`);
      continue;
    }
    // a task the parent gives the units in general to do with this unit ("… phối hợp với Sở Y tế …") is the others';
    // a short name followed by more of a name is another body ("phối hợp với Sở Du lịch" is not "với Sở")
    const partner = [short, unit.ten].find((n) => hasName(plain, `phối hợp với ${n}`));
    if (partner) {
      dropped.push(`"${clip(plain)}" (cấp trên giao cho nơi khác phối hợp với ${partner})`);
      continue;
    }
    // the department whose keywords the task names most leads it ("kiện toàn tổ chức bộ máy, nhân lực làm công tác
    // dân số": the staff's department, not the one every task of the plan names); on a tie, the profile's order
    const hits = (b: (typeof unit.bo_phan)[number]) => (b.tu_khoa ?? []).filter((k) => hasPhrase(plain, k)).length;
    const matched = unit.bo_phan.filter((b) => b !== together && hits(b) > 0).sort((a, b) => hits(b) - hits(a));
    const lead = matched[0] ?? focal;
    const partners = matched.slice(1).filter((b) => b !== lead);
    const own = asGach(mapTexts(task, (t) => earlierInText(subst(t), { in: 'ke-hoach', path })));
    byDept.set(lead.ten, [...(byDept.get(lead.ten) ?? []), partners.length ? withPartners(own, partners.map((b) => b.ten)) : own]);
    lastLead = lead.ten;
  }
  if (problems.length) return { problems };
  // Blocks kehoach writes in the unit's own words: never flagged as the department's voice.
  const generated = new Set<unknown>();
  const mark = <T>(b: T): T => (generated.add(b), b);
  const duty = (vai: 'dau_moi' | 'chung' | 'truc_thuoc' | 'de_nghi', co_han = false) =>
    mark({ gach: opts.wording.duty({ vai, don_vi_ngan: short, dau_moi: focal.ten, cap_tren: deptPlan.ten_co_quan, bo_phan: allDepts, co_han }) } as Block);
  // The units below report to the unit by a deadline of their own, the margin again before the unit's: the
  // unit's duty says "báo cáo … về Trung tâm (qua …)" with each period's date, as its own report does.
  // (a period whose deadline would fall before the unit plan's date gets none: the unit's own stands)
  const textReport = periodsInText.length ? [{ ky: periodsInText } as InputReport] : [];
  const belowReports: InputReport[] = (reports.length ? reports : textReport).flatMap((r) => {
    const ky = r.ky.flatMap((k) => {
      const moved = workingDaysBefore(k.han, margin, opts.calendar).date;
      return moved >= floor ? [{ ten: k.ten, han: moved, moc: 'trước ngày' }] : [];
    });
    return ky.length ? [{ truoc: opts.wording.report({ cap_tren: `${short} (qua ${focal.ten})` }), ky, sau: '.', gui: short }] : [];
  });
  const below = () => [duty('truc_thuoc', belowReports.length > 0), ...belowReports.map((r) => mark({ bao_cao: r, gach: true } as Block))];
  // Every heading has content: the focal department and the departments together always have their
  // standard duty; another department appears only with a task.
  const responsibilities: Block[] = [
    {
      don_vi: focal.ten,
      ma: focal.viet_tat,
      cap: 'co_quan',
      noi_dung: [...(byDept.get(focal.ten) ?? []), duty('dau_moi'), ...reports.map((r) => mark({ bao_cao: r, gach: true } as Block))],
    },
    ...unit.bo_phan
      .filter((b) => b !== focal && b !== together && byDept.has(b.ten))
      .map((b) => ({ don_vi: b.ten, ma: b.viet_tat, cap: 'co_quan' as const, noi_dung: byDept.get(b.ten)! })),
    {
      don_vi: together?.ten ?? 'Các bộ phận',
      ...(together ? { ma: together.viet_tat } : {}),
      cap: 'co_quan',
      noi_dung: [duty('chung'), ...(together ? byDept.get(together.ten) ?? [] : [])],
    },
    ...(unit.truc_thuoc ?? []).map((t) => ({ don_vi: t.ten, cap: 'truc_thuoc' as const, noi_dung: below() })),
    ...(unit.de_nghi ?? []).map((t) => ({ don_vi: `Đề nghị ${t}`, cap: 'phoi_hop' as const, noi_dung: [duty('de_nghi')] })),
  ];
  const taskSources = unitTasks.map((u) => u.where).join(', ');
  const droppedNote = () =>
    (movedInText.length ? `\nhạn báo cáo trong câu của cấp trên, đưa sớm ${margin} ngày làm việc: ${movedInText.join(', ')}` : '') +
    (dropped.length ? `\nđã bỏ nhiệm vụ cấp trên giao cho nơi khác: ${dropped.join('; ')}` : '');

  // Sections: everything is kept (with the unit's wording) except the responsibilities, which become
  // the unit's own. A section that holds the responsibilities as one of its khoản keeps the others. A part
  // (A., B.) of sections is walked as the plan is; a part of khoản is one more section.
  const deriveSections = (list: InputPlan['noi_dung'], at: (string | number)[], label: (i: number) => string): InputPlan['noi_dung'] => {
    const sections: InputPlan['noi_dung'] = [];
    list.forEach((s, si) => {
      const numeral = label(si);
      const here = [...at, sections.length];
      const noted = notes.length;
      // the title first, as a clerk writes it
      const name = s.phan_lon !== undefined ? { phan_lon: subst(s.phan_lon) } : s.muc !== undefined ? { muc: subst(s.muc) } : {};
      if (s.cac_muc) {
        const inner = deriveSections(s.cac_muc, [...here, 'cac_muc'], (i) => `${numeral}.${roman(i + 1)}`);
        if (inner.length) sections.push({ ...name, ...mapTexts({ ...s, cac_muc: undefined }, subst), cac_muc: inner });
        return;
      }
      if (s.phan === 'to_chuc_thuc_hien') {
        // the parent's own Tổ chức thực hiện gives way to the unit's: what it gave others is named, as elsewhere
        let j = 0;
        for (const b of s.noi_dung ?? []) {
          if (!isNumbered(b)) continue;
          j++;
          // (as in the other sections: a unit of another kind, another body; a heading that is no body's name,
          // "Chế độ báo cáo", names no one)
          const doer = doerOf(b)?.name;
          const to = givenElsewhere.get(b)?.to ?? otherBody(b, ours) ?? (doer && !ours(doer) ? doer : undefined);
          if (!taken.has(b) && to) dropped.push(`"${clip(plainText(`${to}: ${allText((b as { noi_dung?: unknown }).noi_dung ?? b)}`))}" (mục ${numeral}.${j}, cấp trên giao cho ${to})`);
        }
        sections.push({ ...name, phan: 'to_chuc_thuc_hien', noi_dung: responsibilities });
        notes.push({ path: here, note: `nhiệm vụ của đơn vị, từ ${taskSources}, ${cite}; bộ phận theo hồ sơ đơn vị${droppedNote()}` });
        return;
      }
      let k = 0;
      const children: Block[] = [];
      for (const b of s.noi_dung ?? []) {
        const isKhoan = isNumbered(b);
        if (isKhoan) k++;
        const bi = children.length;
        if (isMapping(b) && (b as { phan?: Role }).phan === 'to_chuc_thuc_hien') {
          notes.push({ path: [...here, 'noi_dung', bi], note: `nhiệm vụ của đơn vị, từ ${taskSources}, ${cite}${droppedNote()}` });
          children.push({ ...(b as object), noi_dung: responsibilities } as Block);
          continue;
        }
        // a khoản the parent heads with another body ("Công an tỉnh", "Sở Tài chính: Phối hợp …") is that body's
        // a khoản headed by this unit's name is among its tasks (Tổ chức thực hiện): not kept here too
        if (isKhoan && (taken.has(b) || ours(headingOf(b) ?? '') || ours(doerOf(b)?.name ?? ''))) continue;
        const elsewhere = isKhoan ? givenElsewhere.get(b) : undefined;
        if (elsewhere) {
          dropped.push(`"${clip(plainText(`${elsewhere.to}: ${allText(elsewhere.tasks)}`))}" (mục ${numeral}.${k}, cấp trên giao cho ${elsewhere.to})`);
          continue;
        }
        const other = isKhoan ? otherBody(b, ours) : undefined;
        if (other) {
          // a heading over its tasks reads "Công an tỉnh: Tham mưu …", not "Công an tỉnh Tham mưu …"
          const { khoan, don_vi, noi_dung: under } = b as { khoan?: string; don_vi?: string; noi_dung?: unknown };
          const title = khoan ?? don_vi ?? '';
          const said = under && !/[.;:]/u.test(title) ? `${title}: ${allText(under)}` : allText(b);
          dropped.push(`"${clip(plainText(said))}" (mục ${numeral}.${k}, cấp trên giao cho ${other})`);
          continue;
        }
        const local = mapTexts(b, subst);
        if (isEmpty(local)) continue; // "(Có Phụ lục … kèm theo)" and nothing else
        if (isKhoan) notes.push({ path: [...here, 'noi_dung', bi], note: `từ mục ${numeral}.${k}, ${cite}` });
        children.push(local);
      }
      // a section of only other bodies' tasks ("PHÂN CÔNG NHIỆM VỤ": Công an tỉnh, Sở Nội vụ …) goes with them
      if (!children.length && s.noi_dung?.length) {
        notes.splice(noted, Infinity);
        return;
      }
      sections.push({ ...name, ...mapTexts(s, subst), noi_dung: children });
      notes.push({ path: here, note: `từ mục ${numeral}, ${cite}` });
    });
    return sections;
  };
  const sections = deriveSections(dept.noi_dung, ['noi_dung'], (i) => numberOf(dept.noi_dung, i));
  // a parent with no Tổ chức thực hiện of its own (deriveSections puts the responsibilities in each it has): the
  // unit's plan still gets one, last
  if (!hasTaskPart(dept.noi_dung)) {
    notes.push({ path: ['noi_dung', sections.length], note: `nhiệm vụ của đơn vị, từ ${taskSources}, ${cite}; kế hoạch cấp trên không có mục Tổ chức thực hiện, mục này do kehoach thêm${droppedNote()}` });
    sections.push({ muc: 'TỔ CHỨC THỰC HIỆN', phan: 'to_chuc_thuc_hien', noi_dung: responsibilities });
  }

  const appendices = (dept.phu_luc ?? []).flatMap((a, ai) => {
    const hang = appendixRows[ai];
    if (hang.length === 0) return [];
    notes.push({ path: ['phu_luc', ai], note: `các hàng liên quan đến đơn vị, từ phụ lục ${ai + 1}, ${cite}` });
    // the parent's own reference line ("Kèm theo Kế hoạch số … của Bộ …") is the parent's: the unit's is generated
    const { tham_chieu: _parents, ...rest } = a;
    return [{ ...rest, tieu_de: subst(a.tieu_de), hang: hang.map((r) => mapTexts(r as unknown as Block, subst) as unknown as typeof r) }];
  });

  // ND30 writes a trích yếu in normal case; a parent's in capitals is lowered for the unit's, and said so
  const given = subst(deptPlan.trich_yeu);
  const ownSubject = isUpper(deptPlan.trich_yeu) ? fromCapitals(given, [deptPlan.dia_danh, deptPlan.ten_co_quan, unit.ten, unit.dia_danh, unit.cap_tren]) : given;
  // the parent's area, named ("trên địa bàn huyện Tam Nông"), stays: a name after it keeps thay_the's phrase from
  // replacing it; the unit's plan is most often for its own area
  if (deptPlan.dia_danh && !sameName(deptPlan.dia_danh, unit.dia_danh) && hasPhrase(ownSubject, deptPlan.dia_danh))
    notes.push({ path: ['trich_yeu'], note: `CẦN SỬA: trích yếu còn nêu địa bàn của cấp trên ("${deptPlan.dia_danh}"); hãy ghi địa bàn của đơn vị (${unit.dia_danh}) nếu kế hoạch là của riêng đơn vị.` });
  if (ownSubject !== given)
    notes.push({ path: ['trich_yeu'], note: 'CẦN SỬA: trích yếu của kế hoạch cấp trên viết in hoa, đã chuyển sang chữ thường như Nghị định 30 quy định; hãy viết hoa lại tên riêng (tên cơ quan, văn bản).' });
  const chuQuan = chuQuanOf(unit);
  const plan: InputPlan = {
    ...(chuQuan !== undefined ? { co_quan_chu_quan: chuQuan } : {}),
    co_quan_ban_hanh: issuerLines(unit),
    ten_co_quan: unit.ten,
    viet_tat: unit.viet_tat,
    dia_danh: unit.dia_danh,
    ngay: opts.date ?? deptPlan.ngay!.slice(0, 7),
    trich_yeu: ownSubject,
    can_cu: [{ mo_dau: 'Thực hiện', van_ban: [parentCitation(deptPlan, soKyHieu, notes)] }],
    mo_dau: [opts.wording.opening({ don_vi: unit.ten, trich_yeu: ownSubject })],
    noi_dung: sections,
    ket_thuc: [opts.wording.closing({ don_vi: unit.ten, don_vi_ngan: short, cap_tren_ke_hoach: parentPlan, bo_phan: allDepts, dau_moi: focal.ten })],
    noi_nhan: [
      { ten: deptPlan.ten_co_quan, muc_dich: 'báo cáo' },
      ...(unit.lanh_dao ?? []),
      ...unit.bo_phan.map((b) => b.noi_nhan ?? b.ten),
      ...(unit.truc_thuoc ?? []).map((b) => b.noi_nhan ?? b.ten),
      ...(unit.de_nghi ?? []).map((b) => ({ ten: b, muc_dich: 'phối hợp' })),
      ...(unit.noi_nhan ?? []),
    ],
    luu: ['VT', admin.viet_tat],
    nguoi_ky: unit.nguoi_ky,
    ...(appendices.length ? { phu_luc: appendices } : {}),
  };
  if (broken.size) {
    return {
      problems: [...broken].map((i) => ({
        in: 'ho-so' as const,
        path: ['thay_the', i, 'thanh'],
        rule: 'thay-the-dinh-dang',
        message: `thay "${unit.thay_the![i].tu}" bằng "${unit.thay_the![i].thanh}" để lại dấu * (in đậm/nghiêng) mở mà không đóng trong kế hoạch soạn ra; hãy viết **chữ đậm** hoặc *chữ nghiêng* cho đủ cặp, hoặc \\* để in dấu sao.`,
      })),
    };
  }
  // the unit itself, its departments and its units below, as a sentence may name them at its head
  const unitNames = [unit.ten, withoutPlace(unit.ten), short, unit.viet_tat, ...unit.bo_phan.flatMap((b) => [b.ten, b.viet_tat]), ...(unit.truc_thuoc ?? []).map((b) => b.ten)];
  const isUnit = (name: string) => unitNames.some((n) => sameName(name, n) || hasPhrase(name, n));
  notes.push(...voiceFlags(plan, { parent: deptPlan.ten_co_quan, hasAppendix, own: (unit.thay_the ?? []).map((r) => r.thanh), isUnit, moved: movedTo }, generated));
  return { plan, notes, warnings };
}

/**
 * The parent as the unit's plan cites it: the plan ("Kế hoạch số … của Sở Y tế về …"), or, for a plan issued
 * by a decision, the decision that issued it ("Quyết định số 254/QĐ-UBND … của Chủ tịch Ủy ban nhân dân tỉnh
 * ban hành Kế hoạch …"): the number is the decision's, the plan has none of its own.
 */
function parentCitation(p: Plan, so: string, notes: Derived['notes']): { loai: string; so_ky_hieu: string; ngay: string; co_quan: string; trich_yeu: string; lien_tu?: string } {
  const d = p.quyet_dinh;
  let subject = d ? d.trich_yeu : p.trich_yeu;
  if (isUpper(subject)) {
    // a trích yếu in capitals has lost the case of its names: lowered, and said so
    subject = fromCapitals(subject, [p.dia_danh, p.ten_co_quan]).replace(/\bkế hoạch\b/u, 'Kế hoạch');
    notes.push({ path: ['can_cu', 0, 'van_ban', 0, 'trich_yeu'], note: `CẦN SỬA: trích yếu của ${d ? 'quyết định' : 'kế hoạch'} cấp trên viết in hoa, đã chuyển sang chữ thường; hãy viết hoa lại tên riêng (tên cơ quan, văn bản).` });
  }
  // "… của Sở Y tế về tuyên truyền …": the template joins with "về"; no capital after it, no "về" twice
  if (!d) return { loai: p.ten_loai, so_ky_hieu: so, ngay: p.ngay!, co_quan: p.ten_co_quan, trich_yeu: lowerFirst(subject.replace(/^về\s+/iu, '')) };
  // "Chủ tịch Ủy ban nhân dân tỉnh" is the province's own word for itself; a unit's plan names the province
  const authority = /\s(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường)$/u.test(d.tham_quyen) && p.dia_danh && !/^(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường)\s/iu.test(p.dia_danh) ? `${d.tham_quyen} ${p.dia_danh}` : d.tham_quyen;
  return { loai: 'Quyết định', so_ky_hieu: so, ngay: p.ngay!, co_quan: authority, lien_tu: '', trich_yeu: lowerFirst(subject) };
}

/**
 * `CẦN SỬA` notes on the blocks still in the department's voice, rarest first when there are more
 * than one per five sentences of the plan (a flag on every line would be read as none).
 */
function voiceFlags(plan: InputPlan, ctx: Omit<VoiceContext, 'role'>, generated: Set<unknown>): Derived['notes'] {
  const found: { path: (string | number)[]; why: string; rank: number; order: number }[] = [];
  let sentences = [...plan.mo_dau ?? [], ...plan.ket_thuc ?? []].reduce((n, t) => n + sentenceCount(String(t)), 0);
  const walk = (b: unknown, path: (string | number)[], role: string | undefined) => {
    if (generated.has(b)) return;
    const own = ownText(b);
    sentences += sentenceCount(own);
    const here = isMapping(b) && typeof b.phan === 'string' ? b.phan : role;
    const v = own ? voiceOf(plainText(own), { ...ctx, role: here }) : undefined;
    if (v) found.push({ path, why: v.why, rank: v.rule.rank, order: found.length });
    const children = isMapping(b) ? b.noi_dung : undefined;
    if (Array.isArray(children)) children.forEach((c, i) => walk(c, [...path, 'noi_dung', i], here));
  };
  plan.noi_dung.forEach((s, i) => walk(s, ['noi_dung', i], undefined));
  const budget = Math.floor(sentences / 5);
  return found
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, budget)
    .sort((a, b) => a.order - b.order)
    .map((f) => ({ path: f.path, note: `CẦN SỬA: ${f.why}.` }));
}

/** The text a block says itself (not its children's). */
function ownText(b: unknown): string {
  if (typeof b === 'string') return b;
  if (!isMapping(b)) return '';
  // a table says what its cells say
  if (isMapping(b.bang)) return allText(b.bang.hang);
  return Object.entries(b)
    .filter(([k, v]) => typeof v === 'string' && !TEXT_SKIP.has(k) && k !== 'don_vi' && k !== 'muc') // a heading is no sentence
    .map(([, v]) => v as string)
    .join(' ');
}

const isEmpty = (b: unknown): boolean => plainText(allText(b)).trim() === '';

/**
 * The parent with its Tổ chức thực hiện marked: a plan written without "phan:" (restored, or typed by hand) has
 * it as the section of that title, which is where the unit's responsibilities go.
 */
function withTaskPart(plan: InputPlan): InputPlan {
  if (hasTaskPart(plan.noi_dung)) return plan;
  // (the part's default title, as import recognises it)
  const title = (s: InputPlan['noi_dung'][number]) => ROLE_TITLES[plainText(s.muc ?? s.phan_lon ?? '').trim().toLocaleLowerCase('vi')] === 'to_chuc_thuc_hien';
  const mark = (list: InputPlan['noi_dung']): InputPlan['noi_dung'] => list.map((s) => (title(s) ? { ...s, phan: 'to_chuc_thuc_hien' } : s.cac_muc ? { ...s, cac_muc: mark(s.cac_muc) } : s));
  return { ...plan, noi_dung: mark(plan.noi_dung) };
}

/** Whether sections have a Tổ chức thực hiện: a section, or a khoản of one, with phan to_chuc_thuc_hien. */
const hasTaskPart = (list: InputPlan['noi_dung']): boolean =>
  list.some((s) => s.phan === 'to_chuc_thuc_hien' || (s.cac_muc && hasTaskPart(s.cac_muc)) || (s.noi_dung ?? []).some((b) => isMapping(b) && (b as { phan?: string }).phan === 'to_chuc_thuc_hien'));

/** A parent's task list for its units: the tasks, where they stand, and whom they address. */
type UnitTasks = { tasks: Block[]; where: string; path: (string | number)[]; to: string; from: Block };

/**
 * What the parent gives its units, and of that what this unit's kind is given: a province that addresses "Các
 * sở, ban, ngành" and "Ủy ban nhân dân cấp xã" apart gives a commune the second alone (all, when the unit's
 * kind is not told or nothing names it).
 */
function tasksFor(sections: InputPlan['noi_dung'], unitName: string, ours: (name: string) => boolean): { mine: UnitTasks[]; others: UnitTasks[] } {
  const all = findUnitTasks(sections, ours);
  // what the communes alone are given ("UBND các xã, phường, đặc khu") is never a sở's or a centre's
  const fit = all.filter((t) => ours(t.to) || !governmentsOnly(t.to, unitName));
  const mine = fit.filter((t) => ours(t.to) || addressesKind(t.to, unitName));
  const taken = mine.length ? mine : fit;
  return { mine: taken, others: all.filter((t) => !taken.includes(t)) };
}

/**
 * A section that gives tasks body by body: Tổ chức thực hiện, or one whose khoản are mostly headed by bodies
 * ("1. Sở Y tế", "2. Sở Tài chính", "6. Ủy ban nhân dân xã, phường"), as a plan writes "NỘI DUNG THỰC HIỆN"
 * when it assigns its content.
 */
function assigns(s: InputPlan['noi_dung'][number]): boolean {
  if (s.phan === 'to_chuc_thuc_hien') return true;
  const heads = (s.noi_dung ?? []).filter(isNumbered).map((b) => bodiesOf(b));
  return heads.length >= 3 && heads.filter((h) => h.length > 0).length * 3 >= heads.length * 2;
}

/**
 * The bodies a khoản is headed by: "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ",
 * "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Ủy ban nhân dân xã, phường"; none for another khoản.
 */
function bodiesOf(b: Block): string[] {
  const { khoan, noi_dung } = (isMapping(b) ? b : {}) as { khoan?: unknown; noi_dung?: unknown };
  if (typeof khoan !== 'string' || !Array.isArray(noi_dung)) return [];
  const names = plainText(khoan).trim().replace(/\s*:$/u, '').split(/\s*;\s*/u).map((n) => n.replace(/^Đề nghị\s+/u, ''));
  const first = names[0];
  return names.every((n) => n.split(/\s+/u).length <= 20 && !/[.:]/u.test(n)) && (isBodyName(first) || scopeOfName(first) === 'truc_thuoc') ? names : [];
}

/**
 * The blocks the parent gives its units: a don_vi for units below (cap: truc_thuoc, or told by its name);
 * in Tổ chức thực hiện also a khoản headed by such a name ("Ủy ban nhân dân cấp xã" over its tasks); anywhere,
 * a don_vi or khoản headed by this unit's own name ("Sở Công Thương"); and, when none is, the khoản of Tổ chức
 * thực hiện that open by addressing the units in a sentence.
 */
function findUnitTasks(sections: InputPlan['noi_dung'], ours: (name: string) => boolean): UnitTasks[] {
  const out: UnitTasks[] = [];
  const walk = (bs: Block[] | undefined, where: string, path: (string | number)[], inTasks: boolean) => {
    let k = 0;
    bs?.forEach((b, i) => {
      if (!isMapping(b)) return;
      const numbered = isNumbered(b);
      if (numbered) k++;
      const here = numbered ? `${where}.${k}` : where;
      const children = (b as { noi_dung?: Block[] }).noi_dung;
      const at = [...path, i, 'noi_dung'];
      const to = 'don_vi' in b ? b.don_vi : headingOf(b);
      const below = to !== undefined && ('don_vi' in b || inTasks) && ((('don_vi' in b && b.cap) || scopeOfName(to)) === 'truc_thuoc');
      const doer = numbered ? doerOf(b) : undefined;
      if (to !== undefined && (below || ours(to))) out.push({ tasks: children ?? [], where: `mục ${here}`, path: at, to, from: b });
      // a khoản that gives this unit a task in a sentence: "Cục Lâm nghiệp và Kiểm lâm có trách nhiệm tham mưu …"
      else if (doer && ours(doer.name)) out.push({ tasks: [{ gach: doer.task } as Block], where: `mục ${here}`, path: [...path, i], to: doer.name, from: b });
      else if (Array.isArray(children)) walk(children, here, at, inTasks || (b as { phan?: string }).phan === 'to_chuc_thuc_hien');
    });
  };
  const all = flatSections(sections);
  all.forEach(({ s, path, label }) => walk(s.noi_dung, label, [...path, 'noi_dung'], assigns(s)));
  if (out.length) return out;
  // A plan that names no unit by don_vi (as most published plans, restored or imported, are written): the
  // khoản of its Tổ chức thực hiện that open by addressing the units ("Thủ trưởng các sở, ban, ngành …; Chủ
  // tịch UBND các huyện … căn cứ chức năng, nhiệm vụ …") are the units' tasks.
  all.forEach(({ s, path, label }) => {
    if (s.phan !== 'to_chuc_thuc_hien') return;
    let k = 0;
    s.noi_dung?.forEach((b, j) => {
      if (isNumbered(b)) k++;
      const text = plainText(allText(b));
      if (!('don_vi' in (isMapping(b) ? b : {})) && addressesUnits(text)) out.push({ tasks: [b], where: `mục ${label}${isNumbered(b) ? `.${k}` : ''}`, path: [...path, 'noi_dung', j], to: text, from: b });
    });
  });
  return out;
}

/** The number of a plan's top-level section: a part's letter (A., B.) where the plan has parts, else Roman. */
const numberOf = (list: InputPlan['noi_dung'], i: number): string => (list.some((s) => s.phan_lon !== undefined) ? letter(i).toUpperCase() : roman(i + 1));

/** The sections of a plan that hold khoản, with their paths and numbers: a part (A., B.) of sections gives its sections (B.I, B.II …). */
function flatSections(list: InputPlan['noi_dung']): { s: InputPlan['noi_dung'][number]; path: (string | number)[]; label: string }[] {
  return list.flatMap((s, i) => {
    const label = numberOf(list, i);
    if (!s.cac_muc) return [{ s, path: ['noi_dung', i], label }];
    return s.cac_muc.map((m, j) => ({ s: m, path: ['noi_dung', i, 'cac_muc', j], label: `${label}.${roman(j + 1)}` }));
  });
}

/**
 * A khoản that names its doer in a sentence, "Cục Lâm nghiệp và Kiểm lâm có trách nhiệm tham mưu, …": the doer,
 * and the task told without it ("Tham mưu, …"); undefined for any other, and for one with items under it (a
 * heading over its tasks is headingOf's).
 */
function doerOf(b: Block): { name: string; task: string } | undefined {
  const { khoan, noi_dung } = b as { khoan?: unknown; noi_dung?: unknown };
  const doer = typeof khoan === 'string' && !noi_dung ? doerAtHead(khoan) : undefined;
  const rest = doer && (khoan as string).slice(doer.taskAt);
  return doer && rest ? { name: doer.name, task: rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1) } : undefined;
}

/** A khoản that is a heading over its tasks ("Ủy ban nhân dân cấp xã", "Các đơn vị trực thuộc:"): its title; else undefined. */
function headingOf(b: Block): string | undefined {
  const { khoan, noi_dung } = b as { khoan?: unknown; noi_dung?: unknown };
  if (typeof khoan !== 'string' || !Array.isArray(noi_dung)) return undefined;
  const title = plainText(khoan).trim().replace(/\s*:$/u, '');
  return title.split(/\s+/u).length <= 20 && !/[.;:]/u.test(title) ? title : undefined;
}

/**
 * The names a profile may give its superior by: the parent's name in sentences, its header lines, and
 * these with the place its own superior's line names ("SỞ Y TẾ" under "UBND TỈNH HẢI DƯƠNG" is "Sở Y tế Hải
 * Dương"). Compared without case.
 */
function namesOf(p: Plan): string[] {
  const header = p.co_quan_ban_hanh.join(' ');
  const place = /^(?:UBND|ỦY BAN NHÂN DÂN)\s+((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+)?(.+)$/iu.exec(p.co_quan_chu_quan.join(' '));
  const placed = place ? [`${header} ${place[2]}`, ...(place[1] ? [`${header} ${place[1]}${place[2]}`] : [])] : [];
  return [p.ten_co_quan, header, ...placed];
}

/** Every string of a block, joined: what keyword matching reads. */
function allText(b: unknown): string {
  if (typeof b === 'string') return b;
  if (Array.isArray(b)) return b.map(allText).join(' ');
  if (isMapping(b)) return Object.values(b).map(allText).join(' ');
  return '';
}

/** A copy of a block with `f` applied to every text in it (not to keys, roles or dates). */
const TEXT_SKIP = new Set(['phan', 'cap', 'ma', 'han', 'ngay', 'so_ky_hieu', 'kieu_ngay', 'noi', 'moc']);

function mapTexts<T>(b: T, f: (s: string) => string): T {
  const go = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && TEXT_SKIP.has(key) ? v : f(v);
    // a list item left empty (an appendix reference removed) goes; table cells keep their places
    if (Array.isArray(v)) return key === 'noi_dung' ? v.map((x) => go(x)).filter((x) => !isEmpty(x)) : v.map((x) => go(x));
    if (isMapping(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, go(x, k)]));
    return v;
  };
  return go(b) as T;
}

/**
 * Whom a parent task names as its doer when that is neither the units in general nor this unit:
 * "Giao Trung tâm TTGDSK phối hợp …", "Văn phòng Sở chủ trì …". Undefined for an ordinary task.
 */
export function addressedElsewhere(text: string, fullName: string, shortNames: string[]): string | undefined {
  const t = text.trim();
  const asked = /^(?:Giao|Đề nghị|Yêu cầu)\s+(.+?)\s+(?:chủ trì|phối hợp|thực hiện|xây dựng|tổ chức|có trách nhiệm|chủ động)/u.exec(t)?.[1];
  const named = /^(.+?)\s+(?:[Cc]hủ trì|[Cc]ó trách nhiệm|[Pp]hối hợp với)/u.exec(t)?.[1];
  const who = (asked ?? (named && isBodyName(named) ? named : undefined))?.trim().replace(/[,:;]$/u, '');
  if (!who) return undefined;
  // the units in general ("các đơn vị", "Ủy ban nhân dân cấp xã") are this unit too
  if (/^(?:các|mỗi|từng)\s+(?:đơn vị|cơ quan)/iu.test(who) || scopeOfName(who) === 'truc_thuoc') return undefined;
  // this unit, by its full name or exactly by a short one ("Trung tâm" is not "Trung tâm TTGDSK")
  if (hasPhrase(who, fullName) || shortNames.some((n) => sameName(who, n))) return undefined;
  return who;
}

/**
 * The body a khoản of the parent is headed by, when that is neither the units in general nor this unit: a
 * heading over its tasks ("Công an tỉnh"), a name before a colon ("Sở Tài chính: Phối hợp …"), or the body a
 * closing bracket gives the task to ("… (Giao Công an tỉnh tham mưu).").
 */
function otherBody(b: Block, ours: (name: string) => boolean): string | undefined {
  if (!isMapping(b)) return undefined;
  // a unit the parent names as such (don_vi, as import writes a body's heading): another body's unless it is below or this unit
  const { don_vi, cap } = b as { don_vi?: unknown; cap?: unknown };
  if (typeof don_vi === 'string') {
    const name = plainText(don_vi).trim();
    return cap !== 'truc_thuoc' && scopeOfName(name) !== 'truc_thuoc' && !ours(name) ? name : undefined;
  }
  if (typeof (b as { khoan?: unknown }).khoan !== 'string') return undefined;
  const title = plainText((b as { khoan: string }).khoan).trim();
  // several bodies over their tasks, or a body the parent asks: "Sở Văn hóa …; Báo …", "Đề nghị Ủy ban MTTQ …"
  const bodies = bodiesOf(b);
  if (bodies.length && isBodyName(bodies[0]) && bodies.every((n) => scopeOfName(n) !== 'truc_thuoc' && !ours(n))) return bodies.join('; ');
  const head =
    (headingOf(b) ?? /^([^:.;]{3,80}):\s/u.exec(title)?.[1].trim()) ??
    // the parent's own task, given to one of its bodies at the end: "… (Giao Công an tỉnh chủ trì, phối hợp …)."
    /\((?:Giao|giao)\s+([^(),;]+?)\s+(?:chủ trì|tham mưu|thực hiện)(?![\p{L}\p{M}])[^()]*\)[.;]?$/u.exec(title)?.[1].trim();
  return head && isBodyName(head) && scopeOfName(head) !== 'truc_thuoc' && !ours(head) ? head : undefined;
}

/**
 * A parent's điểm as a gạch: under a department of the unit it stands among the duties and reports kehoach writes
 * as gạch, and a list that goes "a) b) c) -" reads as two lists.
 */
function asGach(b: Block): Block {
  if (!isMapping(b) || typeof (b as { diem?: unknown }).diem !== 'string') return b;
  const { diem, ...rest } = b as { diem: string } & Record<string, unknown>;
  return { gach: diem, ...rest } as Block;
}

/** "Chủ trì, phối hợp với A, B tổ chức …": the lead's task naming its partners (a paragraph, gạch or cộng; a điểm is a gạch by now: asGach). */
function withPartners(b: Block, partners: string[]): Block {
  const names = partners.join(', ');
  // a task that already says whom it works with takes the partners in: "Chủ trì, phối hợp với sở, ban, ngành …"
  // becomes "Chủ trì, phối hợp với Phòng X, sở, ban, ngành …"; "Phối hợp với Sở Nội vụ …", "Chủ trì, cùng Phòng X phối hợp với …"
  const lead = (x: string) => {
    const both = /^chủ trì\s*,?\s*phối hợp với\s+/iu.exec(x);
    if (both) return `Chủ trì, phối hợp với ${names}, ${x.slice(both[0].length)}`;
    // (a task that is itself cooperation without "với", "Phối hợp phát triển …", the same)
    if (/^phối hợp(?![\p{L}\p{M}])/iu.test(x)) return `Chủ trì, cùng ${names} ${lowerFirst(x)}`;
    const alone = /^chủ trì\s*,?\s*/iu.exec(x);
    return `Chủ trì, phối hợp với ${names} ${lowerFirst(alone ? x.slice(alone[0].length) : x)}`;
  };
  if (typeof b === 'string') return lead(b) as Block;
  const key = isMapping(b) ? (['gach', 'cong'] as const).find((k) => typeof (b as Record<string, unknown>)[k] === 'string') : undefined;
  if (key) return { ...(b as object), [key]: lead((b as Record<string, string>)[key]) } as Block;
  return b;
}

const clip = (s: string): string => {
  const words = s.trim().split(/\s+/);
  return words.length > 10 ? `${words.slice(0, 10).join(' ')} …` : s.trim();
};
