import { CONFIG_FIELDS, VIEW_FIELDS, type ConfigField, type ViewField } from '../../agent-config.ts';
import type { FieldScope } from '../../model/field-scope.ts';
import { PROBE_OWNERS } from '../../generators/scenario.ts';
import { deepEqual, describe, firstDifference, identical } from '../../model/observed.ts';
import type { ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { Batch } from '../../model/batch.ts';
import { frameworkValue } from '../framework-fields.ts';
import { lockNames, prepareSourceThen, type PreparedSource } from './setup.ts';

/**
 * How a view shows an agent from one call to the next, learned from two views with nothing done
 * in between: the fields it builds afresh on each call (equal values, other objects), whose
 * identity no view can show, so they are compared by value only.
 */
export interface ViewStability {
  readonly rebuilt: ReadonlySet<ViewField>;
}

/** Whether a view field is judged: configuration fields only where the adapter maps them. */
const judged = (field: ViewField, scope: FieldScope): boolean => !(CONFIG_FIELDS as readonly string[]).includes(field) || scope.has(field as ConfigField);

/**
 * The first framework field (by name, as either view shows them) in which two views of one agent
 * differ: identities too unless `identity` is false. The framework fields' holder may be made
 * afresh by each view (`{ history: agent.history }`): what it holds counts, not the holder.
 */
function frameworkChange(before: ObservedAgent, after: ObservedAgent, identity: boolean) {
  const names = new Set([before, after].flatMap((view) => (view.fields.framework?.kind === 'object' ? (view.fields.framework.entries ?? []).map(([name]) => name) : [])));
  for (const name of names) {
    const differs = firstDifference(frameworkValue(before, name), frameworkValue(after, name), { path: `framework.${name}`, identity });
    if (differs) return differs;
  }
  return before.fields.framework?.kind === after.fields.framework?.kind ? undefined : firstDifference(before.fields.framework, after.fields.framework, { path: 'framework' });
}

/** The first difference in one view field, values and (unless `identity` is false) identities alike. */
const fieldChange = (before: ObservedAgent, after: ObservedAgent, field: Exclude<ViewField, 'locks'>, identity: boolean) =>
  field === 'framework' ? frameworkChange(before, after, identity) : firstDifference(before.fields[field], after.fields[field], { path: field, identity });

/**
 * Two views of one agent, nothing done in between: the fields the view rebuilds on each call, or
 * a violation when a field the adapter maps differs in value (a view that cannot be trusted).
 */
export function viewStability(before: ObservedAgent, again: ObservedAgent, scope: FieldScope): ViewStability | Violation {
  const rebuilt = new Set<ViewField>();
  for (const field of VIEW_FIELDS) {
    if (field === 'locks' || !judged(field, scope)) continue;
    const differs = fieldChange(before, again, field, true);
    if (!differs) continue;
    const inValue = fieldChange(before, again, field, false);
    if (inValue) {
      return new Violation(`two views of one agent, with nothing done in between, differ (${inValue.path} became ${describe(inValue.b, 3)})`, "view() to show the agent's state as it is, the same on every call");
    }
    rebuilt.add(field);
  }
  return { rebuilt };
}

/** The first field or lock in which two views of one agent differ, values and identities alike (values only for fields the view rebuilds; unmapped fields not at all). */
function firstChange(before: ObservedAgent, after: ObservedAgent, scope: FieldScope, stability: ViewStability): Violation | undefined {
  for (const field of VIEW_FIELDS) {
    if (field === 'locks' || !judged(field, scope)) continue;
    const differs = fieldChange(before, after, field, !stability.rebuilt.has(field));
    if (differs) {
      const replaced = deepEqual(differs.a, differs.b) ? ' (an equal but other object)' : '';
      return new Violation(`source.${differs.path} became ${describe(differs.b, 3)}${replaced}`, `source.${differs.path} exactly as it was: ${describe(differs.a, 3)}`);
    }
  }
  const names = lockNames(before);
  if (names.join('\u0000') !== lockNames(after).join('\u0000')) {
    return new Violation(`source lock names became [${lockNames(after).join(', ')}]`, `[${names.join(', ')}], as before`);
  }
  const changed = names.find((name) => !identical(before.locks![name]!, after.locks![name]!));
  return changed === undefined ? undefined : new Violation(`source.locks.${changed} was replaced`, 'the source\'s own lock objects kept');
}

export const sourceUnchanged: Invariant = {
  id: 'channel.source-unchanged',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'Cloning leaves the source exactly as it was: every value, the identity of its tools list and of every element, its controller and locks, its interrupt state, and which locks it holds (the last two where the adapter has the probes to observe them).',
  rationale: 'The source keeps serving while it is cloned, often on its own channel. Clone code that resets handoffs, clears locks or rebinds tools on the wrong object damages the running agent, and the damage shows up later, far from its cause.',
  async check(subject, scenario) {
    // Two views before cloning, the clone and a view after, in the round trip that prepares the source.
    const { source, then } = await prepareSourceThen(subject, scenario, (batch, handle) => {
      const before = batch.view(handle);
      const again = batch.view(handle);
      const clone = batch.cloneForChannel(handle);
      const after = batch.view(handle);
      return (results) => ({ before: results.get(before), again: results.get(again), clone: () => results.get(clone), after: () => results.get(after) });
    });
    then.clone();
    const violation = await sourceStateChange(subject, source, then.before, then.after(), then.again);
    if (violation) throw violation;
  },
};

/**
 * How an operation changed its source, if it did: any value or identity in its view (`again`, a
 * second view taken before it, tells which fields the view rebuilds on each call), then (where
 * the adapter has the probes) its interrupt state and the locks it holds. Used by every profile.
 * The probes go in one batch: for each lock, the probe owner tries it, and releases it where it is
 * expected free (as one by one, the release follows its own acquisition before the next lock is tried).
 */
export async function sourceStateChange(subject: Subject, source: PreparedSource, before: ObservedAgent, after: ObservedAgent, again: ObservedAgent): Promise<Violation | undefined> {
  // Stability first: a view that rebuilds a field would make its identity checks fail correct code.
  const stability = viewStability(before, again, subject.scope);
  if (stability instanceof Violation) return stability;
  const changed = firstChange(before, after, subject.scope, stability);
  if (changed) return changed;
  const probes = new Batch();
  const interrupted = subject.probes.has('isInterrupted') ? probes.isInterrupted(source.handle) : undefined;
  const locks = subject.probes.has('tryAcquire')
    ? lockNames(before).map((name) => {
        const holder = source.held.get(name);
        const acquired = probes.tryAcquire(source.handle, name, PROBE_OWNERS[0]);
        const released = holder === undefined && subject.probes.has('release') ? probes.release(source.handle, name, PROBE_OWNERS[0]) : undefined;
        return { name, holder, acquired, released };
      })
    : [];
  const results = await probes.run(subject);
  if (interrupted && results.get(interrupted) !== source.interrupted) {
    return new Violation(`source ${source.interrupted ? 'no longer' : 'became'} interrupted`, 'its interrupt state unchanged');
  }
  for (const { name, holder, acquired, released } of locks) {
    const got = results.get(acquired);
    if (holder !== undefined && got) return new Violation(`the source's "${name}", held by ${holder}, was released`, 'the lock still held');
    if (holder === undefined && !got) return new Violation(`the source's "${name}" was left held`, 'the lock free, as before');
    if (released) results.get(released);
  }
  return undefined;
}
