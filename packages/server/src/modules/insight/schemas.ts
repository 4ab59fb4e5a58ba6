import { z } from '@hono/zod-openapi';
import { parseIsoDate } from '@shoreline/core';
import { apiObject } from '../../platform/http/schema.js';
import { ints, nullableNumbers, nullableStrings, numbers, strings } from '../../platform/zod-field-lists.js';
import { TimeZoneName } from '../../platform/zod-time-zone-name.js';
import { TicketSchema as FullTicketSchema } from '../tickets/index.js';
import {
  FILE_LAYOUTS,
  GROUP_BYS,
  IMPORT_ERROR_CODES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  INTERVALS,
  MATCH_KINDS,
} from './vocabulary.js';

/** Strict ISO 8601: a day that does not exist, or a bare number, is refused (Date.parse reads both). */
const isoDate = z
  .string()
  .max(40)
  .refine((s) => {
    try {
      parseIsoDate(s);
      return true;
    } catch {
      return false;
    }
  }, 'must be a real ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:mm:ssZ)');

export const TicketFilterQuery = z.object({
  from: isoDate.optional().openapi({ example: '2024-01-01' }),
  to: isoDate.optional(),
  providerId: z.string().max(64).optional(),
  providerKind: z.enum(['in_house', 'vendor']).optional(),
  teamId: z.string().max(64).optional(),
  channel: z.string().max(32).optional(),
  priority: z.string().max(32).optional(),
  topic: z.string().max(64).optional(),
  language: z.string().max(16).optional(),
  status: z.string().max(32).optional(),
  source: z.string().max(64).optional(),
  supportLine: z.string().max(64).optional(),
  qualityFlag: z.string().max(64).optional(),
  hourOfWeek: z.coerce.number().int().min(0).max(167).optional(),
  timeZone: TimeZoneName.optional(),
  includeInferredResolutions: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({
      description:
        "Count resolution times that are not the source's (flags resolution_inferred, resolved_while_open) in resolution KPIs; off by default",
    }),
  format: z.enum(['json', 'csv']).default('json'),
});

export const KpiQuery = TicketFilterQuery.extend({ groupBy: z.enum(GROUP_BYS).default('none') });
export const CompareQuery = KpiQuery.extend({ previousFrom: isoDate, previousTo: isoDate });
export const VolumeQuery = TicketFilterQuery.extend({
  interval: z.enum(INTERVALS).default('day'),
});
export const TicketListQuery = TicketFilterQuery.extend({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const Duration = apiObject('DurationStats', {
  count: z.number().int(),
  ...nullableNumbers('medianSeconds', 'p90Seconds', 'meanSeconds'),
});

export const KpiRowSchema = apiObject('KpiRow', {
  ...nullableStrings('key', 'label'),
  ...ints('tickets', 'solved'),
  firstResponse: Duration,
  firstResponseBusiness: Duration,
  resolution: Duration,
  resolutionBusiness: Duration,
  ...nullableNumbers('reopenRate', 'handoffsPerTicket', 'handedOffShare'),
  slaMeasured: z.number().int(),
  slaAttainment: z.number().nullable(),
  csatResponses: z.number().int(),
  ...nullableNumbers('csatMean', 'csatSatisfiedShare'),
  calls: z.object({ measured: z.number().int(), abandonmentRate: z.number().nullable(), handle: Duration }),
  qualityFlagged: z.number().int(),
});

/** What a view leaves out (left-out.ts): shown by the web app as a note under the view. */
export const LeftOutSchema = apiObject('LeftOut', {
  noCreationTime: z
    .number()
    .int()
    .openapi({ description: 'Tickets the other filters select that have no creation time' }),
});
export const KpiTable = z
  .object({ groupBy: z.enum(GROUP_BYS), rows: z.array(KpiRowSchema), leftOut: LeftOutSchema })
  .openapi('KpiTable');
export const KpiComparison = apiObject('KpiComparison', {
  groupBy: z.enum(GROUP_BYS),
  current: z.array(KpiRowSchema),
  previous: z.array(KpiRowSchema),
  leftOut: LeftOutSchema,
});
export const VolumeSchema = apiObject('Volume', {
  interval: z.enum(INTERVALS),
  points: z.array(
    z.object({ start: z.string(), created: z.number(), solved: z.number(), backlog: z.number() }),
  ),
  leftOut: LeftOutSchema,
});
export const TopicTrendSchema = apiObject('TopicTrend', {
  points: z.array(z.object({ start: z.string(), topic: z.string().nullable(), tickets: z.number() })),
  leftOut: LeftOutSchema,
});
export const TrainingNeedsSchema = apiObject('TrainingNeeds', {
  items: z.array(
    z.object({
      ...nullableStrings('teamId', 'team', 'topic'),
      tickets: z.number(),
      ...nullableNumbers(
        'resolutionMedianSeconds',
        'allTeamsResolutionMedianSeconds',
        'lagRatio',
        'csatMean',
      ),
      lagging: z.boolean(),
    }),
  ),
});

/** The fields a KPI drill-down lists per ticket: a subset of the ticket catalogue (core/tickets/fields.ts). */
export const DRILL_DOWN_FIELDS = [
  'id',
  'source',
  'externalId',
  'number',
  'subject',
  'providerId',
  'teamId',
  'channel',
  'status',
  'statusRaw',
  'priority',
  'language',
  'topic',
  'tags',
  'assignee',
  'group',
  'supportLine',
  'createdAt',
  'firstResponseAt',
  'solvedAt',
  'closedAt',
  'reopenCount',
  'handoffCount',
  'firstResponseSeconds',
  'resolutionSeconds',
  'firstResponseBusinessSeconds',
  'resolutionBusinessSeconds',
  'slaBreached',
  'csatNormalised',
  'qualityFlags',
] as const;

// Each field's type and description come from the tickets module's catalogue-derived schema.
export const TicketSchema = z
  .object(Object.fromEntries(DRILL_DOWN_FIELDS.map((f) => [f, FullTicketSchema.shape[f]!])))
  .openapi('InsightTicket');
export const TicketPage = z
  .object({ items: z.array(TicketSchema), nextCursor: z.string().nullable() })
  .openapi('InsightTicketPage');

export const ImportCreate = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a file name, not a path')
      // '.' and '..' name folders; control characters are no part of a file's name.
      .refine((n) => n !== '.' && n !== '..' && ![...n].some((ch) => ch < ' '), 'a file name, not a path')
      .optional()
      .openapi({ description: "Required with `content`; defaults to the upload's name" }),
    uploadId: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'A file sent to `POST /api/uploads` (any size); or give `content`' }),
    content: z
      .string()
      .min(1)
      .optional()
      .openapi({ description: 'The file text (CSV, TSV, NDJSON or JSON), up to the JSON body limit' }),
    mapping: z
      .unknown()
      .optional()
      .openapi({ description: 'Column mapping (required for csv), as in examples/import/' }),
  })
  .superRefine((b, ctx) => {
    if ((b.uploadId === undefined) === (b.content === undefined))
      ctx.addIssue({ code: 'custom', path: ['uploadId'], message: 'give uploadId, or fileName and content' });
    if (b.content !== undefined && b.fileName === undefined)
      ctx.addIssue({ code: 'custom', path: ['fileName'], message: 'a file name is required with content' });
  })
  .openapi('ImportCreate');

