import { sourceStateChange } from '../channel/source-unchanged.ts';
import { deepCopyInvariant } from './setup.ts';

export const deepCopySourceUnchanged = deepCopyInvariant(
  {
    id: 'deepcopy.source-unchanged',
    rule: 'Copying leaves the source exactly as it was: every value, the identity of its lists and their elements, its controller and its locks, its interrupt state, and which locks it holds (the last two where the adapter has the probes to observe them).',
    rationale: 'Copy code that detaches what it cannot copy (handoffs to other agents, locks, hooks) from the source to copy the rest, and forgets to put it back, breaks the agent that is still serving.',
  },
  ({ subject, source, before, after, again }) => sourceStateChange(subject, source, before, after!, again!),
  undefined,
  true,
);
