// Pieces the Insight pages share: the filter bar (state in the URL), CSV export buttons, the empty
// state, and the options the filters offer.

import type { Interval, LeftOut, Provider, Team } from '@shoreline/server/contract';
import { CHANNELS as TICKET_CHANNELS, TICKET_PRIORITIES } from '@shoreline/server/contract';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OptionSelect, optionsOf } from '../../kit/fields';
import { downloadText, toCsv } from '../../lib/csv';
import { currentLocale } from '../../lib/i18n';
import { naturalSort } from '../../lib/naturalSort';
import { Segmented as SegmentedGroup } from '../../lib/Segmented';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { adminApi } from '../admin/api';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { insightApi } from './api';
import { type FilterKey, type UiFilter, useInsightFilter } from './filters';
import { channelLabel, flagLabel, hourOfWeekLabel, priorityLabel, statusLabel, topicLabel } from './labels';
import { CHART_METRICS, type MetricId, metricLabel } from './metrics';

export interface InsightOptions {
  providers: Provider[];
  teams: Team[];
  topics: string[];
  languages: string[];
}

/**
 * What a filtered Insight page starts from: the filter (kept in the URL), the filter bar's options,
 * the filter as the key its loads reload on, and whether any filter is set.
 */
export function useInsightPage() {
  const filter = useInsightFilter();
  const options = useInsightOptions();
  return {
    filter,
    options,
    key: JSON.stringify(filter.api),
    filtered: Object.values(filter.ui).some(Boolean),
  };
}

/** Providers, teams, and the topics and languages present in the tickets. */
export function useInsightOptions() {
  return useResource<InsightOptions>(async () => {
    const [providers, teams, topics, languages] = await Promise.all([
      adminApi.providers(),
      adminApi.teams(),
      insightApi.kpis('topic', {}),
      insightApi.kpis('language', {}),
    ]);
    const keys = (rows: { key: string | null }[]) =>
      naturalSort(
        rows.map((r) => r.key).filter((k): k is string => k !== null),
        currentLocale(),
      );
    return { providers, teams, topics: keys(topics), languages: keys(languages) };
  }, []);
}

type FilterState = ReturnType<typeof useInsightFilter>;

/** Date range and the dimension filters; every change lands in the URL. */
export function FilterBar({ filter, options }: { filter: FilterState; options: InsightOptions | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { ui, set } = filter;
  const teams = (options?.teams ?? []).filter((tm) => !ui.providerId || tm.providerId === ui.providerId);
  const select = (key: FilterKey, label: string, values: { value: string; label: string }[]) => (
    <Labelled label={label}>
      {(id) => (
        <select id={id} value={ui[key] ?? ''} onChange={(e) => set({ [key]: e.target.value })}>
          <option value="">{t('insight.filters.all')}</option>
          {values.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
          {ui[key] && !values.some((v) => v.value === ui[key]) ? (
            <option value={ui[key]}>{ui[key]}</option>
          ) : null}
        </select>
      )}
    </Labelled>
  );
  // An end of the date range; each end bounds the other, so the range cannot turn inside out.
  const date = (key: 'from' | 'to', bound: { min?: string | undefined; max?: string | undefined }) => (
    <Labelled label={t(`insight.filters.${key}`)}>
      {(id) => (
        <input
          id={id}
          type="date"
          value={ui[key] ?? ''}
          {...bound}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Labelled>
  );
  const active = Object.values(ui).some(Boolean);
  return (
    <section className="insight-filters" aria-label={t('insight.filters.label')}>
      {date('from', { max: ui.to })}
      {date('to', { min: ui.from })}
      {select(
        'providerId',
        t('insight.filters.provider'),
        (options?.providers ?? []).map((p) => ({ value: p.id, label: p.name })),
      )}
      {select(
        'teamId',
        t('insight.filters.team'),
        teams.map((tm) => ({ value: tm.id, label: tm.name })),
      )}
      {select(
        'channel',
        t('insight.filters.channel'),
        TICKET_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) })),
      )}
      {select(
        'priority',
        t('insight.filters.priority'),
        TICKET_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) })),
      )}
      {select(
        'topic',
        t('insight.filters.topic'),
        (options?.topics ?? []).map((tp) => ({ value: tp, label: topicLabel(t, tp) })),
      )}
      {select(
        'language',
        t('insight.filters.language'),
        (options?.languages ?? []).map((l) => ({ value: l, label: fmt.language(l) })),
      )}
      <DrillChips filter={filter} />
      {active ? (
        <button type="button" className="button-small insight-clear" onClick={filter.clear}>
          {t('insight.filters.clear')}
        </button>
      ) : null}
    </section>
  );
}

