import { describe, expect, it } from 'vitest';
import { adapterFile, annotateFiles } from '../src/report/annotation-file.ts';
import { ROOT } from './support/cli.ts';

describe('GitHub annotations name their file', () => {
  it('puts failures on the adapter and stale baseline entries on the baseline, escaping the names', () => {
    const text = [
      '::error title=clone-conformance channel.identity::observed',
      '::notice title=clone-conformance channel.features (expected failure)::observed',
      '::error title=clone-conformance channel.execution (stale baseline entry)::passes now',
      '',
    ].join('\n');
    expect(annotateFiles(text, { adapter: 'adapters/my,adapter.ts', baseline: 'ci/expected.json' })).toBe(
      [
        '::error file=adapters/my%2Cadapter.ts,title=clone-conformance channel.identity::observed',
        '::notice file=adapters/my%2Cadapter.ts,title=clone-conformance channel.features (expected failure)::observed',
        '::error file=ci/expected.json,title=clone-conformance channel.execution (stale baseline entry)::passes now',
        '',
      ].join('\n'),
    );
    expect(annotateFiles(text, {})).toBe(text);
  });

  it('finds the script an adapter command runs', () => {
    expect(adapterFile(undefined, 'python3 fixtures/python/reference_adapter.py --verbose', ROOT)).toBe('fixtures/python/reference_adapter.py');
    expect(adapterFile(undefined, 'python3 -m my_framework.adapter', ROOT)).toBeUndefined();
    expect(adapterFile('a.ts', undefined, ROOT)).toBe('a.ts');
  });
});
