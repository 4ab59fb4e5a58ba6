import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { newId } from '../ids.js';
import type { ScopedDb } from '../scope.js';
import { chunkBytesFor, insertChunk } from './store.js';

/**
 * What the browser sends per request: 4 MiB, a multiple of both stored row sizes (64 KiB on
 * PGlite, 1 MiB on PostgreSQL), so a chunk's rows have fixed numbers (offset / row size) and a chunk
 * sent twice lands on the same rows. Small enough that a broken request loses little and progress
 * moves often; large enough that a 500 MB file is 125 requests.
 */
export const RESUMABLE_CHUNK_BYTES = 4 * 1024 * 1024;

/** Where a resumable upload stands: the client resumes at `received`. */
export interface UploadStatus {
  id: string;
  fileName: string;
  size: number;
  received: number;
  chunkBytes: number;
  status: 'receiving' | 'complete';
}

interface UploadRow {
  id: string;
  organization_id: string;
  file_name: string;
  bytes: number | string;
  size: number | string | null;
  status: 'receiving' | 'complete';
}

function present(row: UploadRow): UploadStatus {
  const received = Number(row.bytes);
  return {
    id: row.id,
    fileName: row.file_name,
    size: row.size === null ? received : Number(row.size),
    received,
    chunkBytes: RESUMABLE_CHUNK_BYTES,
    status: row.status,
  };
}

/** Uploads feed imports, which in-house admins and supervisors run. */
export function assertMayUpload(scoped: ScopedDb): void {
  const a = scoped.actor;
  if (a.providerId !== null || a.role === 'agent') throw new AppError('not_found', 'uploads not found');
}

/**
 * An upload in progress is its uploader's: found through the scope (organization, provider) and
 * the creator, or `not_found` naming `id`.
 */
async function findOwn(scoped: ScopedDb, id: string): Promise<UploadRow> {
  assertMayUpload(scoped);
  const row = await scoped
    .selectFrom('uploads')
    .select(['id', 'organization_id', 'file_name', 'bytes', 'size', 'status'])
    .where('id', '=', id)
    .where('created_by', '=', scoped.actor.userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'upload not found', 'id');
  return row;
}

/** Starts a resumable upload of `size` bytes; its chunks follow with `writeChunk`. */
export async function createResumableUpload(
  scoped: ScopedDb,
  clock: Clock,
  input: { fileName: string; size: number },
  maxBytes: number,
): Promise<UploadStatus> {
  assertMayUpload(scoped);
  if (input.size > maxBytes)
    throw new AppError('payload_too_large', `the file exceeds the upload limit of ${maxBytes} bytes`, 'size');
  const id = newId('upl', clock.now().getTime());
  await scoped
    .insertInto('uploads', {
      id,
      provider_id: scoped.actor.providerId,
      created_by: scoped.actor.userId,
      file_name: input.fileName,
      bytes: 0,
      size: input.size,
      sha256: null,
      status: 'receiving',
      created_at: clock.now(),
    })
    .execute();
  return getUploadStatus(scoped, id);
}

export async function getUploadStatus(scoped: ScopedDb, id: string): Promise<UploadStatus> {
  return present(await findOwn(scoped, id));
}

/**
 * Stores the bytes of one chunk request, which start at `offset` of the file, as they arrive: one
 * stored row (64 KiB or 1 MiB) in memory at a time, whatever the chunk's size, each row its own
 * statement (no transaction held open while the network is slow). Idempotent by offset: rows
 * numbered offset / row size are inserted only if absent, and the received count moves only
 * forward, so a retried or duplicated chunk adds nothing. Whole rows that arrived count even when
 * the request breaks off, so the client resumes from the last stored row.
 * @throws AppError `conflict` naming `offset` when the chunk would leave a gap (or is not aligned)
 * @throws AppError `payload_too_large` naming `(body)` past the declared size
 */
export async function writeChunk(
  scoped: ScopedDb,
  db: Kysely<DB>,
  clock: Clock,
  id: string,
  offset: number,
  body: AsyncIterable<Uint8Array> | null,
): Promise<UploadStatus> {
  const row = await findOwn(scoped, id);
  const size = row.size === null ? null : Number(row.size);
  const received = Number(row.bytes);
  if (size === null || row.status === 'complete') {
    // Sent again after the last chunk completed it: nothing to add, say where it stands.
    if (row.status === 'complete' && size !== null) return present(row);
    throw new AppError('conflict', 'this upload does not take chunks', 'id');
  }
  const rowBytes = chunkBytesFor(db);
  if (offset > received || offset % rowBytes !== 0)
    throw new AppError(
      'conflict',
      `the upload has ${received} bytes; send the chunk that starts there`,
      'offset',
      undefined,
      { extensions: { received } },
    );
  let at = offset; // the file position of the next byte to store
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const storeRow = async (data: Uint8Array) => {
    const seq = at / rowBytes;
    await insertChunk(db, { uploadId: id, organizationId: row.organization_id, seq, data }, true);
    at += data.byteLength;
  };
  let failure: unknown;
  let bodyBroke = false;
  try {
    const parts = body?.[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array> | undefined;
      try {
        next = await parts?.next();
      } catch (err) {
        bodyBroke = true;
        throw err;
      }
      if (!next || next.done) break;
      const part = next.value;
      pending.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
      pendingBytes += part.byteLength;
      if (at + pendingBytes > size)
        throw new AppError(
          'payload_too_large',
          `the chunk goes past the declared size of ${size} bytes`,
          '(body)',
        );
      while (pendingBytes >= rowBytes) {
        const all = Buffer.concat(pending, pendingBytes);
        await storeRow(all.subarray(0, rowBytes));
        pending = pendingBytes > rowBytes ? [all.subarray(rowBytes)] : [];
        pendingBytes -= rowBytes;
      }
    }
    // The file's last row is short; a short row anywhere else would shift every later row.
    if (pendingBytes > 0 && at + pendingBytes === size) await storeRow(Buffer.concat(pending, pendingBytes));
  } catch (err) {
    failure = err;
  }
  // What arrived in whole rows counts, even from a request that broke off.
  if (at > received) {
    await db
      .updateTable('uploads')
      .set({ bytes: at })
      .where('id', '=', id)
      .where('bytes', '>=', offset)
      .where('bytes', '<', at)
      .execute();
  }
  if (at === size) {
    await db
      .updateTable('uploads')
      .set({ status: 'complete', completed_at: clock.now() })
      .where('id', '=', id)
      .where('bytes', '=', size)
      .where('status', '=', 'receiving')
      .execute();
  }
  // The body broke off (the client went away): what arrived is kept; not a server error.
  if (bodyBroke)
    throw new AppError(
      'validation_failed',
      `the chunk broke off after ${at - offset} bytes were stored`,
      '(body)',
    );
  if (failure) throw failure;
  return getUploadStatus(scoped, id);
}

/** Cancels an upload still arriving: it and its stored bytes are deleted. */
export async function cancelUpload(scoped: ScopedDb, id: string): Promise<void> {
  const row = await findOwn(scoped, id);
  if (row.status === 'complete')
    throw new AppError('conflict', 'the upload is complete; an import may be reading it', 'id');
  await scoped.deleteFrom('uploads').where('id', '=', id).execute();
}
