import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { newId } from '../ids.js';

/** Bytes per stored chunk: big enough that a 1 GB file is a thousand rows, small enough to stream. */
export const CHUNK_BYTES = 1024 * 1024;

export interface StoredUpload {
  id: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

type Db = Kysely<DB> | Transaction<DB>;

/** Whose file it is: an actor, or the owner of the job that made it. */
export interface UploadOwner {
  readonly organizationId: string;
  readonly providerId: string | null;
  readonly userId: string | null;
}

/** A buffer as a stream of CHUNK_BYTES pieces (a job's result stored like an upload). */
export async function* inChunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** An upload's bytes in order, a chunk at a time (to answer a request with them as a stream). */
export async function* readUpload(db: Kysely<DB>, uploadId: string): AsyncIterable<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const row = await db
      .selectFrom('upload_chunks')
      .select('data')
      .where('upload_id', '=', uploadId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield row.data;
  }
}

/**
 * Stores a stream (a request body as it arrives) chunk by chunk, each chunk its own statement so a
 * large upload never holds one long transaction; the upload is `complete` only once all arrived.
 * @throws AppError `payload_too_large` past `maxBytes` (what arrived is deleted).
 */
export async function storeUpload(
  db: Kysely<DB>,
  clock: Clock,
  actor: UploadOwner,
  fileName: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StoredUpload> {
  const id = newId('upl', clock.now().getTime());
  await db
    .insertInto('uploads')
    .values({
      id,
      organization_id: actor.organizationId,
      provider_id: actor.providerId,
      created_by: actor.userId,
      file_name: fileName,
      bytes: 0,
      sha256: null,
      status: 'receiving',
      created_at: clock.now(),
    })
    .execute();
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // Writes whole chunks of CHUNK_BYTES (and, at the end, the rest), whatever sizes the body came in.
  const flush = async (final: boolean) => {
    if (pendingBytes === 0) return;
    let all = Buffer.concat(pending, pendingBytes);
    while (all.byteLength >= CHUNK_BYTES || (final && all.byteLength > 0)) {
      const data = all.subarray(0, CHUNK_BYTES);
      all = all.subarray(data.byteLength);
      await db
        .insertInto('upload_chunks')
        .values({ upload_id: id, organization_id: actor.organizationId, seq: seq++, data })
        .execute();
    }
    pending = all.byteLength > 0 ? [all] : [];
    pendingBytes = all.byteLength;
  };
  try {
    for await (const part of body) {
      bytes += part.byteLength;
      if (bytes > maxBytes)
        throw new AppError(
          'payload_too_large',
          `the file exceeds the upload limit of ${maxBytes} bytes`,
          '(body)',
        );
      hash.update(part);
      pending.push(part);
      pendingBytes += part.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    }
    await flush(true);
  } catch (err) {
    await db.deleteFrom('uploads').where('id', '=', id).execute();
    throw err;
  }
  if (bytes === 0) {
    await db.deleteFrom('uploads').where('id', '=', id).execute();
    throw new AppError('validation_failed', 'the file is empty', '(body)');
  }
  const sha256 = hash.digest('hex');
  await db
    .updateTable('uploads')
    .set({ status: 'complete', bytes, sha256, completed_at: clock.now() })
    .where('id', '=', id)
    .execute();
  return { id, fileName, bytes, sha256 };
}

/** Stores text already in memory (a small JSON-borne file) in the caller's transaction. */
export async function storeUploadText(
  db: Db,
  clock: Clock,
  actor: UploadOwner,
  fileName: string,
  text: string,
): Promise<StoredUpload> {
  const id = newId('upl', clock.now().getTime());
  const all = Buffer.from(text, 'utf8');
  const sha256 = createHash('sha256').update(all).digest('hex');
  await db
    .insertInto('uploads')
    .values({
      id,
      organization_id: actor.organizationId,
      provider_id: actor.providerId,
      created_by: actor.userId,
      file_name: fileName,
      bytes: all.byteLength,
      sha256,
      status: 'complete',
      created_at: clock.now(),
      completed_at: clock.now(),
    })
    .execute();
  for (let seq = 0, at = 0; at < all.byteLength; seq++, at += CHUNK_BYTES) {
    const data = all.subarray(at, at + CHUNK_BYTES);
    await db
      .insertInto('upload_chunks')
      .values({ upload_id: id, organization_id: actor.organizationId, seq, data })
      .execute();
  }
  return { id, fileName, bytes: all.byteLength, sha256 };
}

/** Writes an upload's bytes to a local file, a few chunks in memory at a time. */
export async function writeUploadToFile(db: Kysely<DB>, uploadId: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  try {
    for (let seq = 0; ; ) {
      const rows = await db
        .selectFrom('upload_chunks')
        .select(['seq', 'data'])
        .where('upload_id', '=', uploadId)
        .where('seq', '>=', seq)
        .orderBy('seq')
        .limit(4)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.seq !== seq) throw new Error(`upload ${uploadId}: chunk ${seq} is missing`);
        written += row.data.byteLength;
        if (!out.write(row.data)) await once(out, 'drain');
        seq++;
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return written;
}

/** Forgets an upload and its bytes (once the work that needed it is done). */
export async function deleteUpload(db: Db, uploadId: string): Promise<void> {
  await db.deleteFrom('uploads').where('id', '=', uploadId).execute();
}
