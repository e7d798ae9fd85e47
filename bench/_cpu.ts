import { readFileSync, readdirSync } from 'node:fs';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { runInvariants } from '../src/run/run-catalogue.ts';
import { processSubject } from '../src/transports/process-subject.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
const ROOT = new URL('../', import.meta.url).pathname;
const ticks = (pid: number) => { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; } catch { return NaN; } };
const descendants = (root: number): number[] => { const out: number[] = []; for (const d of readdirSync('/proc')) { if (!/^\d+$/.test(d)) continue; try { const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' '); if (Number(f[1]) === root) out.push(Number(d), ...descendants(Number(d))); } catch {} } return out; };
for (const mode of (process.env.MODES ?? 'in,1,2').split(',')) {
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  if (mode === 'in') {
    await runInvariants(CATALOGUE, inProcessSubject(referenceAdapter, { timeout: 2000 }), { seed: 1, runs: 100 });
    const c = process.cpuUsage(cpu0);
    console.log(mode, 'wall', (performance.now() - t0).toFixed(0), 'node cpu', ((c.user + c.system) / 1000).toFixed(0));
    continue;
  }
  const subject = await processSubject({ command: `CLONE_CONFORMANCE_ADAPTER_PROTOCOL=${mode} python3 fixtures/python/reference_adapter.py`, cwd: ROOT, timeout: 10000, startTimeout: 30000 });
  await runInvariants(CATALOGUE, subject, { seed: 1, runs: 100 });
  const py = descendants(process.pid).map(ticks).reduce((a, b) => a + b, 0);
  const c = process.cpuUsage(cpu0);
  console.log(mode, 'wall', (performance.now() - t0).toFixed(0), 'node cpu', ((c.user + c.system) / 1000).toFixed(0), 'python cpu', py, 'round trips', subject.requests);
  await subject.close();
}
