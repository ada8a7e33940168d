/**
 * writePieces (src/cli/write-pieces.ts): a slow reader is waited for (the pieces are produced only as fast as they
 * are taken, so memory stays bounded), and a reader that goes away (EPIPE) stops the writing quietly.
 */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { writePieces } from '../../src/cli/write-pieces.js';

const PIECE = 'x'.repeat(1000);

/** A stream that takes one piece per event-loop turn, and records how far ahead of it the producer got. */
function slowReader(highWaterMark: number) {
  const taken: string[] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      taken.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, taken };
}

it('produces pieces only as fast as a slow reader takes them', async () => {
  const { stream, taken } = slowReader(4 * PIECE.length);
  let produced = 0;
  let mostAhead = 0;
  function* pieces() {
    for (let i = 0; i < 200; i++) {
      mostAhead = Math.max(mostAhead, produced - taken.length);
      produced++;
      yield PIECE;
    }
  }
  expect(await writePieces(stream, pieces())).toBe('written');
  await new Promise<void>((resolve) => stream.end(resolve));
  expect(taken.join('')).toBe(PIECE.repeat(200));
  // Never more than the stream's buffer (4 pieces) and the one being written ahead of the reader.
  expect(mostAhead).toBeLessThanOrEqual(5);
});

it('stops quietly when the reader goes away, and is not asked for the rest', async () => {
  let writes = 0;
  const stream = new Writable({
    highWaterMark: PIECE.length,
    decodeStrings: false,
    write(_chunk: string, _encoding, done) {
      writes++;
      setImmediate(() =>
        writes < 3 ? done() : done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' })),
      );
    },
  });
  let produced = 0;
  function* pieces() {
    for (let i = 0; i < 1000; i++) {
      produced++;
      yield PIECE;
    }
  }
  expect(await writePieces(stream, pieces())).toBe('reader-gone');
  expect(produced).toBeLessThan(10);
  // A later write after the pipe broke is also quiet (the end of an answer may be in flight when the reader leaves).
  expect(await writePieces(stream, [PIECE])).toBe('reader-gone');
});

it('does not swallow other write errors', async () => {
  const stream = new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
    },
  });
  const failure = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
  void writePieces(stream, [PIECE, PIECE]);
  expect(await failure).toMatchObject({ code: 'ENOSPC' });
});
