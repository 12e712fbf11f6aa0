// Rendering: normalised plan → document model (templates give the wording) → .docx bytes.
import type { Plan } from '../plan/normalize.js';
import type { DocModel } from '../model/model.js';
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
  return renderModel(buildModel(plan, opts.templates ?? loadTemplates()), plan.ngay);
}

/** The .docx of a document model; the plan's date gives the instant recorded in the file. */
export const renderModel = (model: DocModel, planDate: string | null): Promise<Uint8Array> => renderDocx(model, documentInstant(planDate));
