/** The versions a report names: the suite's (package.json) and the specification's (spec/version.ts). */
export interface ReportVersions {
  readonly suite: string;
  readonly specification: string;
  /** The specification version the run was pinned to (`--spec`), when it was. */
  readonly pinned?: string;
}

/**
 * Adds the versions to a finished report's text, per reporter, as their own lines or fields: the
 * JSON report's `versions` object (first; `pinned` with `--spec`), a line under the human report's title, and JUnit
 * properties. Other reporters' text is returned as it is.
 */
export function withVersions(reporter: string, text: string, versions: ReportVersions): string {
  const named = { suite: `clone-conformance ${versions.suite}`, specification: versions.specification, ...(versions.pinned === undefined ? {} : { pinned: versions.pinned }) };
  const pinned = versions.pinned === undefined ? '' : ` (run pinned to specification ${versions.pinned} by --spec)`;
  switch (reporter) {
    case 'json':
      return `${JSON.stringify({ versions: named, ...(JSON.parse(text) as object) }, null, 2)}\n`;
    case 'human': {
      const end = text.indexOf('\n');
      return end === -1 ? text : `${text.slice(0, end + 1)}${named.suite}, specification ${versions.specification}${pinned}\n${text.slice(end + 1)}`;
    }
    case 'junit':
      return text.replace('    <properties>\n', `    <properties>\n      <property name="suite-version" value="${versions.suite}"/>\n      <property name="spec-version" value="${versions.specification}"/>\n${versions.pinned === undefined ? '' : `      <property name="spec-pinned" value="${versions.pinned}"/>\n`}`);
    default:
      return text;
  }
}

/** The generated specification with its version, under its title (CHANGELOG.md tells the versions apart). */
export function specWithVersion(markdown: string, specification: string): string {
  const end = markdown.indexOf('\n');
  return `${markdown.slice(0, end + 1)}\nSpecification version ${specification}: what changed between versions, and the policy for new and renamed invariants, is in CHANGELOG.md.\n${markdown.slice(end + 1)}`;
}
