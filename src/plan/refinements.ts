// The checks of the plan format that are code rather than data (zod's .refine), by name: the schema
// refines with them, and shape.ts, which checks a plan without zod, calls them by the same name.
import { isRealDate } from '../text/dates.js';

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const REFINEMENTS = {
  /** A YYYY-MM-DD date that exists (anything else is the format check's to report). */
  realDay: (s: string): boolean => !ISO_DAY.test(s) || isRealDate(s),
  /** A plan date (YYYY-MM-DD, YYYY-MM or YYYY) that exists. */
  realPlanDate: (s: string): boolean => !ISO_PARTIAL.test(s) || isRealDate(s),
};
