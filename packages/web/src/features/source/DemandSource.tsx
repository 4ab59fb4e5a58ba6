// Where a scenario's volume comes from: the figures typed in (a weekly pattern), the history of
// imported tickets by hour of week, or the forecast of the next N weeks from that history
// (decision 0035). The comparison says which it used.

import type { SourceComparison, SourceScenarioDefinition } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionsOf, SelectField, TextField } from '../../kit/fields';

type Demand = SourceScenarioDefinition['demand'];
const KINDS = ['pattern', 'history', 'forecast'] as const;
type Kind = (typeof KINDS)[number];
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function DemandSource(props: {
  typedIn: Demand;
  demand: Demand;
  onDemand(demand: Demand): void;
  used: SourceComparison['demandSource'] | undefined;
}) {
  const { t } = useTranslation();
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  // The history's window and the forecast's weeks, as typed; kept while the kind changes.
  const [typed, setTyped] = useState({ from: day(today - 56 * DAY_MS), to: day(today), weeks: '8' });
  const year = props.typedIn.year;
  const ahtSec = props.typedIn.ahtSec;
  const build = (kind: Kind, { from, to, weeks } = typed): Demand =>
    kind === 'pattern'
      ? props.typedIn
      : kind === 'history'
        ? { kind, year, from, to, ahtSec }
        : {
            kind,
            year,
            from,
            to,
            weeks: Math.max(1, Math.min(26, Math.round(Number(weeks)) || 1)),
            ahtSec,
          };
  const kind = props.demand.kind;
  const edit = (patch: Partial<typeof typed>) => {
    const next = { ...typed, ...patch };
    setTyped(next);
    props.onDemand(build(kind, next));
  };
  return (
    <fieldset data-testid="demand-source">
      <legend>{t('source.demand.title')}</legend>
      <SelectField
        label={t('source.demand.kind')}
        value={kind}
        onValue={(k) => props.onDemand(build(k))}
        options={optionsOf(KINDS, (k) => t(`source.demand.kinds.${k}` as 'source.demand.kinds.pattern'))}
      />
      {kind === 'pattern' ? null : (
        <>
          <TextField
            label={t('source.demand.from')}
            type="date"
            value={typed.from}
            onValue={(from) => edit({ from })}
          />
          <TextField
            label={t('source.demand.to')}
            type="date"
            value={typed.to}
            onValue={(to) => edit({ to })}
          />
        </>
      )}
      {kind === 'forecast' ? (
        <TextField
          label={t('source.demand.weeks')}
          type="number"
          min={1}
          max={26}
          value={typed.weeks}
          onValue={(weeks) => edit({ weeks })}
        />
      ) : null}
      {props.used ? (
        <p data-testid="demand-used">
          {props.used.kind === 'forecast'
            ? t('source.demand.usedForecast', { weeks: props.used.weeks, method: props.used.method })
            : t(`source.demand.used.${props.used.kind}` as 'source.demand.used.pattern')}
        </p>
      ) : null}
    </fieldset>
  );
}
