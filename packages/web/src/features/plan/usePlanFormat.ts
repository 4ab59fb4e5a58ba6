// Kept apart from numbers.ts, whose checks plain modules (simulationForm.ts) import without React.
import { useFormat } from '../../lib/useFormat';
import { type PlanFormat, planFormat } from './numbers';

/** The Plan page's formatting in the current UI language. */
export function usePlanFormat(): PlanFormat {
  return planFormat(useFormat().locale);
}
