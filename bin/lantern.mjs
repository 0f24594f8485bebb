#!/usr/bin/env node
// The admin CLI's launcher: `npx lantern <command>` in a clone after `npm install`, no build.
// It checks the Node version before anything loads the native SQLite module (which crashes
// under an older Node), then runs the TypeScript CLI through tsx (a devDependency).
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `lantern: Node.js 22 or newer is needed (this is ${process.versions.node}). Run it as "npx lantern", which uses the project's own Node 22.\n`,
  );
  process.exit(5);
}

let tsImport;
try {
  ({ tsImport } = await import('tsx/esm/api'));
} catch {
  process.stderr.write(
    'lantern: tsx is missing. Run "npm install" in the Lantern folder (the CLI needs its development dependencies).\n',
  );
  process.exit(5);
}
const cli = await tsImport('../main/cli/main.ts', import.meta.url);
process.exitCode = await cli.run(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
