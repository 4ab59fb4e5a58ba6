import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { type KnowledgeFile, MAX_FILE_BYTES } from './schemas.js';
import { asOrganization, authorizeWrite } from './service.js';

/**
 * What articles may carry, by the file's own bytes (file-type reads the magic numbers; the name and
 * a claimed type are not trusted): raster images shown inline and PDF offered as a download. SVG
 * and HTML are refused: they can carry script.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, 'inline' | 'attachment'>> = {
  'image/png': 'inline',
  'image/jpeg': 'inline',
  'image/gif': 'inline',
  'image/webp': 'inline',
  'application/pdf': 'attachment',
};

const invalid = (message: string) =>
  new AppError('validation_failed', `contentBase64: ${message}`, 'contentBase64');

/** The Markdown that shows (image) or links (PDF) a file, relative to an article page. */
export function fileMarkdown(sha256: string, fileName: string, contentType: string): string {
  const label = fileName.replace(/[[\]\\]/g, '');
  const path = `../../files/${sha256}`;
  return contentType.startsWith('image/') ? `![${label}](${path})` : `[${label}](${path})`;
}

/** Checks and stores a file once per organization (by SHA-256); authors of drafts may. */
export async function storeFile(
  s: ScopedDb,
  clock: Clock,
  input: { fileName: string; contentBase64: string },
): Promise<KnowledgeFile> {
  await authorizeWrite(s, clock, 'draft');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw invalid('the file is empty');
  if (content.length > MAX_FILE_BYTES) throw invalid(`must be at most ${MAX_FILE_BYTES} bytes`);
  const type = await fileTypeFromBuffer(content);
  if (!type || !ALLOWED_FILE_TYPES[type.mime])
    throw invalid('must be a PNG, JPEG, GIF or WebP image or a PDF');
  const sha256 = createHash('sha256').update(content).digest('hex');
  // Path separators and control characters have no place in a download name.
  const fileName = input.fileName.replace(/[\\/\p{Cc}]/gu, '_');
  await asOrganization(s)
    .insertInto('knowledge_files', {
      sha256,
      file_name: fileName,
      content_type: type.mime,
      size_bytes: content.length,
      content,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['organization_id', 'sha256']).doNothing())
    .execute();
  return {
    sha256,
    fileName,
    contentType: type.mime,
    sizeBytes: content.length,
    markdown: fileMarkdown(sha256, fileName, type.mime),
  };
}

/** A help center's file by its hash, for anyone with its address. */
export async function publicFile(db: Kysely<DB>, organizationId: string, sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  return db
    .selectFrom('knowledge_files')
    .select(['file_name', 'content_type', 'content'])
    .where('organization_id', '=', organizationId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}
