import type { ContactRecord } from './counters.js';
import { ReplicationCounters } from './counters.js';
import { EventHeap } from './event-heap.js';
import type { SimulationModel } from './model.js';
import { IdleAgents, SlotQueue } from './rings.js';
import { Xoshiro128 } from './rng.js';

const SERVICE_END = 0;
const OVERFLOW = 1;
const PROGRESS_EVERY_EVENTS = 1 << 16;
const INFINITY = Number.POSITIVE_INFINITY;

/**
 * One replication of the contact-center model: a next-event simulation (Law & Kelton, *Simulation
 * Modeling and Analysis*, ch. 1–2) with FCFS queues per skill, longest-idle-agent routing and
 * staged overflow.
 *
 * Arrivals and interval boundaries are kept outside the heap (one next time per skill, one next
 * boundary) so the heap holds only service ends and overflow timers. Abandonment is lazy: a contact
 * whose patience ran out is removed, and counted as abandoned at its deadline, when it reaches the
 * head of its queue. This is exact because a contact can only be answered from the head.
 */
export class Replication {
  private readonly rng: Xoshiro128;
  private readonly counters: ReplicationCounters;
  private readonly heap = new EventHeap();
  private now = 0;

  // Contacts live in reusable slots of parallel arrays; a slot's generation changes when it is freed.
  private slotArrival = new Float64Array(1024);
  private slotService = new Float64Array(1024);
  private slotDeadline = new Float64Array(1024);
  private slotSkill = new Int32Array(1024);
  private slotInterval = new Int32Array(1024);
  private slotStage = new Int32Array(1024);
  private slotGeneration = new Int32Array(1024);
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;

  private readonly queues: SlotQueue[];
  private readonly idle: IdleAgents[];
  private readonly busy: Int32Array;
  private readonly present: Int32Array;
  /** Busy agents who leave when their contact ends (a staffing reduction found them busy). */
  private readonly pendingLeaves: Int32Array;
  private readonly staffedSince: Float64Array;

  private readonly nextArrivalSec: Float64Array;
  /** Per skill: the Poisson interval reached, or the next trace index. */
  private readonly arrivalCursor: Int32Array;
  private nextBoundaryIndex = 1;

  constructor(
    private readonly model: SimulationModel,
    seed: number,
    private readonly records?: ContactRecord[],
  ) {
    this.rng = new Xoshiro128(seed);
    const skillCount = model.skillIds.length;
    const groupCount = model.groupIds.length;
    this.counters = new ReplicationCounters(model.intervalCount, groupCount);
    this.queues = model.skillIds.map(() => new SlotQueue());
    this.idle = model.groupIds.map(() => new IdleAgents());
    this.busy = new Int32Array(groupCount);
    this.present = new Int32Array(groupCount);
    this.pendingLeaves = new Int32Array(groupCount);
    this.staffedSince = new Float64Array(groupCount);
    this.nextArrivalSec = new Float64Array(skillCount);
    this.arrivalCursor = new Int32Array(skillCount);
  }

  /** Runs to the end and returns the tallies; `onEvents` is called every 65,536 events with the clock. */
  run(onEvents?: (nowSec: number) => void): ReplicationCounters {
    const model = this.model;
    const skillCount = model.skillIds.length;
    const heap = this.heap;
    const counters = this.counters;
    const stopSec = model.drain ? INFINITY : model.horizonSec;
    for (let g = 0; g < model.groupIds.length; g++) this.setStaffing(g, model.agentsPerInterval[g]![0]!);
    for (let s = 0; s < skillCount; s++) this.scheduleNextArrival(s, 0);
    let boundarySec = model.intervalCount > 1 ? model.intervalLengthSec : INFINITY;
    let eventsUntilProgress = PROGRESS_EVERY_EVENTS;

    for (;;) {
      let arrivalSkill = 0;
      let arrivalSec = this.nextArrivalSec[0]!;
      for (let s = 1; s < skillCount; s++) {
        const t = this.nextArrivalSec[s]!;
        if (t < arrivalSec) {
          arrivalSec = t;
          arrivalSkill = s;
        }
      }
      const heapSec = heap.peekTime();
      // Ties: staffing changes first, then departures (which free agents), then arrivals.
      if (boundarySec <= heapSec && boundarySec <= arrivalSec) {
        if (boundarySec === INFINITY || boundarySec >= stopSec) break;
        this.now = boundarySec;
        this.onBoundary();
        boundarySec =
          this.nextBoundaryIndex < model.intervalCount
            ? this.nextBoundaryIndex * model.intervalLengthSec
            : INFINITY;
      } else if (heapSec <= arrivalSec) {
        if (heapSec >= stopSec) break;
        this.now = heapSec;
        const payload = heap.peekPayload();
        const generation = heap.peekGeneration();
        heap.pop();
        if ((payload & 1) === SERVICE_END) this.onServiceEnd(payload >> 1);
        else this.onOverflow(payload >> 1, generation);
      } else {
        if (arrivalSec >= stopSec) break;
        this.now = arrivalSec;
        this.onArrival(arrivalSkill);
      }
      counters.events++;
      if (--eventsUntilProgress === 0) {
        eventsUntilProgress = PROGRESS_EVERY_EVENTS;
        onEvents?.(this.now);
      }
    }
    this.finish(Math.min(stopSec, Math.max(this.now, model.horizonSec)));
    return counters;
  }

