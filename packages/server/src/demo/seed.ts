import type { Channel } from '@shoreline/core';
import { addUser, createOrganization, createProvider, createTeam } from '../modules/identity/index.js';
import { createMailbox } from '../modules/mail/index.js';
import type { ModuleContext } from '../platform/module.js';

export const DEMO_ORGANIZATION = 'Northwind Outfitters';
export const DEMO_MAILBOX = 'support@northwind.example';
export const DEMO_PASSWORD = 'shoreline-demo';
export const DEMO_USERS = {
  admin: 'admin@northwind.example',
  supervisor: 'supervisor@northwind.example',
  agent: 'agent@northwind.example',
  vendorAdmin: 'lead@balticcontact.example',
  vendorAgent: 'agent@manilacx.example',
} as const;

export interface DemoSeed {
  seeded: boolean;
  organizationId: string;
}

type Hours = { day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'; open: string; close: string }[];
const weekdays = (open: string, close: string): Hours =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open, close }));

/**
 * Seeds the demo organization once: an in-house provider with two teams, a nearshore and an
 * offshore vendor with teams in other time zones, and users of every role. Does nothing when present.
 */
export async function seedDemo(ctx: ModuleContext): Promise<DemoSeed> {
  const { db, clock } = ctx;
  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', DEMO_ORGANIZATION)
    .executeTakeFirst();
  if (existing) return { seeded: false, organizationId: existing.id };

  const { organizationId, inHouseProviderId } = await createOrganization(db, clock, {
    name: DEMO_ORGANIZATION,
    inHouseName: 'Northwind in-house',
  });
  const admin = await addUser(db, clock, {
    organizationId,
    email: DEMO_USERS.admin,
    name: 'Ayşe Demir',
    role: 'admin',
    providerId: null,
    password: DEMO_PASSWORD,
  });
  const s = ctx.scope(admin);
  await s
    .updateTable('providers')
    .set({ countries: ['TR', 'HU'], languages: ['tr', 'en', 'hu'] })
    .where('id', '=', inHouseProviderId)
    .execute();
  const nearshore = await createProvider(s, clock, {
    name: 'Baltic Contact',
    kind: 'vendor',
    shore: 'nearshore',
    countries: ['LV'],
    languages: ['lv', 'ru', 'en'],
  });
  const offshore = await createProvider(s, clock, {
    name: 'Manila CX',
    kind: 'vendor',
    shore: 'offshore',
    countries: ['PH'],
    languages: ['en', 'tl'],
  });
  const team = (
    providerId: string,
    name: string,
    site: string,
    languages: string[],
    channels: Channel[],
    timeZone: string,
    hours: Hours,
  ) => createTeam(s, clock, { providerId, name, site, languages, channels, timeZone, businessHours: hours });
  const istanbul = await team(
    inHouseProviderId,
    'Istanbul Care',
    'Istanbul',
    ['tr', 'en'],
    ['email', 'chat', 'phone'],
    'Europe/Istanbul',
    weekdays('09:00', '18:00'),
  );
  await team(
    inHouseProviderId,
    'Budapest Billing',
    'Budapest',
    ['hu', 'en'],
    ['email', 'phone'],
    'Europe/Budapest',
    weekdays('08:00', '17:00'),
  );
  await team(
    nearshore.id,
    'Riga Multilingual',
    'Riga',
    ['lv', 'ru', 'en'],
    ['email', 'chat', 'social'],
    'Europe/Riga',
    weekdays('08:00', '20:00'),
  );
  await team(
    offshore.id,
    'Manila Follow-the-sun',
    'Manila',
    ['en'],
    ['email', 'chat', 'phone'],
    'Asia/Manila',
    [
      ...weekdays('00:00', '24:00'),
      { day: 'sat', open: '00:00', close: '24:00' },
      { day: 'sun', open: '00:00', close: '24:00' },
    ],
  );
  // Mail to the support address opens tickets in Istanbul Care's queue (module mail).
  await createMailbox(s, clock, {
    address: DEMO_MAILBOX,
    displayName: 'Northwind Support',
    providerId: inHouseProviderId,
    teamId: istanbul.id,
  });
  const users: [string, string, 'supervisor' | 'agent' | 'admin', string | null][] = [
    [DEMO_USERS.supervisor, 'Bence Kovács', 'supervisor', null],
    [DEMO_USERS.agent, 'Noa Levi', 'agent', null],
    [DEMO_USERS.vendorAdmin, 'Līga Bērziņa', 'admin', nearshore.id],
    [DEMO_USERS.vendorAgent, 'Jose Santos', 'agent', offshore.id],
  ];
  for (const [email, name, role, providerId] of users) {
    await addUser(db, clock, { organizationId, email, name, role, providerId, password: DEMO_PASSWORD });
  }
  return { seeded: true, organizationId };
}
