// `kehoach init`: a starter plan with the schema comment and short Vietnamese notes on each part,
// filled from a unit profile when one is given. Never overwrites a file.
import { format } from 'date-fns/format';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { planSchemaFrom } from '../../install.js';
import { hasErrors, type Message } from '../../messages.js';
import { checkProfile, chuQuanOf, issuerLines } from '../../plan/profile.js';
import { loadTemplates } from '../../model/templates.js';
import { isRealDate } from '../../text/dates.js';
import { UsageError } from '../../errors.js';
import { readInput } from '../../read/input.js';
import { writeAtomic } from '../../write/atomic.js';
import type { Report } from '../report.js';
import { FORMAT_VERSION } from '../../plan/versions.js';
import { STARTER } from '../../lint/starter.js';

const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar is a JSON string
/** A name of one line or several, as YAML: "…" or ["…", "…"]. */
const lineList = (v: string | string[]) => (Array.isArray(v) ? `[${v.map(q).join(', ')}]` : q(v));

export function runInit(file: string, o: { unit?: string; date?: string; decision?: boolean }, report: Report): number {
  if (existsSync(file)) throw new UsageError(`${file}: tệp đã có; kehoach init không ghi đè. Hãy chọn tên khác.`);
  if (o.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(o.date) && isRealDate(o.date))) {
    throw new UsageError(`--date ${o.date}: không phải một ngày có trên lịch; cần dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-24.`);
  }
  // The clerk's own calendar day (local time, not UTC: in Việt Nam, UTC is still the day before until 07:00).
  const today = o.date ?? format(new Date(), 'yyyy-MM-dd');
  let messages: Message[] = [];
  // a starter for any office: every name a placeholder to replace, nothing of one sector
  let name: string = STARTER.ten;
  let unit = {
    chu_quan: q(STARTER.chu_quan) as string | undefined,
    ban_hanh: q(STARTER.ban_hanh),
    ten: q(STARTER.ten),
    viet_tat: 'CQ',
    dia_danh: q(STARTER.dia_danh),
    cap_tren: 'Ủy ban nhân dân tỉnh',
    bo_phan: [
      { ten: q('Văn phòng'), cap: 'co_quan' },
      { ten: q('Các đơn vị trực thuộc'), cap: 'truc_thuoc' },
    ],
    noi_nhan: [q(STARTER.cap_tren), q('Các đơn vị trực thuộc (thực hiện)')],
    luu: 'VP',
    ky: { chuc_vu: q(STARTER.chuc_vu), ho_ten: q(STARTER.ho_ten) } as Record<string, string>,
  };
  if (o.unit) {
    const r = checkProfile(o.unit, readInput(o.unit));
    messages = r.messages;
    report.add(messages);
    if (!r.profile) return 1;
    const p = r.profile;
    name = p.ten;
    const lines = issuerLines(p);
    const chuQuan = chuQuanOf(p);
    unit = {
      chu_quan: chuQuan === undefined ? undefined : lineList(chuQuan),
      ban_hanh: lineList(lines),
      ten: q(p.ten),
      viet_tat: p.viet_tat,
      dia_danh: q(p.dia_danh),
      // the superior's document is what a unit's plan cites first
      cap_tren: q(p.cap_tren),
      bo_phan: p.bo_phan.map((b) => ({ ten: q(b.ten), cap: 'co_quan' })),
      noi_nhan: [q(`${p.cap_tren} (báo cáo)`), ...(p.lanh_dao ?? []).map(q), ...p.bo_phan.map((b) => q(b.noi_nhan ?? b.ten)), ...(p.noi_nhan ?? []).map(q)],
      luu: p.bo_phan.find((b) => b.hanh_chinh)!.viet_tat,
      // (every field of the profile's signer; a title on two lines as a list)
      ky: Object.fromEntries(Object.entries(p.nguoi_ky).map(([k, v]) => [k, Array.isArray(v) ? `[${v.map((x) => q(String(x))).join(', ')}]` : q(String(v))])),
    };
  }
  const schema = planSchemaFrom(dirname(file));
  const text =
    loadTemplates()['ke-hoach-mau']({
      ...unit,
      schema,
      ten_tep: basename(file),
      nam: today.slice(0, 4),
      thang: today.slice(0, 7),
      trich_yeu: q(`Thực hiện nhiệm vụ năm ${today.slice(0, 4)}`),
      trich_yeu_thuong: q(`thực hiện nhiệm vụ năm ${today.slice(0, 4)}`),
      trich_yeu_thuong_dau: `Kế hoạch thực hiện nhiệm vụ năm ${today.slice(0, 4)}`,
      phien_ban: FORMAT_VERSION,
      chu_tri: q(name),
      quyet_dinh: !!o.decision,
      tham_quyen: q(name),
      de_nghi: q('Chánh Văn phòng'),
      cau_mo_dau: q(`${name} xây dựng Kế hoạch với các nội dung sau:`),
      cau_ket: q(`Trên đây là Kế hoạch thực hiện nhiệm vụ năm ${today.slice(0, 4)} của ${name}.`),
      ky: { quyen_han: null, thu_truong: null, ...unit.ky },
    }) + '\n';
  writeAtomic(file, Buffer.from(text, 'utf8'));
  report.wrote(file, 'đã tạo');
  return hasErrors(messages) ? 1 : 0;
}
