export type StoreErrorKind = 'wrong_key' | 'newer_version' | 'corrupt' | 'pragma' | 'missing';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