/** Filters set by a drill-down that the bar has no control for, each removable. */
function DrillChips({ filter }: { filter: FilterState }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const chips: { key: FilterKey; text: string }[] = [];
  const { ui } = filter;
  if (ui.providerKind)
    chips.push({ key: 'providerKind', text: t(`providers.kinds.${ui.providerKind as 'vendor'}`) });
  if (ui.hourOfWeek) chips.push({ key: 'hourOfWeek', text: hourOfWeekLabel(fmt, Number(ui.hourOfWeek)) });
  if (ui.status) chips.push({ key: 'status', text: statusLabel(t, ui.status) });
  if (ui.qualityFlag) chips.push({ key: 'qualityFlag', text: flagLabel(t, ui.qualityFlag) });
  if (chips.length === 0) return null;
  return (
    <ul className="chips insight-chips">
      {chips.map((c) => (
        <li key={c.key} className="chip">
          {c.text}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('common.remove', { item: c.text })}
            onClick={() => filter.set({ [c.key]: '' })}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A server-made CSV export of the same query (the browser sends the session cookie). */
export function CsvLink({ href, label }: { href: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button-small" href={href} download>
      {label ?? t('insight.exportCsv')}
    </a>
  );
}

/** A CSV export built in the browser from the rows shown. */
export function CsvButton(props: {
  fileName: string;
  header: string[];
  rows: () => unknown[][];
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-small"
      onClick={() => downloadText(props.fileName, toCsv(props.header, props.rows()))}
    >
      {props.label ?? t('insight.exportCsv')}
    </button>
  );
}

/** No tickets: say how to get some. */
export function EmptyInsight({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="card insight-empty">
      <p className="insight-empty-title">{filtered ? t('insight.emptyFiltered') : t('insight.empty')}</p>
      {!filtered && can(me, 'import.run') ? (
        <Link to="/insight/imports" className="button button-primary">
          {t('insight.emptyAction')}
        </Link>
      ) : null}
      {!filtered && !can(me, 'import.run') ? <p className="muted">{t('insight.emptyAskAdmin')}</p> : null}
    </div>
  );
}

/** A card with a heading and actions on the same line. */
export function Card(props: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="card insight-card" aria-labelledby={id} data-testid={props.testId}>
      <div className="insight-card-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions ? <div className="insight-card-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </section>
  );
}

export type { UiFilter };

/** The intervals a trend is counted in. */
export const INTERVALS: Interval[] = ['day', 'week', 'month'];

/** A trend's card: its actions are the interval switch (the choice lands in the URL) and the trend's CSV. */
export function TrendCard(props: {
  title: string;
  filter: FilterState;
  interval: Interval;
  csvHref: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={props.title}
      actions={
        <>
          <Segmented
            label={t('insight.interval.label')}
            value={props.interval}
            options={INTERVALS.map((i) => ({ value: i, label: t(`insight.interval.${i}`) }))}
            onChange={(v) => props.filter.setParam('interval', v)}
          />
          <CsvLink href={props.csvHref} />
        </>
      }
    >
      {props.children}
    </Card>
  );
}

/** Insight's look of the shared segmented control. */
export function Segmented<T extends string>(
  props: Omit<ComponentProps<typeof SegmentedGroup<T>>, 'className'>,
) {
  return <SegmentedGroup {...props} className="insight-segmented" />;
}

/** A label above its control, tied by id (the control's accessible name is the label alone). */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="insight-filter">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The metric a chart shows, one of CHART_METRICS: on the Overview's provider chart and the Breakdown. */
export function MetricSelect({ value, onChange }: { value: MetricId; onChange: (metric: MetricId) => void }) {
  const { t } = useTranslation();
  return (
    <Labelled label={t('insight.metric')}>
      {(id) => (
        <OptionSelect
          id={id}
          value={value}
          onValue={onChange}
          options={optionsOf(CHART_METRICS, (m) => metricLabel(t, m))}
        />
      )}
    </Labelled>
  );
}

/**
 * What the view above leaves out, as the API counted it (never recomputed here): e.g. tickets without
 * a creation time have no place on a trend, and two pages that count differently must say why.
 */
export function LeftOutNote({ leftOut }: { leftOut: LeftOut | undefined }) {
  const { t } = useTranslation();
  if (!leftOut || leftOut.noCreationTime === 0) return null;
  return (
    <p className="insight-left-out" role="note" data-testid="left-out">
      {t('insight.leftOut.noCreationTime', { count: leftOut.noCreationTime })}
    </p>
  );
}
