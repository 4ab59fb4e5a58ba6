import {
  type RenderedMacro,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketDetail,
} from '@shoreline/server/contract';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { namedOptions, OptionSelect, optionsOf, SelectField } from '../../kit/fields';
import { SlaCountdown } from '../../kit/SlaCountdown';
import { ApiError } from '../../lib/api';
import { useEventStream } from '../../lib/eventStream';
import { ErrorBanner, Field, Loading, Notice } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { useMe } from '../auth/session';
import { ArticleFromTicket } from './ArticleFromTicket';
import { deskApi, TICKET_EVENTS } from './api';
import { Conversation, History } from './Conversation';
import { InsertArticle } from './InsertArticle';
import { priorityName, statusName, typeName } from './labels';
import { useChatTyping } from './useChatTyping';
import { type Present, usePresence } from './usePresence';
import { useShortcuts } from './useShortcuts';

type Mode = 'reply' | 'note';

/**
 * One ticket: the conversation, the composer (reply or internal note, macros), its details
 * (status, priority, assignee, tags, transfer, escalation) and history, live; a banner when
 * another agent has it open. Keys: r reply, n note, Escape back to the inbox.
 */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useResource(() => deskApi.ticket(id), [id]);
  const [gone, setGone] = useState(false);
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const others = usePresence(id, text.trim() !== '' ? 'replying' : 'viewing');
  const customerTyping = useChatTyping(
    id,
    detail.data?.ticket.channel === 'chat',
    mode === 'reply' && text.trim() !== '',
  );

  const reload = detail.reload;
  useEventStream(TICKET_EVENTS, (e) => e.subjectId === id && reload(), reload);
  useEffect(() => {
    if (detail.error instanceof ApiError && detail.error.status === 404) setGone(true);
  }, [detail.error]);
  const focus = (m: Mode) => {
    setMode(m);
    composer.current?.focus();
  };
  useShortcuts({ r: () => focus('reply'), n: () => focus('note'), Escape: () => navigate('/desk') });

  if (gone)
    return (
      <div className="desk-ticket">
        <Notice>{t('desk.ticket.gone')}</Notice>
        <Link to="/desk">{t('desk.ticket.back')}</Link>
      </div>
    );
  if (!detail.data) return detail.error ? <ErrorBanner error={detail.error} onRetry={reload} /> : <Loading />;
  const { ticket } = detail.data;
  return (
    <div className="desk-ticket">
      <p>
        <Link to="/desk">{t('desk.ticket.back')}</Link>
        <span className="desk-keys"> · {t('desk.ticket.shortcuts')}</span>
      </p>
      <h1>{ticket.subject ?? ticket.id}</h1>
      <CollisionBanner others={others} />
      <div className="desk-ticket-layout">
        <section className="card" aria-labelledby="desk-conversation">
          <h2 id="desk-conversation">{t('desk.ticket.conversation')}</h2>
          <Conversation messages={detail.data.messages} requester={ticket.requester} />
          {customerTyping ? (
            <p className="field-help" role="status">
              {t('desk.ticket.customerTyping')}
            </p>
          ) : null}
          <Composer
            ticketId={id}
            mode={mode}
            setMode={setMode}
            text={text}
            setText={setText}
            composer={composer}
            onSent={reload}
            language={typeof ticket.language === 'string' ? ticket.language : null}
          />
        </section>
        <aside className="card desk-details" aria-labelledby="desk-details">
          <h2 id="desk-details">{t('desk.ticket.details')}</h2>
          <TicketSlaPanel ticketId={id} />
          {detail.data.customerId ? (
            <CustomerPanel customerId={detail.data.customerId} ticketId={id} />
          ) : null}
          <Details detail={detail.data} onChanged={reload} onGone={() => setGone(true)} />
          <ArticleFromTicket ticketId={id} status={ticket.status} />
          <h2>{t('desk.ticket.history')}</h2>
          <History steps={detail.data.history} />
        </aside>
      </div>
    </div>
  );
}

