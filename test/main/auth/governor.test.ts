import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { methodNames } from '../../../shared/api';
import { can } from '../../../shared/auth/roles';
import { methods } from '../../../shared/api';
import { must, sampleChild, tempDir, unlockedCore } from '../../support/core';
import type { IssuedPassphrase } from '../../../shared/api';
import { validInputs } from '../../support/samples';

/**
 * Governors see aggregates only (issue 3, security G8): with a seeded register, nothing a
 * governor may call returns a child's name, UPN or date of birth.
 */
describe('a governor never sees a child’s identity', () => {
  const dir = tempDir();
  const children = [
    sampleChild(),
    sampleChild({
      legalForename: 'Zoë',
      legalSurname: 'Whitfield',
      preferredForename: 'Zo',
      upn: 'Y87812342610A',
      dateOfBirth: '2014-07-09',
    }),
    sampleChild({
      legalForename: 'Tomasz',
      legalSurname: 'Nowakowski',
      upn: '',
      dateOfBirth: '2012-01-30',
      yearGroup: '9',
    }),
  ];
  const secrets = [
    ...children.flatMap((c) =>
      [c.legalForename, c.legalSurname, c.preferredForename, c.upn, c.dateOfBirth].filter(Boolean),
    ),
    'Plan reviewed by Northshire social care.',
  ];
  let outputs: { method: string; body: string }[] = [];

  beforeAll(async () => {
    const { core, session } = await unlockedCore(dir.path);
    const added: { id: string }[] = [];
    for (const c of children) added.push(await must(core.invoke(session, 'children.add', c)));
    // A sensitive designation on the file: a governor's refused calls must not reveal it.
    await must(
      core.invoke(session, 'designations.add', {
        childId: added[0]?.id,
        designation: {
          kind: 'cp_plan',
          cpCategory: 'sexual',
          startDate: '2025-01-06',
          endDate: '',
          notes: 'Plan reviewed by Northshire social care.',
        },
      }),
    );
    const issued = await must<IssuedPassphrase>(
      core.invoke(session, 'users.add', {
        displayName: 'Gill Governor',
        username: 'ggov',
        role: 'governor',
      }),
    );
    const gov = core.createSession();
    await must(
      core.invoke(gov, 'auth.signIn', { username: 'ggov', passphrase: issued.oneTimePassphrase }),
    );
    await must(
      core.invoke(gov, 'auth.changePassphrase', {
        current: issued.oneTimePassphrase,
        passphrase: 'governing body minutes',
        confirmation: 'governing body minutes',
      }),
    );
    const permitted = methodNames.filter((m) => {
      const access = methods[m].access;
      return access === 'public' || can('governor', access);
    });
    outputs = [];
    for (const method of permitted.filter((m) => m !== 'auth.lock')) {
      const r = await core.invoke(gov, method, validInputs[method]);
      outputs.push({ method, body: JSON.stringify(r) });
    }
    // Everything else a governor might try is refused, with nothing but an error.
    for (const method of methodNames.filter((m) => !permitted.includes(m))) {
      const input = method.startsWith('children.')
        ? { query: '', limit: 50, offset: 0 }
        : validInputs[method];
      outputs.push({ method, body: JSON.stringify(await core.invoke(gov, method, input)) });
    }
    core.close();
  });
  afterAll(() => {
    dir.remove();
  });

  it('called every method', () => {
    expect(outputs.map((o) => o.method).sort()).toEqual(
      [...methodNames].filter((m) => m !== 'auth.lock').sort(),
    );
  });

  it('no response contains a name, UPN or date of birth', () => {
    for (const { method, body } of outputs) {
      for (const secret of secrets)
        expect(body, `${method} leaked ${secret}`).not.toContain(secret);
    }
  });
});
