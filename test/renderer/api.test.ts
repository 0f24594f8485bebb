import { afterEach, describe, expect, it, vi } from 'vitest';

import { call } from '../../renderer/api';

describe('call', () => {
  afterEach(() => {
    delete window.lantern;
    vi.restoreAllMocks();
  });

  it('passes the method and input to window.lantern and returns its answer', async () => {
    const invoke = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { items: [], total: 0 } }),
    );
    window.lantern = { invoke };
    const result = await call('children.list', {
      query: 'jane',
      includeLeavers: false,
      limit: 50,
      offset: 0,
    });
    expect(invoke).toHaveBeenCalledWith('children.list', {
      query: 'jane',
      includeLeavers: false,
      limit: 50,
      offset: 0,
    });
    expect(result).toEqual({ ok: true, value: { items: [], total: 0 } });
  });

  it('turns a transport failure into an internal error value', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.lantern = { invoke: () => Promise.reject(new Error('IPC channel closed')) };
    const result = await call('session.status', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toMatch(/^Lantern could not reach its store\./);
  });

  it('treats a malformed answer or a missing bridge as unreachable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.lantern = { invoke: () => Promise.resolve({ value: 1 } as never) };
    expect((await call('session.status', {})).ok).toBe(false);
    delete window.lantern;
    const result = await call('session.status', {});
    expect(!result.ok && result.error.code).toBe('internal');
  });
});
