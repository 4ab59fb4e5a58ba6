import { z } from '@hono/zod-openapi';

/** An IANA time zone name this runtime knows (`Europe/Berlin`): the zone a query counts days in. */
export const TimeZoneName = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');
