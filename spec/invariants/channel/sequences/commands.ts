import fc from 'fast-check';
import type { AgentConfig } from '../../../agent-config.ts';
import type { AgentArg, Batch, Earlier } from '../../../model/batch.ts';
import { ConfigRejectedError, type ObservedAgent, type Probe } from '../../../model/subject.ts';
import type { Domains } from '../../../domains.ts';
import { agentConfigFor } from '../../../generators/config.ts';
import type { FieldScope } from '../../../model/field-scope.ts';
import { tool } from '../../../generators/tools.ts';
import { Violation } from '../../invariant.ts';
import { CHANNEL_RELATIONS } from '../channel-relations.ts';
import { relationApplies } from '../relation.ts';
import { noHandoffsAsEmptyList } from '../no-handoffs.ts';
import { configuredTools, handoffRoutes } from '../setup.ts';
import { boundTo } from '../../agent-bound.ts';
import { withoutRoutes } from '../tools-same-elements.ts';
import { type Family, labelOf, MAX_MEMBERS, toolTokens } from './model.ts';
import type { FamilyPlan, FamilyShape } from './plan.ts';
import { Operation, type Command, type Step } from './operation.ts';
import { Acquire, Release } from './lock-commands.ts';

export class CreateSource extends Operation {
  constructor(readonly config: AgentConfig) {
    super();
  }

  override check(model: Readonly<FamilyShape>): boolean {
    return model.members.length < MAX_MEMBERS;
  }

  /** The first source looks up how the framework holds "no handoffs" before it is queued. */
  override plansAhead(family: Family): boolean {
    return family.noHandoffsAsEmptyList !== undefined || !family.subject.scope.has('handoffs');
  }

  protected async queue(plan: FamilyPlan, family: Family, batch: Batch): Promise<Step> {
    this.label = labelOf(plan.members.length);
    if (family.noHandoffsAsEmptyList === undefined && family.subject.scope.has('handoffs')) {
      family.noHandoffsAsEmptyList = await noHandoffsAsEmptyList(family.subject, this.config);
    }
    // Created in the step's batch: a source the framework rejects stops it there, before anything else ran.
    const created = batch.create(this.config);
    // Tools whole: which of them are routes depends on what they reach (spec/invariants/agent-bound.ts).
    const view = batch.view(created, ['tools', 'handoffs'], ['handoffs']);
    // Whether the framework takes a later source decides the family's shape; a rejected first one ends the case.
    const last = plan.members.length > 0;
    plan.add(created, this.label);
    let rejected = false;
    return {
      last,
      addedNothing: (results, model) => {
        try {
          results.get(created);
          return false;
        } catch (error) {
          // A later source the framework rejects is left out; a rejected first source discards the case.
          if (!(error instanceof ConfigRejectedError) || model.members.length === 0) throw error;
          this.label = `(rejected) ${this.label}`;
          return (rejected = true);
        }
      },
      apply: (results, model) => {
        if (rejected) return;
        const handle = results.get(created);
        const seen = results.get(view);
        family.handles.push(handle);
        const routes = handoffRoutes(seen, configuredTools(family.subject, this.config.tools), family.subject.scope);
        model.members.push({ label: this.label, tools: toolTokens(seen), routes, interrupted: false, held: new Map(), state: new Map() });
      },
    };
  }

  toString = () => `create ${this.label}`;
  [fc.cloneMethod] = () => new CreateSource(this.config);
}

class Clone extends Operation {
  #child = '?';

  constructor(readonly pick: number) {
    super();
  }

  override check(model: Readonly<FamilyShape>): boolean {
    return model.members.length > 0 && model.members.length < MAX_MEMBERS;
  }

