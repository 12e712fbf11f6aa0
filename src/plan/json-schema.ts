// The JSON Schema of the plan format, generated from the one zod schema. schemas/plan.schema.json is
// this output, committed so editors (yaml-language-server) can complete and check plans.
import * as z from 'zod';
import { planSchemas } from './schema.js';
import { profileSchema } from './profile.js';

export function planJsonSchema(): string {
  const schema = z.toJSONSchema(planSchemas().PlanSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return JSON.stringify({ $schema, $id: 'https://kehoach.local/schemas/plan.schema.json', ...rest }, null, 2);
}

export function profileJsonSchema(): string {
  const schema = z.toJSONSchema(profileSchema(), { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return JSON.stringify({ $schema, $id: 'https://kehoach.local/schemas/unit.schema.json', ...rest }, null, 2);
}
