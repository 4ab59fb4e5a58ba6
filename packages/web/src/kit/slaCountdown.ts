// What a countdown shows for one SLA target (pure, tested): the server's state moved to `now`. A running target counts down to its due instant on the wall clock (the server already
// placed that instant on business hours); past it, it counts up as overdue.
import type { SlaTargetState } from '@shoreline/server/contract';

export type CountdownKind = 'running' | 'at_risk' | 'overdue' | 'paused' | 'met' | 'missed' | 'cancelled';

export interface Countdown {
  readonly kind: CountdownKind;
  /** Seconds until due (running, at risk), since due (overdue), or business seconds left (paused). */
  readonly seconds: number | null;
  readonly dueAt: string | null;
}

/** The countdown of `target` (as the server computed it) at `now`. */
export function slaCountdown(target: SlaTargetState, now: Date): Countdown {
  const dueAt = target.dueAt;
  switch (target.status) {
    case 'achieved':
      return { kind: target.breached ? 'missed' : 'met', seconds: null, dueAt };
    case 'cancelled':
      return { kind: 'cancelled', seconds: null, dueAt };
    case 'paused':
      return { kind: 'paused', seconds: Math.max(0, target.remainingSeconds), dueAt: null };
    default: {
      if (dueAt === null) return { kind: 'paused', seconds: target.remainingSeconds, dueAt };
      const left = Math.floor((Date.parse(dueAt) - now.getTime()) / 1000);
      if (left <= 0 || target.status === 'breached')
        return { kind: 'overdue', seconds: Math.max(0, -left), dueAt };
      const atRisk = target.atRiskAt !== null && Date.parse(target.atRiskAt) <= now.getTime();
      return { kind: atRisk ? 'at_risk' : 'running', seconds: left, dueAt };
    }
  }
}

/** The target that matters most now: the running one due first, else the first listed. */
export function mostUrgent(targets: readonly SlaTargetState[]): SlaTargetState | null {
  const running = targets.filter((t) => (t.status === 'running' || t.status === 'breached') && t.dueAt);
  running.sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return running[0] ?? targets[0] ?? null;
}
