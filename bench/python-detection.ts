/**
 * Detection power of the Python defective fixtures (fixtures/python/defective/): like
 * bench/detection.ts, on how many seeds each is caught at few runs, but over the protocol. One
 * adapter process per fixture serves every seed, as one process serves a whole command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processSubject } from '../src/transports/process-subject.ts';
import { detectOn, type Detection } from './detection.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const DIR = 'fixtures/python/defective';

export interface PythonFixture {
  readonly file: string;
  readonly mustFail: readonly string[];
}

/** Every Python defective fixture, with the ids its `MUST_FAIL = [...]` declares (on one line or several). */
export function pythonDefectiveFixtures(): PythonFixture[] {
  return readdirSync(`${ROOT}${DIR}`)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => {
      const source = readFileSync(`${ROOT}${DIR}/${name}`, 'utf8');
      const declared = /^MUST_FAIL\s*=\s*\[([^\]]*)\]/m.exec(source);
      if (!declared) throw new Error(`${DIR}/${name} declares no MUST_FAIL list`);
      return { file: `${DIR}/${name}`, mustFail: [...declared[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!) };
    });
}

/** Runs the fixture's declared invariants on seeds 1..seeds, `runs` cases each, without shrinking. */
export async function detectPython(fixture: PythonFixture, seeds: number, runs: number): Promise<Detection> {
  const subject = await processSubject({ command: `python3 ${fixture.file}`, cwd: ROOT, timeout: 10_000, startTimeout: 30_000, env: { PYTHONHASHSEED: '0' } });
  try {
    return await detectOn(fixture.mustFail, seeds, runs, () => subject);
  } finally {
    await subject.close();
  }
}
