import { sourceStateChange } from '../channel/source-unchanged.ts';
import { overrideInvariant } from './setup.ts';

export const overrideSourceUnchanged = overrideInvariant(
  {
    id: 'override.source-unchanged',
    rule: 'Cloning with overrides leaves the source exactly as it was: every value, the identity of its lists and their elements, its controller and its locks, its interrupt state, and which locks it holds (the last two where the adapter has the probes to observe them).',
    rationale: 'Code that applies the overrides to the source and then copies it (or merges into the source\'s own objects) turns every specialisation into a change of the base agent that all other clones then inherit.',
  },
  ({ subject, source, before, after, again }) => sourceStateChange(subject, source, before, after!, again!),
  undefined,
  true,
);
