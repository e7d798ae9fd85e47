import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { LONGEST_FIRST, startOrder } from '../src/run/start-order.ts';

describe('the order a run with invariants in flight starts them in', () => {
  it('names every invariant of the catalogue once: a new one must be placed by what it costs', () => {
    expect([...LONGEST_FIRST].sort()).toEqual(CATALOGUE.map((invariant) => invariant.id).sort());
  });

  it('starts the longest first, an invariant it does not list last, each selected one once', () => {
    const ids = ['channel.controller.isolated', 'not.listed', 'deepcopy.tools', 'channel.sequences', 'also.unlisted'];
    expect(startOrder(ids).map((index) => ids[index])).toEqual(['channel.sequences', 'deepcopy.tools', 'channel.controller.isolated', 'not.listed', 'also.unlisted']);
  });
});
