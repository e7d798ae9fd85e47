import type { Level } from '../../spec/invariants/invariant.ts';
import { groupFindings, type Finding } from './findings.ts';
import { OBSERVER_DEPTH as MAX_VIEW_DEPTH } from '../../spec/model/reach.ts';

interface ResultBase {
  readonly id: string;
  readonly level: Level;
  /** Generated cases whose check ran to the end (always more than 0 for a passed result). */
  readonly checked?: number;
  /** Generated cases discarded because the adapter rejected their configuration (RejectedConfig). */
  readonly discarded?: number;
  /**
   * Mapped configuration fields that held only trivial values (absent, empty) in every checked
   * case: for the run's warnings, not reported per invariant.
   */
  readonly trivial?: readonly string[];
  /**
   * Paths of configuration values the views cut at the observers' depth limit (seen by identity
   * only, nothing below compared): for the run's warnings.
   */
  readonly cut?: readonly string[];
  /** Wall-clock time the invariant took, in milliseconds (JUnit `time`; never in the JSON report, which stays stable per seed). */
  readonly durationMs?: number;
}

/** The outcome of one invariant, as a discriminated union on `status`. */
/** How a skipped result says that its cases gave nothing to check (a state place the view never shows). */
export const NOT_CHECKABLE = 'not checked: ';

export type InvariantResult =
  | (ResultBase & {
      readonly status: 'passed';
      readonly runs: number;
      /** Said next to the verdict, e.g. which operations a model-based invariant left out. */
      readonly note?: string;
    })
  | (ResultBase & {
      readonly status: 'failed';
      /** What was observed against what was required, or the adapter call that broke. */
      readonly message: string;
      /** The rule that broke, for readers of the report. */
      readonly rule: string;
      /** Set when the check found a violation (rather than an adapter call that broke). */
      readonly observed?: string;
      readonly required?: string;
      /** The failing case's other differences (the first nine after `observed`), so that a second bug does not hide behind the first. */
      readonly also?: readonly string[];
      /** How many differences the case had beyond `observed` and `also`. */
      readonly moreDifferences?: number;
      /** The shrunk scenario, as a JavaScript expression. */
      readonly counterexample: string;
      /** How many generated cases ran until the first failure. */
      readonly runsToFailure?: number;
      /** The fast-check path of the case (with the run's seed); empty when none could be kept. */
      readonly path: string;
      /** fast-check's commands replay path, for model-based invariants. */
      readonly replayPath?: string;
      /** A command line that runs exactly this case again; filled in by whoever knows the command. */
      readonly replay?: string;
      readonly shrunk: boolean;
      /** The adapter's own stack or traceback, when an adapter call threw; reported under --debug only. */
      readonly stack?: string;
    })
  | (ResultBase & {
      readonly status: 'skipped';
      readonly message: string;
      /** Set when the invariant ran but none of its cases compared anything on this adapter (no runtime objects, no handoffs): not applicable, never a pass. */
      readonly notApplicable?: true;
    });

export type Status = InvariantResult['status'];

