/** The tools list and handoffs of a channel clone. */
import { handoffsNoToolRoutes } from '../../spec/invariants/channel/handoffs-no-tool-routes.ts';
import { handoffsReset } from '../../spec/invariants/channel/handoffs-reset.ts';
import { toolsIsolated } from '../../spec/invariants/channel/tools-isolated.ts';
import { toolsNewList } from '../../spec/invariants/channel/tools-new-list.ts';
import { toolsSameElements } from '../../spec/invariants/channel/tools-same-elements.ts';
import type { Subject } from '../../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from '../trait.ts';

export const toolsInvariants = [toolsNewList, toolsSameElements, handoffsReset, handoffsNoToolRoutes];
/** Need the addTool() probe. */
export const toolsIsolationInvariants = [toolsIsolated];

export function toolsTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of toolsInvariants) invariantTest(invariant, subject, options);
}

export function toolsIsolationTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of toolsIsolationInvariants) invariantTest(invariant, subject, options);
}
