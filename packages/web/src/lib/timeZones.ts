/**
 * IANA time-zone names as the IANA database spells them today. Browsers list zones from ICU, which
 * keeps names IANA has renamed (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv): those
 * are shown by their current name and still accepted when typed (both Node and PostgreSQL know
 * both spellings). Source: the IANA tz database's `backward` file (links from old names).
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone (an old name becomes its new one; others stay as they are). */
export function canonicalTimeZone(name: string): string {
  const trimmed = name.trim();
  return RENAMED_ZONES[trimmed] ?? trimmed;
}

/** Zones to offer, by their current names, UTC first, each once. */
export function timeZoneOptions(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map(canonicalTimeZone));
  zones.delete('UTC');
  return ['UTC', ...[...zones].sort()];
}

/** The browser's own zone (UTC when it names none): the default where a form asks for one. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Whether this browser knows `name` as an IANA zone: the check a form makes before sending one (the
 * server checks again against its own and its database's zones, and names the field when it refuses).
 */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: canonicalTimeZone(name) });
    return true;
  } catch {
    return false;
  }
}
