import fc from 'fast-check';
import { CONFIG_FIELDS } from '../../spec/agent-config.ts';
import { scenarioFor } from '../../spec/generators/scenario.ts';
import { Batch } from '../../spec/model/batch.ts';
import { ConfigRejectedError, type Subject } from '../../spec/model/subject.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import type { Levers } from '../report/model.ts';

/** Configurations tried before giving up (each may be rejected by the framework). */
const TRIES = 8;

/**
 * Before the run: views one agent twice, nothing done in between. A view that hands out a new
 * list each time (a copy "so the suite cannot mutate the agent") would make every identity rule
 * compare copies, passing a clone that shares its source's list: the run cannot be trusted, and
 * stops with exit 2 naming the field. Any other trouble (a call that throws, a rejection) is left
 * to the invariants, which report it where it belongs.
 */
export async function checkViewKeepsLists(subject: Subject, seed: number): Promise<void> {
  const configs = fc.sample(scenarioFor(subject.scope, subject.accepts, subject.domains), { seed, numRuns: TRIES }).map((scenario) => scenario.config);
  for (const config of configs) {
    const batch = new Batch();
    const agent = batch.create(config);
    const first = batch.view(agent);
    const second = batch.view(agent);
    let results;
    try {
      results = await batch.run(subject);
    } catch {
      // A crash or a hang is the invariants' to report, where it belongs.
      await subject.endCase?.().catch(() => {});
      return;
    }
    let views;
    try {
      views = [results.get(first), results.get(second)] as const;
    } catch (error) {
      if (error instanceof ConfigRejectedError) continue;
      return;
    } finally {
      await subject.endCase?.().catch(() => {});
    }
    const copied = CONFIG_FIELDS.filter((field) => {
      if (!subject.scope.has(field)) return false;
      const [a, b] = [views[0].fields[field], views[1].fields[field]];
      return a.kind === 'array' && b.kind === 'array' && a.id !== b.id;
    });
    if (copied.length > 0) {
      const names = copied.join(' and ');
      throw new AdapterLoadError(
        `The adapter's view() returns a new ${names} list on each call (two views of one agent, nothing done in between, hold other list objects): every rule on list identity would compare copies, and a clone sharing its source's list would pass. Return the agent's own list (e.g. agent.${copied[0]} itself), not a copy.`,
      );
    }
    return;
  }
}

/** What restricts the configurations generated for a subject, for the warnings (src/report/model.ts). */
export function leversOf(subject: Subject): Levers {
  return { accepts: subject.accepts !== undefined, domains: [...Object.keys(subject.domains?.fields ?? {}), ...(Object.keys(subject.domains?.features ?? {}).length > 0 ? ['features'] : [])] };
}
