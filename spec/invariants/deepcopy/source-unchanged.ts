import { firstChange } from '../channel/source-unchanged.ts';
import { deepCopyInvariant } from './setup.ts';

export const deepCopySourceUnchanged = deepCopyInvariant(
  {
    id: 'deepcopy.source-unchanged',
    rule: 'Copying leaves the source exactly as it was: every value, the identity of its lists and their elements, its controller and its locks.',
    rationale: 'Copy code that detaches what it cannot copy (handoffs to other agents, locks, hooks) from the source to copy the rest, and forgets to put it back, breaks the agent that is still serving.',
  },
  ({ before, after }) => firstChange(before, after),
);
