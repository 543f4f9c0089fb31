import { Transform, type TransformCallback } from "node:stream";

// Remix hands the server a response body as many small writes: React streams a page a few
// kilobytes at a time, and the adapter writes and flushes each one, so compression's stream ran
// gzip and a sync flush per write. On a 300 kB dashboard that was ~150 of them and ~15 ms of a
// 140 ms page. server/remix-handler.ts writes bodies through this stream instead: what is
// written to it in one turn of the event loop (up to MAX_BYTES) leaves as one chunk, flushed
// once; whatever is written later (a part of a page that waited) still leaves as soon as it is
// written.

const MAX_BYTES = 64 * 1024;

export class CoalescedStream extends Transform {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private pending: NodeJS.Immediate | null = null;

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, done: TransformCallback) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
    this.chunks.push(buffer);
    this.bytes += buffer.length;
    if (this.bytes >= MAX_BYTES) this.release();
    else this.pending ??= setImmediate(() => this.release());
    done();
  }

  override _flush(done: TransformCallback) {
    this.release();
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void) {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    done(error);
  }

  private release() {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    if (this.bytes === 0) return;
    const chunk = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.bytes);
    this.chunks = [];
    this.bytes = 0;
    this.push(chunk);
  }
}
