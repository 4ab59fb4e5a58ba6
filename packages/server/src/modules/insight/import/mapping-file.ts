import { readFileSync } from 'node:fs';
import {
  assertTimeZone,
  CHANNELS,
  type ColumnMapping,
  CSAT_SCALES,
  channelNamed,
  dateFormatProblem,
  MAPPABLE_FIELDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '@shoreline/core';
import { z } from 'zod';
import { ImportError } from './import-error.js';

const fieldRecord = <T extends z.ZodTypeAny>(value: T) =>
  z.partialRecord(z.enum(MAPPABLE_FIELDS), value).default({});

/** A channel, in today's words or a legacy one (`web` → `web_form`, CHANNEL_ALIASES), so old mapping files still load. */
const ChannelWord = z.preprocess(
  (v) => (typeof v === 'string' ? (channelNamed(v) ?? v) : v),
  z.enum(CHANNELS),
);

/** A provider rule shipped with a mapping: names resolved to ids in the organization at import start. */
export const ProviderRuleSchema = z.object({
  match: z.enum(['group', 'agent', 'email_domain', 'default']),
  value: z.string().default(''),
  provider: z.string().min(1),
  team: z.string().optional(),
});
export type ProviderRule = z.infer<typeof ProviderRuleSchema>;

/** The mapping file (JSON), as documented in docs/insight.md. */
export const MappingFileSchema = z
  .object({
    $comment: z.string().optional(),
    format: z.enum(['csv', 'tsv', 'ndjson']).default('csv'),
    encoding: z.string().default('utf-8'),
    delimiter: z.string().length(1).optional(),
    kind: z.enum(['tickets', 'events', 'threads']).default('tickets'),
    source: z.string().min(1).max(64),
    timeZone: z.string().default('UTC'),
    dateFormat: z.string().default('iso'),
    dateFormats: fieldRecord(z.string()),
    nullMarkers: z.array(z.string()).default(['']),
    columns: fieldRecord(z.string().min(1)),
    statusMap: z.record(z.string(), z.enum(TICKET_STATUSES)).default({}),
    priorityMap: z.record(z.string(), z.enum(TICKET_PRIORITIES)).default({}),
    channelMap: z.record(z.string(), ChannelWord).default({}),
    channel: ChannelWord.optional(),
    csatScale: z.enum(CSAT_SCALES).default('1-5'),
    durationUnit: z.enum(['seconds', 'minutes', 'hours']).default('seconds'),
    tagSeparator: z.string().default(','),
    events: z
      .object({
        caseId: z.string(),
        at: z.string(),
        status: z.string().optional(),
        team: z.string().optional(),
        supportLine: z.string().optional(),
        assignee: z.string().optional(),
        firstResponseStatuses: z.array(z.string()).default([]),
      })
      .optional(),
    threads: z
      .object({
        id: z.string(),
        inReplyTo: z.string(),
        inbound: z.string(),
        author: z.string(),
        at: z.string(),
        text: z.string(),
      })
      .optional(),
    providers: z.array(ProviderRuleSchema).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'events' && !m.events)
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'required when kind is "events"' });
    if (m.kind === 'threads' && !m.threads)
      ctx.addIssue({ code: 'custom', path: ['threads'], message: 'required when kind is "threads"' });
    if (m.kind === 'tickets' && !m.columns.externalId)
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'externalId'],
        message: 'required: the column holding the ticket id',
      });
    const dateProblem = dateFormatProblem(m.dateFormat);
    if (dateProblem) ctx.addIssue({ code: 'custom', path: ['dateFormat'], message: dateProblem });
    for (const [field, format] of Object.entries(m.dateFormats)) {
      const problem = format === undefined ? null : dateFormatProblem(format);
      if (problem) ctx.addIssue({ code: 'custom', path: ['dateFormats', field], message: problem });
    }
    try {
      assertTimeZone(m.timeZone);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: (err as Error).message });
    }
    try {
      new TextDecoder(m.encoding);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['encoding'], message: `unknown encoding "${m.encoding}"` });
    }
  });
export type MappingFile = z.infer<typeof MappingFileSchema>;

/** Parses a mapping, naming the mapping file and the offending field on error. */
export function parseMapping(json: unknown, fileName: string): MappingFile {
  const parsed = MappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      file: fileName,
      field: issue.path.join('.'),
      code: 'bad_mapping',
    });
  }
  return parsed.data;
}

export function readMappingFile(path: string): MappingFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ImportError(`${path}: not readable JSON: ${(err as Error).message}`, {
      file: path,
      code: 'bad_mapping',
    });
  }
  return parseMapping(json, path);
}

export function toColumnMapping(m: MappingFile): ColumnMapping {
  return {
    kind: m.kind,
    source: m.source,
    timeZone: m.timeZone,
    dateFormat: m.dateFormat,
    dateFormats: m.dateFormats,
    nullMarkers: m.nullMarkers,
    columns: m.columns,
    statusMap: m.statusMap,
    priorityMap: m.priorityMap,
    channelMap: m.channelMap,
    channel: m.channel,
    csatScale: m.csatScale,
    durationUnit: m.durationUnit,
    tagSeparator: m.tagSeparator,
    events: m.events,
    threads: m.threads,
  };
}
