/** An import that cannot go on (unreadable file, wrong encoding, mapping naming missing columns). */
export class ImportError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /**
   * Set when the import stopped on something other than its input (the database went away): the
   * same file may well import on a second try.
   */
  override readonly cause: unknown;
  constructor(
    message: string,
    where: { file?: string; line?: number; field?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.cause = where.cause;
    this.name = 'ImportError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
