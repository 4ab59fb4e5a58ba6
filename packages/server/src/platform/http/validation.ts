import type { z } from '@hono/zod-openapi';
import { AppError, type FieldError } from './problem.js';

/** Turns zod issues into field errors that name the offending field with a dotted path. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter((p) => p && p.length > 0).join('.') || '(body)';
    // A refinement may name its own stable code (e.g. weak_password) in its params.
    const own = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    const code =
      typeof own === 'string'
        ? own
        : issue.code === 'invalid_value' || issue.code === 'invalid_union'
          ? 'invalid_enum_value'
          : issue.code;
    if (issue.code === 'unrecognized_keys') {
      return { field: [prefix, ...issue.keys].filter(Boolean).join('.'), code, message: issue.message };
    }
    // Absent, or an empty string where one character is the least: both are "required".
    const missing =
      (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) ||
      (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1);
    return { field, code: missing ? 'required' : code, message: missing ? 'is required' : issue.message };
  });
}

export function validationError(issues: readonly z.core.$ZodIssue[], target: string): AppError {
  const errors = fieldErrors(issues, target === 'json' ? undefined : target);
  const first = errors[0];
  return new AppError(
    'validation_failed',
    first ? `${first.field}: ${first.message}` : 'invalid input',
    first?.field,
    errors,
  );
}
