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
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { codeColumn, textColumn } from '../../kit/columns';
import { CrudRoutes, EditorForm, EditorPage, ListHeader } from '../../kit/crud';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { fieldBinder, namedOptions, SelectField, TextField } from '../../kit/fields';
import { browserTimeZone, canonicalTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { FieldGroup } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { adminApi } from './api';
import { CodesField } from './CodeInputs';

export function TeamsPage() {
  return <CrudRoutes list={<TeamList />} create={<TeamCreate />} edit={<TeamEdit />} />;
}

function TeamList() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
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
      <ListHeader
        title={t('teams.title')}
        intro={t('teams.intro')}
        newLabel={t('teams.new')}
        canWrite={canWrite}
        newTo={`new${providerId ? `?providerId=${encodeURIComponent(providerId)}` : ''}`}
      />
      <div className="toolbar">
        <SelectField
          label={t('teams.filterProvider')}
          value={providerId}
          onValue={(id) => setParams(id ? { providerId: id } : {}, { replace: true })}
          blank={t('teams.allProviders')}
          options={namedOptions(providers.data ?? [])}
        />
      </div>
      <ResourceTable
        {...listTexts(t, 'teams')}
        resource={{ ...teams, error: teams.error ?? providers.error }}
        initialSort={{ key: 'name', direction: 'ascending' }}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            rowHeader: true,
            cell: (team) => <Link to={team.id}>{team.name}</Link>,
            sortValue: (team) => team.name,
          },
          textColumn<Team>('provider', t('teams.provider'), (team) => providerName(team.providerId)),
          textColumn<Team>('site', t('teams.site'), (team) => team.site),
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
          codeColumn<Team>('timeZone', t('teams.timeZone'), (team) => team.timeZone),
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
    <EditorPage
      title={t('teams.newTitle')}
      error={providers.error}
      onRetry={providers.reload}
      loading={!providers.data}
    >
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
      ) : null}
    </EditorPage>
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
    <EditorPage
      title={team.data?.name ?? t('teams.editTitle')}
      error={team.error ?? providers.error}
      onRetry={team.reload}
      loading={!(team.data && providers.data && !team.loading) && !team.error}
    >
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
      ) : null}
    </EditorPage>
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
  const bind = fieldBinder(submit.fields);
  return (
    <EditorForm submit={submit} onSubmit={onSubmit} canWrite={props.canWrite} editing={!!props.initial}>
      <div className="form-grid">
        <SelectField
          label={t('teams.provider')}
          {...bind('providerId', providerId, setProviderId)}
          required
          disabled={props.initial !== undefined}
          blank={t('teams.choose')}
          options={namedOptions(props.providers)}
        />
        <TextField label={t('common.name')} {...bind('name', name, setName)} required />
        <TextField label={t('teams.site')} help={t('teams.siteHelp')} {...bind('site', site, setSite)} />
        {/* Searchable: type any part of the name ("kolkata"); old names are accepted as aliases. */}
        <TextField
          label={t('teams.timeZone')}
          {...bind('timeZone', timeZone, setTimeZone)}
          required
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          suggestions={zones}
          onBlur={(e) => setTimeZone(canonicalTimeZone(e.target.value))}
        />
      </div>
      <CodesField
        codes="languages"
        label={t('teams.languages')}
        help={t('providers.languagesHelp')}
        value={languages}
        onChange={setLanguages}
        submit={submit}
      />
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
                    DAY_EDGES.map(([edge, field]) => (
                      <td key={edge}>
                        <TimeInput
                          day={dayName}
                          edge={edge}
                          value={h[field]}
                          bad={bad}
                          onValue={(time) => setDay(day, { [field]: time })}
                        />
                      </td>
                    ))
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
    </EditorForm>
  );
}

/** One end of a day's business hours, labelled "Monday: Opens" for assistive technology. */
/** The two times of an open day, in their columns' order: each edge and the hours' field it sets. */
const DAY_EDGES = [
  ['opens', 'from'],
  ['closes', 'to'],
] as const;

function TimeInput(props: {
  day: string;
  edge: 'opens' | 'closes';
  value: string;
  bad: boolean;
  onValue(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <input
      type="time"
      value={props.value}
      aria-label={`${props.day}: ${t(`teams.${props.edge}`)}`}
      aria-invalid={props.bad || undefined}
      name="businessHours"
      onChange={(e) => props.onValue(e.target.value)}
    />
  );
}
