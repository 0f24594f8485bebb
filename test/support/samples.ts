import type { AuditFilter, MethodInput, MethodName } from '../../shared/api';
import { sampleChild, sampleSchool, TEST_DSL, TEST_PASSPHRASE } from './core';

const someId = '01900000-0000-7000-8000-000000000000';
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
  'children.list': { query: 'okafor', limit: 50, offset: 0 },
  'children.get': { id: someId },
  'children.add': sampleChild(),
  'children.update': { id: someId, child: sampleChild() },
  'children.viewers': { id: someId },
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