export interface RunReport {
  readonly adapter: string;
  /** The adapter's language when it is not TypeScript or JavaScript: its report then speaks its names (src/report/python-names.ts). */
  readonly language?: 'python';
  /** What the verdict may not show: e.g. only trivial configurations were checked. `--strict` fails on any. */
  readonly warnings: readonly string[];
  /** Fields and features the adapter does not map: not generated, not compared. */
  readonly notChecked: readonly string[];
  readonly seed: number;
  readonly runs: number;
  /** True when no MUST invariant failed and at least one invariant ran. */
  readonly conformant: boolean;
  readonly results: readonly InvariantResult[];
  /** The failures grouped by cause: one finding per cause, naming the invariants it explains (src/report/findings.ts). */
  readonly findings: readonly Finding[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
  /** Set when a signal stopped the run: the results are those found so far, and the run is not conformant. */
  readonly interrupted?: 'SIGINT' | 'SIGTERM';
  /** With `interrupted`: the selected invariants that had not finished. */
  readonly notRun?: readonly string[];
}

/** True when no invariant ran to a pass or a failure: every selected one was skipped. */
export function nothingChecked(report: Pick<RunReport, 'summary'>): boolean {
  return report.summary.passed + report.summary.failed === 0;
}

/** What restricts the configurations generated, so that a warning can name the lever that caused it. */
export interface Levers {
  /** The adapter has an accepts() filter. */
  readonly accepts: boolean;
  /** The fields and features whose values the adapter's domains declare. */
  readonly domains: readonly string[];
}

/** The sentence naming what let only trivial values of `fields` through, and what to do about it. */
function leverSentence(fields: ReadonlySet<string>, results: readonly InvariantResult[], levers: Levers | undefined): string {
  const declared = levers?.domains.filter((name) => fields.has(name)) ?? [];
  if (declared.length > 0) return `The adapter's domains declare ${declared.join(', ')}: widen ${declared.length === 1 ? 'that domain' : 'those domains'} to non-empty values.`;
  const discarded = results.reduce((total, result) => total + (result.discarded ?? 0), 0);
  if (levers?.accepts) return `The adapter's accepts() let only such configurations through: widen it.`;
  if (discarded > 0) return `The framework rejected (RejectedConfig) the other configurations (${discarded} cases discarded): map the values it takes as domains, or accept them.`;
  return "The adapter's accepts() or its rejections (RejectedConfig) let only trivial configurations through; widen them.";
}

/** Fewer checked cases than this over a whole run cannot tell an adapter's restrictions from chance. */
const COVERAGE_MIN_CASES = 20;

/**
 * The run's warnings: mapped fields that held only trivial values (absent, empty) in every case
 * checked by every invariant, over enough cases that this is the adapter's doing, not chance.
 */
export function coverageWarnings(results: readonly InvariantResult[], levers?: Levers): string[] {
  const checked = results.filter((result) => (result.checked ?? 0) > 0 && result.trivial !== undefined);
  const cases = checked.reduce((total, result) => total + result.checked!, 0);
  if (checked.length === 0 || cases < COVERAGE_MIN_CASES) return [];
  const trivial = checked.map((result) => new Set(result.trivial)).reduce((common, next) => new Set([...common].filter((field) => next.has(field))));
  if (trivial.size === 0) return [];
  return [
    `Over ${cases} checked cases, ${[...trivial].join(', ')} only ever held trivial values (absent or empty): the rules on ${trivial.size === 1 ? 'it' : 'them'} compared nothing. ${leverSentence(trivial, checked, levers)}`,
  ];
}

/** The run's warning when views held configuration deeper than the observers look: what was not compared, and where. */
export function depthWarnings(results: readonly InvariantResult[]): string[] {
  const paths = [...new Set(results.flatMap((result) => result.cut ?? []))];
  if (paths.length === 0) return [];
  const ids = results.filter((result) => (result.cut?.length ?? 0) > 0).map((result) => result.id);
  return [
    `The adapter's views held configuration deeper than the observers look (${MAX_VIEW_DEPTH} levels), e.g. at ${paths.slice(0, 3).join(', ')}: nothing below was compared by ${ids.join(', ')}, so a change or sharing there cannot be seen.`,
  ];
}

export function buildReport(adapter: string, seed: number, runs: number, results: readonly InvariantResult[], notChecked: readonly string[] = [], levers?: Levers): RunReport {
  const count = (status: Status) => results.filter((result) => result.status === status).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  const mustFailed = results.some((result) => result.status === 'failed' && result.level === 'MUST');
  const warnings = [...coverageWarnings(results, levers), ...depthWarnings(results)];
  return { adapter, warnings, notChecked, seed, runs, conformant: !mustFailed && summary.passed + summary.failed > 0, results, findings: groupFindings(results), summary };
}
