import type { AuditFilter, MethodInput, MethodName } from '../../shared/api';
import { sampleChild, sampleSchool, TEST_DSL, TEST_PASSPHRASE } from './core';

const someId = '01900000-0000-7000-8000-000000000000';

/** A two-pupil SIMS export (check letters computed with upnCheckLetter). */
export const sampleImportCsv = [
  'UPN,Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,DOB,Gender,Year,Admission Date,Leaving Date',
  'D878200013301,Ashworth,Theo,,,02/05/2015,M,Year 6,01/09/2019,',
  'T878200013302,"O\'Neill, Jr",Ciara,,,17/11/2016,F,Year 4,01/09/2021,',
].join('\r\n');
const anyAudit: AuditFilter = {
  userId: '',
  childId: '',
  method: '',
  from: '',
  to: '',
  limit: 50,
  offset: 0,
};

/** One valid input per method: the base the fuzzer mutates and the role matrix calls with. */
export const validInputs: { [M in MethodName]: MethodInput<M> } = {
  'session.status': {},
  'setup.create': {
    school: sampleSchool,
    dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
  },
  'setup.saveRecoverySheet': {},
  'setup.confirmRecoveryKey': { lastGroup: 'ABCDE' },
  'auth.signIn': { username: TEST_DSL.username, passphrase: 'not the passphrase' },
  'auth.recover': {
    recoveryKey: '00000-00000-00000-00000-00000-00000',
    username: TEST_DSL.username,
    passphrase: 'a brand new passphrase',
    confirmation: 'a brand new passphrase',
  },
  'auth.changePassphrase': {
    current: 'wrong current one',
    passphrase: 'a brand new passphrase',
    confirmation: 'a brand new passphrase',
  },
  'auth.lock': {},
  'school.get': {},
  'school.save': sampleSchool,
  'children.list': { query: 'okafor', includeLeavers: false, limit: 50, offset: 0 },
  'children.get': { id: someId },
  'children.add': sampleChild(),
  'children.update': { id: someId, child: sampleChild() },
  'children.importMappings': {},
  'children.importPreview': { csv: sampleImportCsv, mapping: null },
  'children.importApply': { csv: sampleImportCsv, mapping: null, saveMappingAs: '' },
  'children.viewers': { id: someId },
  'concerns.submit': {
    children: [{ childId: someId, role: 'subject' }],
    occurredAt: '2026-11-27T14:30',
    occurredAtApprox: false,
    location: 'The playground',
    categories: ['physical', 'bullying'],
    summary: 'Seen pushing another child to the ground during break.',
    childWords: '',
    opinion: '',
    actionsTaken: 'Separated the children.',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  },
  'concerns.get': { id: someId },
  'concerns.forChild': { childId: someId },
  'concerns.addAddendum': {
    concernId: someId,
    reason: 'The time was wrong in the first record.',
    text: 'It happened at 13:30, not 14:30.',
  },
  'designations.forChild': { childId: someId },
  'designations.current': { childIds: [someId] },
  'designations.add': {
    childId: someId,
    designation: {
      kind: 'cp_plan',
      cpCategory: 'neglect',
      startDate: '2026-03-03',
      endDate: '',
      notes: 'Plan made at the initial child protection conference.',
    },
  },
  'designations.end': { id: someId, endDate: '2026-11-27' },
  'users.list': {},
  'users.add': { displayName: 'Sam Teacher', username: 'steacher', role: 'staff' },
  'users.setStatus': { id: someId, status: 'disabled' },
  'users.resetPassphrase': { id: someId },
  'settings.get': {},
  'settings.save': { autoLockMinutes: 5 },
  'audit.list': anyAudit,
  'audit.exportCsv': anyAudit,
  'audit.verify': {},
  'security.rotateKey': { passphrase: 'not the passphrase' },
  'alerts.list': {},
  'alerts.acknowledge': { id: someId },
};