  private onArrival(skill: number): void {
    const model = this.model;
    const now = this.now;
    const trace = model.trace[skill];
    const cursor = this.arrivalCursor[skill]!;
    let service: number;
    let patience: number;
    let interval: number;
    if (trace) {
      service = trace.serviceSec[cursor]!;
      patience = trace.patienceSec[cursor]!;
      if (Number.isNaN(service)) service = model.service[skill]!.sample(this.rng);
      if (Number.isNaN(patience)) patience = model.patience[skill]!.sample(this.rng);
      interval = Math.min(Math.floor(now / model.intervalLengthSec), model.intervalCount - 1);
      this.arrivalCursor[skill] = cursor + 1;
    } else {
      service = model.service[skill]!.sample(this.rng);
      patience = model.patience[skill]!.sample(this.rng);
      interval = cursor;
    }
    this.counters.offered[interval]!++;
    const slot = this.allocateSlot();
    this.slotArrival[slot] = now;
    this.slotService[slot] = service;
    this.slotDeadline[slot] = now + patience;
    this.slotSkill[slot] = skill;
    this.slotInterval[slot] = interval;
    this.slotStage[slot] = 0;

    const group = this.longestIdleGroup(model.stageGroups[skill]![0]!);
    if (group >= 0) {
      this.idle[group]!.takeOldest();
      this.startService(slot, group);
    } else {
      this.queues[skill]!.push(slot);
      this.scheduleOverflow(slot, 1);
    }
    this.scheduleNextArrival(skill, now);
  }

