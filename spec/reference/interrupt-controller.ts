/**
 * Lets a running agent be stopped from outside. Each agent owns one, so that stopping one channel
 * never stops another.
 */
export class InterruptController {
  #interrupted = false;

  interrupt(): void {
    this.#interrupted = true;
  }

  get interrupted(): boolean {
    return this.#interrupted;
  }
}
