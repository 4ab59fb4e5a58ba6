// The hours of a pilot's slice: one weekly window (days, a local start and end; an end before the
// start runs past midnight) in an IANA time zone. Routing reads it on that zone's clock, DST
// included (decision 0037). Off: the slice is every hour.

import { WEEKDAYS, type Weekday } from '@shoreline/server/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../kit/fields';
import { canonicalTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { FieldGroup } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';

export interface HoursDraft {
  readonly on: boolean;
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export const DEFAULT_HOURS: HoursDraft = {
  on: false,
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};

/** The API's `slice.hours`, or nothing when the slice is every hour. */
export const hoursInput = (h: HoursDraft) =>
  h.on
    ? {
        timeZone: canonicalTimeZone(h.timeZone),
        windows: [{ days: [...h.days], start: h.start, end: h.end }],
      }
    : undefined;

/** The window's two times: each field and its label. */
const WINDOW_EDGES = [
  ['start', 'source.pilotForm.hoursStart'],
  ['end', 'source.pilotForm.hoursEnd'],
] as const;

export function PilotHoursField(props: {
  value: HoursDraft;
  onValue(value: HoursDraft): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const zones = useMemo(() => timeZoneOptions(), []);
  const h = props.value;
  const set = (patch: Partial<HoursDraft>) => props.onValue({ ...h, ...patch });
  const e = (field: string) => props.errors[`slice.hours.${field}`];
  return (
    <FieldGroup
      legend={t('source.pilotForm.hours')}
      help={t('source.pilotForm.hoursHelp')}
      error={e('windows')}
    >
      <label className="option">
        <input type="checkbox" checked={h.on} onChange={(ev) => set({ on: ev.target.checked })} />
        {t('source.pilotForm.hoursOn')}
      </label>
      {h.on ? (
        <>
          <fieldset className="inline-options">
            <legend>{t('source.pilotForm.hoursDays')}</legend>
            {WEEKDAYS.map((day) => (
              <label key={day} className="option">
                <input
                  type="checkbox"
                  checked={h.days.includes(day)}
                  onChange={(ev) =>
                    set({
                      days: ev.target.checked
                        ? WEEKDAYS.filter((d) => d === day || h.days.includes(d))
                        : h.days.filter((d) => d !== day),
                    })
                  }
                />
                {fmt.weekday(day, 'short')}
              </label>
            ))}
          </fieldset>
          {e('windows.0.days') ? <p className="field-error">{e('windows.0.days')}</p> : null}
          {WINDOW_EDGES.map(([edge, label]) => (
            <TextField
              key={edge}
              label={t(label)}
              type="time"
              required
              value={h[edge]}
              onValue={(time) => set({ [edge]: time })}
              error={e(`windows.0.${edge}`)}
            />
          ))}
          <TextField
            label={t('source.pilotForm.hoursZone')}
            required
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            suggestions={zones}
            value={h.timeZone}
            onValue={(timeZone) => set({ timeZone })}
            error={e('timeZone')}
          />
        </>
      ) : null}
    </FieldGroup>
  );
}
