/**
 * Owner-aware locks, as an agent uses them to guard its response cache and its cost counters.
 * JavaScript has no threads to block, so acquisition is a non-blocking try: the caller learns at
 * once whether it now holds the lock.
 */
export class OwnedLock {
  #owner: string | undefined;
  #depth = 0;

  /** @param reentrant whether the holder may acquire again (and must release as often). */
  constructor(readonly reentrant: boolean) {}

  tryAcquire(owner: string): boolean {
    if (this.#owner === undefined) {
      this.#owner = owner;
      this.#depth = 1;
      return true;
    }
    if (this.reentrant && this.#owner === owner) {
      this.#depth += 1;
      return true;
    }
    return false;
  }

  release(owner: string): void {
    if (this.#owner !== owner) throw new Error(`lock is not held by ${JSON.stringify(owner)}`);
    this.#depth -= 1;
    if (this.#depth === 0) this.#owner = undefined;
  }

  get owner(): string | undefined {
    return this.#owner;
  }
}
