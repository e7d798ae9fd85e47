import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSourceThen } from './setup.ts';

export const controllerIsolated: Invariant = {
  id: 'channel.controller.isolated',
  level: 'MUST',
  profile: 'channel',
  needs: ['interrupt', 'isInterrupted'],
  rule: 'A clone starts not interrupted, even when its source was interrupted when it was cloned. After cloning, interrupting the clone leaves the source as it was, and interrupting the source leaves the clone as it was.',
  rationale: 'A fresh-looking controller can still share its signal with the source (a wrapper around the same event, a copied flag object). Then stopping one user\'s conversation stops every channel, or a clone of a stopped agent is born stopped and never answers.',
  async check(subject, scenario) {
    // Every call goes in the round trip that prepares the source. The results are read in call
    // order: the first violation is the one the same calls made one by one would show.
    const { source, then } = await prepareSourceThen(subject, scenario, (batch, handle) => {
      const clone = batch.cloneForChannel(handle);
      const slots = {
        cloneStarts: batch.isInterrupted(clone),
        interruptClone: batch.interrupt(clone),
        cloneAfter: batch.isInterrupted(clone),
        sourceAfter: batch.isInterrupted(handle),
        sibling: batch.cloneForChannel(handle),
      };
      const more = {
        siblingStarts: batch.isInterrupted(slots.sibling),
        interruptSource: batch.interrupt(handle),
        siblingAfter: batch.isInterrupted(slots.sibling),
      };
      return (results) => ({ results, clone, ...slots, ...more });
    });
    const { results } = then;
    results.get(then.clone);
    if (results.get(then.cloneStarts)) {
      throw new Violation(`a clone of ${source.interrupted ? 'an interrupted' : 'a running'} source starts interrupted`, 'the clone to start not interrupted');
    }
    results.get(then.interruptClone);
    if (!results.get(then.cloneAfter)) {
      throw new Violation('interrupt(clone) left the clone not interrupted', 'the clone interrupted, or this check proves nothing');
    }
    if (results.get(then.sourceAfter) !== source.interrupted) {
      throw new Violation('interrupting the clone interrupted the source', `the source ${source.interrupted ? 'still' : 'not'} interrupted, as before`);
    }
    results.get(then.sibling);
    if (results.get(then.siblingStarts)) {
      throw new Violation('a second clone starts interrupted', 'the clone to start not interrupted');
    }
    results.get(then.interruptSource);
    if (results.get(then.siblingAfter)) {
      throw new Violation('interrupting the source interrupted its clone', 'the clone not interrupted, as before');
    }
  },
};
