export class AssertionError extends Error {
  override name = 'AssertionError';
}

/** Narrows `cond`; throws an AssertionError with `message` when it is false. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}

/** For exhaustive switches: the compiler proves this is never reached. */
export function unreachable(value: never): never {
  throw new AssertionError(`Unreachable case: ${JSON.stringify(value)}`);
}
