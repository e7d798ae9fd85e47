/** Where the command writes; the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Progress is drawn here when it is a terminal; result lines are streamed here when it is not. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Settles with the signal's name when the user stops the command (the bin wires SIGINT and
   * SIGTERM to it): the adapter is ended, the report so far printed, and the exit code is 130 or 143.
   */
  readonly interrupted?: Promise<'SIGINT' | 'SIGTERM'>;
}
