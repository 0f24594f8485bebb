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
};

export const noPlatform: Platform = {
  saveFile: () => Promise.reject(new Error('Saving files is not available here.')),
};
