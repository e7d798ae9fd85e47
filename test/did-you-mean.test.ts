import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../src/did-you-mean.ts';

describe('did you mean', () => {
  it('measures the usual slips as one edit: a letter missing, added, changed, or two swapped', () => {
    expect(editDistance('isInterupted', 'isInterrupted')).toBe(1);
    expect(editDistance('--seeed', '--seed')).toBe(1);
    expect(editDistance('clnoe', 'clone')).toBe(1);
    expect(editDistance('view', 'veiw')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('suggests the closest known name when it is a slip away, and nothing for an unrelated word', () => {
    const known = ['init', 'spec', 'help'];
    expect(closest('inti', known)).toBe('init');
    expect(closest('sepc', known)).toBe('spec');
    expect(closest('deploy', known)).toBeUndefined();
    expect(closest('deep_copy', ['deepCopy', 'cloneWith'])).toBe('deepCopy');
    expect(didYouMean('--reproter', ['--reporter', '--runs'])).toBe(' (did you mean --reporter?)');
    expect(didYouMean('--frobnicate', ['--reporter', '--runs'])).toBe('');
  });
});
