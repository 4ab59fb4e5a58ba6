import { createMacro, setMyTeams } from '../modules/desk/index.js';
import { createPolicy, SlaPolicyCreate } from '../modules/sla/index.js';
import { ticketService } from '../modules/tickets/index.js';
import type { ModuleContext } from '../platform/module.js';
import type { Actor } from '../platform/scope.js';
import { DEMO_USERS } from './seed.js';

/** The scripts agents follow, in the five UI languages. */
const MACROS = [
  {
    name: 'Refund on its way',
    bodies: {
      en: 'Hello {{customer.name}},\n\nthe refund for {{ticket.number}} is on its way; it reaches your account within 5 working days.\n\nBest regards,\n{{agent.name}}',
      tr: 'Merhaba {{customer.name}},\n\n{{ticket.number}} numaralı talebinizin iadesi yolda; 5 iş günü içinde hesabınızda olacak.\n\nSaygılarımızla,\n{{agent.name}}',
      hu: 'Kedves {{customer.name}}!\n\nA(z) {{ticket.number}} visszatérítése úton van, 5 munkanapon belül megérkezik a számlájára.\n\nÜdvözlettel:\n{{agent.name}}',
      he: 'שלום {{customer.name}},\n\nההחזר עבור {{ticket.number}} בדרך; הוא יגיע לחשבונך תוך 5 ימי עסקים.\n\nבברכה,\n{{agent.name}}',
      lv: 'Labdien, {{customer.name}}!\n\nAtmaksa par {{ticket.number}} ir ceļā; tā būs jūsu kontā 5 darba dienu laikā.\n\nAr cieņu,\n{{agent.name}}',
    },
    actions: { status: 'solved' as const, addTags: ['refund'] },
  },
  {
    name: 'Ask for the order number',
    bodies: {
      en: 'Hello {{customer.name}},\n\ncould you send us your order number? Then we can look into it right away.\n\n{{agent.name}}',
      tr: 'Merhaba {{customer.name}},\n\nsipariş numaranızı gönderebilir misiniz? Hemen inceleyelim.\n\n{{agent.name}}',
      hu: 'Kedves {{customer.name}}!\n\nElküldené a rendelésszámát? Akkor azonnal utánanézünk.\n\n{{agent.name}}',
      he: 'שלום {{customer.name}},\n\nנשמח לקבל את מספר ההזמנה, ונבדוק מיד.\n\n{{agent.name}}',
      lv: 'Labdien, {{customer.name}}!\n\nLūdzu, atsūtiet pasūtījuma numuru, un mēs to uzreiz pārbaudīsim.\n\n{{agent.name}}',
    },
    actions: { status: 'pending' as const },
  },
];

/**
 * The demo's SLA policy, so the inbox shows countdowns and "breaching soon" has tickets: first
 * response by priority, next response and resolution in business seconds of each team's calendar;
 * the clock pauses while the ticket waits on the customer.
 */
const SLA_POLICY = {
  name: 'Standard support',
  targets: [
    {
      priorities: ['urgent'],
      firstResponseSeconds: 1_800,
      nextResponseSeconds: 3_600,
      resolutionSeconds: 4 * 3_600,
    },
    {
      priorities: ['high'],
      firstResponseSeconds: 3_600,
      nextResponseSeconds: 2 * 3_600,
      resolutionSeconds: 8 * 3_600,
    },
    { firstResponseSeconds: 4 * 3_600, nextResponseSeconds: 8 * 3_600, resolutionSeconds: 24 * 3_600 },
  ],
  pauseStatuses: ['pending', 'on_hold'],
  atRisk: { percent: 75 },
  reason: 'Demo organization: standard support contract',
};

/** Live tickets waiting in the inbox: in-house teams' and the vendors', in their customers' languages. */
const TICKETS = [
  [
    'Istanbul Care',
    'tr',
    'Faturamı göremiyorum',
    'Ayşe Yılmaz <ayse.yilmaz@example.com.tr>',
    'Hesabımda son faturam görünmüyor, yardımcı olur musunuz?',
  ],
  [
    'Budapest Billing',
    'hu',
    'Kétszer terheltek meg',
    'Kovács Péter <peter.kovacs@example.hu>',
    'A múlt heti rendelésemért kétszer vonták le az összeget.',
  ],
  [
    'Istanbul Care',
    'he',
    'לא קיבלתי את ההזמנה',
    'Dana Cohen <dana.cohen@example.co.il>',
    'ההזמנה שלי הייתה אמורה להגיע לפני שבוע.',
  ],
  [
    'Manila Follow-the-sun',
    'en',
    'Parcel arrived damaged',
    'Maria Cruz <maria.cruz@example.ph>',
    'The box was crushed and the boots inside are scuffed.',
  ],
  [
    'Manila Follow-the-sun',
    'en',
    'Refund for returned boots',
    'John Reyes <john.reyes@example.ph>',
    'I returned the boots three weeks ago and still have no refund.',
  ],
  [
    'Manila Follow-the-sun',
    'en',
    'Where is my order?',
    'Grace Santos <grace.santos@example.ph>',
    'Tracking has not moved for five days.',
  ],
  [
    'Riga Multilingual',
    'lv',
    'Nevaru pieteikties kontā',
    'Jānis Ozols <janis.ozols@example.lv>',
    'Paroles atjaunošanas saite nedarbojas.',
  ],
] as const;

/** A few demo tickets more urgent than the rest, so the countdowns differ. */
const PRIORITIES: Partial<Record<(typeof TICKETS)[number][2], 'urgent' | 'high'>> = {
  'Kétszer terheltek meg': 'high',
  'Parcel arrived damaged': 'urgent',
};

/**
 * The Desk's demo: an SLA policy, a few live tickets in the in-house and vendor teams' queues, the
 * macros, and the demo agents' teams, so `npm start` opens on a working inbox. Once: nothing when the
 * organization already has macros. Not part of seedDemo: tests count the demo's tickets.
 */
export async function seedDemoDesk(ctx: ModuleContext, organizationId: string): Promise<boolean> {
  const { db, clock } = ctx;
  const present = await db
    .selectFrom('macros')
    .select('id')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (present) return false;
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
  const actor = (email: string): Actor => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return { userId: u.id, organizationId, providerId: u.provider_id, role: u.role };
  };
  const admin = ctx.scope(actor(DEMO_USERS.admin));
  // In force from now: the tickets below are created under it (the SLA engine applies it to their events).
  await createPolicy(
    admin,
    clock,
    SlaPolicyCreate.parse({ ...SLA_POLICY, effectiveFrom: clock.now().toISOString() }),
  );
  for (const macro of MACROS) await createMacro(admin, clock, macro);
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .execute();
  const teamId = (name: string) => teams.find((t) => t.name === name)!.id;
  for (const [team, language, subject, requester, body] of TICKETS)
    await ticketService.createTicket(admin, clock, {
      subject,
      priority: PRIORITIES[subject] ?? 'normal',
      channel: 'email',
      language,
      requester,
      teamId: teamId(team),
      message: { body, authorType: 'customer' },
    });
  await setMyTeams(ctx.scope(actor(DEMO_USERS.agent)), [teamId('Istanbul Care'), teamId('Budapest Billing')]);
  await setMyTeams(ctx.scope(actor(DEMO_USERS.vendorAgent)), [teamId('Manila Follow-the-sun')]);
  await setMyTeams(ctx.scope(actor(DEMO_USERS.vendorAdmin)), [teamId('Riga Multilingual')]);
  return true;
}
