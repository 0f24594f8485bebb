/** Every API call answers with one of these: expected failures are values, not exceptions. */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'wrong_passphrase',
  'locked_out',
  'store_error',
  /** The disk is full or a file-size limit was reached: nothing was saved. */
  'storage_full',
  /** The disk refused a read or write (SQLite I/O error): nothing was saved. */
  'storage_io',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type ApiError = {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) → a message a person can act on. */
  fields?: Record<string, string>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
