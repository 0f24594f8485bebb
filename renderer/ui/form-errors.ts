import type { ApiError } from '../../shared/result';

/** What a form shows after a failed submit: messages by field name, and one not tied to a field. */
export type FormErrors = {
  fields: Record<string, string>;
  general: string | null;
};

export const noErrors: FormErrors = { fields: {}, general: null };

export function hasErrors(errors: FormErrors): boolean {
  return errors.general !== null || Object.keys(errors.fields).length > 0;
}

type Issue = { path: readonly PropertyKey[]; message: string };

/** zod issues → the first message for each top-level field, in the order zod found them. */
export function errorsFromIssues(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    fields[name] ??= issue.message;
  }
  return fields;
}

/**
 * main's answer → form errors. Field keys are dot paths from the method's input (`child.upn` for
 * an update), so the form's own prefix is stripped to reach its field names.
 */
export function errorsFromApi(error: ApiError, prefix = ''): FormErrors {
  const entries = Object.entries(error.fields ?? {});
  if (entries.length === 0) return { fields: {}, general: error.message };
  const fields: Record<string, string> = {};
  for (const [path, message] of entries) {
    fields[path.startsWith(prefix) ? path.slice(prefix.length) : path] = message;
  }
  return { fields, general: null };
}

/**
 * Messages keyed by dot path (from main or zod) → the first message for each form field, the
 * form naming its field for each path with `toField` (a date-and-time goes to its date field).
 */
export function fieldsNamed(
  entries: Iterable<readonly [string, string]>,
  toField: (path: string) => string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [path, message] of entries) fields[toField(path)] ??= message;
  return fields;
}

/** zod issues → the first message for each form field, named by `toField` from its dot path. */
export function issuesNamed(
  issues: readonly Issue[],
  toField: (path: string) => string,
): Record<string, string> {
  return fieldsNamed(
    issues.map((i) => [i.path.map(String).join('.'), i.message] as const),
    toField,
  );
}

/** main's answer → form errors, with its field paths named as the form names them. */
export function errorsFromApiNamed(error: ApiError, toField: (path: string) => string): FormErrors {
  const fields = fieldsNamed(Object.entries(error.fields ?? {}), toField);
  return Object.keys(fields).length > 0
    ? { fields, general: null }
    : { fields: {}, general: error.message };
}

/**
 * The field messages under one part of a nested input (`school.` in a set-up call), keyed by
 * the part's own field names.
 */
export function fieldsUnder(error: ApiError, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    if (path.startsWith(prefix)) fields[path.slice(prefix.length)] = message;
  }
  return fields;
}
