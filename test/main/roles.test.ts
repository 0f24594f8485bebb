import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MethodName } from '../../shared/api';
import { methodNames } from '../../shared/api';
import type { Role } from '../../shared/auth/roles';
import { roles } from '../../shared/auth/roles';
import { routerFixture } from '../support/router-fixture';
import { validInputs } from '../support/samples';

/**
 * Who may call what, written out by hand from the brief and security.md (A7), independently of
 * shared/auth/roles.ts: if either changes, this test makes the change deliberate.
 * Governors never reach a pupil record; IT administrators run settings, never child records;
 * staff find pupils but cannot change the register. Everyone who works with children records
 * concerns; staff read back only their own (the handlers check that), governors and IT none.
 */
const ALL: readonly Role[] = roles;
const expected: Record<MethodName, readonly Role[]> = {
  'session.status': ALL,
  'setup.create': ALL,
  'auth.signIn': ALL,
  'auth.recover': ALL,
  'auth.changePassphrase': ALL,
  'auth.lock': ALL,
  'demo.explore': ALL,
  'setup.chooseBackup': ALL,
  'setup.restore': ALL,
  'demo.leave': ALL,
  'setup.saveRecoverySheet': ['dsl'],
  'setup.confirmRecoveryKey': ['dsl'],
  'school.get': ALL,
  'school.save': ['dsl', 'headteacher', 'it_admin'],
  'children.list': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'children.get': ['dsl', 'deputy_dsl', 'headteacher'],
  'children.add': ['dsl', 'deputy_dsl'],
  'children.update': ['dsl', 'deputy_dsl'],
  'children.importMappings': ['dsl', 'deputy_dsl'],
  'children.importPreview': ['dsl', 'deputy_dsl'],
  'children.importApply': ['dsl', 'deputy_dsl'],
  'children.viewers': ['dsl'],
  'concerns.submit': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concerns.get': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concerns.forChild': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concerns.addAddendum': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'search.concerns': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concerns.attachment': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concerns.saveAttachment': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.save': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.list': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.get': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.discard': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.attach': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'concernDrafts.detach': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'designations.forChild': ['dsl', 'deputy_dsl', 'headteacher'],
  'designations.current': ['dsl', 'deputy_dsl', 'headteacher'],
  'designations.add': ['dsl', 'deputy_dsl'],
  'designations.end': ['dsl', 'deputy_dsl'],
  'family.forChild': ['dsl', 'deputy_dsl', 'headteacher'],
  'family.link': ['dsl', 'deputy_dsl'],
  'family.unlink': ['dsl', 'deputy_dsl'],
  'family.addAdult': ['dsl', 'deputy_dsl'],
  'family.updateAdult': ['dsl', 'deputy_dsl'],
  'family.addContact': ['dsl', 'deputy_dsl'],
  'family.endContact': ['dsl', 'deputy_dsl'],
  'dashboard.get': ['dsl', 'deputy_dsl'],
  'chronology.forChild': ['dsl', 'deputy_dsl', 'headteacher'],
  'chronology.mark': ['dsl', 'deputy_dsl'],
  'triage.inbox': ['dsl', 'deputy_dsl'],
  'triage.get': ['dsl', 'deputy_dsl'],
  'triage.setLevel': ['dsl', 'deputy_dsl'],
  'triage.decide': ['dsl', 'deputy_dsl'],
  'triage.close': ['dsl', 'deputy_dsl'],
  'triage.reopen': ['dsl', 'deputy_dsl'],
  'actions.owners': ['dsl', 'deputy_dsl'],
  'actions.add': ['dsl', 'deputy_dsl'],
  // Anyone given an action completes it; the handler checks that it is theirs.
  'actions.complete': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'actions.mine': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'chronology.forFamily': ['dsl', 'deputy_dsl', 'headteacher'],
  'chronology.curated.list': ['dsl', 'deputy_dsl'],
  'chronology.curated.get': ['dsl', 'deputy_dsl'],
  'chronology.curated.save': ['dsl', 'deputy_dsl'],
  'encompass.record': ['dsl', 'deputy_dsl'],
  'encompass.forChild': ['dsl', 'deputy_dsl'],
  'encompass.get': ['dsl', 'deputy_dsl'],
  'encompass.addAddendum': ['dsl', 'deputy_dsl'],
  'casework.escalations': ['dsl', 'deputy_dsl'],
  // Everyone who works with children may owe a duty (a teacher's FGM report is personal): they
  // see and discharge their own; the handlers check which. The DSL, deputies and the head see
  // every duty; the DSL and deputies manage them and the calendar. Governors and IT: none.
  'duties.due': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.reminders': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.get': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.forChild': ['dsl', 'deputy_dsl', 'headteacher'],
  'duties.forConcern': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.discharge': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.notApplicable': ['dsl', 'deputy_dsl'],
  'duties.recordException': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.delay': ['dsl', 'deputy_dsl', 'headteacher', 'staff'],
  'duties.extend': ['dsl', 'deputy_dsl'],
  'duties.start': ['dsl', 'deputy_dsl'],
  'duties.settings': ['dsl', 'deputy_dsl', 'headteacher'],
  'duties.saveSettings': ['dsl', 'deputy_dsl'],
  'calendar.get': ['dsl', 'deputy_dsl', 'headteacher'],
  'calendar.saveYear': ['dsl', 'deputy_dsl'],
  'calendar.saveOverrides': ['dsl', 'deputy_dsl'],
  'users.list': ['dsl'],
  'users.add': ['dsl'],
  'users.setStatus': ['dsl'],
  'users.resetPassphrase': ['dsl'],
  'settings.get': ['dsl', 'deputy_dsl', 'headteacher', 'it_admin'],
  'settings.save': ['dsl', 'it_admin'],
  'settings.saveEscalationRules': ['dsl', 'it_admin'],
  'audit.list': ['dsl'],
  'transfer.signingKey': ['dsl', 'deputy_dsl'],
  'transfer.export': ['dsl', 'deputy_dsl'],
  'transfer.exportPdf': ['dsl', 'deputy_dsl'],
  'transfer.inspect': ['dsl', 'deputy_dsl'],
  'transfer.import': ['dsl', 'deputy_dsl'],
  'transfer.receipt': ['dsl', 'deputy_dsl'],
  'transfer.importReceipt': ['dsl', 'deputy_dsl'],
  'audit.exportCsv': ['dsl'],
  'audit.verify': ['dsl'],
  'security.rotateKey': ['dsl'],
  'alerts.list': ['dsl'],
  'alerts.acknowledge': ['dsl'],
  'packs.options': ['dsl', 'deputy_dsl'],
  'packs.preview': ['dsl', 'deputy_dsl'],
  'packs.export': ['dsl', 'deputy_dsl'],
  'packs.history': ['dsl', 'deputy_dsl'],
  'forms.prepare': ['dsl', 'deputy_dsl'],
  'forms.export': ['dsl', 'deputy_dsl'],
  // The local authority's own forms hold and fill children's data: casework, like packs.
  'templates.import': ['dsl', 'deputy_dsl'],
  'templates.list': ['dsl', 'deputy_dsl'],
  'templates.get': ['dsl', 'deputy_dsl'],
  'templates.saveMapping': ['dsl', 'deputy_dsl'],
  'templates.delete': ['dsl', 'deputy_dsl'],
  'templates.preview': ['dsl', 'deputy_dsl'],
  'templates.fill': ['dsl', 'deputy_dsl'],
  // Governors see the policy register's titles and dates; the leadership keeps it.
  'policies.list': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  'policies.review': ['dsl', 'deputy_dsl', 'headteacher'],
  'policies.add': ['dsl', 'deputy_dsl', 'headteacher'],
  'policies.update': ['dsl', 'deputy_dsl', 'headteacher'],
  'policies.document': ['dsl', 'deputy_dsl', 'headteacher'],
  'policies.filteringReviews': ['dsl', 'deputy_dsl', 'headteacher'],
  'policies.recordFilteringReview': ['dsl', 'deputy_dsl', 'headteacher'],
  // Training records are the school's governance, not children: the DSL team and the head.
  'training.people': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.addPerson': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.updatePerson': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.record': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.withdraw': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.attest': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.importStaff': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.setInterval': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.evidence': ['dsl', 'deputy_dsl', 'headteacher'],
  'training.due': ['dsl', 'deputy_dsl', 'headteacher'],
  // Aggregates only (security G8): the governors' own view, also the safeguarding team's.
  'governance.stats': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  'governance.report': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  'governance.saveThreshold': ['dsl', 'deputy_dsl', 'headteacher'],
  // The audit is about the school, not children: governors read it and sign it, never edit it.
  'audits.list': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  'audits.get': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  'audits.export': ['dsl', 'deputy_dsl', 'headteacher', 'governor'],
  // Backups: the safeguarding leads and IT (security R6, G3); nobody else touches them.
  'backup.status': ['dsl', 'deputy_dsl', 'it_admin'],
  'backup.chooseFolder': ['dsl', 'deputy_dsl', 'it_admin'],
  'backup.saveSettings': ['dsl', 'deputy_dsl', 'it_admin'],
  'backup.run': ['dsl', 'deputy_dsl', 'it_admin'],
  'backup.verify': ['dsl', 'deputy_dsl', 'it_admin'],
  // Retention (security G6): the safeguarding leads review, hold and set periods; destroying
  // a child's file is the DSL's decision alone.
  'retention.queue': ['dsl', 'deputy_dsl'],
  'retention.holds': ['dsl', 'deputy_dsl'],
  'retention.placeHold': ['dsl', 'deputy_dsl'],
  'retention.liftHold': ['dsl', 'deputy_dsl'],
  'retention.settings': ['dsl', 'deputy_dsl'],
  'retention.saveSettings': ['dsl', 'deputy_dsl'],
  'retention.register': ['dsl', 'deputy_dsl'],
  'retention.destroy': ['dsl'],
  // The open export is every record, unencrypted: the DSL alone. Checking the store is an
  // audit task: whoever may verify the audit log.
  'data.exportSchool': ['dsl'],
  'data.verify': ['dsl'],
  'audits.start': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.importQuestions': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.answer': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.addAction': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.completeAction': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.evidenceOptions': ['dsl', 'deputy_dsl', 'headteacher'],
  'audits.signOff': ['dsl', 'governor'],
  // Subject access requests show everything held about a child and send it out: the DSL and
  // deputies only (domain.md §6.2); never the headteacher, staff, governors or IT.
  'sar.list': ['dsl', 'deputy_dsl'],
  'sar.create': ['dsl', 'deputy_dsl'],
  'sar.get': ['dsl', 'deputy_dsl'],
  'sar.redact': ['dsl', 'deputy_dsl'],
  'sar.exemption': ['dsl', 'deputy_dsl'],
  'sar.pause': ['dsl', 'deputy_dsl'],
  'sar.resume': ['dsl', 'deputy_dsl'],
  'sar.extend': ['dsl', 'deputy_dsl'],
  'sar.export': ['dsl', 'deputy_dsl'],
  'sar.withdraw': ['dsl', 'deputy_dsl'],
};

