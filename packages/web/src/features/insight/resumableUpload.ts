// Sends a file to the server in chunks that survive a dropped connection, a failed request and a
// reload (decision 0014): each chunk is its own request at its offset, the server counts the bytes it
// stored without a gap, and a retry or a later attempt with the same file starts from that count.
import type { UploadStatus } from '@shoreline/server/contract';
import { ApiError } from '../../lib/api';

/** The four calls of the upload API (injected, so the logic is tested without a browser). */
export interface UploadTransport {
  start(fileName: string, size: number): Promise<UploadStatus>;
  status(id: string): Promise<UploadStatus>;
  put(id: string, offset: number, bytes: Blob, signal: AbortSignal): Promise<UploadStatus>;
  cancel(id: string): Promise<void>;
}

/** Where the upload id of a file is remembered across reloads (localStorage in the browser). */
export interface ResumeStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The file as the browser's File gives it; a reload gets the same name, size and modification time. */
export interface UploadFile extends Blob {
  readonly name: string;
  readonly lastModified: number;
}

export interface UploadOptions {
  transport: UploadTransport;
  store: ResumeStore | null;
  signal: AbortSignal;
  /** Bytes the server holds, out of the file's size: after each chunk. */
  onProgress(sent: number, total: number): void;
  /** Waits between attempts at a failed chunk; after the last, the upload stops (and can resume). */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 4000] as const;

/** The key a file's upload id is kept under: the same file chosen again after a reload finds it. */
export function resumeKey(file: UploadFile): string {
  return `shoreline.upload:${file.name}:${file.size}:${file.lastModified}`;
}

/** Forgets a file's upload once an import has taken it (or it was cancelled). */
export function forgetUpload(store: ResumeStore | null, file: UploadFile): void {
  store?.removeItem(resumeKey(file));
}

const isMissing = (err: unknown) => err instanceof ApiError && err.status === 404;
/** Worth another attempt: the network, the server (5xx) or its rate limit, not a refusal of the request. */
const isTransient = (err: unknown) => !(err instanceof ApiError) || err.status >= 500 || err.status === 429;

/**
 * Uploads `file` and resolves with the complete upload. Resumes an upload of the same file the store
 * remembers (sending only what the server lacks); retries a failed chunk with growing waits; throws
 * the last error when the waits run out, keeping the upload to resume later. The signal cancels.
 */
export async function uploadResumably(file: UploadFile, o: UploadOptions): Promise<UploadStatus> {
  const delays = o.retryDelaysMs ?? DEFAULT_DELAYS;
  const sleep = o.sleep ?? abortableSleep;
  const key = resumeKey(file);
  let status: UploadStatus | null = null;
  const remembered = o.store?.getItem(key);
  if (remembered) {
    try {
      status = await o.transport.status(remembered);
    } catch (err) {
      if (!isMissing(err)) throw err;
      o.store?.removeItem(key); // pruned, cancelled, or another user's: start over
    }
  }
  if (!status || status.size !== file.size) {
    status = await o.transport.start(file.name, file.size);
    o.store?.setItem(key, status.id);
  }
  const id = status.id;
  o.onProgress(status.received, file.size);
  let failures = 0;
  while (status.status !== 'complete') {
    o.signal.throwIfAborted();
    const offset: number = status.received;
    const bytes = file.slice(offset, Math.min(file.size, offset + status.chunkBytes));
    try {
      status = await o.transport.put(id, offset, bytes, o.signal);
      failures = 0;
      o.onProgress(status.received, file.size);
    } catch (err) {
      if (o.signal.aborted) throw err;
      // Another tab or an earlier attempt moved on: ask where it stands and go on from there.
      if (err instanceof ApiError && err.status === 409 && err.problem.field === 'offset') {
        status = await o.transport.status(id);
        continue;
      }
      if (!isTransient(err) || failures >= delays.length) throw err;
      await sleep(delays[failures++] ?? 0, o.signal);
      // Whole rows of a broken chunk may have arrived: resume exactly where the server stands.
      status = await o.transport.status(id).catch(() => status as UploadStatus);
    }
  }
  o.onProgress(file.size, file.size);
  return status;
}

/** Cancels the file's upload on the server (its stored bytes go) and forgets it. */
export async function cancelUpload(file: UploadFile, transport: UploadTransport, store: ResumeStore | null) {
  const id = store?.getItem(resumeKey(file));
  forgetUpload(store, file);
  if (!id) return;
  await transport.cancel(id).catch((err: unknown) => {
    if (!isMissing(err) && !(err instanceof ApiError && err.status === 409)) throw err;
  });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
