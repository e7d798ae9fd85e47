/** Bad flags or arguments: the run cannot start (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
