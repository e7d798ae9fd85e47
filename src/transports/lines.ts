/**
 * Each line a stream carries, to `onLine`, as it comes (a line ends at "\n", a "\r" before it is
 * dropped; a last line without "\n" is given at the end). Split by hand: an adapter's answers are
 * most of what crosses, and node:readline's general splitting (a string decoder, a regular
 * expression) showed in profiles.
 */
export function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let parts: Buffer[] = [];
  const receive = (bytes: Buffer) => {
    const line = bytes.toString('utf8');
    onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  };
  stream.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      receive(parts.length === 0 ? piece : Buffer.concat([...parts, piece]));
      parts = [];
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  });
  stream.on('end', () => {
    if (parts.length > 0) receive(Buffer.concat(parts));
    parts = [];
  });
}
