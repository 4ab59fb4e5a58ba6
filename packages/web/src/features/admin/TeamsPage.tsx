import type {
  BusinessHours,
  Channel,
  Provider,
  Team,
  TeamCreate as TeamInput,
  Weekday,
} from '@shoreline/server/contract';
import { CHANNELS, WEEKDAYS } from '@shoreline/server/contract';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../kit/DataTable';
import { canonicalTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { ErrorBanner, Field, FieldGroup, Loading, Notice, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { adminApi } from './api';
import { LanguagesInput } from './CodeInputs';

export function TeamsPage() {
  return (
    <Routes>
      <Route index element={<TeamList />} />
      <Route path="new" element={<TeamCreate />} />
      <Route path=":id" element={<TeamEdit />} />
    </Routes>
  );
}

function TeamList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [params, setParams] = useSearchParams();
  const providerId = params.get('providerId') ?? '';
  const providers = useResource(() => adminApi.providers(), []);
  const teams = useResource(() => adminApi.teams(providerId || null), [providerId]);
  const providerName = useMemo(() => {
    const byId = new Map((providers.data ?? []).map((p) => [p.id, p.name]));
    return (id: string) => byId.get(id) ?? id;
  }, [providers.data]);
  const canWrite = can(me, 'team.write');

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        intro={t('teams.intro')}
        actions={
          canWrite ? (
            <Link
              to={`new${providerId ? `?providerId=${encodeURIComponent(providerId)}` : ''}`}
              className="button button-primary"
            >
              {t('teams.new')}
            </Link>
          ) : null
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="toolbar">
        <Field label={t('teams.filterProvider')}>
          {(c) => (
            <select
              {...c}
              value={providerId}
              onChange={(e) =>
                setParams(e.target.value ? { providerId: e.target.value } : {}, { replace: true })
              }
            >
              <option value="">{t('teams.allProviders')}</option>
              {(providers.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <DataTable
        caption={t('teams.title')}
        rows={teams.data}
        rowKey={(team) => team.id}
        loading={teams.loading}
        error={teams.error ?? providers.error}
        onRetry={teams.reload}
        empty={<p className="empty">{t('teams.empty')}</p>}
        initialSort={{ key: 'name', direction: 'ascending' }}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            rowHeader: true,
            cell: (team) => <Link to={team.id}>{team.name}</Link>,
            sortValue: (team) => team.name,
          },
          {
            key: 'provider',
            header: t('teams.provider'),
            cell: (team) => providerName(team.providerId),
            sortValue: (team) => providerName(team.providerId),
          },
          { key: 'site', header: t('teams.site'), cell: (team) => team.site, sortValue: (team) => team.site },
          {
            key: 'languages',
            header: t('teams.languages'),
            cell: (team) => fmt.list(team.languages.map(fmt.language)),
          },
          {
            key: 'channels',
            header: t('teams.channels'),
            cell: (team) => fmt.list(team.channels.map((ch) => t(`teams.channel.${ch}`))),
          },
          {
            key: 'timeZone',
            header: t('teams.timeZone'),
            cell: (team) => <bdi dir="ltr">{team.timeZone}</bdi>,
            sortValue: (team) => team.timeZone,
          },
          {
            key: 'hours',
            header: t('teams.businessHours'),
            cell: (team) => <HoursSummary hours={team.businessHours} />,
          },
        ]}
      />
    </>
  );
}

/** Business hours collapsed into runs of days with the same hours: "Mon–Fri 09:00–17:00". */
function HoursSummary({ hours }: { hours: BusinessHours[] }) {
  const fmt = useFormat();
  const byDay = new Map(hours.map((h) => [h.day, `${h.open}–${h.close}`]));
  const runs: { from: Weekday; to: Weekday; span: string }[] = [];
  for (const [i, day] of WEEKDAYS.entries()) {
    const span = byDay.get(day);
    if (!span) continue;
    const last = runs[runs.length - 1];
    if (last && last.span === span && last.to === WEEKDAYS[i - 1]) last.to = day;
    else runs.push({ from: day, to: day, span });
  }
  return (
    <ul className="hours-summary">
      {runs.map((r) => (
        <li key={r.from}>
          {fmt.weekday(r.from, 'short')}
          {r.to !== r.from ? `–${fmt.weekday(r.to, 'short')}` : ''}{' '}
          <bdi dir="ltr" className="nowrap">
            {r.span}
          </bdi>
        </li>
      ))}
    </ul>
  );
}

function TeamCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const providers = useResource(() => adminApi.providers(), []);
  return (
    <>
      <PageHeader title={t('teams.newTitle')} actions={<Link to="..">{t('common.back')}</Link>} />
      <ErrorBanner error={providers.error} onRetry={providers.reload} />
      {providers.data ? (
        <TeamForm
          providers={providers.data}
          defaultProviderId={params.get('providerId') ?? ''}
          canWrite
          save={async (input) => {
            const created = await adminApi.createTeam(input);
            navigate('..', { state: { notice: t('teams.created', { name: created.name }) } });
          }}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}

function TeamEdit() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const team = useResource(() => adminApi.team(id), [id]);
  const providers = useResource(() => adminApi.providers(), []);
  return (
    <>
      <PageHeader
        title={team.data?.name ?? t('teams.editTitle')}
        actions={<Link to="..">{t('common.back')}</Link>}
      />
      <ErrorBanner error={team.error ?? providers.error} onRetry={team.reload} />
      {team.data && providers.data && !team.loading ? (
        <TeamForm
          initial={team.data}
          providers={providers.data}
          canWrite={can(me, 'team.write')}
          save={async ({ providerId: _fixed, ...patch }) => {
            const updated = await adminApi.updateTeam(id, patch);
            navigate('..', { state: { notice: `${updated.name}: ${t('common.saved')}` } });
          }}
        />
      ) : team.error ? null : (
        <Loading />
      )}
    </>
  );
}

type DayHours = { open: boolean; from: string; to: string };

function initialHours(hours: BusinessHours[] | undefined): Record<Weekday, DayHours> {
  const out = {} as Record<Weekday, DayHours>;
  for (const day of WEEKDAYS) {
    const h = hours?.find((x) => x.day === day);
    const weekday = day !== 'sat' && day !== 'sun';
    out[day] = h
      ? { open: true, from: h.open, to: h.close }
      : { open: hours ? false : weekday, from: '09:00', to: '17:00' };
  }
  return out;
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function TeamForm(props: {
  initial?: Team;
  providers: Provider[];
  defaultProviderId?: string;
  canWrite: boolean;
  save(input: TeamInput): Promise<void>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const submit = useSubmit();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [providerId, setProviderId] = useState(props.initial?.providerId ?? props.defaultProviderId ?? '');
  const [name, setName] = useState(props.initial?.name ?? '');
  const [site, setSite] = useState(props.initial?.site ?? '');
  const [languages, setLanguages] = useState<string[]>(props.initial?.languages ?? []);
  const [channels, setChannels] = useState<Channel[]>(props.initial?.channels ?? ['email']);
  const [timeZone, setTimeZone] = useState(canonicalTimeZone(props.initial?.timeZone ?? browserTimeZone()));
  const [hours, setHours] = useState(() => initialHours(props.initial?.businessHours));
  const [hoursError, setHoursError] = useState<string>();

  const setDay = (day: Weekday, patch: Partial<DayHours>) =>
    setHours((h) => ({ ...h, [day]: { ...h[day], ...patch } }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const businessHours: BusinessHours[] = WEEKDAYS.filter((d) => hours[d].open).map((day) => ({
      day,
      open: hours[day].from,
      close: hours[day].to,
    }));
    // A close before the open is a night window running past midnight (22:00–06:00).
    if (businessHours.some((h) => !h.open || !h.close || h.close === h.open)) {
      setHoursError(t('errors.invalid_time'));
      return;
    }
    setHoursError(undefined);
    void submit.run(() =>
      props.save({
        providerId,
        name: name.trim(),
        site: site.trim(),
        languages,
        channels,
        timeZone: canonicalTimeZone(timeZone),
        businessHours,
      }),
    );
  };

  const f = submit.fields;
  return (
    <form className="form card" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
      {submit.hasFieldErrors ? (
        <div className="banner banner-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      ) : null}
      <ErrorBanner error={submit.bannerError} />
      <fieldset className="plain" disabled={!props.canWrite || submit.busy}>
        <div className="form-grid">
          <Field label={t('teams.provider')} error={f['providerId']} required>
            {(c) => (
              <select
                {...c}
                name="providerId"
                value={providerId}
                disabled={props.initial !== undefined}
                onChange={(e) => setProviderId(e.target.value)}
              >
                <option value="">{t('teams.choose')}</option>
                {props.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('common.name')} error={f['name']} required>
            {(c) => <input {...c} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('teams.site')} help={t('teams.siteHelp')} error={f['site']}>
            {(c) => <input {...c} name="site" value={site} onChange={(e) => setSite(e.target.value)} />}
          </Field>
          <Field label={t('teams.timeZone')} error={f['timeZone']} required>
            {(c) => (
              // Searchable: type any part of the name ("kolkata"); old names are accepted as aliases.
              <>
                <input
                  {...c}
                  name="timeZone"
                  list={`${c.id}-zones`}
                  autoComplete="off"
                  spellCheck={false}
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value)}
                  onBlur={(e) => setTimeZone(canonicalTimeZone(e.target.value))}
                  dir="ltr"
                />
                <datalist id={`${c.id}-zones`}>
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <Field label={t('teams.languages')} help={t('providers.languagesHelp')} error={f['languages']}>
          {(c) => (
            <LanguagesInput
              control={c}
              value={languages}
              onChange={(v) => {
                setLanguages(v);
                submit.clearField('languages');
              }}
            />
          )}
        </Field>
        <FieldGroup legend={t('teams.channels')} error={f['channels']} className="inline-options">
          {CHANNELS.map((ch) => (
            <label key={ch} className="option">
              <input
                type="checkbox"
                name="channels"
                value={ch}
                checked={channels.includes(ch)}
                onChange={(e) =>
                  setChannels((cur) =>
                    e.target.checked
                      ? CHANNELS.filter((x) => x === ch || cur.includes(x))
                      : cur.filter((x) => x !== ch),
                  )
                }
              />
              {t(`teams.channel.${ch}`)}
            </label>
          ))}
        </FieldGroup>
        <FieldGroup
          legend={t('teams.businessHours')}
          help={t('teams.businessHoursHelp')}
          error={hoursError ?? f['businessHours']}
        >
          <table className="hours">
            <thead>
              <tr>
                <th scope="col">{t('teams.day')}</th>
                <th scope="col">{t('teams.opens')}</th>
                <th scope="col">{t('teams.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day) => {
                const h = hours[day];
                const dayName = fmt.weekday(day);
                const bad = h.open && h.to <= h.from;
                return (
                  <tr key={day}>
                    <th scope="row">
                      <label className="option">
                        <input
                          type="checkbox"
                          checked={h.open}
                          aria-label={t('teams.openDay', { day: dayName })}
                          name="businessHours"
                          onChange={(e) => setDay(day, { open: e.target.checked })}
                        />
                        {dayName}
                      </label>
                    </th>
                    {h.open ? (
                      <>
                        <td>
                          <input
                            type="time"
                            value={h.from}
                            aria-label={`${dayName}: ${t('teams.opens')}`}
                            aria-invalid={bad || undefined}
                            name="businessHours"
                            onChange={(e) => setDay(day, { from: e.target.value })}
                          />
                        </td>
                        <td>
                          <input
                            type="time"
                            value={h.to}
                            aria-label={`${dayName}: ${t('teams.closes')}`}
                            aria-invalid={bad || undefined}
                            name="businessHours"
                            onChange={(e) => setDay(day, { to: e.target.value })}
                          />
                        </td>
                      </>
                    ) : (
                      <td colSpan={2} className="muted">
                        {t('teams.closed')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </FieldGroup>
      </fieldset>
      {props.canWrite ? (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={submit.busy}>
            {submit.busy ? t('common.saving') : props.initial ? t('common.save') : t('common.create')}
          </button>
          <Link to=".." className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      ) : null}
    </form>
  );
}
