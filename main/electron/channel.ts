/**
 * The one IPC channel between the preload and main. It lives alone, with no imports, so the
 * preload bundle stays a single small CommonJS file that needs nothing but `electron`.
 */
export const INVOKE_CHANNEL = 'lantern:invoke';