  /** The group, among `groups`, whose longest-idle agent has been idle longest; −1 if none is idle. */
  private longestIdleGroup(groups: Int32Array): number {
    let best = -1;
    let bestSince = INFINITY;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      const idle = this.idle[g]!;
      if (idle.size > 0 && idle.oldest() < bestSince) {
        bestSince = idle.oldest();
        best = g;
      }
    }
    return best;
  }

  private scheduleOverflow(slot: number, stage: number): void {
    const stageAfter = this.model.stageAfterSec[this.slotSkill[slot]!]!;
    if (stage >= stageAfter.length) return;
    const opensAt = this.slotArrival[slot]! + stageAfter[stage]!;
    if (opensAt <= this.slotDeadline[slot]!)
      this.heap.push(opensAt, (slot << 1) | OVERFLOW, this.slotGeneration[slot]!);
  }

  private onOverflow(slot: number, generation: number): void {
    if (this.slotGeneration[slot] !== generation) return; // answered or abandoned meanwhile
    const skill = this.slotSkill[slot]!;
    const stage = this.slotStage[slot]! + 1;
    this.slotStage[slot] = stage;
    if (this.slotDeadline[slot]! < this.now) return; // abandoned; leaves when it reaches the head
    const groups = this.model.stageGroups[skill]![stage]!;
    const queue = this.queues[skill]!;
    // Older contacts of this skill are eligible too (they waited longer), so answer in FCFS order.
    while (this.slotGeneration[slot] === generation) {
      const group = this.longestIdleGroup(groups);
      if (group < 0) break;
      this.dropAbandonedHeads(skill);
      this.idle[group]!.takeOldest();
      this.startService(queue.shift(), group);
    }
    if (this.slotGeneration[slot] === generation) this.scheduleOverflow(slot, stage + 1);
  }

  private onServiceEnd(group: number): void {
    this.busy[group]!--;
    if (this.pendingLeaves[group]! > 0) {
      this.pendingLeaves[group]!--;
      this.changePresent(group, -1);
      return;
    }
    this.agentBecomesFree(group);
  }

  /** A free agent takes the longest-waiting contact it may answer now, or becomes idle. */
  private agentBecomesFree(group: number): void {
    const model = this.model;
    const skills = model.groupSkills[group]!;
    const afterSec = model.groupSkillAfterSec[group]!;
    let bestSkill = -1;
    let bestArrival = INFINITY;
    for (let i = 0; i < skills.length; i++) {
      const skill = skills[i]!;
      const queue = this.queues[skill]!;
      if (queue.size === 0) continue;
      this.dropAbandonedHeads(skill);
      if (queue.size === 0) continue;
      const arrival = this.slotArrival[queue.peek()]!;
      if (arrival < bestArrival && this.now >= arrival + afterSec[i]!) {
        bestArrival = arrival;
        bestSkill = skill;
      }
    }
    if (bestSkill >= 0) this.startService(this.queues[bestSkill]!.shift(), group);
    else this.idle[group]!.push(this.now);
  }

  private dropAbandonedHeads(skill: number): void {
    const queue = this.queues[skill]!;
    while (queue.size > 0 && this.slotDeadline[queue.peek()]! < this.now) this.abandon(queue.shift());
  }

  private abandon(slot: number): void {
    const counters = this.counters;
    const interval = this.slotInterval[slot]!;
    const wait = this.slotDeadline[slot]! - this.slotArrival[slot]!;
    counters.abandoned[interval]!++;
    counters.abandonedWaitSec[interval]! += wait;
    if (wait <= this.model.thresholdSec) counters.abandonedWithinThreshold[interval]!++;
    counters.events++;
    this.records?.push({
      skill: this.model.skillIds[this.slotSkill[slot]!]!,
      arrivalSec: this.slotArrival[slot]!,
      outcome: 'abandoned',
      waitSec: wait,
    });
    this.freeSlot(slot);
  }

  private startService(slot: number, group: number): void {
    const counters = this.counters;
    const now = this.now;
    const interval = this.slotInterval[slot]!;
    const wait = now - this.slotArrival[slot]!;
    const service = this.slotService[slot]!;
    counters.answered[interval]!++;
    counters.answeredWaitSec[interval]! += wait;
    if (wait <= this.model.thresholdSec) counters.answeredWithinThreshold[interval]!++;
    if (wait === 0) counters.answeredImmediately[interval]!++;
    this.busy[group]!++;
    this.heap.push(now + service, (group << 1) | SERVICE_END, 0);
    this.addBusyTime(group, now, now + service);
    this.records?.push({
      skill: this.model.skillIds[this.slotSkill[slot]!]!,
      arrivalSec: this.slotArrival[slot]!,
      outcome: 'answered',
      waitSec: wait,
      group: this.model.groupIds[group]!,
    });
    this.freeSlot(slot);
  }

  private onBoundary(): void {
    const interval = this.nextBoundaryIndex++;
    for (let g = 0; g < this.model.groupIds.length; g++)
      this.setStaffing(g, this.model.agentsPerInterval[g]![interval]!);
  }

  /** Brings a group to `target` agents: idle agents leave at once, busy ones when their contact ends. */
  private setStaffing(group: number, target: number): void {
    const working = this.present[group]! - this.pendingLeaves[group]!;
    if (target > working) {
      const recalled = Math.min(this.pendingLeaves[group]!, target - working);
      this.pendingLeaves[group]! -= recalled;
      const joining = target - working - recalled;
      this.changePresent(group, joining);
      for (let i = 0; i < joining; i++) this.agentBecomesFree(group);
    } else if (target < working) {
      const idle = this.idle[group]!;
      const leavingIdle = Math.min(idle.size, working - target);
      for (let i = 0; i < leavingIdle; i++) idle.dropNewest();
      this.changePresent(group, -leavingIdle);
      this.pendingLeaves[group]! += working - target - leavingIdle;
    }
  }

  private changePresent(group: number, delta: number): void {
    if (delta === 0) return;
    this.accrueStaffedTime(group, this.now);
    this.present[group]! += delta;
  }

  private accrueStaffedTime(group: number, untilSec: number): void {
    const present = this.present[group]!;
    if (present > 0)
      this.addTime(this.counters.staffedSec, group, this.staffedSince[group]!, untilSec, present);
    this.staffedSince[group] = untilSec;
  }

  private addBusyTime(group: number, fromSec: number, toSec: number): void {
    if (fromSec >= this.model.horizonSec) return;
    const length = this.model.intervalLengthSec;
    const interval = Math.floor(fromSec / length);
    const intervalEnd = (interval + 1) * length;
    // Most services end in the interval they start in.
    if (toSec <= intervalEnd)
      this.counters.busySec[group * this.model.intervalCount + interval]! += toSec - fromSec;
    else this.addTime(this.counters.busySec, group, fromSec, toSec, 1);
  }

  /** Adds weight × the part of [from, to) inside each interval of the horizon. */
  private addTime(into: Float64Array, group: number, fromSec: number, toSec: number, weight: number): void {
    const { intervalLengthSec: length, intervalCount: count, horizonSec } = this.model;
    const end = Math.min(toSec, horizonSec);
    let start = fromSec;
    // Walk interval by interval rather than re-dividing, so rounding at a boundary cannot stall the loop.
    for (
      let interval = Math.min(Math.floor(start / length), count - 1);
      start < end && interval < count;
      interval++
    ) {
      const segmentEnd = interval === count - 1 ? end : Math.min(end, (interval + 1) * length);
      if (segmentEnd > start) into[group * count + interval]! += weight * (segmentEnd - start);
      start = Math.max(start, segmentEnd);
    }
  }

  /** Draws the next arrival time of a skill after `fromSec`, or +∞ when its arrivals are over. */
  private scheduleNextArrival(skill: number, fromSec: number): void {
    const model = this.model;
    const trace = model.trace[skill];
    if (trace) {
      const cursor = this.arrivalCursor[skill]!;
      this.nextArrivalSec[skill] = cursor < trace.arrivalSec.length ? trace.arrivalSec[cursor]! : INFINITY;
      return;
    }
    // Piecewise-constant rate: invert the cumulative rate with one Exp(1) draw (Law & Kelton §8.6.2).
    const rates = model.arrivalRatePerSec[skill]!;
    let remaining = -Math.log(this.rng.nextOpenUnit());
    let interval = this.arrivalCursor[skill]!;
    let time = fromSec;
    while (interval < model.intervalCount) {
      const rate = rates[interval]!;
      const intervalEnd = (interval + 1) * model.intervalLengthSec;
      if (rate > 0) {
        const arrival = time + remaining / rate;
        if (arrival < intervalEnd) {
          this.arrivalCursor[skill] = interval;
          this.nextArrivalSec[skill] = arrival;
          return;
        }
        remaining -= rate * (intervalEnd - time);
      }
      time = intervalEnd;
      interval++;
    }
    this.arrivalCursor[skill] = interval;
    this.nextArrivalSec[skill] = INFINITY;
  }

  /** Settles what is left when the run stops at `endSec`. */
  private finish(endSec: number): void {
    this.now = endSec;
    for (let skill = 0; skill < this.queues.length; skill++) {
      const queue = this.queues[skill]!;
      while (queue.size > 0) {
        const slot = queue.shift();
        // Nobody will answer these: they abandon at their deadline if it comes before the end.
        const deadline = this.slotDeadline[slot]!;
        if (deadline < endSec || (this.model.drain && deadline < INFINITY)) this.abandon(slot);
        else this.markStillWaiting(slot);
      }
    }
    for (let g = 0; g < this.model.groupIds.length; g++) this.accrueStaffedTime(g, this.model.horizonSec);
  }

  private markStillWaiting(slot: number): void {
    this.counters.stillWaiting[this.slotInterval[slot]!]!++;
    this.records?.push({
      skill: this.model.skillIds[this.slotSkill[slot]!]!,
      arrivalSec: this.slotArrival[slot]!,
      outcome: 'waiting',
      waitSec: this.now - this.slotArrival[slot]!,
    });
    this.freeSlot(slot);
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotCount === this.slotArrival.length) this.growSlots();
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.slotGeneration[slot]!++;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growSlots(): void {
    const capacity = this.slotArrival.length * 2;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(old);
      return bigger;
    };
    const float = (n: number) => new Float64Array(n);
    const int = (n: number) => new Int32Array(n);
    this.slotArrival = grow(this.slotArrival, float);
    this.slotService = grow(this.slotService, float);
    this.slotDeadline = grow(this.slotDeadline, float);
    this.slotSkill = grow(this.slotSkill, int);
    this.slotInterval = grow(this.slotInterval, int);
    this.slotStage = grow(this.slotStage, int);
    this.slotGeneration = grow(this.slotGeneration, int);
    this.freeSlots = grow(this.freeSlots, int);
  }
}
