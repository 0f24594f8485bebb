/**
 * better-sqlite3-multiple-ciphers 13 is built for Node >= 22 and crashes the process with a
 * segmentation fault under older versions; fail first with a message a person can act on.
 */
export const MIN_NODE_MAJOR = 22;

export class UnsupportedNodeError extends Error {
  override name = 'UnsupportedNodeError';
}

export function nodeVersionProblem(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null;
  return (
    `Lantern needs Node.js ${MIN_NODE_MAJOR} or newer, but this is Node.js ${version}. ` +
    'Run it through npm (npm start, npm test), which uses the Node.js 22 installed with the ' +
    'project, or install Node.js 22 LTS.'
  );
}
