/** A stream a status line can be drawn on. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A duration as a CI log shows it: milliseconds under a second, else seconds with one decimal. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Progress of a run on standard error, never on standard output (where the report goes, the same
 * bytes for a seed). On a terminal: one status line, redrawn as each invariant starts and finishes,
 * and erased at the end so that nothing of it stays among the report. Elsewhere (CI logs, pipes):
 * one line per invariant as it finishes, so that a long run never looks hung, and a last line
 * with the run's duration.
 */
export class Progress {
  #done = 0;
  #drawn = false;
  readonly #started = performance.now();
  #invariantStarted = new Map<string, number>();

  constructor(private readonly stream: ProgressStream, private readonly total: number) {}

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  started(id: string): void {
    this.#invariantStarted.set(id, performance.now());
    this.#draw(`running ${id}`);
  }

  finished(id: string, status: string): void {
    this.#done += 1;
    if (this.active) {
      this.#draw(`${id} ${status}`);
      return;
    }
    const since = this.#invariantStarted.get(id);
    this.stream.write(`clone-conformance [${this.#done}/${this.total}] ${id} ${status}${since === undefined ? '' : ` (${formatDuration(performance.now() - since)})`}\n`);
  }

  /** Erases the status line (terminal), or says how long the run took (log). */
  end(): void {
    if (this.#drawn) this.stream.write('\r\u001b[K');
    this.#drawn = false;
    if (!this.active && this.#done > 0) this.stream.write(`clone-conformance: ${this.#done} of ${this.total} invariants finished in ${formatDuration(performance.now() - this.#started)}\n`);
  }

  #draw(text: string): void {
    if (!this.active) return;
    this.stream.write(`\r\u001b[Kclone-conformance [${this.#done}/${this.total}] ${text}`);
    this.#drawn = true;
  }
}
