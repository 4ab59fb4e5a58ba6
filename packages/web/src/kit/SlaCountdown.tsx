// An SLA countdown for the inbox and the ticket page: "Due in 25 min", "Overdue 5 min", "Paused",
// "Met". Re-renders every 15 seconds from the server's state (no request per tick). Colour is never
// the only signal: the words say the state, the dot only repeats it.
import type { SlaTargetState } from '@shoreline/server/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/format';
import { useFormat } from '../lib/useFormat';
import './kit.css';
import { type CountdownKind, slaCountdown } from './slaCountdown';

export interface SlaCountdownProps {
  target: SlaTargetState;
  /** Show the metric's name before the time ("First response: due in 25 min"). */
  showMetric?: boolean;
  /** For tests and stories: a fixed now instead of the ticking wall clock. */
  now?: Date;
}

const TICK_MS = 15_000;

export function SlaCountdown({ target, showMetric = false, now }: SlaCountdownProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [tick, setTick] = useState(() => new Date());
  useEffect(() => {
    if (now) return;
    const id = window.setInterval(() => setTick(new Date()), TICK_MS);
    return () => window.clearInterval(id);
  }, [now]);
  const c = slaCountdown(target, now ?? tick);
  const time = c.seconds === null ? '' : formatDuration(fmt.locale, c.seconds);
  const text = t(`kit.sla.${c.kind}`, { time });
  const title = c.dueAt ? t('kit.sla.dueAt', { at: fmt.dateTime(c.dueAt) }) : undefined;
  return (
    <span className={`sla-countdown sla-${c.kind}`} data-kind={c.kind} title={title}>
      <span className="sla-dot" aria-hidden="true" />
      {showMetric ? `${t(`kit.sla.metrics.${target.metric}`)}: ` : null}
      {text}
    </span>
  );
}

export { mostUrgent, slaCountdown } from './slaCountdown';
export type { CountdownKind };
