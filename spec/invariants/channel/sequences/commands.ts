import fc from 'fast-check';
import type { AgentConfig } from '../../../agent-config.ts';
import type { Probe } from '../../../model/subject.ts';
import type { Domains } from '../../../domains.ts';
import { agentConfigFor } from '../../../generators/config.ts';
import type { FieldScope } from '../../../model/field-scope.ts';
import { tool } from '../../../generators/tools.ts';
import { Violation } from '../../invariant.ts';
import { CHANNEL_RELATIONS } from '../channel-relations.ts';
import { relationApplies } from '../relation.ts';
import { configuredTools, handoffRoutes, lockNames } from '../setup.ts';
import { ConfigRejectedError } from '../../../model/subject.ts';
import { atStep, type Family, type FamilyModel, labelOf, MAX_MEMBERS, memberAt, toolTokens, verifyFamily } from './model.ts';

type Command = fc.AsyncCommand<FamilyModel, Family>;

/**
 * Shared shape of every operation: run it, update the model, then compare the whole family with
 * the model. `label` is filled in when it runs, so the shrunk sequence reads with member names.
 */
abstract class Operation implements Command {
  protected label = '?';

  abstract check(model: Readonly<FamilyModel>): boolean;
  protected abstract apply(model: FamilyModel, family: Family): Promise<void>;
  abstract toString(): string;
  abstract [fc.cloneMethod](): Operation;

  async run(model: FamilyModel, family: Family): Promise<void> {
    family.step += 1;
    try {
      await this.apply(model, family);
    } catch (error) {
      if (error instanceof Violation) throw atStep(family, this.toString(), error);
      throw error;
    }
    await verifyFamily(model, family, this.toString());
  }
}

export class CreateSource extends Operation {
  constructor(readonly config: AgentConfig) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.length < MAX_MEMBERS;

  protected async apply(model: FamilyModel, family: Family) {
    this.label = labelOf(model.members.length);
    let handle: unknown;
    try {
      handle = await family.subject.create(this.config);
    } catch (error) {
      // A later source the framework rejects is left out; a rejected first source discards the case.
      if (!(error instanceof ConfigRejectedError) || model.members.length === 0) throw error;
      this.label = `(rejected) ${this.label}`;
      return;
    }
    const view = await family.subject.view(handle);
    family.handles.push(handle);
    const routes = handoffRoutes(view, configuredTools(family.subject, this.config.tools), family.subject.scope);
    model.members.push({ label: this.label, tools: toolTokens(view), routes, interrupted: false, held: new Map() });
  }

  toString = () => `create ${this.label}`;
  [fc.cloneMethod] = () => new CreateSource(this.config);
}

class Clone extends Operation {
  #child = '?';

  constructor(readonly pick: number) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.length > 0 && model.members.length < MAX_MEMBERS;

