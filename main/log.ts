/**
 * Main-process logging. Callers pass ids and codes only: never record content, names or keys
 * (security K6, A9), because logs are plaintext on disk.
 */
export type LogMeta = Record<string, string | number | boolean | null | undefined>;
export type Logger = {
  info(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
};

export function consoleLogger(): Logger {
  const write = (level: string, message: string, meta?: LogMeta) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...meta });
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return {
    info: (m, meta) => {
      write('info', m, meta);
    },
    warn: (m, meta) => {
      write('warn', m, meta);
    },
    error: (m, meta) => {
      write('error', m, meta);
    },
  };
}

export function silentLogger(): Logger {
  return { info: () => undefined, warn: () => undefined, error: () => undefined };
}
