import type { MethodInput } from '../../shared/api';
import type { ApiError, Result } from '../../shared/result';
import type { Settings } from '../../shared/settings/schema';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type SettingsSlice = {
  settings: Settings | null;
  settingsLoad: LoadStatus;
  settingsError: ApiError | null;
  loadSettings: () => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  saveSettings: (input: MethodInput<'settings.save'>) => Promise<Result<Settings> | null>;
  saveEscalationRules: (
    input: MethodInput<'settings.saveEscalationRules'>,
  ) => Promise<Result<Settings> | null>;
};

export const initialSettings: Pick<SettingsSlice, 'settings' | 'settingsLoad' | 'settingsError'> = {
  settings: null,
  settingsLoad: 'idle',
  settingsError: null,
};

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  ...initialSettings,

  async loadSettings() {
    set({ settingsLoad: 'loading', settingsError: null });
    const result = await sessionCall(get, 'settings.get', {});
    if (!result) return;
    set(
      result.ok
        ? { settings: result.value, settingsLoad: 'ready' }
        : { settingsLoad: 'failed', settingsError: result.error },
    );
  },

  async saveSettings(input) {
    const result = await sessionCall(get, 'settings.save', input);
    if (result?.ok) {
      const saved = result.value;
      const { session } = get();
      set({
        settings: saved,
        settingsLoad: 'ready',
        settingsError: null,
        // The idle timer reads the session; main reports the same on its next status.
        session: session && { ...session, autoLockMinutes: saved.autoLockMinutes },
      });
    }
    return result;
  },

  async saveEscalationRules(input) {
    const result = await sessionCall(get, 'settings.saveEscalationRules', input);
    if (result?.ok) set({ settings: result.value, settingsLoad: 'ready', settingsError: null });
    return result;
  },
});
