import { DEFAULTS } from '../cli/defaults.ts';

/** What a replay line needs: how the adapter was given, and the run's settings. */
export interface ReplaySource {
  /** Adapter module path as the user gave it; undefined for the built-in reference or a command. */
  readonly adapter?: string;
  readonly command?: string;
  readonly seed: number;
  readonly timeout?: number;
  readonly startTimeout?: number;
}

/** Quotes one shell word when it needs it, so that a replay line can be pasted as it is. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that runs exactly one failure again: the same adapter, seed and case (and, for
 * a failed sequence, its commands replay path), and nothing else.
 */
export function replayLine(source: ReplaySource, failure: { readonly id: string; readonly path: string; readonly replayPath?: string | undefined }): string {
  const words = ['npx', 'clone-conformance'];
  if (source.adapter !== undefined) words.push(source.adapter);
  if (source.command !== undefined) words.push('--command', source.command);
  words.push('--seed', String(source.seed), '--only', failure.id);
  if (failure.path !== '') words.push('--path', failure.path);
  if (failure.replayPath !== undefined) words.push('--replay-path', failure.replayPath);
  if (source.timeout !== undefined && source.timeout !== DEFAULTS.timeout) words.push('--timeout', String(source.timeout));
  if (source.startTimeout !== undefined && source.startTimeout !== DEFAULTS.startTimeout) words.push('--start-timeout', String(source.startTimeout));
  return words.map(shellQuote).join(' ');
}
