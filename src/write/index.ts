// Rendering: normalised plan → document model (templates give the wording) → .docx bytes.
import type { Plan } from '../plan/normalize.js';
import { buildModel } from '../model/build.js';
import { renderDocx } from './docx.js';
import { documentInstant } from '../text/dates.js';
import { loadTemplates, type Templates } from '../model/templates.js';

export { buildModel, documentInstant, loadTemplates };
export type { Templates };

export interface RenderOptions {
  templates?: Templates;
}

export async function renderPlan(plan: Plan, opts: RenderOptions = {}): Promise<Uint8Array> {
  const model = buildModel(plan, opts.templates ?? loadTemplates());
  return renderDocx(model, documentInstant(plan.ngay));
}