export const ImportWarningSchema = apiObject('ImportWarning', {
  code: z.enum([
    'rule_matched_nothing',
    'field_mapped_nothing',
    'values_not_mapped',
    'reply_links_unresolved',
  ]),
  field: z.string(),
  value: z.string().optional(),
  count: z.number().int().optional(),
});

export const ImportFindingsSchema = z
  .object({
    coverage: z.array(
      z.object({
        field: z.string(),
        ...ints('rows', 'mapped'),
        share: z
          .number()
          .nullable()
          .openapi({ description: 'mapped ÷ rows: rows whose value the mapping translated' }),
        unmapped: z.array(z.object({ value: z.string(), rows: z.number().int() })),
      }),
    ),
    replyLinks: z
      .object({
        unresolved: z.number().int(),
        examples: z.array(z.object({ id: z.string(), inReplyTo: z.string() })),
      })
      .nullable(),
    warnings: z.array(ImportWarningSchema),
  })
  .openapi('ImportFindings', {
    description: 'What the import found beyond per-ticket flags (empty until the run is done)',
  });

export const ImportRunSchema = apiObject('ImportRun', {
  ...strings('id', 'source', 'format', 'fileName'),
  status: z.enum(IMPORT_STATUSES),
  progress: z.number().openapi({ description: 'bytes done ÷ file bytes, 0–1' }),
  ...numbers('recordsRead', 'ticketsUpserted', 'rowsRejected'),
  quality: z.record(z.string(), z.number()),
  findings: ImportFindingsSchema,
  error: z.string().nullable().openapi({ description: "The server's English message (logs, CLI)" }),
  errorCode: z
    .enum(IMPORT_ERROR_CODES)
    .nullable()
    .openapi({ description: 'Why the run failed, as a stable code to translate' }),
  errorField: z.string().nullable().openapi({ description: 'The field or column the failure is about' }),
  detected: z
    .object({ layout: z.enum(FILE_LAYOUTS), format: z.enum(IMPORT_FORMATS).nullable() })
    .nullable()
    .openapi({ description: 'What the file looks like, when the run failed on its format' }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const RejectSchema = z
  .object({ file: z.string(), line: z.number().int(), field: z.string(), reason: z.string() })
  .openapi('ImportReject');

export const ProviderMappingCreate = apiObject('ProviderMappingCreate', {
  providerId: z.string().max(64),
  teamId: z.string().max(64).nullable().default(null),
  source: z.string().min(1).max(64).default('*'),
  matchKind: z.enum(MATCH_KINDS),
  matchValue: z.string().max(200).default(''),
});
export const ProviderMappingSchema = ProviderMappingCreate.extend({ id: z.string() }).openapi(
  'ProviderMapping',
);
