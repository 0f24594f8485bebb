import { vi } from 'vitest';

import type { Logger } from '../../../main/app';

/** A Logger whose methods are mocks, so tests can assert what was (and was not) logged. */
export function fakeLogger() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  } satisfies Logger;
}
