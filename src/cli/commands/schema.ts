// `kehoach schema`: the JSON Schema of a plan (or of a unit profile), for editors.
import { planJsonSchema, profileJsonSchema } from '../../plan/json-schema.js';
import type { Report } from '../report.js';

export function runSchema(o: { unit?: boolean }, report: Report): number {
  report.print(o.unit ? profileJsonSchema() : planJsonSchema());
  return 0;
}
