import { resolve } from 'node:path';
import { z } from 'zod';
import { compileTrustedProxies } from './http/client-address.js';

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SHORELINE_DATA_DIR: z.string().default('.shoreline'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  SHORELINE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  SHORELINE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SHORELINE_KPI_ENGINE: z.enum(['memory', 'sql']).default('memory'),
  SHORELINE_KPI_CACHE_TICKETS: z.coerce.number().int().positive().default(5_000_000),
  SHORELINE_JOB_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  SHORELINE_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  SHORELINE_JOB_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  SHORELINE_JOB_LEASE_MS: z.coerce.number().int().min(200).default(30_000),
  SHORELINE_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  SHORELINE_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  SHORELINE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => {
        try {
          compileTrustedProxies(list);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be addresses or CIDRs separated by commas (e.g. 10.0.0.0/8,::1)' },
    ),
  SHORELINE_EVENT_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  SHORELINE_EVENT_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  SHORELINE_PUSH_STREAMS_PER_USER: z.coerce.number().int().positive().default(4),
  SHORELINE_PUSH_HEARTBEAT_SEC: z.coerce.number().int().positive().default(20),
  SHORELINE_PUSH_MAX_STREAM_SEC: z.coerce.number().int().positive().default(900),
  SHORELINE_CHAT_MAX_PER_AGENT: z.coerce.number().int().positive().default(3),
  SHORELINE_CHAT_CONNECTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  SHORELINE_CHAT_FRAMES_PER_MINUTE: z.coerce.number().int().positive().default(120),
  SHORELINE_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  SHORELINE_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SHORELINE_SMTP_HOST: z.string().default('127.0.0.1'),
  SHORELINE_SMTP_TLS_CERT: z.string().optional(),
  SHORELINE_SMTP_TLS_KEY: z.string().optional(),
  SHORELINE_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 ** 2),
  SHORELINE_MAIL_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 ** 2),
  SHORELINE_SMTP_RELAY_URL: z.string().url().optional(),
  SHORELINE_AUDIT_ANCHOR_DIR: z.string().optional(),
  SHORELINE_AUDIT_ANCHOR_URL: z.string().url().optional(),
  SHORELINE_AUDIT_ANCHOR_SECRET: z.string().min(16).optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  maxBodyBytes: number;
  /** Where Insight computes KPIs: in-memory ticket columns (default) or PostgreSQL per request. */
  kpiEngine: 'memory' | 'sql';
  /** Soft cap on tickets the in-memory KPI columns hold across organizations (≈ 90 bytes each). */
  kpiCacheTickets: number;
  /** Background jobs this process runs at once; 0 makes it a process that only serves requests. */
  jobConcurrency: number;
  /** PostgreSQL connections per process (platform/db/connect.ts DEFAULT_POOL_SIZE). */
  dbPoolSize: number;
  /** How often the job runner looks for due jobs when no NOTIFY woke it. */
  jobPollMs: number;
  /** How long a job's claim holds without renewal: a crashed process's job is taken again after it. */
  jobLeaseMs: number;
  /** Largest file `POST /api/uploads` takes (streamed into the database in 1 MiB chunks). */
  maxUploadBytes: number;
  /** Tickets per committed batch of an HTTP import (the resume point moves batch by batch). */
  importBatchSize: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustedProxies: string[];
  /** Fallback poll of the outbox, for a NOTIFY lost while the listening connection was down. */
  eventPollMs: number;
  /** Events older than this, already read by every listener, are deleted (platform/events/retention.ts). */
  eventRetentionDays: number;
  /** Open browser event streams per user and process (browsers allow 6 connections per host). */
  pushStreamsPerUser: number;
  /** A comment line every N seconds keeps proxies from closing an idle stream. */
  pushHeartbeatSec: number;
  /** A stream ends after this long and the browser reconnects, so a revoked session stops receiving. */
  pushMaxStreamSec: number;
  /** Open chats an agent is given at most (module chat's assignment). */
  chatMaxPerAgent: number;
  /** Chat widget sockets one client address may open a minute (the widget is public: rate-limited). */
  chatConnectsPerMinute: number;
  /** Frames one widget socket may send a minute. */
  chatFramesPerMinute: number;
  /** Webhooks may target loopback and private addresses (tests, a trusted network); off by default (SSRF). */
  webhookAllowPrivate: boolean;
  /** The built-in SMTP server's port (module mail); unset: no SMTP server (0: any free port). */
  smtpPort: number | undefined;
  smtpHost: string;
  /** PEM files; with both, the SMTP server offers STARTTLS. */
  smtpTlsCert: string | undefined;
  smtpTlsKey: string | undefined;
  /** Largest message the SMTP server takes (announced as SIZE; larger: 552 after DATA). */
  smtpMaxBytes: number;
  /** Largest attachment kept on a ticket (larger ones stay only in the raw message). */
  mailMaxAttachmentBytes: number;
  /** Outgoing mail goes through this relay (`smtp://user:pass@host:587`); unset: kept in the outbox. */
  smtpRelayUrl: string | undefined;
  /**
   * Where the audit chain's heads are anchored outside the database (decision 0039): a directory of
   * one NDJSON file per organization, and/or a URL that receives each anchor signed with the secret
   * (HMAC-SHA-256). Unset: no anchors.
   */
  auditAnchorDir: string | undefined;
  auditAnchorUrl: string | undefined;
  auditAnchorSecret: string | undefined;
}

