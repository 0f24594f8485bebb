import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '../../../shared/auth/roles';
import type { Concern } from '../../../shared/concerns/schema';
import type { SearchHit, SearchResults } from '../../../shared/search/schema';
import { App } from '../../../renderer/app/App';
import { useLantern } from '../../../renderer/store';
import type { Handlers } from '../fake-lantern';
import {
  aChild,
  emptyDashboard,
  fail,
  inputsTo,
  installFakeLantern,
  ok,
  recordId,
  school,
  setUpRendererTests,
  unlockedAs,
} from '../fake-lantern';

setUpRendererTests();

const jane = aChild();

const concernHit: SearchHit = {
  kind: 'concern',
  sourceId: recordId(7),
  concernId: recordId(7),
  children: [
    { id: jane.id, name: 'Jane Doe', left: false },
    { id: recordId(8), name: 'Kit Marlow', left: true },
  ],
  occurredAt: '2026-11-27T12:40',
  recordedAt: '2026-11-28T09:00:00.000Z',
  snippet: [
    { text: '…He said he would ', hit: false },
    { text: 'get me after school', hit: true },
    { text: ' <b>if</b> I told anyone.', hit: false },
  ],
};

const addendumHit: SearchHit = {
  kind: 'addendum',
  sourceId: recordId(9),
  concernId: recordId(7),
  children: [{ id: jane.id, name: 'Jane Doe', left: false }],
  occurredAt: null,
  // 23:30 UTC on 1 Jul is 00:30 on 2 Jul in London (summer time): the date shown is London's.
  recordedAt: '2026-07-01T23:30:00.000Z',
  snippet: [{ text: 'school', hit: true }],
};

const concern: Concern = {
  id: recordId(7),
  recordedBy: recordId(1),
  recordedByName: 'Sam Teacher',
  recordedAt: '2026-11-28T09:00:00.000Z',
  occurredAt: '2026-11-27T12:40',
  occurredAtUtc: '2026-11-27T12:40:00.000Z',
  occurredAtApprox: false,
  location: 'Top playground',
  summary: 'Jane was upset.',
  childWords: 'He said he would get me after school if I told anyone.',
  opinion: '',
  actionsTaken: '',
  peopleTold: '',
  dslToldInPerson: false,
  status: 'submitted',
  children: [{ childId: jane.id, name: 'Jane Doe', role: 'subject' }],
  categories: [],
  flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  bodyMap: [],
  attachments: [],
  addenda: [],
};

function openAs(role: Role, handlers: Handlers = {}) {
  const invoke = installFakeLantern({
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [jane], total: 1 }),
    'alerts.list': () => ok([]),
    'designations.current': () => ok({}),
    'concerns.get': () => ok(concern),
    'search.concerns': () => ok<SearchResults>({ items: [concernHit, addendumHit], more: false }),
    ...handlers,
  });
  render(<App />);
  return invoke;
}

async function openSearch() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Search concerns' }));
  await screen.findByRole('heading', { name: 'Search concerns' });
}

