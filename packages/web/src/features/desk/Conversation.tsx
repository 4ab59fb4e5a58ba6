import type { TicketHistoryStep, TicketMessage } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import { statusName, typeName } from './labels';

/** The messages, oldest first: the customer's, agents' replies, and internal notes set apart. */
export function Conversation({
  messages,
  requester,
}: {
  messages: TicketMessage[];
  requester: string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (messages.length === 0) return <p className="empty">{t('desk.ticket.noMessages')}</p>;
  return (
    <ol className="desk-messages">
      {messages.map((m) => {
        const kind = !m.public ? 'note' : m.authorType === 'customer' ? 'customer' : 'agent';
        const who =
          kind === 'note'
            ? t('desk.ticket.noteBy')
            : kind === 'customer'
              ? (requester ?? t('desk.ticket.customer'))
              : t('desk.ticket.agent');
        return (
          <li key={m.id} className={`desk-message desk-message-${kind}`} data-kind={kind}>
            <p className="desk-message-meta">
              <strong>{who}</strong> · <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
            </p>
            <p className="desk-message-body">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** The ticket's history: created, status steps, hand-offs with their reason, assignments. */
export function History({ steps }: { steps: TicketHistoryStep[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const say = (s: TicketHistoryStep) => {
    switch (s.kind) {
      case 'created':
        return t('desk.history.created');
      case 'status':
        return t('desk.history.status', { status: statusName(t, s.status) });
      case 'reopen':
        return t('desk.history.reopen');
      case 'handoff':
        return s.reason
          ? t('desk.history.handoffReason', { team: s.team ?? '—', reason: s.reason })
          : t('desk.history.handoff', { team: s.team ?? '—' });
      case 'assignment':
        return s.assignee ? t('desk.history.assigned') : t('desk.history.unassigned');
      case 'type':
        return t('desk.history.type', { type: typeName(t, s.ticketType) });
      default:
        return s.kind;
    }
  };
  return (
    <ol className="desk-history" data-testid="history">
      {steps.map((s) => (
        <li key={s.seq} data-kind={s.kind}>
          <time dateTime={s.at}>{fmt.dateTime(s.at)}</time> {say(s)}
        </li>
      ))}
    </ol>
  );
}