/** Reads configuration from the environment, naming the variable and the reason on bad input. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const c = parsed.data;
  if (c.SHORELINE_AUDIT_ANCHOR_URL && !c.SHORELINE_AUDIT_ANCHOR_SECRET)
    throw new Error(
      'invalid configuration: SHORELINE_AUDIT_ANCHOR_SECRET: required with SHORELINE_AUDIT_ANCHOR_URL (anchors are signed)',
    );
  const publicUrl = c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.SHORELINE_DATA_DIR),
    port: c.PORT,
    host: c.HOST,
    publicUrl,
    secureCookies:
      c.SHORELINE_SECURE_COOKIES === 'auto'
        ? publicUrl.startsWith('https:')
        : c.SHORELINE_SECURE_COOKIES === 'true',
    maxBodyBytes: c.SHORELINE_MAX_BODY_BYTES,
    kpiEngine: c.SHORELINE_KPI_ENGINE,
    kpiCacheTickets: c.SHORELINE_KPI_CACHE_TICKETS,
    jobConcurrency: c.SHORELINE_JOB_CONCURRENCY,
    dbPoolSize: c.SHORELINE_DB_POOL_SIZE,
    jobPollMs: c.SHORELINE_JOB_POLL_MS,
    jobLeaseMs: c.SHORELINE_JOB_LEASE_MS,
    maxUploadBytes: c.SHORELINE_MAX_UPLOAD_BYTES,
    importBatchSize: c.SHORELINE_IMPORT_BATCH_SIZE,
    trustedProxies: c.SHORELINE_TRUSTED_PROXIES,
    eventPollMs: c.SHORELINE_EVENT_POLL_MS,
    eventRetentionDays: c.SHORELINE_EVENT_RETENTION_DAYS,
    pushStreamsPerUser: c.SHORELINE_PUSH_STREAMS_PER_USER,
    pushHeartbeatSec: c.SHORELINE_PUSH_HEARTBEAT_SEC,
    pushMaxStreamSec: c.SHORELINE_PUSH_MAX_STREAM_SEC,
    chatMaxPerAgent: c.SHORELINE_CHAT_MAX_PER_AGENT,
    chatConnectsPerMinute: c.SHORELINE_CHAT_CONNECTS_PER_MINUTE,
    chatFramesPerMinute: c.SHORELINE_CHAT_FRAMES_PER_MINUTE,
    webhookAllowPrivate: c.SHORELINE_WEBHOOK_ALLOW_PRIVATE === 'true',
    auditAnchorDir: c.SHORELINE_AUDIT_ANCHOR_DIR ? resolve(c.SHORELINE_AUDIT_ANCHOR_DIR) : undefined,
    auditAnchorUrl: c.SHORELINE_AUDIT_ANCHOR_URL,
    auditAnchorSecret: c.SHORELINE_AUDIT_ANCHOR_SECRET,
    smtpPort: c.SHORELINE_SMTP_PORT,
    smtpHost: c.SHORELINE_SMTP_HOST,
    smtpTlsCert: c.SHORELINE_SMTP_TLS_CERT,
    smtpTlsKey: c.SHORELINE_SMTP_TLS_KEY,
    smtpMaxBytes: c.SHORELINE_SMTP_MAX_BYTES,
    mailMaxAttachmentBytes: c.SHORELINE_MAIL_MAX_ATTACHMENT_BYTES,
    smtpRelayUrl: c.SHORELINE_SMTP_RELAY_URL,
  };
}
