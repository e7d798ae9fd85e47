import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSource } from './setup.ts';

export const controllerIsolated: Invariant = {
  id: 'channel.controller.isolated',
  level: 'MUST',
  profile: 'channel',
  needs: ['interrupt', 'isInterrupted'],
  rule: 'A clone starts not interrupted, even when its source was interrupted when it was cloned. After cloning, interrupting the clone leaves the source as it was, and interrupting the source leaves the clone as it was.',
  rationale: 'A fresh-looking controller can still share its signal with the source (a wrapper around the same event, a copied flag object). Then stopping one user\'s conversation stops every channel, or a clone of a stopped agent is born stopped and never answers.',
  async check(subject, scenario) {
    const source = await prepareSource(subject, scenario);
    const clone = await subject.cloneForChannel(source.handle);
    if (await subject.isInterrupted(clone)) {
      throw new Violation(`a clone of ${source.interrupted ? 'an interrupted' : 'a running'} source starts interrupted`, 'the clone to start not interrupted');
    }
    await subject.interrupt(clone);
    if (!(await subject.isInterrupted(clone))) {
      throw new Violation('interrupt(clone) left the clone not interrupted', 'the clone interrupted, or this check proves nothing');
    }
    if ((await subject.isInterrupted(source.handle)) !== source.interrupted) {
      throw new Violation('interrupting the clone interrupted the source', `the source ${source.interrupted ? 'still' : 'not'} interrupted, as before`);
    }
    const sibling = await subject.cloneForChannel(source.handle);
    if (await subject.isInterrupted(sibling)) {
      throw new Violation('a second clone starts interrupted', 'the clone to start not interrupted');
    }
    await subject.interrupt(source.handle);
    if (await subject.isInterrupted(sibling)) {
      throw new Violation('interrupting the source interrupted its clone', 'the clone not interrupted, as before');
    }
  },
};
