/** Bytes of one slab; a row larger than this gets a slab of its own. */
const SLAB_BYTES = 256 * 1024;

/**
 * Rows written as bytes into slabs (BinaryRowWriter for binary COPY, CopyTextWriter for text COPY).
 * The caller reserves room for a whole row first (`reserve`, with an upper bound of its size), so a
 * row never straddles two slabs and the writers need no bounds checks of their own.
 */
export class SlabWriter {
  /** Slabs written so far; the last one is being filled. */
  readonly slabs: Buffer[] = [];
  protected buf: Buffer = Buffer.allocUnsafe(0);
  /** Write position in the current slab. */
  pos = 0;

  /** Index of the slab being filled. */
  get slab(): number {
    return this.slabs.length - 1;
  }

  /**
   * Makes room for `bytes` more in the current slab, starting a new one if needed. Call once per row,
   * before its first field, with an upper bound of the whole row.
   */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.buf = Buffer.allocUnsafe(Math.max(SLAB_BYTES, bytes));
    this.slabs.push(this.buf);
    this.pos = 0;
  }

  /** Forgets all slabs (they stay valid for whoever holds them). */
  reset(): void {
    this.slabs.length = 0;
    this.buf = Buffer.allocUnsafe(0);
    this.pos = 0;
  }
}

/** Upper bound of the bytes a string takes in UTF-8 (three per UTF-16 code unit). */
export const utf8Bound = (s: string | null): number => (s === null ? 0 : s.length * 3);
