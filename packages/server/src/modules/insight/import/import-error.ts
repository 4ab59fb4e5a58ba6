/** An import that cannot go on (unreadable file, wrong encoding, mapping naming missing columns). */
export class ImportError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(message);
    this.name = 'ImportError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
