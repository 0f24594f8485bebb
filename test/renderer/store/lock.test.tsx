import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Result } from '../../../shared/result';
import type { ChildList } from '../../../shared/api';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import {
  aChild,
  installFakeLantern,
  lockedSession,
  ok,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const child = aChild();

/** Every field of the store that can hold record data, as plain values. */
function recordData() {
  const s = useLantern.getState();
  return {
    register: s.register,
    childRecord: s.childRecord,
    school: s.school,
    notice: s.notice,
    route: s.route,
  };
}

const empty = {
  register: { query: '', items: [], total: 0, status: 'idle', error: null },
  childRecord: { id: null, child: null, status: 'idle', error: null },
  school: null,
  notice: null,
  route: { page: 'pupils' },
};

async function unlockedWithData(): Promise<void> {
  installFakeLantern({
    'session.status': () => ok(unlockedAs('dsl')),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [child], total: 1 }),
    'children.get': () => ok(child),
    'vault.lock': () => ok(lockedSession),
  });
  const store = useLantern.getState();
  await store.loadSession();
  await store.loadSchool();
  await store.searchRegister('jane');
  await store.openChild(child.id);
  store.navigate({ page: 'child', id: child.id }, { tone: 'success', text: 'Added Jane Doe.' });
  expect(useLantern.getState().register.items).toHaveLength(1);
  expect(useLantern.getState().childRecord.child).not.toBeNull();
}

describe('lock', () => {
  it('clears every slice of record data', async () => {
    await unlockedWithData();
    await useLantern.getState().lock();
    expect(recordData()).toEqual(empty);
    expect(useLantern.getState().session).toEqual(lockedSession);
  });

  it('drops an answer that arrives after the lock', async () => {
    await unlockedWithData();
    let answer: (result: Result<ChildList>) => void = () => undefined;
    installFakeLantern({
      'children.list': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      'vault.lock': () => ok(lockedSession),
    });
    const search = useLantern.getState().searchRegister('doe');
    await useLantern.getState().lock();
    answer(ok({ items: [child], total: 1 }));
    await search;
    expect(recordData()).toEqual(empty);
  });

  it('clears records when main reports the session gone', async () => {
    await unlockedWithData();
    installFakeLantern({
      'children.get': () => ({
        ok: false,
        error: { code: 'unauthenticated', message: 'Lantern is locked.' },
      }),
    });
    await useLantern.getState().openChild(child.id);
    expect(recordData()).toEqual(empty);
    expect(useLantern.getState().session?.unlocked).toBe(false);
    expect(useLantern.getState().lockNotice?.text).toMatch(/Lantern locked/);
  });

  it('locks on Ctrl+L and shows the unlock screen', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [child], total: 1 }),
      'vault.lock': () => ok(lockedSession),
    });
    render(<App />);
    await screen.findByText('1 pupil');
    await act(async () => {
      fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { name: 'Unlock Lantern' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
    expect(recordData()).toEqual(empty);
  });

  it('warns on the unlock screen when main cannot confirm the lock', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [child], total: 1 }),
      'vault.lock': () => ({
        ok: false,
        error: { code: 'internal', message: 'Lantern could not reach its store.' },
      }),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lock' }));
    expect(await screen.findByText(/could not confirm that the store is locked/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Unlock Lantern' })).toBeTruthy();
    expect(recordData()).toEqual(empty);
  });
});
