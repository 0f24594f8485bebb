import { describe, expect, it } from 'vitest';

import type { FormFieldKey } from '../../shared/forms/fields';
import { formFieldKeys } from '../../shared/forms/fields';
import type { TemplateField } from '../../shared/forms/templates';
import { fillFields, mappingInput } from '../../shared/forms/templates';

const values = Object.fromEntries(formFieldKeys.map((k) => [k, ''])) as Record<
  FormFieldKey,
  string
>;
values['child.forename'] = 'Amara';
values['child.gender'] = 'Female';
values['child.address'] = '12 Mill Lane\nRiverside\nRV1 2AB';
values['parent1.parentalResponsibility'] = 'Yes';

function field(name: string, over: Partial<TemplateField> = {}): TemplateField {
  return {
    name,
    type: 'text',
    options: [],
    multiline: false,
    maxLength: null,
    suggestion: null,
    ...over,
  };
}

describe('fillFields: what each field of a template receives', () => {
  it('fits values to the field: one line, its length, its choices, a tick', () => {
    const filled = fillFields(
      [
        field('Address'),
        field('Address (box)', { multiline: true }),
        field('First name', { maxLength: 3 }),
        field('Sex', { type: 'radio', options: ['M', 'F'] }),
        field('Gender', { type: 'dropdown', options: ['Male', ' female '] }),
        field('PR', { type: 'checkbox' }),
        field('Aware', { type: 'checkbox' }),
        field('UPN'),
        field('Unmapped'),
      ],
      [
        { field: 'Address', target: { kind: 'key', key: 'child.address' } },
        { field: 'Address (box)', target: { kind: 'key', key: 'child.address' } },
        { field: 'First name', target: { kind: 'key', key: 'child.forename' } },
        { field: 'Sex', target: { kind: 'key', key: 'child.gender' } },
        { field: 'Gender', target: { kind: 'key', key: 'child.gender' } },
        { field: 'PR', target: { kind: 'key', key: 'parent1.parentalResponsibility' } },
        { field: 'Aware', target: { kind: 'fixed', text: 'No' } },
        { field: 'UPN', target: { kind: 'key', key: 'child.upn' } },
      ],
      values,
    );
    expect(filled.map((f) => [f.field, f.value, f.problem])).toEqual([
      ['Address', '12 Mill Lane, Riverside, RV1 2AB', null],
      ['Address (box)', '12 Mill Lane\nRiverside\nRV1 2AB', null],
      ['First name', 'Ama', 'shortened'],
      ['Sex', '', 'not_a_choice'],
      ['Gender', ' female ', null],
      ['PR', 'Yes', null],
      ['Aware', 'No', null],
      ['UPN', '', 'empty'],
      ['Unmapped', '', null],
    ]);
    expect(filled.map((f) => f.source)).toEqual([
      'Home address',
      'Home address',
      'Legal first name',
      'Gender',
      'Gender',
      'Parent or carer 1: parental responsibility',
      'Fixed text',
      'UPN',
      null,
    ]);
  });

  it('refuses a mapping that names a field twice or a key Lantern lacks', () => {
    const twice = mappingInput.safeParse([
      { field: 'UPN', target: { kind: 'key', key: 'child.upn' } },
      { field: 'UPN', target: { kind: 'fixed', text: 'x' } },
    ]);
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['“UPN” is mapped twice.']);
    const unknown = mappingInput.safeParse([
      { field: 'UPN', target: { kind: 'key', key: 'child.shoeSize' } },
    ]);
    expect(unknown.error?.issues.map((i) => i.message)).toEqual([
      'Choose one of Lantern’s data fields.',
    ]);
  });
});
