import { identityOf, type Observed } from '../../model/observed.ts';
import type { Handle, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { cloneOnce } from './setup.ts';

const toolIds = (tools: Observed): (string | undefined)[] => (tools.kind === 'array' ? tools.items.map(identityOf) : []);

/** True when `before` is `after` with exactly one element added somewhere. */
const oneAdded = (before: (string | undefined)[], after: (string | undefined)[]): boolean =>
  after.length === before.length + 1 && after.some((_, skip) => after.filter((__, i) => i !== skip).every((id, i) => id === before[i]));

const sameIds = (a: (string | undefined)[], b: (string | undefined)[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

async function toolsOf(subject: Subject, agent: Handle): Promise<(string | undefined)[]> {
  return toolIds((await subject.view(agent)).fields.tools);
}

export const toolsIsolated: Invariant = {
  id: 'channel.tools.isolated',
  level: 'MUST',
  profile: 'channel',
  needs: ['addTool'],
  rule: 'After cloning, a tool added to the clone never appears in the source\'s tools, and a tool added to the source never appears in the clone\'s.',
  rationale: 'Gateways add per-channel tools (a channel-specific webhook, a tenant\'s connector). If that tool reaches the source or a sibling, one tenant\'s tool becomes callable from another tenant\'s conversation.',
  async check(subject, scenario) {
    const { source, clone, sourceView, cloneView } = await cloneOnce(subject, scenario);
    const sourceBefore = toolIds(sourceView.fields.tools);
    const cloneBefore = toolIds(cloneView.fields.tools);

    await subject.addTool(clone, scenario.newTools[0]);
    const cloneAfter = await toolsOf(subject, clone);
    if (!oneAdded(cloneBefore, cloneAfter)) {
      throw new Violation(`addTool(clone) left the clone with ${cloneAfter.length} tools (had ${cloneBefore.length})`, 'the tool added to the clone\'s own list, or this check proves nothing');
    }
    if (!sameIds(sourceBefore, await toolsOf(subject, source.handle))) {
      throw new Violation('a tool added to the clone changed the source\'s tools', 'the source\'s tools unchanged');
    }

    await subject.addTool(source.handle, scenario.newTools[1]);
    if (!sameIds(cloneAfter, await toolsOf(subject, clone))) {
      throw new Violation('a tool added to the source changed the clone\'s tools', 'the clone\'s tools unchanged');
    }
  },
};
