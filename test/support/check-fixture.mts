// Developer helper: prints which invariants an adapter module fails, for seeds given on the command line.
// Usage: npx tsx test/support/check-fixture.mts fixtures/defective/x.ts [runs] [seed...]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CATALOGUE } from '../../spec/invariants/catalogue.ts';
import { runInvariants } from '../../src/run/run-catalogue.ts';
import { inProcessSubject } from '../../src/transports/in-process.ts';

const [file, runsArg = '100', ...seedArgs] = process.argv.slice(2);
const mod = await import(pathToFileURL(resolve(file!)).href);
const seeds = seedArgs.length ? seedArgs.map(Number) : [1, 2, 3, 4, 5];
for (const seed of seeds) {
  const results = await runInvariants(CATALOGUE, inProcessSubject(mod.default, { timeout: 2000 }), { seed, runs: Number(runsArg) });
  const declared = [...(mod.mustFail ?? [])].sort();
  // channel.sequences re-checks every invariant over histories: it may also catch a single-step defect.
  const failed = results.filter((r) => r.status === 'failed' && (r.id !== 'channel.sequences' || declared.includes(r.id))).map((r) => r.id);
  const ok = JSON.stringify([...failed].sort()) === JSON.stringify(declared);
  console.log(`seed ${seed}: ${ok ? 'OK ' : 'MISMATCH'} failed=[${failed.join(', ')}] declared=[${declared.join(', ')}]`);
  if (!ok) for (const r of results) if (r.status === 'failed') console.log(`   ${r.id}: ${r.message}\n      ${r.counterexample.slice(0, 300)}`);
}
