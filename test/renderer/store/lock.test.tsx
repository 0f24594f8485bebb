import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ChildList } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import {
  aChild,
  aUser,
  emptyDashboard,
  installFakeLantern,
  lockedSession,
  ok,
  openSection,
  previewFor,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';
import { misFixture } from '../../support/mis';

setUpRendererTests();

const child = aChild();
const sam = aUser();

/** Every field of the store that can hold record data or a secret, as plain values. */
function recordData() {
  const s = useLantern.getState();
  return {
    register: s.register,
    childRecord: s.childRecord,
    childViewers: s.childViewers,
    childConcerns: s.childConcerns,
    childDesignations: s.childDesignations,
    registerDesignations: s.registerDesignations,
    childFamily: s.childFamily,
    openedConcern: s.openedConcern,
    school: s.school,
    notice: s.notice,
    route: s.route,
    userList: s.userList,
    issuedPassphrase: s.issuedPassphrase,
    auditLog: s.auditLog,
    auditCheck: s.auditCheck,
    settings: s.settings,
    alerts: s.alerts,
    recoveryKey: s.recoveryKey,
    keyRotation: s.keyRotation,
    pupilImport: s.pupilImport,
  };
}

const empty = {
  register: { query: '', includeLeavers: false, items: [], total: 0, status: 'idle', error: null },
  childRecord: { id: null, child: null, status: 'idle', error: null },
  childViewers: { childId: null, items: [], status: 'idle', error: null },
  childConcerns: { childId: null, items: [], status: 'idle', error: null },
  childDesignations: { childId: null, items: [], status: 'idle', error: null },
  registerDesignations: {},
  childFamily: { childId: null, family: null, status: 'idle', error: null },
  openedConcern: { id: null, concern: null, status: 'idle', error: null },
  school: null,
  notice: null,
  route: { page: 'pupils' },
  userList: { items: [], status: 'idle', error: null },
  issuedPassphrase: null,
  auditLog: {
    query: { userId: '', childId: '', method: '', from: '', to: '' },
    items: [],
    total: 0,
    status: 'idle',
    error: null,
  },
  auditCheck: { status: 'idle', result: null, error: null },
  settings: null,
  alerts: [],
  recoveryKey: null,
  keyRotation: null,
  pupilImport: {
    fileName: '',
    csv: '',
    fileError: null,
    preview: null,
    status: 'idle',
    error: null,
    applying: false,
  },
};

const alert = {
  id: recordId(9),
  kind: 'recovery_key_used' as const,
  at: '2026-11-28T14:05:00.000Z',
  userId: sam.id,
  displayName: sam.displayName,
};

async function unlockedWithData(): Promise<void> {
  installFakeLantern({
    'session.status': () => ok(unlockedAs('dsl')),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [child], total: 1 }),
    'children.get': () => ok(child),
    'concerns.forChild': () =>
      ok([
        {
          id: recordId(7),
          occurredAt: '2026-11-27T12:40',
          occurredAtApprox: false,
          recordedAt: '2026-11-27T13:00:00.000Z',
          recordedByName: sam.displayName,
          role: 'victim',
          categories: ['physical'],
          addenda: 0,
        },
      ]),
    'concerns.get': () =>
      ok({
        id: recordId(7),
        recordedBy: sam.id,
        recordedByName: sam.displayName,
        recordedAt: '2026-11-27T13:00:00.000Z',
        occurredAt: '2026-11-27T12:40',
        occurredAtUtc: '2026-11-27T12:40:00.000Z',
        occurredAtApprox: false,
        location: 'Playground',
        summary: 'Jane was pushed over.',
        childWords: '',
        opinion: '',
        actionsTaken: '',
        peopleTold: '',
        dslToldInPerson: false,
        status: 'submitted',
        children: [{ childId: child.id, name: 'Jane Doe', role: 'victim' }],
        categories: ['physical'],
        flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
        bodyMap: [],
        attachments: [],
        addenda: [],
      }),
    'designations.forChild': () =>
      ok([
        {
          id: recordId(8),
          childId: child.id,
          kind: 'looked_after',
          cpCategory: '',
          startDate: '2026-01-05',
          endDate: '',
          notes: 'Social worker: Ann Smith.',
          recordedBy: sam.id,
          recordedByName: sam.displayName,
          recordedAt: '2026-01-05T10:00:00.000Z',
          endedByName: null,
          endedAt: null,
        },
      ]),
    'family.forChild': () =>
      ok({
        families: [],
        adults: [
          {
            id: recordId(9),
            childId: child.id,
            name: 'Grace Doe',
            relationship: 'mother',
            relationshipDetail: '',
            parentalResponsibility: 'yes',
            livesWithChild: 'yes',
            phone: '07700 900 982',
            email: '',
            address: '',
            contactRestrictions: '',
            notes: '',
            priority: 1,
            recordedByName: sam.displayName,
            recordedAt: '2026-01-05T10:00:00.000Z',
            updatedAt: '2026-01-05T10:00:00.000Z',
          },
        ],
        contacts: [],
      }),
    'designations.current': () =>
      ok({ [child.id]: [{ id: recordId(8), kind: 'looked_after', cpCategory: '' }] }),
    'children.viewers': () =>
      ok([
        {
          userId: sam.id,
          displayName: sam.displayName,
          role: 'dsl',
          views: 2,
          firstViewedAt: '2026-11-01T09:00:00.000Z',
          lastViewedAt: '2026-11-28T09:00:00.000Z',
        },
      ]),
    'users.list': () => ok([sam]),
    'users.resetPassphrase': () => ok({ user: sam, oneTimePassphrase: 'tulip-anchor-57' }),
    'audit.list': () =>
      ok({
        items: [
          {
            seq: 1,
            at: '2026-11-28T14:05:00.000Z',
            actorId: sam.id,
            actorName: sam.displayName,
            role: 'dsl',
            method: 'children.get',
            recordIds: [child.id],
            outcome: 'ok',
            errorCode: null,
          },
        ],
        total: 1,
      }),
    'audit.verify': () =>
      ok({ ok: true, rows: 1, problems: [], checkedAt: '2026-11-28T14:06:00.000Z' }),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    'alerts.list': () => ok([alert]),
    'security.rotateKey': () =>
      ok({
        recoveryKey: 'ABCDE-FGHJK-MNPQR-STVWX-Y2345-67890',
        issued: [{ user: { ...sam, mustChangePassphrase: true }, oneTimePassphrase: 'abcd-efgh' }],
      }),
    'children.importPreview': (input) => ok(previewFor((input as { csv: string }).csv)),
    'auth.lock': () => ok(lockedSession),
  });
  const store = useLantern.getState();
  await store.loadSession();
  await store.loadSchool();
  await store.searchRegister('jane');
  await store.openChild(child.id);
  await store.loadChildViewers(child.id);
  await store.loadChildConcerns(child.id);
  await store.loadChildDesignations(child.id);
  await store.loadChildFamily(child.id);
  await store.loadRegisterDesignations([child.id]);
  await store.openConcern(recordId(7));
  await store.loadUsers();
  await store.resetUserPassphrase(sam.id);
  await store.searchAudit({ userId: '', childId: child.id, method: '', from: '', to: '' });
  await store.verifyAudit();
  await store.loadSettings();
  await store.loadAlerts();
  store.navigate({ page: 'child', id: child.id }, { tone: 'success', text: 'Added Jane Doe.' });
  useLantern.setState({ recoveryKey: '7KQ2M-9XD4R-ABCDE-FGHJK-MNPQR-STVWX' });
  await store.rotateKey('maple river lantern cloud');
  await store.chooseImportFile(new File([misFixture('sims.csv')], 'sims.csv'));
  const held = recordData();
  for (const [name, value] of Object.entries(held)) {
    expect(value, `${name} should hold data before the lock`).not.toEqual(
      empty[name as keyof typeof empty],
    );
  }
}