function searchFor(text: string) {
  fireEvent.change(screen.getByLabelText('Words or a phrase to find'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
}

describe('the search page', () => {
  it('shows each result with its children, London date and marked words, never as HTML', async () => {
    const invoke = openAs('dsl');
    await openSearch();
    searchFor('  "get me after school"  ');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(inputsTo(invoke, 'search.concerns')).toEqual([
      { query: '"get me after school"', limit: 20, offset: 0 },
    ]);
    expect(
      screen.getByText('2 results for “"get me after school"”, best match first.'),
    ).toBeTruthy();
    const items = within(results).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(within(first).getByRole('heading', { name: 'Concern, 27 Nov 2026' })).toBeTruthy();
    expect(within(first).getByText('Jane Doe, Kit Marlow (left the school)')).toBeTruthy();
    const marks = first.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['get me after school']);
    // Text from main is text: angle brackets stay as characters, no element is made.
    expect(first.querySelector('b')).toBeNull();
    expect(first.textContent).toContain('<b>if</b> I told anyone.');
    expect(
      within(items[1]!).getByRole('heading', { name: 'Correction to a concern, 2 Jul 2026' }),
    ).toBeTruthy();
  });

  it('opens the concern a result belongs to', async () => {
    openAs('dsl');
    await openSearch();
    searchFor('school');
    fireEvent.click(await screen.findByRole('button', { name: 'Concern, 27 Nov 2026' }));
    expect(
      await screen.findByRole('heading', { name: 'Concern of 27 Nov 2026, 12:40' }),
    ).toBeTruthy();
    expect(useLantern.getState().route).toEqual({
      page: 'concern',
      id: recordId(7),
      child: null,
      from: 'search',
    });
  });

  it('opens an Operation Encompass notification from its result', async () => {
    const encompassHit: SearchHit = {
      kind: 'encompass',
      sourceId: recordId(11),
      concernId: null,
      children: [{ id: jane.id, name: 'Jane Doe', left: false }],
      occurredAt: '2026-11-27T22:10',
      recordedAt: '2026-11-28T08:05:00.000Z',
      snippet: [{ text: 'school', hit: true }],
    };
    openAs('dsl', {
      'search.concerns': () => ok<SearchResults>({ items: [encompassHit], more: false }),
    });
    await openSearch();
    searchFor('school');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Operation Encompass notification, 27 Nov 2026' }),
    );
    expect(useLantern.getState().route).toEqual({
      page: 'encompass',
      id: recordId(11),
      child: null,
    });
  });

  it('says when nothing matches, and tells staff they search only their own concerns', async () => {
    openAs('staff', { 'search.concerns': () => ok({ items: [], more: false }) });
    await openSearch();
    expect(screen.getByText(/in the concerns you recorded/)).toBeTruthy();
    searchFor('nothing here');
    expect(await screen.findByText('Nothing matches “nothing here”.')).toBeTruthy();
    expect(screen.getByText(/you can search only the concerns you recorded/)).toBeTruthy();
  });

  it('asks for words before searching, and shows main’s message about the text', async () => {
    const invoke = openAs('dsl', {
      'search.concerns': () =>
        fail('invalid_input', 'Some details need correcting.', {
          query: 'Search for a word or a number: punctuation alone finds nothing.',
        }),
    });
    await openSearch();
    searchFor('   ');
    expect(await screen.findByText('Enter a word or phrase to search for.')).toBeTruthy();
    expect(inputsTo(invoke, 'search.concerns')).toEqual([]);
    searchFor('***');
    expect(
      await screen.findByText('Search for a word or a number: punctuation alone finds nothing.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Words or a phrase to find').getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('shows a failure with a way to try again, and pages with “Show more results”', async () => {
    let calls = 0;
    const invoke = openAs('dsl', {
      'search.concerns': () => {
        calls += 1;
        if (calls === 1) return fail('internal', 'Something went wrong.');
        return ok({ items: [calls === 2 ? concernHit : addendumHit], more: calls === 2 });
      },
    });
    await openSearch();
    searchFor('school');
    expect(await screen.findByText('The search could not be run')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('The first 1 result for “school”, best match first.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => {
      expect(
        within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('listitem'),
      ).toHaveLength(2);
    });
    expect(inputsTo(invoke, 'search.concerns')).toEqual([
      { query: 'school', limit: 20, offset: 0 },
      { query: 'school', limit: 20, offset: 0 },
      { query: 'school', limit: 20, offset: 1 },
    ]);
    expect(screen.queryByRole('button', { name: 'Show more results' })).toBeNull();
  });

  it('forgets the search and its results when Lantern locks', async () => {
    openAs('dsl', {
      'auth.lock': () => ok({ ...unlockedAs('dsl'), unlocked: false, role: null, user: null }),
    });
    await openSearch();
    searchFor('school');
    await screen.findByRole('list', { name: 'Search results' });
    await useLantern.getState().lock();
    expect(useLantern.getState().search).toEqual({
      query: '',
      items: [],
      more: false,
      status: 'idle',
      error: null,
    });
  });
});
