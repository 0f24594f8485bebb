/**
 * What the core needs from the desktop around it. Electron supplies save dialogs; the e2e
 * harness and tests supply their own.
 */
export type SaveRequest = {
  suggestedName: string;
  title: string;
  filters: { name: string; extensions: string[] }[];
};

export type Platform = {
  /** Asks where to save and writes the file; the chosen path, or null when cancelled. */
  saveFile(request: SaveRequest, data: Buffer): Promise<string | null>;
  /** Asks for a folder (backups go there); the chosen path, or null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
};

export const noPlatform: Platform = {
  saveFile: () => Promise.reject(new Error('Saving files is not available here.')),
  chooseFolder: () => Promise.reject(new Error('Choosing a folder is not available here.')),
};

/**
 * The operating system's key store (Electron safeStorage: DPAPI, Keychain, libsecret/kwallet).
 * Sealing each person's key slot with it makes the passphrase alone useless on another
 * computer: the second factor is possession of this one (security G1).
 */
export type DeviceKeyStore = {
  /** The backend's name, or null when nothing secure is available (Linux basic_text counts as none). */
  backend(): Promise<string | null>;
  seal(text: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
};
