/** Log-safe summary of a thrown value: logs take scalars only, and never a whole object. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
}
