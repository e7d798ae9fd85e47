/** How many of its last lines of standard error a failure message quotes. */
const TAIL_LINES = 5;
/** The longest quoted tail: the end is kept, since an adapter's last line is usually why it stopped. */
const TAIL_CHARS = 400;

/**
 * The end of what an adapter wrote on standard error, for a failure message: its last lines, joined
 * with " | ", cut at the front (never the end) when long, so that a flood of output before a fatal
 * line still shows that line.
 */
export function stderrTail(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, '').trimEnd()).filter((line) => line.trim() !== '');
  const tail = lines.slice(-TAIL_LINES).join(' | ');
  return tail.length > TAIL_CHARS ? `…${tail.slice(-(TAIL_CHARS - 1))}` : tail;
}
