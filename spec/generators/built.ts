import fc from 'fast-check';

/**
 * A value the adapter builds (a domain of kind `built`): the generators draw the plain value and
 * leave this marker; the transport hands the adapter `build(name, value)` in its place, once per
 * marker object, so a marker held in two places becomes one built object held in both.
 */
export class BuiltValue {
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {}

  [fc.toStringMethod](): string {
    return `build(${JSON.stringify(this.name)}, ${fc.stringify(this.value)})`;
  }
}
