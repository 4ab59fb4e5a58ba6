import { z } from '@hono/zod-openapi';
import { CHANNELS, ROLES } from '@shoreline/core';

// Channels and roles are the one domain vocabulary (core/domain/vocabulary.ts).
export { CHANNELS, ROLES };

export const LOCALES = ['en', 'tr', 'he', 'hu', 'lv'] as const;
export const PROVIDER_KINDS = ['in_house', 'vendor'] as const;
export const SHORES = ['onshore', 'nearshore', 'offshore'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const supportedZones = new Set(Intl.supportedValuesOf('timeZone'));
supportedZones.add('UTC');

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as TR')
  .openapi({ example: 'TR' });
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as tr or pt-BR')
  .openapi({ example: 'tr' });
export const TimeZone = z
  .string()
  .refine((tz) => supportedZones.has(tz), 'must be an IANA time zone such as Europe/Istanbul')
  .openapi({ example: 'Europe/Istanbul' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');

export const BusinessHours = z
  .object({ day: z.enum(WEEKDAYS), open: ClockTime, close: ClockTime })
  .strict()
  .refine((h) => h.open !== h.close && !(h.open === '24:00'), {
    // A close before the open runs past midnight (22:00–06:00, night teams; core/time/business-hours.ts).
    message: 'open and close must differ; a close before the open runs past midnight',
    path: ['close'],
  });

const Id = (prefix: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ example: `${prefix}_01hx…` });
const Name = z.string().trim().min(1, 'must not be empty').max(200);

export const ProviderSchema = z
  .object({
    id: Id('prv'),
    name: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    shore: z.enum(SHORES).nullable(),
    countries: z.array(z.string()),
    languages: z.array(z.string()),
    createdAt: z.string().datetime(),
  })
  .openapi('Provider');

export const ProviderCreate = z
  .object({
    name: Name,
    kind: z.enum(PROVIDER_KINDS),
    shore: z.enum(SHORES).nullable().optional(),
    countries: z.array(CountryCode).max(50).default([]),
    languages: z.array(LanguageTag).max(50).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'vendor' && !p.shore) {
      ctx.addIssue({
        code: 'custom',
        path: ['shore'],
        message: 'a vendor needs a shore: onshore, nearshore or offshore',
      });
    }
    if (p.kind === 'in_house' && p.shore) {
      ctx.addIssue({ code: 'custom', path: ['shore'], message: 'the in-house operation has no shore' });
    }
  })
  .openapi('ProviderCreate');

export const ProviderUpdate = z
  .object({
    name: Name.optional(),
    shore: z.enum(SHORES).optional(),
    countries: z.array(CountryCode).max(50).optional(),
    languages: z.array(LanguageTag).max(50).optional(),
  })
  .strict()
  .openapi('ProviderUpdate');

export const TeamSchema = z
  .object({
    id: Id('team'),
    providerId: z.string(),
    name: z.string(),
    site: z.string(),
    languages: z.array(z.string()),
    channels: z.array(z.enum(CHANNELS)),
    timeZone: z.string(),
    businessHours: z.array(z.object({ day: z.enum(WEEKDAYS), open: z.string(), close: z.string() })),
    createdAt: z.string().datetime(),
  })
  .openapi('Team');

export const TeamCreate = z
  .object({
    providerId: Id('prv'),
    name: Name,
    site: z.string().trim().max(200).default(''),
    languages: z.array(LanguageTag).max(50).default([]),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
    timeZone: TimeZone,
    businessHours: z.array(BusinessHours).max(21).default([]),
  })
  .strict()
  .openapi('TeamCreate');

export const TeamUpdate = z
  .object({
    name: Name.optional(),
    site: z.string().trim().max(200).optional(),
    languages: z.array(LanguageTag).max(50).optional(),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
    timeZone: TimeZone.optional(),
    businessHours: z.array(BusinessHours).max(21).optional(),
  })
  .strict()
  .openapi('TeamUpdate');

export const UserSchema = z
  .object({
    id: Id('usr'),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    providerId: z.string().nullable(),
    status: z.enum(['active', 'invited', 'deactivated']),
    locale: z.enum(LOCALES),
    createdAt: z.string().datetime(),
  })
  .openapi('User');

export const Email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);

export const UserInvite = z
  .object({
    email: Email,
    name: Name,
    role: z.enum(ROLES),
    providerId: z.string().nullable().default(null),
  })
  .strict()
  .openapi('UserInvite');

export const UserUpdate = z
  .object({ name: Name.optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .strict()
  .openapi('UserUpdate');

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    providerId: z.string().nullable(),
    providerName: z.string().nullable(),
    organizationId: z.string(),
    organizationName: z.string(),
    locale: z.enum(LOCALES),
  })
  .openapi('Me');

export const MeUpdate = z
  .object({ locale: z.enum(LOCALES).optional(), name: Name.optional() })
  .strict()
  .openapi('MeUpdate');

export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const LoginBody = z
  .object({ email: Email, password: z.string().min(1, 'is required').max(200) })
  .strict()
  .openapi('Login');
export const AcceptInviteBody = z
  .object({ token: z.string().min(1).max(200), password: Password, name: Name.optional() })
  .strict()
  .openapi('AcceptInvite');

export const ApiTokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .openapi('ApiToken');
export const ApiTokenCreate = z.object({ name: Name }).strict().openapi('ApiTokenCreate');
export const ApiTokenCreated = ApiTokenSchema.omit({ lastUsedAt: true })
  .extend({ token: z.string() })
  .openapi('ApiTokenCreated');

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const listOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item) }).openapi(name);
