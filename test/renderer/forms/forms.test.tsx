import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ConcernSummary } from '../../../shared/concerns/schema';
import type { PreparedForm } from '../../../shared/forms/builtin';
import { builtinFields, builtinForms, missingMandatory } from '../../../shared/forms/builtin';
import { App } from '../../../renderer/app/App';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  childFileHandlers,
  description,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  setUpRendererTests,
  typeInto,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();
const concern: ConcernSummary = {
  id: recordId(50),
  occurredAt: '2026-11-27T14:30',
  occurredAtApprox: false,
  recordedAt: '2026-11-27T15:00:00.000Z',
  recordedByName: 'Sam Teacher',
  role: 'victim',
  categories: ['physical'],
  addenda: 0,
};

/** The LADO form as main would fill it for Jane: her details and the concern, nothing else. */
function preparedLado(): PreparedForm {
  const form = builtinForms.lado;
  const values = Object.fromEntries(builtinFields(form).map((f) => [f.id, '']));
  Object.assign(values, {
    'child.forename': 'Jane',
    'child.surname': 'Doe',
    'child.dateOfBirth': '12 Mar 2016',
    'child.address': '1 Long Lane',
    'referrer.name': 'Designated safeguarding lead Person',
    'referrer.role': 'Designated safeguarding lead',
    'referrer.organisation': 'Hillside Primary School',
    'dates.referred': '28 Nov 2026',
    'allegation.description': 'A teaching assistant grabbed Jane by the arm.',
  });
  return {
    form,
    childId: jane.id,
    concernId: concern.id,
    values,
    missing: missingMandatory(form, values),
  };
}

function openAs(handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    ...childFileHandlers('dsl', jane),
    'concerns.forChild': () => ok([concern]),
    'forms.prepare': () => ok(preparedLado()),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

async function openLadoForm() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Pupils' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Jane Doe' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Fill a form' }));
  await screen.findByRole('heading', { name: 'Fill a form for Jane Doe', level: 1 });
  fireEvent.click(screen.getByRole('radio', { name: 'LADO referral' }));
  await screen.findByRole('option', { name: '27 Nov 2026, 14:30: Physical abuse' });
  fireEvent.change(screen.getByLabelText('Which concern is it about?'), {
    target: { value: concern.id },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'LADO referral', level: 1 });
}

/** A required field's control, found by its label within its section of the form. */
const required = (section: string, label: string) =>
  within(screen.getByRole('region', { name: section })).getByLabelText(`${label} (required)`);

/** What the DSL types into each empty required field of the LADO form. */
const answers: [string, string, string][] = [
  ['Harm threshold', 'Which harm-threshold criteria apply', 'Harmed or may have harmed a child.'],
  ['Dates', 'Date the allegation was received by the school', '28 Nov 2026'],
  ['Referrer', 'Phone', '01632 960 123'],
  ['Adult the allegation is about', 'Name', 'Pat Example'],
  ['Adult the allegation is about', 'Job title or role', 'Teaching assistant'],
  ['Adult the allegation is about', 'Employment basis', 'Agency'],
  ['Child', 'Is the child safe now?', 'Yes'],
  ['The allegation', 'Category', 'Physical'],
  ['Actions so far', 'Who has been informed (police, children’s social care, parents)', 'Parents.'],
  ['Actions so far', 'Is the adult aware of the referral?', 'No'],
];

function fillAll(list: [string, string, string][]) {
  for (const [section, label, value] of list)
    fireEvent.change(required(section, label), { target: { value } });
}

