import { readFileSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LanternCore, Session } from '../../../main/app';
import type { IssuedPassphrase } from '../../../shared/api';
import type { AuditRow, AuditVerification, ChildViewer } from '../../../shared/audit/schema';
import { readKeyring, unwrapDataKey } from '../../../main/vault/keyring';
import { storePaths } from '../../../main/vault/vault';
import {
  folderPlatform,
  must,
  sampleChild,
  tempDir,
  TEST_PASSPHRASE,
  unlockedCore,
} from '../../support/core';

describe('the audit viewer, who viewed a child, export and verification', () => {
  const dir = tempDir();
  let core: LanternCore;
  let dsl: Session;
  let head: Session;
  let childId: string;
  let headId: string;
  let now = new Date('2026-06-30T22:30:00Z'); // 23:30 on 30 Jun in London (BST)
  const filter = { userId: '', childId: '', method: '', from: '', to: '', limit: 100, offset: 0 };

  beforeAll(async () => {
    ({ core, session: dsl } = await unlockedCore(dir.path, () => now, folderPlatform(dir.path)));
    childId = (
      await must<{ id: string }>(
        core.invoke(dsl, 'children.add', sampleChild({ legalSurname: '=cmd|calc' })),
      )
    ).id;
    const issued = await must<IssuedPassphrase>(
      core.invoke(dsl, 'users.add', {
        displayName: 'Hana Head',
        username: 'hhead',
        role: 'headteacher',
      }),
    );
    headId = issued.user.id;
    head = core.createSession();
    await must(
      core.invoke(head, 'auth.signIn', { username: 'hhead', passphrase: issued.oneTimePassphrase }),
    );
    await must(
      core.invoke(head, 'auth.changePassphrase', {
        current: issued.oneTimePassphrase,
        passphrase: 'head of the school here',
        confirmation: 'head of the school here',
      }),
    );
    now = new Date('2026-07-01T08:00:00Z');
    await must(core.invoke(head, 'children.get', { id: childId }));
    await must(core.invoke(head, 'children.get', { id: childId }));
    await must(core.invoke(dsl, 'children.get', { id: childId }));
  });
  afterAll(() => {
    core.close();
    dir.remove();
  });

  it('lists who has viewed the child, with counts and times', async () => {
    const viewers = await must<ChildViewer[]>(
      core.invoke(dsl, 'children.viewers', { id: childId }),
    );
    expect(viewers.map((v) => [v.displayName, v.views])).toEqual([
      ['Dana Lead', 1],
      ['Hana Head', 2],
    ]);
    expect(viewers[1]).toMatchObject({
      role: 'headteacher',
      lastViewedAt: '2026-07-01T08:00:00.000Z',
    });
  });

  it('filters by person, child, action and London date', async () => {
    const byHead = await must<{ items: AuditRow[] }>(
      core.invoke(dsl, 'audit.list', { ...filter, userId: headId }),
    );
    expect(byHead.items.every((r) => r.actorId === headId && r.actorName === 'Hana Head')).toBe(
      true,
    );
    const aboutChild = await must<{ items: AuditRow[] }>(
      core.invoke(dsl, 'audit.list', { ...filter, childId }),
    );
    expect(aboutChild.items.map((r) => r.method)).toEqual([
      'children.viewers',
      'children.get',
      'children.get',
      'children.get',
      'children.add',
    ]);
    // The child was added at 23:30 on 30 Jun London time, which is still 30 Jun.
    const june30 = await must<{ items: AuditRow[] }>(
      core.invoke(dsl, 'audit.list', { ...filter, childId, from: '2026-06-30', to: '2026-06-30' }),
    );
    expect(june30.items.map((r) => r.method)).toEqual(['children.add']);
    const gets = await must<{ total: number }>(
      core.invoke(dsl, 'audit.list', { ...filter, method: 'children.get' }),
    );
    expect(gets.total).toBe(3);
  });

  it('exports the filtered log as CSV that a spreadsheet cannot execute', async () => {
    const { savedTo } = await must<{ savedTo: string }>(
      core.invoke(dsl, 'audit.exportCsv', { ...filter, childId }),
    );
    const csv = readFileSync(savedTo, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFEntry,When (UTC),When (London),Person,Role,Action,Records,Outcome,Error',
    );
    expect(csv).toContain('1 Jul 2026, 09:00');
    expect(csv).not.toContain('calc'); // ids only: the child's (hostile) name is never in the log
  });

  it('verifies the chain and reports tampering in plain English', async () => {
    const ok = await must<AuditVerification>(core.invoke(dsl, 'audit.verify', {}));
    expect(ok).toMatchObject({ ok: true, problems: [] });
    expect(ok.rows).toBeGreaterThan(8);
    // Someone with the key edits a row behind Lantern's back.
    const paths = storePaths(dir.path);
    const slot = readKeyring(paths.keyring).slots.find((x) => x.username === 'dlead')!;
    const key = await unwrapDataKey(slot, TEST_PASSPHRASE);
    const raw = new Database(paths.database);
    raw.key(key);
    raw.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET role = 'governor' WHERE seq = 3;",
    );
    raw.close();
    const bad = await must<AuditVerification>(core.invoke(dsl, 'audit.verify', {}));
    expect(bad.ok).toBe(false);
    expect(bad.problems).toContain(
      'Entry 3 has been altered, or was added by something other than Lantern.',
    );
  });
});
