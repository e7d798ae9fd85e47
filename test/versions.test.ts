import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_VERSION } from '../spec/version.ts';
import { ROOT, runMain } from './support/cli.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const args = ['--only', 'agent.config-held', '--runs', '2', '--seed', '1'];

describe('every report names the suite version and the specification version', () => {
  it('json, human and junit', async () => {
    const json = JSON.parse((await runMain([...args, '--reporter', 'json'])).stdout) as { versions: unknown };
    expect(json.versions).toEqual({ suite: `clone-conformance ${pkg.version}`, specification: SPEC_VERSION });
    const human = (await runMain(args)).stdout.split('\n');
    expect(human[1]).toBe(`clone-conformance ${pkg.version}, specification ${SPEC_VERSION}`);
    const file = join(dir, 'report.xml');
    await runMain([...args, '--reporter', 'junit', '--output', file]);
    const junit = readFileSync(file, 'utf8');
    expect(junit).toContain(`<property name="suite-version" value="${pkg.version}"/>`);
    expect(junit).toContain(`<property name="spec-version" value="${SPEC_VERSION}"/>`);
  });

  it('SPEC.md names the specification version, and CHANGELOG.md (shipped) has the versions and the policy', () => {
    expect(readFileSync(join(ROOT, 'spec/SPEC.md'), 'utf8')).toContain(`Specification version ${SPEC_VERSION}:`);
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`Suite ${pkg.version}, specification ${SPEC_VERSION}`);
    expect(changelog).toContain(`## Specification ${SPEC_VERSION}`);
    expect(changelog).toContain('## Policy for invariants');
    expect(pkg.files).toContain('CHANGELOG.md');
    expect(SPEC_VERSION).toMatch(/^\d+\.\d+$/);
  });
});
