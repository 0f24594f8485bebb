import type { z } from 'zod';

import type { Result } from '../../shared/result';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';

/**
 * What every triage form does on submit: check the input with the method's own schema, then any
 * rule that needs today's date, and only then send it. Resolves to the errors to show, or null
 * once saved (or when the session ended first).
 */
export async function sendChecked<S extends z.ZodType>(
  schema: S,
  input: z.input<S>,
  send: (data: z.output<S>) => Promise<Result<unknown> | null>,
  problems: (data: z.output<S>) => Record<string, string> = () => ({}),
): Promise<FormErrors | null> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
  const fields = problems(parsed.data);
  if (Object.keys(fields).length > 0) return { fields, general: null };
  const result = await send(parsed.data);
  if (!result || result.ok) return null;
  return errorsFromApi(result.error);
}
