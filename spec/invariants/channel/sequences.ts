import fc from 'fast-check';
import type { AgentConfig } from '../../agent-config.ts';
import { agentConfigFor } from '../../generators/config.ts';
import { caseText } from '../../model/case-text.ts';
import type { Invariant } from '../invariant.ts';
import type { Family, FamilyModel } from './sequences/model.ts';
import { CreateSource, operationsFor } from './sequences/commands.ts';
import { Operation } from './sequences/operation.ts';

/** A sequence: it always starts by creating a first source, then runs the generated operations. */
export interface Sequence {
  readonly source: AgentConfig;
  readonly commands: Iterable<fc.AsyncCommand<FamilyModel, Family>>;
}

/**
 * The operations of a generated sequence, in order, for planning steps ahead (sequences/plan.ts).
 * fast-check yields each wrapped, holding it as `cmd` (not in its types): where it does not, none
 * is taken and each step is a batch of its own, as before planning.
 */
function operationsIn(commands: Iterable<unknown>): Operation[] {
  const operations = Array.from(commands, (wrapper) => (wrapper as { cmd?: unknown }).cmd);
  return operations.every((cmd) => cmd instanceof Operation) ? (operations as Operation[]) : [];
}

/** Operations that change state; without any of them, sequences add nothing to the single-step invariants. */
const STATEFUL = ['addTool', 'interrupt', 'acquire', 'recordState'];

const MAX_COMMANDS = 35;

export const sequences: Invariant<Sequence> = {
  id: 'channel.sequences',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'Random sequences of operations over a growing family of agents (create a source, clone any member, add a tool to any member, interrupt any member, acquire or release any member\'s lock, record an entry in any member\'s conversation state) keep every channel invariant at every step: each member holds exactly the tools the model says, is interrupted exactly when it was interrupted itself, holds exactly the locks taken on it, shares no tools list, controller, lock or state object with any other member, shows in its state places only what was recorded on it, and every clone relates to its parent as a channel clone does, at any generation.',
  rationale: 'Gateways keep agents alive: tools are added, locks are taken and released, clones are cloned again. Clone code that snapshots state at construction, pools runtime objects, or reads from the first ancestor passes every one-step check and fails only after such a history.',
  input({ probes, scope, accepts, domains, replayPath }) {
    const operations = operationsFor(scope, accepts, domains);
    const usable = operations.filter((operation) => operation.needs.every((probe) => probes.has(probe)));
    const left = operations.filter((operation) => !usable.includes(operation));
    const leftOut = left.map((operation) => `${operation.name} (needs ${operation.needs.map((probe) => `${probe}()`).join(', ')})`);
    const commands = fc.commands(
      usable.flatMap((operation) => Array.from({ length: operation.weight }, () => operation.arbitrary)),
      { maxCommands: MAX_COMMANDS, size: 'large', ...(replayPath === undefined ? {} : { replayPath }) },
    );
    const arbitrary = fc.record({ source: agentConfigFor(scope, accepts, domains), commands });
    return {
      arbitrary,
      ...(usable.some((operation) => STATEFUL.includes(operation.name))
        ? {}
        : { skip: `the adapter has none of the probes that change an agent's state, so sequences would only repeat the single-step checks; left out: ${leftOut.join('; ')}` }),
      ...(left.length === 0 ? {} : { note: `operations left out for missing probes: ${leftOut.join('; ')}` }),
      describe: ({ source, commands }) =>
        [
          `create A from ${caseText(source)}`,
          ...Array.from(commands as Iterable<{ hasRan?: boolean; toString(): string }>)
            .filter((command) => command.hasRan)
            .map(String),
        ].join('; '),
      replayPath: ({ commands }) => /replayPath="([^"]*)"/.exec(String(commands))?.[1],
    };
  },
  async check(subject, { source, commands }) {
    const model: FamilyModel = { members: [] };
    const real: Family = { subject, handles: [], lockNames: [], step: 0, entries: 0, upcoming: operationsIn(commands), planned: [] };
    await new CreateSource(source).run(model, real);
    await fc.asyncModelRun(() => ({ model, real }), commands);
  },
};
