import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { migrations } from '../../main/db/migrations';
import type { SchoolSizeName, SyntheticSchool } from '../../main/demo/synthetic-school';
import { createSyntheticSchool, schoolSizes } from '../../main/demo/synthetic-school';
import { TEST_DSL, TEST_KDF, TEST_PASSPHRASE } from '../support/core';

const CACHE = join(process.cwd(), 'node_modules', '.cache', 'lantern-bench');
const GENERATOR = join(process.cwd(), 'main', 'demo');

/** Changes whenever the generator's code does, so a cached school is never stale. */
function generatorDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(GENERATOR).sort())
    hash.update(readFileSync(join(GENERATOR, file)));
  return hash.digest('hex').slice(0, 12);
}

export type CachedSchool = { school: SyntheticSchool; generatedNow: boolean };

/**
 * The generated school for a seed and size, made once and kept under node_modules/.cache: a new
 * migration or a change to the generator changes the key, so a school written by older code is
 * never measured. The caller
 * gets a fresh copy in `dataDir` to write into, so the cached school never changes.
 */
export async function cachedSchool(
  seed: number,
  sizeName: SchoolSizeName,
  dataDir: string,
): Promise<CachedSchool> {
  const dir = join(CACHE, `seed-${seed}-${sizeName}-m${migrations.length}-${generatorDigest()}`);
  const manifest = join(dir, 'school.json');
  let generatedNow = false;
  if (!existsSync(manifest)) {
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const school = await createSyntheticSchool({
      dataDir: join(building, 'data'),
      seed,
      size: schoolSizes[sizeName],
      now: new Date(),
      dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE },
      kdf: TEST_KDF,
    });
    writeFileSync(join(building, 'school.json'), JSON.stringify(school, null, 2));
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
    generatedNow = true;
    // Schools made by older code for this seed and size are of no further use.
    const stale = `seed-${seed}-${sizeName}-`;
    for (const name of readdirSync(CACHE))
      if (name.startsWith(stale) && join(CACHE, name) !== dir)
        rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  cpSync(join(dir, 'data'), dataDir, { recursive: true });
  const school = JSON.parse(readFileSync(manifest, 'utf8')) as SyntheticSchool;
  return { school, generatedNow };
}
