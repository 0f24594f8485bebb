import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signInThrottle } from '../../../main/auth/throttle';
import type { HandlerContext, SessionState } from '../../../main/handler';
import { silentLogger } from '../../../main/log';
import {
  NOT_A_PDF,
  policiesDue,
  policyCompliance,
  policyEvidenceOptions,
} from '../../../main/policies/service';
import { createRouter } from '../../../main/router';
import { createVault, storePaths } from '../../../main/vault/vault';
import type { MethodInput, MethodName, SavedFile } from '../../../shared/api';
import type { Role } from '../../../shared/auth/roles';
import type { Dashboard } from '../../../shared/dashboard/schema';
import { londonDate } from '../../../shared/dates/calendar-date';
import { policyRegister } from '../../../shared/policies/register';
import type {
  FilteringReview,
  PolicyEntry,
  PolicyRegisterView,
} from '../../../shared/policies/schema';
import type { Result } from '../../../shared/result';
import {
  errorOf,
  folderPlatform,
  sampleSchool,
  tempDir,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
} from '../../support/core';

let now = new Date('2026-11-28T10:00:00Z');
const dir = tempDir();
const vault = createVault(storePaths(dir.path), TEST_KDF);
const services = {
  vault,
  clock: () => now,
  logger: silentLogger(),
  platform: folderPlatform(dir.path),
  throttle: signInThrottle(dir.path),
  closeStoreIfUnused: () => undefined,
};
const router = createRouter(services);
let dslId = '';
let n = 0;

/** A session of `role` acting as the DSL's account (recorded_by must name a real user). */
function sessionAs(role: Role): SessionState {
  n += 1;
  return {
    id: `policies-${n}`,
    user: { id: dslId, username: TEST_DSL.username, displayName: TEST_DSL.displayName, role },
    mustChangePassphrase: false,
    pendingRecoveryKey: null,
  };
}

function call<M extends MethodName>(
  role: Role,
  method: M,
  input: MethodInput<M>,
): Promise<Result<unknown>> {
  return router.invoke(sessionAs(role), method, input);
}

async function ok<T>(role: Role, method: MethodName, input: unknown): Promise<T> {
  const r = await router.invoke(sessionAs(role), method, input);
  if (!r.ok)
    throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

/** What the exported functions see: the same context the router builds for one call. */
function contextAs(role: Role): HandlerContext {
  const store = vault.store();
  if (!store) throw new Error('store closed');
  return {
    ...services,
    session: sessionAs(role),
    now,
    today: londonDate(now),
    store,
    commit: (_ids, write) => write(),
    markAudited: () => undefined,
  };
}

function count(table: string): number {
  const row = vault.store()!.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
    n: number;
  };
  return row.n;
}