  protected async apply(model: FamilyModel, family: Family) {
    const index = memberAt(model, this.pick);
    const parent = model.members[index]!;
    this.label = parent.label;
    this.#child = labelOf(model.members.length);
    const handle = await family.subject.cloneForChannel(family.handles[index]);
    const parentView = await family.subject.view(family.handles[index]);
    const childView = await family.subject.view(handle);
    for (const relation of CHANNEL_RELATIONS.filter((candidate) => relationApplies(candidate, family.subject.scope))) {
      const violation = relation.relate(parentView, childView, family.subject.scope, { routes: parent.routes });
      if (violation) throw new Violation(`(${relation.id}) ${this.#child} against its parent ${parent.label}: ${violation.observed}`, violation.required);
    }
    family.handles.push(handle);
    const tools = parent.tools.filter((token) => token === undefined || !parent.routes.has(token));
    model.members.push({ label: this.#child, tools, routes: new Set(), interrupted: false, held: new Map() });
  }

  toString = () => `clone ${this.label} -> ${this.#child}`;
  [fc.cloneMethod] = () => new Clone(this.pick);
}

class AddTool extends Operation {
  constructor(
    readonly pick: number,
    readonly tool: unknown,
  ) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.length > 0;

  protected async apply(model: FamilyModel, family: Family) {
    const index = memberAt(model, this.pick);
    const member = model.members[index]!;
    this.label = member.label;
    await family.subject.addTool(family.handles[index], this.tool);
    const after = toolTokens(await family.subject.view(family.handles[index]));
    const added = after[after.length - 1];
    if (after.length !== member.tools.length + 1 || member.tools.some((token, i) => token !== after[i])) {
      throw new Violation(`(channel.tools.isolated) addTool(${member.label}) left ${member.label} with ${after.length} tools (had ${member.tools.length})`, 'the tool appended to its own list');
    }
    member.tools.push(added);
  }

  toString = () => `addTool ${this.label}`;
  [fc.cloneMethod] = () => new AddTool(this.pick, this.tool);
}

class Interrupt extends Operation {
  constructor(readonly pick: number) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.length > 0;

  protected async apply(model: FamilyModel, family: Family) {
    const index = memberAt(model, this.pick);
    this.label = model.members[index]!.label;
    await family.subject.interrupt(family.handles[index]);
    model.members[index]!.interrupted = true;
  }

  toString = () => `interrupt ${this.label}`;
  [fc.cloneMethod] = () => new Interrupt(this.pick);
}

const OWNERS = ['gateway', 'worker-1', 'worker-2'] as const;

class Acquire extends Operation {
  #lock = '?';
  #owner = '?';

  constructor(
    readonly pick: number,
    readonly lock: number,
    readonly owner: number,
  ) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.length > 0;

  protected async apply(model: FamilyModel, family: Family) {
    const index = memberAt(model, this.pick);
    const member = model.members[index]!;
    this.label = member.label;
    const names = lockNames(await family.subject.view(family.handles[index]));
    if (names.length === 0) return;
    this.#lock = names[this.lock % names.length]!;
    const holder = member.held.get(this.#lock);
    // Re-acquiring for the holder depends on whether the lock is re-entrant; ask for someone else.
    let owner = OWNERS[this.owner % OWNERS.length]!;
    if (owner === holder) owner = OWNERS[(this.owner + 1) % OWNERS.length]!;
    this.#owner = owner;
    const acquired = await family.subject.tryAcquire(family.handles[index], this.#lock, owner);
    if (acquired && holder !== undefined) {
      throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${this.#lock}", ${owner}) succeeded while ${holder} held it`, 'a held lock refuses another owner');
    }
    if (!acquired && holder === undefined) {
      throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${this.#lock}", ${owner}) was refused`, `${member.label}'s "${this.#lock}" free: no operation on ${member.label} holds it`);
    }
    if (acquired) member.held.set(this.#lock, owner);
  }

  toString = () => `acquire ${this.label}.${this.#lock} for ${this.#owner}`;
  [fc.cloneMethod] = () => new Acquire(this.pick, this.lock, this.owner);
}

class Release extends Operation {
  #lock = '?';

  constructor(readonly pick: number) {
    super();
  }

  check = (model: Readonly<FamilyModel>) => model.members.some((member) => member.held.size > 0);

  protected async apply(model: FamilyModel, family: Family) {
    const holders = model.members.map((member, index) => ({ member, index })).filter(({ member }) => member.held.size > 0);
    const { member, index } = holders[this.pick % holders.length]!;
    this.label = member.label;
    const [lock, owner] = [...member.held][0]!;
    this.#lock = lock;
    await family.subject.release(family.handles[index], lock, owner);
    member.held.delete(lock);
  }

  toString = () => `release ${this.label}.${this.#lock}`;
  [fc.cloneMethod] = () => new Release(this.pick);
}

/** An operation of the sequences, and the probes it needs. */
interface OperationKind {
  readonly name: string;
  readonly needs: readonly Probe[];
  /** How often it is drawn relative to the others. */
  readonly weight: number;
  readonly arbitrary: fc.Arbitrary<Command>;
}

/** Which member an operation acts on: most often the newest, so that chains of clones come often. */
const pick = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: MAX_MEMBERS * 2 }) });

/** The operations of sequences, for an adapter that maps the fields in `scope`. */
export const operationsFor = (scope: FieldScope, accepts?: (config: AgentConfig) => boolean, domains?: Domains): readonly OperationKind[] => [
  { name: 'create', needs: [], weight: 1, arbitrary: agentConfigFor(scope, accepts, domains).map((config) => new CreateSource(config)) },
  { name: 'clone', needs: [], weight: 8, arbitrary: pick.map((at) => new Clone(at)) },
  { name: 'addTool', needs: ['addTool'], weight: 4, arbitrary: fc.tuple(pick, tool).map(([at, value]) => new AddTool(at, value)) },
  { name: 'interrupt', needs: ['interrupt', 'isInterrupted'], weight: 1, arbitrary: pick.map((at) => new Interrupt(at)) },
  { name: 'acquire', needs: ['tryAcquire', 'release'], weight: 4, arbitrary: fc.tuple(pick, fc.nat(), fc.nat()).map(([at, lock, owner]) => new Acquire(at, lock, owner)) },
  { name: 'release', needs: ['tryAcquire', 'release'], weight: 4, arbitrary: pick.map((at) => new Release(at)) },
];
