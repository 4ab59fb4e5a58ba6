import type { UploadStatus } from '@shoreline/server/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import {
  cancelUpload,
  type ResumeStore,
  resumeKey,
  type UploadOptions,
  type UploadTransport,
  uploadResumably,
} from './resumableUpload';

const CHUNK = 16;

/** The server's rules (platform/uploads/resumable.ts) in memory, with failures to inject. */
class FakeServer implements UploadTransport {
  readonly uploads = new Map<string, { size: number; bytes: Uint8Array; received: number }>();
  /** Offsets of every chunk request that reached the server, in order. */
  readonly puts: number[] = [];
  /** Chunk requests to fail before they store anything (network down). */
  failNext = 0;
  private n = 0;

  private present(id: string): UploadStatus {
    const u = this.uploads.get(id);
    if (!u)
      throw new ApiError({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        code: 'not_found',
        detail: '',
      });
    return {
      id,
      fileName: 'f',
      size: u.size,
      received: u.received,
      chunkBytes: CHUNK,
      status: u.received === u.size ? 'complete' : 'receiving',
    };
  }
  async start(_name: string, size: number) {
    const id = `upl_${++this.n}`;
    this.uploads.set(id, { size, bytes: new Uint8Array(size), received: 0 });
    return this.present(id);
  }
  async status(id: string) {
    return this.present(id);
  }
  async put(id: string, offset: number, blob: Blob) {
    this.puts.push(offset);
    if (this.failNext > 0) {
      this.failNext--;
      throw new TypeError('Failed to fetch');
    }
    const u = this.uploads.get(id);
    if (!u) return this.present(id);
    if (offset > u.received)
      throw new ApiError({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'conflict',
        detail: '',
        field: 'offset',
      });
    const data = new Uint8Array(await blob.arrayBuffer());
    u.bytes.set(data, offset);
    u.received = Math.max(u.received, offset + data.byteLength);
    return this.present(id);
  }
  async cancel(id: string) {
    this.uploads.delete(id);
  }
}

class MemoryStore implements ResumeStore {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const fileOf = (bytes: Uint8Array) =>
  Object.assign(new Blob([bytes.slice()]), { name: 'export.ndjson', lastModified: 1 });
const noSleep = async () => undefined;

/** Upload options against `server` and `store` that ignore progress; `more` adds the rest. */
function quietOptions<M extends Partial<UploadOptions>>(
  server: FakeServer,
  store: MemoryStore | null,
  more: M,
) {
  return { transport: server, store, onProgress: () => undefined, ...more };
}

describe('uploadResumably', () => {
  it('sends every byte once, in chunks, reporting the bytes the server holds', async () => {
    const server = new FakeServer();
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const seen: number[] = [];
    const done = await uploadResumably(fileOf(bytes), {
      transport: server,
      store: new MemoryStore(),
      signal: new AbortController().signal,
      onProgress: (sent) => seen.push(sent),
    });
    expect(done.status).toBe('complete');
    expect(server.puts).toEqual([0, 16, 32, 48, 64, 80, 96]);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(server.uploads.get(done.id)?.bytes).toEqual(bytes);
  });

  it('retries a failed chunk and, after giving up, resumes later without sending finished chunks again', async () => {
    const server = new FakeServer();
    const store = new MemoryStore();
    const bytes = Uint8Array.from({ length: 80 }, (_, i) => 255 - i);
    const file = fileOf(bytes);
    const options = quietOptions(server, store, { sleep: noSleep, retryDelaysMs: [1, 1] });
    // One failure is retried; then the network stays down past the retries: the upload stops.
    server.failNext = 1;
    const first = uploadResumably(file, { ...options, signal: new AbortController().signal });
    await expect(first).resolves.toMatchObject({ status: 'complete' });
    expect(server.puts).toEqual([0, 0, 16, 32, 48, 64]);

    const other = fileOf(bytes.map((b) => b ^ 1));
    Object.assign(other, { name: 'other.ndjson' });
    server.puts.length = 0;
    let calls = 0;
    const original = server.put.bind(server);
    server.put = async (id, offset, blob) => {
      if (++calls === 3) server.failNext = 10;
      return original(id, offset, blob);
    };
    await expect(
      uploadResumably(other, { ...options, signal: new AbortController().signal }),
    ).rejects.toThrow('Failed to fetch');
    expect(store.getItem(resumeKey(other))).not.toBeNull();
    const stoppedAt = server.puts.at(-1);
    expect(stoppedAt).toBe(32);
    // Later (a reload, the same file chosen again): only the missing chunks go.
    server.failNext = 0;
    server.put = original;
    server.puts.length = 0;
    const done = await uploadResumably(other, { ...options, signal: new AbortController().signal });
    expect(server.puts).toEqual([32, 48, 64]);
    expect(server.uploads.get(done.id)?.bytes).toEqual(bytes.map((b) => b ^ 1));
  });

  it('starts over when the remembered upload is gone, and stops at once on a refusal', async () => {
    const server = new FakeServer();
    const store = new MemoryStore();
    const file = fileOf(new Uint8Array(20));
    store.setItem(resumeKey(file), 'upl_gone');
    const done = await uploadResumably(
      file,
      quietOptions(server, store, { signal: new AbortController().signal }),
    );
    expect(done.status).toBe('complete');
    expect(store.getItem(resumeKey(file))).toBe(done.id);
    server.put = async () => {
      throw new ApiError({
        type: 'about:blank',
        title: 'Too large',
        status: 413,
        code: 'payload_too_large',
        detail: '',
      });
    };
    const refused = uploadResumably(
      fileOf(new Uint8Array(30)),
      quietOptions(server, null, {
        signal: new AbortController().signal,
        sleep: () => Promise.reject(new Error('must not wait')),
      }),
    );
    await expect(refused).rejects.toMatchObject({ status: 413 });
  });

  it('cancels: no chunk after the abort, the server deletes what it stored, the file is forgotten', async () => {
    const server = new FakeServer();
    const store = new MemoryStore();
    const file = fileOf(new Uint8Array(64));
    const abort = new AbortController();
    const original = server.put.bind(server);
    server.put = async (id, offset, blob) => {
      const status = await original(id, offset, blob);
      if (offset === 16) abort.abort();
      return status;
    };
    const upload = uploadResumably(file, quietOptions(server, store, { signal: abort.signal }));
    await expect(upload).rejects.toThrow();
    expect(server.puts).toEqual([0, 16]);
    expect(server.uploads.size).toBe(1);
    await cancelUpload(file, server, store);
    expect(server.uploads.size).toBe(0);
    expect(store.getItem(resumeKey(file))).toBeNull();
  });

  it('stores exactly the file whatever the chunk requests that fail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        async (bytes, failures) => {
          const server = new FakeServer();
          const original = server.put.bind(server);
          let i = 0;
          server.put = async (id, offset, blob) => {
            if (failures[i++]) throw new TypeError('Failed to fetch');
            return original(id, offset, blob);
          };
          const store = new MemoryStore();
          const file = fileOf(bytes);
          const o = quietOptions(server, store, { sleep: noSleep, retryDelaysMs: [1] });
          let done: UploadStatus | undefined;
          for (let attempt = 0; attempt < 50 && !done; attempt++)
            done = await uploadResumably(file, { ...o, signal: new AbortController().signal }).catch(
              () => undefined,
            );
          expect(done?.status).toBe('complete');
          expect(server.uploads.size).toBe(1);
          expect(server.uploads.get(done?.id ?? '')?.bytes).toEqual(bytes);
        },
      ),
    );
  });
});
