import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript child script, SIGKILLs it `ms` after its first line of output, and
 * resolves with every line it printed.
 */
export function runAndKill(script: string, args: string[], ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        if (lines.length === 0) setTimeout(() => child.kill('SIGKILL'), ms);
        lines.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`child exited ${String(code)}: ${stderr}`));
    });
  });
}
