/**
 * A 4-ary min-heap of timed events on parallel typed arrays (time, payload, generation), so pushing
 * and popping allocate nothing once the arrays have grown to the run's high-water mark. Four
 * children per node halve the depth of a binary heap, which pays off when the heap holds one
 * event per busy agent (Heaps as event lists: Law & Kelton, *Simulation Modeling and Analysis*,
 * §2.8; d-ary heaps: Knuth, TAOCP vol. 3, §5.2.3 exercise 18; LaMarca & Ladner 1996).
 */
export class EventHeap {
  private times: Float64Array;
  private payloads: Int32Array;
  private generations: Int32Array;
  size = 0;

  constructor(initialCapacity = 256) {
    this.times = new Float64Array(initialCapacity);
    this.payloads = new Int32Array(initialCapacity);
    this.generations = new Int32Array(initialCapacity);
  }

  /** Time of the earliest event, or +∞ when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
  }
  peekPayload(): number {
    return this.payloads[0]!;
  }
  peekGeneration(): number {
    return this.generations[0]!;
  }

  push(time: number, payload: number, generation: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    let child = this.size++;
    while (child > 0) {
      const parent = (child - 1) >> 2;
      if (times[parent]! <= time) break;
      this.move(parent, child);
      child = parent;
    }
    this.place(child, time, payload, generation);
  }

  /** Removes the earliest event; read it first with the peek methods. */
  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const times = this.times;
    const time = times[last]!;
    const payload = this.payloads[last]!;
    const generation = this.generations[last]!;
    let parent = 0;
    for (;;) {
      const first = 4 * parent + 1;
      if (first >= last) break;
      let child = first;
      let childTime = times[first]!;
      const end = Math.min(first + 4, last);
      for (let c = first + 1; c < end; c++) {
        const t = times[c]!;
        if (t < childTime) {
          childTime = t;
          child = c;
        }
      }
      if (childTime >= time) break;
      this.move(child, parent);
      parent = child;
    }
    this.place(parent, time, payload, generation);
  }

  /** Copies the event at `from` to `to` (sifting: the hole moves the other way). */
  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.payloads[to] = this.payloads[from]!;
    this.generations[to] = this.generations[from]!;
  }

  private place(at: number, time: number, payload: number, generation: number): void {
    this.times[at] = time;
    this.payloads[at] = payload;
    this.generations[at] = generation;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const payloads = new Int32Array(capacity);
    payloads.set(this.payloads);
    const generations = new Int32Array(capacity);
    generations.set(this.generations);
    this.times = times;
    this.payloads = payloads;
    this.generations = generations;
  }
}