/** The ticket's SLA countdowns, one per target, kept live; nothing when no policy applies. */
function TicketSlaPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const sla = useResource(() => deskApi.sla(ticketId), [ticketId]);
  const reload = sla.reload;
  useEventStream(TICKET_EVENTS, (e) => e.subjectId === ticketId && reload(), reload);
  if (!sla.data || sla.data.targets.length === 0) return null;
  return (
    <section aria-labelledby="desk-sla" data-testid="ticket-sla">
      <h3 id="desk-sla">{t('desk.ticket.sla')}</h3>
      <ul className="desk-sla">
        {sla.data.targets.map((target) => (
          <li key={target.metric}>
            <SlaCountdown target={target} showMetric />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The customer beside the ticket: their identities and their other tickets (as far as the caller sees). */
function CustomerPanel({ customerId, ticketId }: { customerId: string; ticketId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useResource(() => deskApi.customer(customerId), [customerId]);
  if (!history.data) return null;
  const { customer, tickets } = history.data;
  const others = tickets.filter((x) => x.id !== ticketId);
  return (
    <section aria-labelledby="desk-customer" data-testid="ticket-customer">
      <h3 id="desk-customer">{t('desk.customer.title')}</h3>
      <p>
        {customer.name ?? t('desk.customer.unnamed')}
        {customer.language ? ` · ${fmt.language(customer.language)}` : ''}
      </p>
      <ul className="plain">
        {customer.identities.map((i) => (
          <li key={`${i.kind}:${i.value}`}>
            <bdi dir="ltr">{i.value}</bdi>
          </li>
        ))}
      </ul>
      <h4>{t('desk.customer.otherTickets', { n: others.length })}</h4>
      {others.length > 0 ? (
        <ul className="plain">
          {others.map((x) => (
            <li key={x.id}>
              <Link to={`../${encodeURIComponent(x.id)}`}>{x.subject ?? x.id}</Link>
              {x.status ? ` · ${statusName(t, x.status)}` : ''}
              {x.createdAt ? ` · ${fmt.date(x.createdAt)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function CollisionBanner({ others }: { others: Present[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (others.length === 0) return null;
  const replying = others.filter((o) => o.mode === 'replying').map((o) => o.name);
  const names = fmt.list(others.map((o) => o.name));
  return (
    <div className="banner banner-warning desk-collision" role="alert" data-testid="collision">
      {replying.length > 0
        ? t('desk.presence.replying', { names: fmt.list(replying) })
        : t('desk.presence.viewing', { names })}
    </div>
  );
}

function Composer(props: {
  ticketId: string;
  mode: Mode;
  setMode(m: Mode): void;
  text: string;
  setText(s: string): void;
  composer: React.RefObject<HTMLTextAreaElement | null>;
  onSent(): void;
  /** The customer's language: what an inserted article is written in. */
  language: string | null;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const macros = useResource(() => deskApi.macros(), []);
  const [macro, setMacro] = useState<RenderedMacro>();
  const pick = async (macroId: string) => {
    if (!macroId) return;
    const rendered = await submit.run(() => deskApi.renderMacro(props.ticketId, macroId));
    if (!rendered) return;
    setMacro(rendered);
    props.setText(rendered.body);
    props.setMode('reply');
    props.composer.current?.focus();
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const done = await submit.run(async () => {
      await deskApi.message(props.ticketId, { body: props.text, public: props.mode === 'reply' });
      // A macro's actions follow its reply (the script says what happens next).
      if (macro?.actions.addTags?.length) await deskApi.tags(props.ticketId, { add: macro.actions.addTags });
      if (macro?.actions.status) await deskApi.status(props.ticketId, macro.actions.status);
      return true;
    });
    if (!done) return;
    props.setText('');
    setMacro(undefined);
    props.onSent();
  };
  return (
    <form className={`desk-composer desk-composer-${props.mode}`} onSubmit={send} onChange={submit.onChange}>
      <div className="desk-modes" role="radiogroup" aria-label={t('desk.ticket.composer')}>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={props.mode === m}
              onChange={() => props.setMode(m)}
            />
            {t(m === 'reply' ? 'desk.ticket.reply' : 'desk.ticket.note')}
          </label>
        ))}
        {macros.data && macros.data.length > 0 ? (
          <OptionSelect
            aria-label={t('desk.ticket.macro')}
            value=""
            onValue={(id) => void pick(id)}
            data-testid="macro-picker"
            blank={t('desk.ticket.macroChoose')}
            options={namedOptions(macros.data)}
          />
        ) : null}
      </div>
      <Field label={t('desk.ticket.message')} error={submit.fields.body}>
        {(control) => (
          <textarea
            {...control}
            ref={props.composer}
            name="body"
            rows={5}
            value={props.text}
            onChange={(e) => props.setText(e.target.value)}
          />
        )}
      </Field>
      {macro && macro.missing.length > 0 ? (
        <p className="field-help">{t('desk.ticket.macroMissing', { names: macro.missing.join(', ') })}</p>
      ) : null}
      <InsertArticle
        ticketId={props.ticketId}
        language={props.language}
        mode={props.mode}
        onInsert={(text) => {
          props.setText(props.text.trim() === '' ? text : `${props.text.trimEnd()}\n\n${text}`);
          props.composer.current?.focus();
        }}
      />
      <ErrorBanner error={submit.bannerError} />
      <button type="submit" className="button-primary" disabled={submit.busy || props.text.trim() === ''}>
        {t(props.mode === 'reply' ? 'desk.ticket.send' : 'desk.ticket.addNote')}
      </button>
    </form>
  );
}

function Details(props: { detail: TicketDetail; onChanged(): void; onGone(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { ticket } = props.detail;
  const submit = useSubmit();
  const agents = useResource(() => deskApi.agents(), []);
  const overview = useResource(() => deskApi.overview(), []);
  const [tag, setTag] = useState('');
  const [team, setTeam] = useState('');
  const [reason, setReason] = useState('');
  const [escalated, setEscalated] = useState(false);
  const change = useCallback(
    async (action: () => Promise<unknown>) => {
      if ((await submit.run(action)) !== undefined) props.onChanged();
    },
    [submit, props],
  );
  const escalate = async (e: FormEvent) => {
    e.preventDefault();
    const moved = await submit.run(() => deskApi.escalate(ticket.id, { reason }));
    if (!moved) return;
    setReason('');
    setEscalated(true);
    // Vendor staff hand the ticket out of their reach; in-house staff keep seeing it.
    if (me.providerId !== null) props.onGone();
    else props.onChanged();
  };
  return (
    <div className="desk-props">
      <ErrorBanner error={submit.bannerError} />
      {escalated ? <Notice>{t('desk.ticket.escalated')}</Notice> : null}
      <SelectField
        label={t('desk.ticket.status')}
        value={ticket.status ?? ''}
        onValue={(s) => void change(() => deskApi.status(ticket.id, s))}
        options={optionsOf(TICKET_STATUSES, (s) => statusName(t, s))}
      />
      <SelectField
        label={t('desk.ticket.priority')}
        value={ticket.priority ?? ''}
        onValue={(p) => void change(() => deskApi.priority(ticket.id, p || null))}
        blank={priorityName(t, null)}
        options={optionsOf(TICKET_PRIORITIES, (p) => priorityName(t, p))}
      />
      <SelectField
        label={t('desk.ticket.type')}
        value={ticket.type ?? ''}
        onValue={(v) => void change(() => deskApi.type(ticket.id, v || null))}
        blank={typeName(t, null)}
        options={optionsOf(TICKET_TYPES, (v) => typeName(t, v))}
      />
      <Field label={t('desk.ticket.assignee')}>
        {(control) => (
          <select
            {...control}
            value={ticket.assignee ?? ''}
            onChange={(e) => void change(() => deskApi.assign(ticket.id, e.target.value || null))}
          >
            <option value="">{t('desk.ticket.unassigned')}</option>
            {ticket.assignee && !agents.data?.some((a) => a.id === ticket.assignee) ? (
              <option value={ticket.assignee}>{ticket.assignee}</option>
            ) : null}
            {(agents.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === me.id ? t('desk.ticket.me', { name: a.name }) : a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field">
        <span className="field-label">{t('desk.ticket.tags')}</span>
        <ul className="desk-tags">
          {ticket.tags.map((x) => (
            <li key={x}>
              {x}{' '}
              <button
                type="button"
                className="button-link"
                aria-label={t('common.remove', { item: x })}
                onClick={() => void change(() => deskApi.tags(ticket.id, { remove: [x] }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="desk-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim())
              void change(() => deskApi.tags(ticket.id, { add: [tag.trim()] })).then(() => setTag(''));
          }}
        >
          <input aria-label={t('desk.ticket.addTag')} value={tag} onChange={(e) => setTag(e.target.value)} />
          <button type="submit" className="button-small">
            {t('desk.ticket.addTag')}
          </button>
        </form>
      </div>
      <form
        className="field desk-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (team) void change(() => deskApi.transfer(ticket.id, team));
        }}
      >
        <label htmlFor="desk-transfer">{t('desk.ticket.transfer')}</label>
        <OptionSelect
          id="desk-transfer"
          value={team}
          onValue={setTeam}
          blank={t('desk.ticket.chooseTeam')}
          options={namedOptions((overview.data?.teams ?? []).filter((x) => x.id !== ticket.teamId))}
        />
        <button type="submit" className="button-small" disabled={!team || submit.busy}>
          {t('desk.ticket.transferButton')}
        </button>
      </form>
      <form className="desk-escalate" onSubmit={escalate} onChange={submit.onChange}>
        <Field
          label={t('desk.ticket.escalateReason')}
          error={submit.fields.reason}
          help={t('desk.ticket.escalateHelp')}
        >
          {(control) => (
            <textarea
              {...control}
              name="reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-small" disabled={submit.busy || reason.trim() === ''}>
          {t('desk.ticket.escalate')}
        </button>
      </form>
    </div>
  );
}
