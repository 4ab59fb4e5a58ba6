import { InputError } from '../domain/input-error.js';

/**
 * Thrown when an input to the staffing maths is out of its domain (a negative volume, a service-level
 * target of 100 %, a shrinkage of 1, …). `field` names the input as the caller spelled it and `reason`
 * says what is wrong, so the CLI, HTTP API and web page can show both without parsing the message.
 *
 * @example
 * try { scheduledAgents(10, 1) } catch (e) { if (e instanceof StaffingInputError) e.field } // 'shrinkage'
 */
export class StaffingInputError extends InputError {
  readonly code = 'staffing_input_error';
  override readonly name = 'StaffingInputError';
}
