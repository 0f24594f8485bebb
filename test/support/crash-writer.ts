/**
 * Run as a child process by the crash tests (test/main/crash/*), bundled once with esbuild so
 * each start is quick. Opens the school's encrypted store through the real core, signs in as the
 * DSL and then writes through `invoke` exactly as the app does: mostly concerns about two
 * children (concern, its children, categories, flags, chronology entries, any duties and the
 * audit row, in one transaction), and every fourth write a new child on the register.
 *
 * Arguments: data directory, the ids of two children already on the register, how many writes
 * to make (0: until killed).
 * Prints "ready" once signed in; after each write has been answered ok (so committed), "child
 * <id>" or "concern <id>"; after a failed call, "error <the ApiError as JSON>", and after the
 * first failure it tries FAILED_RETRIES more writes and stops.
 */
import { createApp } from '../../main/app';
import { silentLogger } from '../../main/log';
import type { Child } from '../../shared/children/schema';
import type { Concern } from '../../shared/concerns/schema';
import type { Result } from '../../shared/result';
import { fight, sampleChild, TEST_DSL, TEST_KDF, TEST_PASSPHRASE } from './core';

const FAILED_RETRIES = 2;
const SURNAMES = ['Okafor', 'Nowak', 'Patel', 'Jones', 'Murphy', 'Kowalski', 'Ahmed', 'Evans'];

const [dataDir, firstChild, secondChild, countArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const count = Number(countArg);

const core = createApp({ dataDir, kdf: TEST_KDF, logger: silentLogger() });
const session = core.createSession();

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Prints the failure; true when the call succeeded. */
function answered(result: Result<unknown>): boolean {
  if (!result.ok) say(`error ${JSON.stringify(result.error)}`);
  return result.ok;
}

let failures = 0;
if (
  answered(
    await core.invoke(session, 'auth.signIn', {
      username: TEST_DSL.username,
      passphrase: TEST_PASSPHRASE,
    }),
  )
) {
  say('ready');
  let newest = secondChild;
  for (let n = 0; count === 0 || n < count; n += 1) {
    let ok: boolean;
    if (n % 4 === 3) {
      const result = await core.invoke(
        session,
        'children.add',
        sampleChild({ legalSurname: SURNAMES[n % SURNAMES.length], upn: '' }),
      );
      ok = answered(result);
      if (result.ok) {
        newest = (result.value as Child).id;
        say(`child ${newest}`);
      }
    } else {
      const result = await core.invoke(session, 'concerns.submit', fight(firstChild, newest));
      ok = answered(result);
      if (result.ok) say(`concern ${(result.value as Concern).id}`);
    }
    if (!ok) {
      failures += 1;
      if (failures > FAILED_RETRIES) break;
    }
  }
}
try {
  core.close();
} catch (err) {
  say(`close-error ${String(err)}`);
}
