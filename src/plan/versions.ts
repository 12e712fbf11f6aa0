// The plan format's version, and what changed from one version to the next. A plan may say which
// version it was written for (`phien_ban: 2`); one written for a newer kehoach is refused with the
// reason, one written for an older version is read by today's rules, and every rule that changed
// says so in its message, with what to change (and `lint --fix` changes what it safely can).

/** The version of the plan format this kehoach reads and writes. */
export const FORMAT_VERSION = 3;

export interface FormatChange {
  /** The version the change came in. */
  version: number;
  /** The rule that reports a plan written the old way. */
  rule: string;
  /** What the older version did with such a plan. */
  before: string;
  /** Whether `kehoach lint --fix` rewrites it. */
  lintFix: boolean;
}

/** Rules as data: every change that can stop a plan of an older version from validating. */
export const FORMAT_CHANGES: readonly FormatChange[] = [
  { version: 2, rule: 'xuong-dong', before: 'dấu xuống dòng giữa chữ (khối "|", "\\n") được in thành dấu cách', lintFix: true },
  { version: 2, rule: 'muc-trong', before: 'mục không có tên vẫn được nhận', lintFix: false },
];

/** The note a changed rule adds to its message: what the format did before, and how it is fixed. */
export function changeNote(rule: string): string {
  const c = FORMAT_CHANGES.find((x) => x.rule === rule);
  if (!c) return '';
  return ` (thay đổi ở định dạng phiên bản ${c.version}: trước đây ${c.before}${c.lintFix ? '; "kehoach lint --fix" sửa được' : ''}.)`;
}
