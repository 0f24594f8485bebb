import { useEffect, useRef, useState } from 'react';

import { roleLabels } from '../../shared/auth/roles';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { User } from '../../shared/users/schema';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { AddUserForm } from './AddUserForm';
import { OneTimePassphrasePanel } from './OneTimePassphrasePanel';

/**
 * Row buttons stay enabled while a request runs (a disabled button would drop focus); a second
 * click is ignored instead.
 */
type RowActions = {
  onSetStatus: (user: User) => void;
  onReset: (user: User) => void;
};

function UserRow({ user, self, actions }: { user: User; self: boolean; actions: RowActions }) {
  const disabled = user.status === 'disabled';
  return (
    <tr>
      <th scope="row">
        {user.displayName}
        {self ? <span className="tag tag--neutral">You</span> : null}
      </th>
      <td>{user.username}</td>
      <td>{roleLabels[user.role]}</td>
      <td>
        {disabled ? 'Disabled' : 'Active'}
        {!disabled && user.mustChangePassphrase ? (
          <span className="table__note">Has a one-time passphrase</span>
        ) : null}
      </td>
      <td>{user.lastSignInAt ? formatInstant(user.lastSignInAt) : 'Never'}</td>
      <td>
        <div className="table__actions">
          {/* Nobody may disable their own account: it could leave the school with no DSL. */}
          {self ? null : (
            <Button
              aria-label={`${disabled ? 'Enable' : 'Disable'} ${user.displayName}`}
              onClick={() => {
                actions.onSetStatus(user);
              }}
            >
              {disabled ? 'Enable' : 'Disable'}
            </Button>
          )}
          {/* A disabled account cannot sign in, so it is enabled before it gets a passphrase. */}
          {disabled ? null : (
            <Button
              aria-label={`Reset passphrase for ${user.displayName}`}
              onClick={() => {
                actions.onReset(user);
              }}
            >
              Reset passphrase
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

function UsersTable({ actions }: { actions: RowActions }) {
  const { items } = useLantern((s) => s.userList);
  const selfId = useLantern((s) => s.session?.user?.id ?? null);
  return (
    <table className="table table--whole-words">
      <caption className="visually-hidden">Users</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Username</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last signed in</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((user) => (
          <UserRow key={user.id} user={user} self={user.id === selfId} actions={actions} />
        ))}
      </tbody>
    </table>
  );
}

export function UsersPage() {
  const userList = useLantern((s) => s.userList);
  const issued = useLantern((s) => s.issuedPassphrase);
  const loadUsers = useLantern((s) => s.loadUsers);
  const setUserStatus = useLantern((s) => s.setUserStatus);
  const resetUserPassphrase = useLantern((s) => s.resetUserPassphrase);
  const clearIssuedPassphrase = useLantern((s) => s.clearIssuedPassphrase);
  const [adding, setAdding] = useState(false);
  const busy = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const heading = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadUsers();
    // A one-time passphrase is shown once: leaving the page forgets it.
    return clearIssuedPassphrase;
  }, [loadUsers, clearIssuedPassphrase]);

  async function run(work: () => Promise<Notice | null>): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    setNotice(null);
    try {
      setNotice(await work());
    } finally {
      busy.current = false;
    }
  }

  const actions: RowActions = {
    onSetStatus(user) {
      const status = user.status === 'disabled' ? 'active' : 'disabled';
      void run(async () => {
        const result = await setUserStatus(user.id, status);
        if (!result) return null;
        if (!result.ok) return { tone: 'warning', text: result.error.message };
        return {
          tone: 'success',
          text:
            status === 'disabled'
              ? `${user.displayName} has been disabled and can no longer sign in.`
              : `${user.displayName} has been enabled and can sign in again.`,
        };
      });
    },
    onReset(user) {
      void run(async () => {
        const result = await resetUserPassphrase(user.id);
        if (!result) return null;
        return result.ok ? null : { tone: 'warning', text: result.error.message };
      });
    },
  };

  return (
    <>
      <div className="page-title-row" ref={heading}>
        <PageHeading>Users</PageHeading>
        {adding || issued ? null : (
          <Button
            variant="primary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            Add a user
          </Button>
        )}
      </div>
      <StatusMessage notice={notice} />
      {issued ? (
        <OneTimePassphrasePanel
          issued={issued}
          onDone={() => {
            clearIssuedPassphrase();
            heading.current?.querySelector('h1')?.focus();
          }}
        />
      ) : null}
      {adding && !issued ? (
        <AddUserForm
          onAdded={() => {
            setAdding(false);
          }}
          onCancel={() => {
            setAdding(false);
            heading.current?.querySelector('h1')?.focus();
          }}
        />
      ) : null}
      {userList.status === 'failed' && userList.error ? (
        <LoadFailure
          title="The list of users could not be loaded"
          error={userList.error}
          onRetry={() => {
            void loadUsers();
          }}
        />
      ) : userList.status === 'ready' || userList.items.length > 0 ? (
        <UsersTable actions={actions} />
      ) : (
        <Loading text="Loading users…" />
      )}
    </>
  );
}