describe('built-in forms in the renderer', () => {
  it('asks main for the chosen form and concern, and shows the prefilled values', async () => {
    const invoke = openAs();
    await openLadoForm();
    expect(inputsTo(invoke, 'forms.prepare')).toEqual([
      { formId: 'lado', childId: jane.id, concernId: concern.id },
    ]);
    expect((required('Child', 'First name') as HTMLInputElement).value).toBe('Jane');
    expect(
      (
        required(
          'The allegation',
          'Full description (exact words, no opinion)',
        ) as HTMLTextAreaElement
      ).value,
    ).toBe('A teaching assistant grabbed Jane by the arm.');
    expect(screen.getByLabelText<HTMLInputElement>('Also known as').value).toBe('');
  });

  it('lists every empty required field, each linking to its control, and clears as they are filled', async () => {
    openAs();
    await openLadoForm();
    const banner = screen.getByRole('heading', {
      name: '10 required fields are empty',
    }).parentElement!;
    const links = within(banner).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(
      answers.map(([section, label]) => `${label} (${section})`),
    );
    fireEvent.click(
      within(banner).getByRole('link', {
        name: 'Employment basis (Adult the allegation is about)',
      }),
    );
    expect(document.activeElement).toBe(
      required('Adult the allegation is about', 'Employment basis'),
    );

    fillAll(answers.slice(0, 1));
    expect(screen.getByRole('heading', { name: '9 required fields are empty' })).toBeTruthy();
    // A prefilled required field emptied by hand joins the list.
    fireEvent.change(required('Child', 'Surname'), { target: { value: ' ' } });
    expect(screen.getByRole('heading', { name: '10 required fields are empty' })).toBeTruthy();
    fireEvent.change(required('Child', 'Surname'), { target: { value: 'Doe' } });
    fillAll(answers.slice(1));
    expect(screen.queryByRole('heading', { name: /required fields? (is|are) empty/ })).toBeNull();
    expect(
      screen.getByText('Every required field is filled in. Check the form, then export it.'),
    ).toBeTruthy();
  });

  it('sends only what the DSL typed or changed, and says where the file was saved', async () => {
    const invoke = openAs({
      'forms.export': () => ok({ savedTo: '/home/dsl/LADO referral Jane Doe 2026-11-28.pdf' }),
    });
    await openLadoForm();
    fillAll(answers);
    typeInto('Who it is for', 'Northshire LADO');
    typeInto('Reference (optional)', 'LADO-17');
    fireEvent.click(screen.getByRole('button', { name: 'Export as PDF' }));
    expect(
      await screen.findByText(
        'LADO referral saved as a PDF to /home/dsl/LADO referral Jane Doe 2026-11-28.pdf. The export is recorded in Jane Doe’s chronology.',
      ),
    ).toBeTruthy();
    expect(inputsTo(invoke, 'forms.export')).toEqual([
      {
        formId: 'lado',
        childId: jane.id,
        concernId: concern.id,
        format: 'pdf',
        recipient: 'Northshire LADO',
        reference: 'LADO-17',
        values: {
          'threshold.criteria': 'Harmed or may have harmed a child.',
          'dates.received': '28 Nov 2026',
          'referrer.phone': '01632 960 123',
          'adult.name': 'Pat Example',
          'adult.role': 'Teaching assistant',
          'adult.employment': 'Agency',
          'child.safeNow': 'Yes',
          'allegation.category': 'Physical',
          'actions.informed': 'Parents.',
          'actions.subjectAware': 'No',
        },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Export as Word' }));
    await screen.findByText(/LADO referral saved as a Word document/);
    expect((inputsTo(invoke, 'forms.export')[1] as { format: string }).format).toBe('docx');
  });

  it('shows main’s refusal beside each field it names', async () => {
    openAs({
      'forms.export': () =>
        fail('invalid_input', '1 required field is empty. Fill it in before exporting.', {
          'values.adult.name': 'Fill in “Name”: this form requires it.',
          recipient: 'Enter who it is for.',
        }),
    });
    await openLadoForm();
    fireEvent.click(screen.getByRole('button', { name: 'Export as Word' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText('1 required field is empty. Fill it in before exporting.'),
    ).toBeTruthy();
    expect(description(required('Adult the allegation is about', 'Name'))).toContain(
      'Fill in “Name”: this form requires it.',
    );
    expect(description(screen.getByLabelText('Who it is for'))).toContain('Enter who it is for.');
  });
});
