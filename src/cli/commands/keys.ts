// `kehoach keys [TỪ]`: every key of the plan format (or of a unit profile) with its meaning and example.
import { keysText } from '../../plan/keys.js';
import type { Report } from '../report.js';

export function runKeys(find: string | undefined, o: { unit?: boolean }, report: Report): number {
  report.print(keysText(!!o.unit, find));
  return 0;
}
