import type { ErrorCode } from '../shared/result';

/** An expected failure a handler reports to the caller: rolled back, audited, shown as is. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
