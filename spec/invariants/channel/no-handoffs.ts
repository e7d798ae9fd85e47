import type { AgentConfig } from '../../agent-config.ts';
import { Batch } from '../../model/batch.ts';
import type { Observed } from '../../model/observed.ts';
import { ConfigRejectedError, type Subject } from '../../model/subject.ts';

/**
 * Whether the framework holds "no handoffs" as an empty list (PraisonAI's constructor turns
 * `handoffs=None` into `[]`), learned once per subject: an agent created without handoffs shows an
 * empty list. Such a framework has no null handoffs to give a clone; its own empty list is its "none".
 */
const learned = new WeakMap<Subject, Promise<boolean>>();

export function noHandoffsAsEmptyList(subject: Subject, config: AgentConfig): Promise<boolean> {
  let known = learned.get(subject);
  if (known === undefined) {
    known = (async () => {
      const batch = new Batch();
      const viewed = batch.view(batch.create({ ...config, handoffs: null }), ['handoffs']);
      try {
        const handoffs = (await batch.run(subject)).get(viewed).fields.handoffs;
        return handoffs.kind === 'array' && handoffs.items.length === 0;
      } catch (error) {
        if (error instanceof ConfigRejectedError) return false; // not learned: null is required
        throw error;
      }
    })();
    learned.set(subject, known);
  }
  return known;
}

/** Whether a view's handoffs are an empty list: only then does the framework's "none" need learning. */
export const emptyList = (handoffs: Observed): boolean => handoffs.kind === 'array' && handoffs.items.length === 0;
