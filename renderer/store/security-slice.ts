import type { KeyRotation, SavedFile, SessionStatus } from '../../shared/api';
import type { Result } from '../../shared/result';
import type { User } from '../../shared/users/schema';
import { sessionCall } from './request';
import type { SliceCreator } from './types';

export type SecuritySlice = {
  /**
   * What a key rotation just issued: the new recovery key and everyone else's one-time
   * passphrase. main shows them once; they are held only until the DSL presses Done, leaves the
   * page or Lantern locks. Kept apart from set-up's `recoveryKey`, which holds the set-up wizard
   * open.
   */
  keyRotation: KeyRotation | null;
  /** Each resolves to null when the session ended before main answered. */
  rotateKey: (passphrase: string) => Promise<Result<KeyRotation> | null>;
  /** Confirms the new recovery key as set-up does; once main accepts, the secrets are forgotten. */
  confirmRotatedKey: (lastGroup: string) => Promise<Result<SessionStatus> | null>;
  clearKeyRotation: () => void;
  /** The open data export: every record as unencrypted JSON, saved where the DSL chooses. */
  exportAllData: () => Promise<Result<SavedFile> | null>;
};

export const initialSecurity: Pick<SecuritySlice, 'keyRotation'> = { keyRotation: null };

/** The list with each user main changed replaced where it already appears. */
function withUpdates(items: readonly User[], changed: readonly User[]): User[] {
  const byId = new Map(changed.map((user) => [user.id, user]));
  return items.map((user) => byId.get(user.id) ?? user);
}

export const createSecuritySlice: SliceCreator<SecuritySlice> = (set, get) => ({
  ...initialSecurity,

  async rotateKey(passphrase) {
    const result = await sessionCall(get, 'security.rotateKey', { passphrase });
    if (result?.ok) {
      const rotation = result.value;
      const changed = rotation.issued.map((i) => i.user);
      set((s) => ({
        keyRotation: rotation,
        // main now holds the new key until it is confirmed; it reports the same on its next status.
        session: s.session && { ...s.session, recoveryKeyPending: true },
        // Everyone else now has a one-time passphrase, as the users page should show.
        userList: { ...s.userList, items: withUpdates(s.userList.items, changed) },
      }));
    }
    return result;
  },

  async confirmRotatedKey(lastGroup) {
    const result = await sessionCall(get, 'setup.confirmRecoveryKey', { lastGroup });
    if (result?.ok) set({ session: result.value, keyRotation: null });
    return result;
  },

  clearKeyRotation() {
    set({ keyRotation: null });
  },

  exportAllData() {
    return sessionCall(get, 'data.exportSchool', {});
  },
});