describe('lock', () => {
  it('clears every slice of record data, secrets included', async () => {
    await unlockedWithData();
    await useLantern.getState().lock();
    expect(recordData()).toEqual(empty);
    expect(useLantern.getState().session).toEqual(lockedSession);
    expect(useLantern.getState().lockNotice).toBeNull();
  });

  it('keeps the reason for a lock to show on the sign-in screen', async () => {
    await unlockedWithData();
    await useLantern.getState().lock({ tone: 'info', text: 'Locked for a test.' });
    expect(useLantern.getState().lockNotice?.text).toBe('Locked for a test.');
  });

  it('drops an answer that arrives after the lock', async () => {
    await unlockedWithData();
    let answer: (result: Result<ChildList>) => void = () => undefined;
    installFakeLantern({
      'children.list': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      'auth.lock': () => ok(lockedSession),
    });
    const search = useLantern.getState().searchRegister('doe');
    await useLantern.getState().lock();
    answer(ok({ items: [child], total: 1 }));
    await search;
    expect(recordData()).toEqual(empty);
  });

  it('clears records and says “Lantern locked.” when main reports the session gone', async () => {
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
    expect(useLantern.getState().session?.user).toBeNull();
    expect(useLantern.getState().lockNotice?.text).toBe('Lantern locked.');
  });

  it('shows the sign-in screen with the notice when the session ends under a page', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [child], total: 1 }),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
      'designations.current': () => ok({}),
    });
    render(<App />);
    await openSection('Pupils');
    await screen.findByText('1 pupil');
    act(() => {
      useLantern.getState().sessionEnded();
    });
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(screen.getByText('Lantern locked.')).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
  });

  it('locks on Ctrl+L and shows the sign-in screen', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [child], total: 1 }),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
      'designations.current': () => ok({}),
      'auth.lock': () => ok(lockedSession),
    });
    render(<App />);
    await openSection('Pupils');
    await screen.findByText('1 pupil');
    await act(async () => {
      fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(screen.queryByText('Jane Doe')).toBeNull();
    expect(recordData()).toEqual(empty);
  });

  it('warns on the sign-in screen when main cannot confirm the lock', async () => {
    installFakeLantern({
      'session.status': () => ok(unlockedAs('dsl')),
      'school.get': () => ok(school),
      'children.list': () => ok({ items: [child], total: 1 }),
      'dashboard.get': () => ok(emptyDashboard),
      'alerts.list': () => ok([]),
      'designations.current': () => ok({}),
      'auth.lock': () => ({
        ok: false,
        error: { code: 'internal', message: 'Lantern could not reach its store.' },
      }),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lock' }));
    expect(await screen.findByText(/could not confirm that it is locked/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in to Lantern' })).toBeTruthy();
    expect(recordData()).toEqual(empty);
  });
});
