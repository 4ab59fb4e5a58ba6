import type { FieldCoverage, ImportWarning, MappingCoverage } from '@shoreline/core';

/** Reply links that point at no post of the file: how many, and a few to look up. */
export interface UnresolvedReplyLinks {
  unresolved: number;
  examples: { id: string; inReplyTo: string }[];
}

/**
 * What an import found besides per-ticket quality flags, reported after every run: how much of each
 * mapped field the mapping translated, reply links that resolved to nothing, and warnings.
 */
export interface ImportFindings {
  coverage: FieldCoverage[];
  replyLinks: UnresolvedReplyLinks | null;
  warnings: ImportWarning[];
}

/** Collected while the file is read (the readers fill it), turned into ImportFindings at the end. */
export interface FindingsSink {
  coverage: MappingCoverage | null;
  replyLinks: UnresolvedReplyLinks | null;
  /** The column of reply links (threads), for the warning. */
  replyColumn: string | null;
}

export const REPLY_LINK_EXAMPLES = 5;
