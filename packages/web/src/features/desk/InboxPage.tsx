import { DESK_VIEWS, type DeskView, type Ticket, type TicketSla } from '@shoreline/server/contract';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type Column, DataTable } from '../../kit/DataTable';
import { mostUrgent, SlaCountdown } from '../../kit/SlaCountdown';
import { useEventStream } from '../../lib/eventStream';
import { ErrorBanner, Notice, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { useMe } from '../auth/session';
import { deskApi, TICKET_EVENTS } from './api';
import { priorityName, statusName } from './labels';
import { MyTeams } from './MyTeams';
import { useShortcuts } from './useShortcuts';

/** Live changes arrive in bursts (a bulk action): read the inbox again once they settle. */
type BulkAction = Parameters<typeof deskApi.bulk>[0]['action'];

const RELOAD_AFTER_MS = 300;

/**
 * The inbox: the caller's views with counts, a view's tickets oldest first (more on demand, by
 * keyset), search, bulk actions, keyboard (j/k/Enter, / search, x select), live without reload.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (DESK_VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as DeskView)
    : 'mine';
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const overview = useResource(() => deskApi.overview(), []);
  const [rows, setRows] = useState<Ticket[]>();
  const [next, setNext] = useState<string | null>(null);
  /** Each listed ticket's SLA (those under a policy), by ticket id. */
  const [sla, setSla] = useState<ReadonlyMap<string, TicketSla>>(new Map());
  const [error, setError] = useState<unknown>();
  const [current, setCurrent] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulkNote, setBulkNote] = useState<string>();
  const bulk = useSubmit();
  const searchBox = useRef<HTMLInputElement>(null);

  // Only the latest read may fill the list: a refresh scheduled for the previous view (or a slow
  // answer to it) must not overwrite the view now shown (seen as a vendor's team queue left empty).
  const loadSeq = useRef(0);
  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      setError(undefined);
      if (q) {
        const found = await deskApi.search(q);
        if (seq !== loadSeq.current) return;
        setRows(found.items);
        setNext(null);
      } else {
        const page = await deskApi.page(view);
        if (seq !== loadSeq.current) return;
        setSla(new Map(page.sla.map((x) => [x.ticketId, x])));
        setRows(page.items);
        setNext(page.next);
      }
    } catch (err) {
      if (seq === loadSeq.current) setError(err);
    }
  }, [q, view]);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    setRows(undefined);
    setCurrent(0);
    setChecked(new Set());
    void load();
  }, [load]);

  const timer = useRef(0);
  const refresh = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      void latestLoad.current();
      overview.reload();
    }, RELOAD_AFTER_MS);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEventStream(TICKET_EVENTS, refresh, refresh);

  const more = async () => {
    if (!next) return;
    try {
      const page = await deskApi.page(view, next);
      setSla((m) => new Map([...m, ...page.sla.map((x) => [x.ticketId, x] as const)]));
      setRows((r) => [...(r ?? []), ...page.items]);
      setNext(page.next);
    } catch (err) {
      setError(err);
    }
  };
  const list = rows ?? [];
  const open = (ticket: Ticket | undefined) => ticket && navigate(`/desk/${encodeURIComponent(ticket.id)}`);
  const toggle = (id: string) =>
    setChecked((s) => {
      const out = new Set(s);
      if (!out.delete(id)) out.add(id);
      return out;
    });
  useShortcuts({
    j: () => setCurrent((i) => Math.min(i + 1, Math.max(0, list.length - 1))),
    k: () => setCurrent((i) => Math.max(i - 1, 0)),
    Enter: () => open(list[current]),
    x: () => list[current] && toggle(list[current].id),
    '/': () => searchBox.current?.focus(),
  });

  // The toolbar's actions on the checked tickets, each its label's key and what it asks the server.
  const bulkActions: [label: 'assignMe' | 'solve' | 'urgent', action: BulkAction][] = [
    ['assignMe', { kind: 'assign', assignee: me.id }],
    ['solve', { kind: 'status', status: 'solved' }],
    ['urgent', { kind: 'priority', priority: 'urgent' }],
  ];
  const runBulk = async (action: BulkAction) => {
    setBulkNote(undefined);
    const result = await bulk.run(() => deskApi.bulk({ ticketIds: [...checked], action }));
    if (!result) return;
    const ok = result.results.filter((r) => r.ok).length;
    setBulkNote(t('desk.bulk.done', { ok, failed: result.results.length - ok }));
    setChecked(new Set());
    refresh();
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { view, q: draft.trim() } : { view });
  };

  const columns: Column<Ticket>[] = [
    {
      key: 'select',
      header: <span className="visually-hidden">{t('desk.list.select')}</span>,
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={t('desk.list.selectTicket', { subject: r.subject ?? r.id })}
          checked={checked.has(r.id)}
          onChange={() => toggle(r.id)}
        />
      ),
    },
    {
      key: 'subject',
      header: t('desk.list.subject'),
      rowHeader: true,
      cell: (r) => <Link to={`/desk/${encodeURIComponent(r.id)}`}>{r.subject ?? r.id}</Link>,
    },
    { key: 'requester', header: t('desk.list.requester'), cell: (r) => r.requester ?? '—' },
    {
      key: 'sla',
      header: t('desk.list.sla'),
      cell: (r) => {
        const target = mostUrgent(sla.get(r.id)?.targets ?? []);
        return target ? <SlaCountdown target={target} /> : '—';
      },
    },
    { key: 'status', header: t('desk.list.status'), cell: (r) => statusName(t, r.status), nowrap: true },
    {
      key: 'priority',
      header: t('desk.list.priority'),
      cell: (r) => priorityName(t, r.priority),
      nowrap: true,
    },
    { key: 'created', header: t('desk.list.created'), cell: (r) => fmt.dateTime(r.createdAt), nowrap: true },
  ];

  return (
    <div className="desk-inbox">
      <PageHeader title={t('desk.inbox.title')} intro={t('desk.inbox.intro')} />
      <div className="desk-layout">
        <nav className="desk-views card" aria-label={t('desk.views.label')}>
          <ul>
            {(overview.data?.views ?? []).map((v) => (
              <li key={v.view}>
                <button
                  type="button"
                  className={v.view === view && !q ? 'desk-view desk-view-current' : 'desk-view'}
                  aria-current={v.view === view && !q ? 'page' : undefined}
                  data-view={v.view}
                  onClick={() => setParams({ view: v.view })}
                >
                  <span>{t(`desk.views.${v.view}`)}</span>
                  <span className="desk-count" data-testid={`count-${v.view}`}>
                    {v.more ? t('desk.views.countMore', { count: fmt.number(v.count) }) : fmt.number(v.count)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {overview.error ? <ErrorBanner error={overview.error} onRetry={overview.reload} /> : null}
          {overview.data ? <MyTeams teams={overview.data.teams} onSaved={refresh} /> : null}
        </nav>
        <section className="desk-main card" aria-labelledby="desk-list-title">
          <search>
            <form className="desk-search" onSubmit={onSearch}>
              <label htmlFor="desk-search-input" className="visually-hidden">
                {t('desk.search.label')}
              </label>
              <input
                id="desk-search-input"
                ref={searchBox}
                type="search"
                value={draft}
                placeholder={t('desk.search.placeholder')}
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" className="button-small">
                {t('desk.search.submit')}
              </button>
              {q ? (
                <button
                  type="button"
                  className="button-small"
                  onClick={() => {
                    setDraft('');
                    setParams({ view });
                  }}
                >
                  {t('desk.search.clear')}
                </button>
              ) : null}
            </form>
          </search>
          <h2 id="desk-list-title">{q ? t('desk.search.results', { q }) : t(`desk.views.${view}`)}</h2>
          {checked.size > 0 ? (
            <div className="desk-bulk" role="toolbar" aria-label={t('desk.bulk.label')}>
              <span>{t('desk.bulk.selected', { count: checked.size })}</span>
              {bulkActions.map(([label, action]) => (
                <button
                  key={label}
                  type="button"
                  className="button-small"
                  disabled={bulk.busy}
                  onClick={() => void runBulk(action)}
                >
                  {t(`desk.bulk.${label}`)}
                </button>
              ))}
            </div>
          ) : null}
          <ErrorBanner error={bulk.error} />
          {bulkNote ? <Notice>{bulkNote}</Notice> : null}
          <DataTable
            caption={t('desk.list.caption')}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            error={error}
            onRetry={() => void load()}
            empty={<p className="empty">{q ? t('desk.search.none') : t('desk.list.empty')}</p>}
            testId="desk-tickets"
            compact
            rowProps={(r) => ({
              className: list[current]?.id === r.id ? 'desk-row-current' : undefined,
              'aria-selected': list[current]?.id === r.id ? 'true' : 'false',
              'data-ticket-id': r.id,
            })}
          />
          {next ? (
            <button type="button" className="button-small" onClick={() => void more()}>
              {t('desk.list.more')}
            </button>
          ) : null}
        </section>
      </div>
    </div>
  );
}
