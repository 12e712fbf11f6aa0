// Rendering: normalised plan → document model (templates give the wording) → docx parts → .docx bytes.
import type { Plan } from '../plan/normalize.js';
import { buildModel } from '../model/build.js';
import { documentInstant, documentParts, packParts, partsKnown } from './docx-writer.js';
import { loadTemplates, type Templates } from '../model/templates.js';

export { buildModel, loadTemplates, documentParts, partsKnown };
export type { Templates };

export interface RenderOptions {
  templates?: Templates;
}

export async function renderPlan(plan: Plan, opts: RenderOptions = {}): Promise<Uint8Array> {
  const model = buildModel(plan, opts.templates ?? loadTemplates());
  const when = documentInstant(plan.ngay ?? '');
  return packParts(documentParts(model, when), when);
}