  protected async queue(plan: FamilyPlan, family: Family, batch: Batch): Promise<Step> {
    const { index } = this.picked(plan, this.pick);
    this.#child = labelOf(plan.members.length);
    const parentHandle = plan.handles[index]!;
    const clone = batch.cloneForChannel(parentHandle);
    const parentView = batch.view(parentHandle);
    const childView = batch.view(clone);
    plan.add(clone, this.#child);
    return {
      viewed: new Map<AgentArg, Earlier<ObservedAgent>>([[parentHandle, parentView], [clone, childView]]),
      apply: (results, model) => {
        const parent = model.members[index]!;
        const handle = results.get(clone);
        const [parentSeen, childSeen] = [results.get(parentView), results.get(childView)];
        for (const relation of CHANNEL_RELATIONS.filter((candidate) => relationApplies(candidate, family.subject.scope))) {
          const violation = relation.relate(parentSeen, childSeen, family.subject.scope, { routes: parent.routes, noHandoffsAsEmptyList: family.noHandoffsAsEmptyList === true });
          if (violation) throw new Violation(`(${relation.id}) ${this.#child} against its parent ${parent.label}: ${violation.observed}`, violation.required);
        }
        family.handles.push(handle);
        // The parent's tools but its routes; in place of a tool bound to the parent, the child's own (the relations checked it is rebound).
        const kept = withoutRoutes(parentSeen.fields.tools, parent.routes);
        const bound = kept.kind === 'array' ? kept.items.map((tool) => boundTo(tool, parentSeen.self) !== undefined) : [];
        const childTools = toolTokens(childSeen);
        const tools = parent.tools.filter((token) => token === undefined || !parent.routes.has(token)).map((token, i) => (bound[i] ? childTools[i] : token));
        model.members.push({ label: this.#child, tools, routes: new Set(), interrupted: false, held: new Map(), state: new Map() });
      },
    };
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

  protected async queue(plan: FamilyPlan, _family: Family, batch: Batch): Promise<Step> {
    const { index } = this.picked(plan, this.pick);
    const adding = batch.addTool(plan.handles[index]!, this.tool);
    const view = batch.view(plan.handles[index]!, ['tools'], ['tools']);
    return {
      apply: (results, model) => {
        const member = model.members[index]!;
        results.get(adding);
        const after = toolTokens(results.get(view));
        const added = after[after.length - 1];
        if (after.length !== member.tools.length + 1 || member.tools.some((token, i) => token !== after[i])) {
          throw new Violation(`(channel.tools.isolated) addTool(${member.label}) left ${member.label} with ${after.length} tools (had ${member.tools.length})`, 'the tool appended to its own list');
        }
        member.tools.push(added);
      },
    };
  }

  toString = () => `addTool ${this.label}`;
  [fc.cloneMethod] = () => new AddTool(this.pick, this.tool);
}

class Interrupt extends Operation {
  constructor(readonly pick: number) {
    super();
  }

  protected async queue(plan: FamilyPlan, _family: Family, batch: Batch): Promise<Step> {
    const { index } = this.picked(plan, this.pick);
    const interrupting = batch.interrupt(plan.handles[index]!);
    return {
      apply: (results, model) => {
        results.get(interrupting);
        model.members[index]!.interrupted = true;
      },
    };
  }

  toString = () => `interrupt ${this.label}`;
  [fc.cloneMethod] = () => new Interrupt(this.pick);
}
class RecordState extends Operation {
  #place = '?';

  constructor(
    readonly pick: number,
    readonly place: number,
  ) {
    super();
  }

  protected async queue(plan: FamilyPlan, family: Family, batch: Batch): Promise<Step> {
    const { index, member } = this.picked(plan, this.pick);
    const places = family.subject.scope.frameworkOf('state');
    this.#place = places[this.place % places.length]!;
    const recording = batch.recordState(plan.handles[index]!, this.#place, `entry-${(family.entries += 1)}-on-${member.label}`);
    return {
      apply: (results, model) => {
        results.get(recording);
        // Only this member's state may change: the family check takes it as it now is.
        model.members[index]!.state.clear();
      },
    };
  }

  toString = () => `recordState ${this.label}.${this.#place}`;
  [fc.cloneMethod] = () => new RecordState(this.pick, this.place);
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
  // Only for an adapter with conversation state places: the others draw exactly the sequences they drew before.
  ...(scope.frameworkOf('state').length > 0 ? [{ name: 'recordState', needs: ['recordState'] as const, weight: 3, arbitrary: fc.tuple(pick, fc.nat()).map(([at, place]) => new RecordState(at, place)) }] : []),
];
