import { readFileSync } from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(() => Promise.resolve({ ok: true, value: null })) },
}));
vi.mock('electron', () => electron);

const dir = path.resolve(import.meta.dirname, '../../../main/electron');

type Exposed = [key: string, api: Record<string, unknown>];

describe('preload (security E3, checklist #17)', () => {
  // vitest clears mock calls before each test, so the calls made on import are kept here.
  let exposed: Exposed[] = [];
  beforeAll(async () => {
    await import('../../../main/electron/preload');
    exposed = [...(electron.contextBridge.exposeInMainWorld.mock.calls as unknown as Exposed[])];
  });

  it('exposes exactly one object, `lantern`, with exactly one function, `invoke`', () => {
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe('lantern');
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards to ipcRenderer.invoke on the one channel, with method and input only', async () => {
    const invoke = exposed[0]![1].invoke as (...args: unknown[]) => Promise<unknown>;
    const input = { id: 'x' };
    await expect(invoke('children.get', input, 'extra')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      'lantern:invoke',
      'children.get',
      input,
    );
  });

  it('imports nothing but electron and the channel constant, which imports nothing', () => {
    const imports = (file: string) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
        (match) => match[1],
      );
    expect(imports('preload.ts')).toEqual(['electron', './channel']);
    expect(imports('channel.ts')).toEqual([]);
  });

  it('bundles to one small CommonJS file whose only require is electron', async () => {
    const result = await build({
      entryPoints: [path.join(dir, 'preload.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]!.text;
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual([
      'electron',
    ]);
    expect(code.length).toBeLessThan(2_000);
  });
});
