import { Agent, STATE_PLACES } from '../../spec/reference/agent.ts';
import { defineAdapter } from './contract.ts';

/** The built-in adapter: the specification's reference Agent, with every probe. */
export const referenceAdapter = defineAdapter<Agent>({
  name: 'reference',
  create: (config) => new Agent(config),
  view: (agent) => agent.view(),
  frameworkFields: Object.fromEntries(STATE_PLACES.map((place) => [place, 'state'])),
  cloneForChannel: (agent) => agent.cloneForChannel(),
  cloneWith: (agent, overrides) => agent.cloneWith(overrides),
  deepCopy: (agent) => agent.deepCopy(),
  deepCopyTools: 'shared',
  interrupt: (agent) => agent.interruptController.interrupt(),
  isInterrupted: (agent) => agent.interruptController.interrupted,
  tryAcquire: (agent, lock, owner) => lockOf(agent, lock).tryAcquire(owner),
  release: (agent, lock, owner) => lockOf(agent, lock).release(owner),
  addTool: (agent, tool) => agent.addTool(tool),
  recordState: (agent, place, entry) => agent.recordState(place, entry),
});

function lockOf(agent: Agent, name: string) {
  if (name !== 'cache' && name !== 'cost') throw new Error(`the agent has no lock named ${JSON.stringify(name)}`);
  return agent.locks[name];
}
