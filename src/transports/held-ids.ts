/** What reading and describing ask of the held ids (a plain set of ids will do, as in tests). */
export type HeldIdLookup = Pick<ReadonlySet<string>, 'has'>;

/**
 * Version 5 (§13): the ids of the suite's objects an adapter process holds. The suite looks one up
 * for every object it describes and every suite id an answer shows, hundreds of thousands per run,
 * so the ids the registry hands out (`#1`, `#2`, ...) are bits of a growing array, not the strings
 * of a hash set: a lookup reads a few characters and one byte.
 */
export class HeldIds implements HeldIdLookup {
  #bits = new Uint8Array(1 << 12);

  has(id: string): boolean {
    const index = indexOf(id);
    return index < this.#bits.length && this.#bits[index] === 1;
  }

  add(id: string): void {
    const index = indexOf(id);
    if (index < 0) throw new RangeError(`${JSON.stringify(id)} is not an id the suite's registry hands out`);
    if (index >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(index + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    this.#bits[index] = 1;
  }

  clear(): void {
    this.#bits = new Uint8Array(1 << 12);
  }
}

/** The number of a registry id (`#` and a decimal number from 1, no leading zero), or -1 for any other string. */
function indexOf(id: string): number {
  const length = id.length;
  if (length < 2 || length > 16 || id.charCodeAt(0) !== 35 || id.charCodeAt(1) === 48) return -1;
  let index = 0;
  for (let at = 1; at < length; at++) {
    const digit = id.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}
