// The JSON Schema of the plan format, generated from the one zod schema. schemas/plan.schema.json is
// this output, committed so editors (yaml-language-server) can complete and check plans.
import * as z from 'zod';
import { planSchemas } from './schema.js';
import { profileSchema } from './profile.js';

export function planJsonSchema(): string {
  const schema = z.toJSONSchema(planSchemas().PlanSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  crossFieldRules(schema);
  const { $schema, ...rest } = schema;
  return JSON.stringify({ $schema, $id: 'https://kehoach.local/schemas/plan.schema.json', ...rest }, null, 2);
}

type Json = Record<string, unknown>;

/**
 * The rules beyond types that JSON Schema can say (validate.ts checks them for the CLI), so that an editor refuses
 * what the CLI refuses: the ký hiệu's prefix (QĐ- with a decision, KH- for a plain Kế hoạch), ký hiệu or viet_tat,
 * the head's title under KT./TL./TUQ./Q., a section's title, an appendix's table or content. What it cannot say
 * (dates that exist, table rows that fill their columns, "Nơi nhận" wording) stays with the CLI.
 */
function crossFieldRules(schema: Json): void {
  const has = (key: string) => ({ required: [key] });
  const prefix = (p: string) => ({ properties: { ky_hieu: { pattern: `^${p}-` } } });
  schema.allOf = [
    { anyOf: [has('ky_hieu'), has('viet_tat')] },
    { if: has('quyet_dinh'), then: prefix('QĐ'), else: { if: { not: has('ten_loai') }, then: prefix('KH') } },
  ];
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const signer = defs.NguoiKy;
  if (signer) signer.dependentRequired = { quyen_han: ['thu_truong'] };
  const section = defs.MucHoacPhan;
  if (section) section.anyOf = [has('muc'), has('phan'), has('phan_lon')];
  const appendix = defs.PhuLuc;
  if (appendix) {
    appendix.dependentRequired = { cot: ['hang'], hang: ['cot'] };
    appendix.anyOf = [has('cot'), has('noi_dung')];
  }
}

export function profileJsonSchema(): string {
  const schema = z.toJSONSchema(profileSchema(), { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return JSON.stringify({ $schema, $id: 'https://kehoach.local/schemas/unit.schema.json', ...rest }, null, 2);
}
