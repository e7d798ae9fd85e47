/**
 * Lets a running agent be stopped from outside. Each agent owns one, so that stopping one channel
 * never stops another.
 */
export class InterruptController {
  #interrupted = false;
  #reason: string | undefined;

  interrupt(reason = 'interrupted'): void {
    this.#interrupted = true;
    this.#reason = reason;
  }

  reset(): void {
    this.#interrupted = false;
    this.#reason = undefined;
  }

  get interrupted(): boolean {
    return this.#interrupted;
  }

  get reason(): string | undefined {
    return this.#reason;
  }
}