const PUBLIC = new Set<MethodName>([
  'session.status',
  'setup.create',
  'auth.signIn',
  'auth.recover',
  // First run: restore the school's store from a backup, or open the demonstration school.
  'setup.chooseBackup',
  'setup.restore',
  'demo.explore',
  'demo.leave',
]);

describe('every role × every method (security A7)', () => {
  const fx = routerFixture();

  beforeAll(async () => {
    await fx.setUp();
  });
  afterAll(() => {
    fx.close();
  });

  it('covers every method in the contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...methodNames].sort());
  });

  for (const role of roles) {
    for (const method of methodNames) {
      const allowed = expected[method].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${method}`, async () => {
        const session = fx.session(role);
        const result = await fx.router.invoke(session, method, validInputs[method]);
        const refused = !result.ok && result.error.code === 'forbidden';
        expect(refused, result.ok ? 'ok' : result.error.message).toBe(!allowed);
        if (refused) {
          const last = fx.vault
            .store()!
            .db.prepare('SELECT method, outcome, role FROM audit_log ORDER BY seq DESC LIMIT 1')
            .get();
          expect(last).toEqual({ method, outcome: 'denied', role });
        }
      });
    }
  }

  it('refuses every non-public method to a signed-out session', async () => {
    for (const method of methodNames) {
      const result = await fx.router.invoke(fx.session(null), method, validInputs[method]);
      if (!PUBLIC.has(method))
        expect(result.ok ? 'ok' : result.error.code, method).toBe('unauthenticated');
    }
  });

  it('lets a session that must change its passphrase do nothing else', async () => {
    for (const method of methodNames) {
      const session = { ...fx.session('dsl'), mustChangePassphrase: true };
      const result = await fx.router.invoke(session, method, validInputs[method]);
      const stillAllowed =
        PUBLIC.has(method) || ['auth.changePassphrase', 'auth.lock'].includes(method);
      if (!stillAllowed) expect(result.ok ? 'ok' : result.error.code, method).toBe('forbidden');
    }
  });
});
