import type { MethodInput, MethodName } from '../../shared/api';
import { sampleChild, sampleSchool, TEST_PASSPHRASE } from './core';

/** One valid input per method: the base the fuzzer mutates and the role matrix calls with. */
export const validInputs: { [M in MethodName]: MethodInput<M> } = {
  'session.status': {},
  'vault.create': { passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
  'vault.unlock': { passphrase: TEST_PASSPHRASE },
  'vault.lock': {},
  'school.get': {},
  'school.save': sampleSchool,
  'children.list': { query: 'okafor', limit: 50, offset: 0 },
  'children.get': { id: '01900000-0000-7000-8000-000000000000' },
  'children.add': sampleChild(),
  'children.update': { id: '01900000-0000-7000-8000-000000000000', child: sampleChild() },
};
