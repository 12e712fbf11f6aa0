import { it } from 'vitest';
import { RULES } from '../src/lint/rules.js';
import { needsMarks } from '../src/lint/syllable.js';
import { context } from '../src/lint/types.js';
it('d', () => {
  const r = RULES.find((x) => x.id === 'khong-dau')!;
  for (const t of ['các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh xem xét, giai quyet.', 'thực hiện cải cách hanh chinh cung như', 'của can bo, công chức', 'phu hop với', 'phan cong nhiệm vụ', 'tram y te'])
    console.log(t, JSON.stringify(r.scope === 'value' ? r.check(t, context([t])) : 0), ['quyet', 'giai', 'bo', 'hop', 'cong', 'te', 'tram', 'chinh', 'cung'].map((w) => w + needsMarks(w)).join(' '));
});
