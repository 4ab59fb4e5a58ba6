import { z } from '@hono/zod-openapi';
import { CHANNELS, ROLES } from '@shoreline/core';
import { weakPasswordReason } from '../../platform/auth/password-policy.js';
import { TOKEN_SCOPES } from './token-scopes.js';

// Channels and roles are the one domain vocabulary (core/domain/vocabulary.ts).
export { CHANNELS, ROLES };

import { apiInput, apiObject } from '../../platform/http/schema.js';
import { LOCALES, PROVIDER_KINDS, SHORES, USER_STATUSES, WEEKDAYS } from './vocabulary.js';

export { LOCALES, PROVIDER_KINDS, SHORES, WEEKDAYS };

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
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');

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

export const ProviderSchema = apiObject('Provider', {
  id: Id('prv'),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  shore: z.enum(SHORES).nullable(),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  createdAt: z.string().datetime(),
});

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

export const ProviderUpdate = apiInput('ProviderUpdate', {
  name: Name.optional(),
  shore: z.enum(SHORES).optional(),
  countries: z.array(CountryCode).max(50).optional(),
  languages: z.array(LanguageTag).max(50).optional(),
});

export const TeamSchema = apiObject('Team', {
  id: Id('team'),
  providerId: z.string(),
  name: z.string(),
  site: z.string(),
  languages: z.array(z.string()),
  channels: z.array(z.enum(CHANNELS)),
  timeZone: z.string(),
  businessHours: z.array(z.object({ day: z.enum(WEEKDAYS), open: z.string(), close: z.string() })),
  createdAt: z.string().datetime(),
});

export const TeamCreate = apiInput('TeamCreate', {
  providerId: Id('prv'),
  name: Name,
  site: z.string().trim().max(200).default(''),
  languages: z.array(LanguageTag).max(50).default([]),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  timeZone: TimeZone,
  businessHours: z.array(BusinessHours).max(21).default([]),
});

export const TeamUpdate = apiInput('TeamUpdate', {
  name: Name.optional(),
  site: z.string().trim().max(200).optional(),
  languages: z.array(LanguageTag).max(50).optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  timeZone: TimeZone.optional(),
  businessHours: z.array(BusinessHours).max(21).optional(),
});

export const UserSchema = apiObject('User', {
  id: Id('usr'),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  providerId: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  locale: z.enum(LOCALES),
  createdAt: z.string().datetime(),
});

export const Email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);

export const UserInvite = apiInput('UserInvite', {
  email: Email,
  name: Name,
  role: z.enum(ROLES),
  providerId: z.string().nullable().default(null),
});

export const UserInvited = z.object({ user: UserSchema, inviteUrl: z.string() }).openapi('UserInvited');

export const UserUpdate = apiInput('UserUpdate', {
  name: Name.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
});

export const MeSchema = apiObject('Me', {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  locale: z.enum(LOCALES),
  abilities: z.array(z.string()).openapi({
    description: "Every action this user may take, from the modules' policies (e.g. team.write, import.run)",
    example: ['kpi.read', 'team.write'],
  }),
  limits: z.record(z.string(), z.number()).openapi({
    description: 'Input bounds of this server (maxBodyBytes, maxUploadBytes, staffingIntervals, …)',
    example: { maxBodyBytes: 1_048_576 },
  }),
});

export const MeEnvelope = z.object({ user: MeSchema }).openapi('MeEnvelope');

export const MeUpdate = apiInput('MeUpdate', { locale: z.enum(LOCALES).optional(), name: Name.optional() });

export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((p) => weakPasswordReason(p) === null, {
    message: 'is too common or too easy to guess; choose a longer or less predictable one',
    params: { code: 'weak_password' },
  });

export const LoginBody = apiInput('Login', {
  email: Email,
  password: z.string().min(1, 'is required').max(200),
  /** When the address belongs to several organizations: which one (the sign-in answers the choice). */
  organizationId: z.string().max(64).optional(),
});
export const AcceptInviteBody = apiInput('AcceptInvite', {
  token: z.string().min(1).max(200),
  password: Password,
  name: Name.optional(),
});

export const ApiTokenSchema = apiObject('ApiToken', {
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  expiresAt: z.string(),
});
export const ApiTokenCreate = apiInput('ApiTokenCreate', {
  name: Name,
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length).default(['admin']),
  /** Lifetime in days; a token always expires (OWASP: limit the lifetime of credentials). */
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export const ApiTokenCreated = ApiTokenSchema.omit({ lastUsedAt: true })
  .extend({ token: z.string() })
  .openapi('ApiTokenCreated');

export const PasswordChange = apiInput('PasswordChange', {
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: Password,
});
export const PasswordResetRequest = z.object({ email: Email }).strict().openapi('PasswordResetRequest');
export const PasswordResetConfirm = apiInput('PasswordResetConfirm', {
  token: z.string().min(1).max(200),
  password: Password,
});
export const OutboxMessage = apiObject('OutboxMessage', {
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** The extension of the `organization_choice` problem: the address's organizations to pick from. */
export interface OrganizationChoice {
  organizations: { id: string; name: string }[];
}
