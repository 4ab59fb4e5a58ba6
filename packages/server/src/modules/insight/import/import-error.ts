import type { IMPORT_ERROR_CODES } from '../vocabulary.js';
import type { Detected } from './sniff-format.js';

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** An import that cannot go on (unreadable file, wrong encoding, mapping naming missing columns). */
export class ImportError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /** Stable reason, translated by the web app (the message is the server's English). */
  readonly code: ImportErrorCode;
  /** What the file looks like, when that may explain the failure (set by runImport). */
  detected: Detected | null = null;
  /**
   * Set when the import stopped on something other than its input (the database went away): the
   * same file may well import on a second try.
   */
  override readonly cause: unknown;
  constructor(
    message: string,
    where: { file?: string; line?: number; field?: string; cause?: unknown; code?: ImportErrorCode } = {},
  ) {
    super(message);
    this.cause = where.cause;
    this.name = 'ImportError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.code = where.code ?? (where.cause === undefined ? 'unreadable' : 'stopped');
  }
}
