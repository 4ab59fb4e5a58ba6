import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { ImportError } from './import-error.js';

/** How a file's bytes are packed, told by its first bytes (magic numbers), not by its name. */
export type Packing = 'gzip' | 'zip' | 'plain';

/** gzip: 1f 8b (RFC 1952 §2.3.1); zip: "PK\x03\x04", a local file header (APPNOTE 4.3.7). */
export function packingOf(path: string): Packing {
  const head = Buffer.alloc(4);
  let n = 0;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    n = readSync(fd, head, 0, 4, 0);
  } catch {
    return 'plain'; // unreadable: the caller's own read reports it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (n >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  return 'plain';
}

/**
 * The name of the text inside a file, which tells its layout (`.json`, `.tsv`, …): the file's own
 * name, without `.gz` for gzip, or the one member's name for a zip.
 */
export async function contentNameOf(path: string, packing = packingOf(path)): Promise<string> {
  if (packing === 'gzip') return path.replace(/\.gz$/i, '');
  if (packing === 'zip') return (await zipMember(path)).entry.fileName;
  return path;
}

/**
 * The file's content, unpacked, chunk by chunk (streamed: a gzip or zip member is never held whole).
 * `progress.bytes` counts the file's own (packed) bytes read, so progress is measured against the
 * file's size; for a zip member it is estimated from the member's compression ratio.
 */
export async function* contentChunks(
  path: string,
  highWaterMark: number,
  progress: { bytes: number } = { bytes: 0 },
): AsyncGenerator<Buffer> {
  const packing = packingOf(path);
  if (packing === 'plain') {
    for await (const chunk of createReadStream(path, { highWaterMark })) {
      progress.bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    return;
  }
  let stream: Readable;
  let ratio = 1;
  if (packing === 'gzip') {
    const raw = createReadStream(path, { highWaterMark });
    raw.on('data', (c) => {
      progress.bytes += (c as Buffer).length;
    });
    stream = raw.pipe(createGunzip({ chunkSize: highWaterMark }));
    raw.on('error', (err) => stream.destroy(err));
    ratio = 0;
  } else {
    const { zip, entry } = await zipMember(path);
    ratio = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 1;
    stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
    stream.on('end', () => zip.close());
  }
  try {
    for await (const chunk of stream) {
      if (ratio > 0) progress.bytes += Math.round((chunk as Buffer).length * ratio);
      yield chunk as Buffer;
    }
  } catch (err) {
    throw new ImportError(`${path}: cannot unpack the ${packing} file: ${(err as Error).message}`, {
      code: 'unpack',
      file: path,
      field: '(file)',
    });
  }
}

/** The one file member of a zip archive; an archive of several is refused (which one would it be?). */
function zipMember(path: string): Promise<{ zip: yauzl.ZipFile; entry: yauzl.Entry }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) {
        reject(
          new ImportError(`${path}: not a readable zip archive: ${err?.message}`, {
            code: 'unpack',
            file: path,
            field: '(file)',
          }),
        );
        return;
      }
      const files: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) files.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => {
        if (files.length === 1) resolve({ zip, entry: files[0]! });
        else {
          zip.close();
          reject(
            new ImportError(
              `${path}: a zip archive must hold exactly one file to import; this one holds ${files.length}${
                files.length > 0
                  ? ` (${files
                      .slice(0, 5)
                      .map((f) => f.fileName)
                      .join(', ')})`
                  : ''
              }`,
              { code: 'unpack', file: path, field: '(file)' },
            ),
          );
        }
      });
      zip.on('error', (e: Error) =>
        reject(
          new ImportError(`${path}: not a readable zip archive: ${e.message}`, {
            code: 'unpack',
            file: path,
            field: '(file)',
          }),
        ),
      );
      zip.readEntry();
    });
  });
}
