/** A stream a status line can be drawn on. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Progress of a run on standard error, for a person watching a terminal: one status line,
 * redrawn as each invariant starts and finishes, and erased at the end so that nothing of it stays
 * among the report. Nothing at all when standard error is not a terminal (CI logs, pipes), and it
 * never touches standard output, where json and junit go.
 */
export class Progress {
  #done = 0;
  #drawn = false;

  constructor(private readonly stream: ProgressStream, private readonly total: number) {}

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  started(id: string): void {
    this.#draw(`running ${id}`);
  }

  finished(id: string, status: string): void {
    this.#done += 1;
    this.#draw(`${id} ${status}`);
  }

  /** Erases the status line. */
  end(): void {
    if (this.#drawn) this.stream.write('\r\u001b[K');
    this.#drawn = false;
  }

  #draw(text: string): void {
    if (!this.active) return;
    this.stream.write(`\r\u001b[Kclone-conformance [${this.#done}/${this.total}] ${text}`);
    this.#drawn = true;
  }
}