function entry(view: PolicyRegisterView, id: string): PolicyEntry {
  const found = view.policies.find((p) => p.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
}

const cpReview = (
  overrides: Partial<MethodInput<'policies.review'>> = {},
): MethodInput<'policies.review'> => ({
  policyId: 'child_protection',
  approvedOn: '2026-09-15',
  approvedBy: 'Full governing board',
  versionLabel: '2026.1',
  nextReview: '',
  publishedUrl: 'https://www.riverside.sch.uk/policies/child-protection',
  document: null,
  ...overrides,
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  const r = await router.invoke(
    { id: 'setup', user: null, mustChangePassphrase: false, pendingRecoveryKey: null },
    'setup.create',
    {
      school: sampleSchool,
      dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
    },
  );
  if (!r.ok) throw new Error(r.error.message);
  dslId = (
    vault.store()!.db.prepare('SELECT id FROM users WHERE username = ?').get(TEST_DSL.username) as {
      id: string;
    }
  ).id;
});
afterAll(() => {
  vault.lock();
  dir.remove();
});

describe('the policy register (issue 7)', () => {
  it('starts with every register policy, none reviewed, all overdue', async () => {
    const view = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    expect(view.today).toBe('2026-11-28');
    expect(view.policies.map((p) => p.id)).toEqual(policyRegister.map((p) => p.id));
    expect(view.policies.every((p) => p.overdue && p.nextReview === null)).toBe(true);
    expect(entry(view, 'child_protection')).toMatchObject({
      title: 'Child protection policy',
      basis: 'statutory_annual',
      publicationRequired: true,
      builtin: true,
    });
    expect(entry(view, 'whistleblowing').basis).toBe('school_practice');
    expect(view.filtering).toEqual({ lastReviewedOn: null, nextReview: null, overdue: true });
    expect(policyCompliance(contextAs('dsl'))).toEqual({
      total: 8,
      inDate: 0,
      overdue: 8,
      lastFilteringReview: null,
    });
  });

  it('refuses the child protection policy without its publication address, storing nothing', async () => {
    const e = errorOf(await call('dsl', 'policies.review', cpReview({ publishedUrl: '' })));
    expect(e.code).toBe('invalid_input');
    expect(e.fields).toEqual({
      publishedUrl:
        'The child protection policy must be published: enter the web address where it is published.',
    });
    const bad = errorOf(
      await call('dsl', 'policies.review', cpReview({ publishedUrl: 'riverside school website' })),
    );
    expect(bad.fields?.publishedUrl).toBe('Enter a web address starting https:// or http://.');
    expect(count('policy_reviews')).toBe(0);
  });

  it('refuses approvals in the future and next reviews before approval or beyond the interval', async () => {
    const future = errorOf(
      await call('dsl', 'policies.review', cpReview({ approvedOn: '2026-11-29' })),
    );
    expect(future.fields).toEqual({
      approvedOn: 'The date it was approved cannot be in the future.',
    });
    const before = errorOf(
      await call('dsl', 'policies.review', cpReview({ nextReview: '2026-09-14' })),
    );
    expect(before.fields).toEqual({
      nextReview: 'The next review cannot be before the date it was approved.',
    });
    const late = errorOf(
      await call('dsl', 'policies.review', cpReview({ nextReview: '2027-09-16' })),
    );
    expect(late.fields).toEqual({
      nextReview: 'The next review must be no more than 12 months after approval.',
    });
    expect(count('policy_reviews')).toBe(0);
  });

  it('computes the next review as approval plus the interval, and keeps an earlier one', async () => {
    await ok('dsl', 'policies.review', {
      ...cpReview({ policyId: 'online_safety', approvedOn: '2026-01-31', publishedUrl: '' }),
    });
    await ok('dsl', 'policies.review', cpReview({ nextReview: '2027-07-01' }));
    const view = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    expect(entry(view, 'online_safety').nextReview).toBe('2027-01-31');
    expect(entry(view, 'child_protection')).toMatchObject({
      nextReview: '2027-07-01',
      overdue: false,
      publishedUrl: 'https://www.riverside.sch.uk/policies/child-protection',
    });
    expect(entry(view, 'child_protection').lastReview).toMatchObject({
      approvedOn: '2026-09-15',
      approvedBy: 'Full governing board',
      versionLabel: '2026.1',
      document: null,
      recordedByName: TEST_DSL.displayName,
    });
  });

  it('adds a school policy and takes the corresponding date when the month is shorter', async () => {
    const view = await ok<PolicyRegisterView>('dsl', 'policies.add', {
      title: 'Intimate care policy',
      ownerName: 'Deputy headteacher',
      notes: 'Agreed with the nursery lead.',
      intervalMonths: 1,
    });
    const added = view.policies.find((p) => p.title === 'Intimate care policy')!;
    expect(added).toMatchObject({ builtin: false, source: null, intervalMonths: 1 });
    await ok('dsl', 'policies.review', {
      ...cpReview({ policyId: added.id, approvedOn: '2026-01-31', publishedUrl: '' }),
    });
    const after = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    expect(entry(after, added.id).nextReview).toBe('2026-02-28');
    expect(entry(after, added.id).ownerName).toBe('Deputy headteacher');

    for (const title of ['intimate CARE policy', 'Child protection policy']) {
      const e = errorOf(
        await call('dsl', 'policies.add', { title, ownerName: '', notes: '', intervalMonths: 12 }),
      );
      expect(e.fields).toEqual({ title: 'A policy with this title is already on the register.' });
    }
    expect(count('policies')).toBe(9);
  });

  it('keeps an owner and notes for any policy, and refuses a policy not on the register', async () => {
    const view = await ok<PolicyRegisterView>('headteacher', 'policies.update', {
      policyId: 'child_protection',
      ownerName: '  Dana   Lead ',
      notes: 'Reflects the Westshire partnership’s arrangements.',
    });
    expect(entry(view, 'child_protection')).toMatchObject({
      ownerName: 'Dana Lead',
      notes: 'Reflects the Westshire partnership’s arrangements.',
      title: 'Child protection policy',
    });
    const unknown = errorOf(
      await call('dsl', 'policies.update', {
        policyId: '01900000-0000-7000-8000-000000000000',
        ownerName: '',
        notes: '',
      }),
    );
    expect(unknown.code).toBe('not_found');
    const invented = errorOf(
      await router.invoke(sessionAs('dsl'), 'policies.update', {
        policyId: 'uniform',
        ownerName: '',
        notes: '',
      }),
    );
    expect(invented.fields).toEqual({ policyId: 'Choose a policy.' });
  });

  it('flags overdue reviews on the clock and reports compliance and what is due', async () => {
    // Approved a year and a bit ago: due 1 Nov 2026, overdue on 28 Nov 2026.
    await ok('dsl', 'policies.review', {
      ...cpReview({ policyId: 'behaviour', approvedOn: '2025-11-01', publishedUrl: '' }),
    });
    // Due on 20 Dec 2026: within the month, so due but not overdue.
    await ok('dsl', 'policies.review', {
      ...cpReview({ policyId: 'whistleblowing', approvedOn: '2025-12-20', publishedUrl: '' }),
    });
    const view = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    expect(entry(view, 'behaviour')).toMatchObject({ nextReview: '2026-11-01', overdue: true });
    expect(entry(view, 'whistleblowing')).toMatchObject({
      nextReview: '2026-12-20',
      overdue: false,
    });

    const ctx = contextAs('dsl');
    // In date: child protection, online safety, whistleblowing. The intimate care policy (due
    // 28 Feb 2026), behaviour and the five never reviewed are overdue.
    expect(policyCompliance(ctx)).toEqual({
      total: 9,
      inDate: 3,
      overdue: 6,
      lastFilteringReview: null,
    });
    const due = policiesDue(ctx);
    expect(due.map((d) => [d.title, d.nextReview, d.overdue])).toEqual([
      ['Staff behaviour policy (code of conduct)', '', true],
      ['Response to children absent from education', '', true],
      ['Safer recruitment policy', '', true],
      ['Allegations against staff procedures', '', true],
      ['Intimate care policy', '2026-02-28', true],
      ['Behaviour policy', '2026-11-01', true],
      ['Whistleblowing policy', '2026-12-20', false],
    ]);
    const dashboard = await ok<Dashboard>('dsl', 'dashboard.get', {});
    expect(dashboard.policiesDue).toEqual(due);

    // A year on, the child protection policy's review (1 Jul 2027) has passed too.
    now = new Date('2027-07-02T09:00:00Z');
    try {
      const later = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
      expect(entry(later, 'child_protection').overdue).toBe(true);
      expect(policyCompliance(contextAs('dsl')).inDate).toBe(0);
    } finally {
      now = new Date('2026-11-28T10:00:00Z');
    }
  });

  it('keeps a PDF as evidence and saves a copy; refuses anything else', async () => {
    const wrong = errorOf(
      await call(
        'dsl',
        'policies.review',
        cpReview({
          document: {
            fileName: 'minutes.pdf',
            dataBase64: Buffer.from('not a pdf').toString('base64'),
          },
        }),
      ),
    );
    expect(wrong.fields).toEqual({ document: NOT_A_PDF });
    const before = count('policy_reviews');
    await ok('dsl', 'policies.review', {
      ...cpReview({
        approvedOn: '2026-11-20',
        versionLabel: '2026.2',
        document: { fileName: '../Board minutes 20 Nov.PDF', dataBase64: PDF.toString('base64') },
      }),
    });
    expect(count('policy_reviews')).toBe(before + 1);
    const view = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    const cp = entry(view, 'child_protection');
    expect(cp.lastReview?.document).toEqual({
      fileName: 'Board minutes 20 Nov.pdf',
      size: PDF.length,
    });
    expect(cp.history.map((r) => r.versionLabel)).toEqual(['2026.2', '2026.1']);
    const saved = await ok<SavedFile>('dsl', 'policies.document', { reviewId: cp.lastReview!.id });
    expect(readFileSync(saved.savedTo!)).toEqual(PDF);
    const none = errorOf(await call('dsl', 'policies.document', { reviewId: cp.history[1]!.id }));
    expect(none.message).toBe('This review has no evidence attached.');
  });

  it('stores a filtering and monitoring review with its participants and actions', async () => {
    const input: MethodInput<'policies.recordFilteringReview'> = {
      reviewedOn: '2026-10-05',
      participants: [
        { name: 'Priya Shah', role: 'slt' },
        { name: 'Dana Lead', role: 'dsl' },
        { name: 'Tom Reed', role: 'governor' },
        { name: 'Westshire IT Services', role: 'it_provider' },
      ],
      systemsChecked: 'Web filter on the school network; monitoring on staff and pupil laptops',
      findings: 'Harmful categories blocked; alerts reach the DSL within the hour.',
      actions: [
        {
          action: 'Test filtering on mobile hotspots',
          owner: 'IT provider',
          dueDate: '2026-12-01',
        },
      ],
    };
    const future = errorOf(
      await call('dsl', 'policies.recordFilteringReview', { ...input, reviewedOn: '2026-11-29' }),
    );
    expect(future.fields).toEqual({
      reviewedOn: 'The date of the review cannot be in the future.',
    });
    const early = errorOf(
      await call('dsl', 'policies.recordFilteringReview', {
        ...input,
        actions: [{ action: 'Retest', owner: 'IT provider', dueDate: '2026-10-01' }],
      }),
    );
    expect(early.fields).toEqual({
      'actions.0.dueDate': 'An action cannot be due before the review.',
    });
    const nobody = errorOf(
      await call('dsl', 'policies.recordFilteringReview', { ...input, participants: [] }),
    );
    expect(nobody.fields?.participants).toBe('Add the people who took part.');
    expect(count('filtering_reviews')).toBe(0);

    const list = await ok<FilteringReview[]>('dsl', 'policies.recordFilteringReview', input);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      reviewedOn: '2026-10-05',
      nextReview: '2027-10-05',
      participants: input.participants,
      actions: input.actions,
      recordedByName: TEST_DSL.displayName,
    });
    const stored = vault
      .store()!
      .db.prepare('SELECT participants, actions FROM filtering_reviews')
      .get() as { participants: string; actions: string };
    expect(JSON.parse(stored.participants)).toEqual(input.participants);
    expect(JSON.parse(stored.actions)).toEqual(input.actions);
    const view = await ok<PolicyRegisterView>('dsl', 'policies.list', {});
    expect(view.filtering).toEqual({
      lastReviewedOn: '2026-10-05',
      nextReview: '2027-10-05',
      overdue: false,
    });
    expect(policyCompliance(contextAs('dsl')).lastFilteringReview).toBe('2026-10-05');
  });

  it('offers every policy review and filtering review as audit evidence', () => {
    const options = policyEvidenceOptions(contextAs('dsl'));
    expect(options.filter((o) => o.kind === 'filtering_review').map((o) => o.label)).toEqual([
      'Filtering and monitoring review: 5 Oct 2026',
    ]);
    expect(options.filter((o) => o.kind === 'policy').map((o) => o.label)).toContain(
      'Child protection policy: approved 20 Nov 2026 (version 2026.2)',
    );
    expect(options.filter((o) => o.kind === 'policy')).toHaveLength(count('policy_reviews'));
  });

  it('never changes or deletes a recorded review', () => {
    const db = vault.store()!.db;
    expect(() => db.prepare("UPDATE policy_reviews SET approved_by = 'x'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM filtering_reviews').run()).toThrow(/cannot be deleted/);
  });

  it('shows governors titles and dates only, never lets them write, and refuses staff', async () => {
    const view = await ok<PolicyRegisterView>('governor', 'policies.list', {});
    const added = view.policies.find((p) => p.title === 'Intimate care policy')!;
    expect(entry(view, 'child_protection').notes).toBe('');
    expect(entry(view, 'child_protection').lastReview).toBeNull();
    expect(entry(view, 'child_protection').lastApprovedOn).toBe('2026-11-20');
    expect(added.ownerName).toBe('');
    expect(added.notes).toBe('');
    expect(view.policies.every((p) => p.history.length === 0)).toBe(true);
    expect(entry(view, 'child_protection').nextReview).toBe('2027-11-20');
    const reviews = count('policy_reviews');
    for (const [method, input] of [
      ['policies.review', cpReview({ approvedOn: '2026-11-27' })],
      ['policies.add', { title: 'Uniform policy', ownerName: '', notes: '', intervalMonths: 12 }],
      ['policies.update', { policyId: 'behaviour', ownerName: 'Governor', notes: '' }],
      ['policies.filteringReviews', {}],
    ] as const) {
      expect(errorOf(await router.invoke(sessionAs('governor'), method, input)).code).toBe(
        'forbidden',
      );
    }
    expect(errorOf(await call('staff', 'policies.list', {})).code).toBe('forbidden');
    expect(count('policy_reviews')).toBe(reviews);
    expect(count('policies')).toBe(9);
  });
});
