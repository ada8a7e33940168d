/**
 * The pieces of one answer written to stdout in order, waiting while the reader is behind: a pipe on POSIX is
 * written asynchronously, so writing a 200 MB export at once would keep all of it in memory until a slow reader
 * caught up. A reader that goes away early (`ec-access access | head`) is not an error: the writing stops and the
 * command ends quietly instead of dying on an unhandled EPIPE.
 */
import type { Writable } from 'node:stream';

/** `written`: every piece was handed to the stream; `reader-gone`: the reader closed the pipe first. */
export type Delivery = 'written' | 'reader-gone';

const guarded = new WeakSet<Writable>();
const gone = new WeakSet<Writable>();

const isBrokenPipe = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED');

/**
 * From the first write on, a broken pipe is remembered rather than thrown, also when it is reported after the last
 * write (the end of the output may still be in flight when the reader leaves). Other errors stay unhandled.
 */
function guard(stream: Writable): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error) => {
    if (!isBrokenPipe(error)) throw error;
    gone.add(stream);
  });
}

function settled(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

export async function writePieces(stream: Writable, pieces: Iterable<string>): Promise<Delivery> {
  guard(stream);
  for (const piece of pieces) {
    if (gone.has(stream) || stream.destroyed) return 'reader-gone';
    if (piece !== '' && !stream.write(piece)) await settled(stream);
  }
  return gone.has(stream) || stream.destroyed ? 'reader-gone' : 'written';
}
