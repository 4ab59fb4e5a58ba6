/** A growable FIFO of contact slots (one per skill queue): push at the tail, take from the head. */
export class SlotQueue {
  private slots = new Int32Array(64);
  private head = 0;
  size = 0;

  push(slot: number): void {
    if (this.size === this.slots.length) this.grow();
    this.slots[(this.head + this.size++) & (this.slots.length - 1)] = slot;
  }
  peek(): number {
    return this.slots[this.head]!;
  }
  /** Slot at `offset` places behind the head. */
  at(offset: number): number {
    return this.slots[(this.head + offset) & (this.slots.length - 1)]!;
  }
  shift(): number {
    const slot = this.slots[this.head]!;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.size--;
    return slot;
  }
  clear(): void {
    this.head = 0;
    this.size = 0;
  }
  private grow(): void {
    // Capacity stays a power of two so that wrapping is a mask.
    const bigger = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.size; i++) bigger[i] = this.at(i);
    this.slots = bigger;
    this.head = 0;
  }
}

/**
 * The idle agents of one group, as the times they became idle, oldest first: the head is the
 * longest-idle agent. Agents become idle in time order, so appending keeps the ring sorted.
 */
export class IdleAgents {
  private idleSince = new Float64Array(16);
  private head = 0;
  size = 0;

  push(time: number): void {
    if (this.size === this.idleSince.length) this.grow();
    this.idleSince[(this.head + this.size++) & (this.idleSince.length - 1)] = time;
  }
  /** Idle-since time of the longest-idle agent (only when size > 0). */
  oldest(): number {
    return this.idleSince[this.head]!;
  }
  /** Removes the longest-idle agent (routing picks it). */
  takeOldest(): void {
    this.head = (this.head + 1) & (this.idleSince.length - 1);
    this.size--;
  }
  /** Removes the most recently idle agent (who leaves at a staffing reduction). */
  dropNewest(): void {
    this.size--;
  }
  clear(): void {
    this.head = 0;
    this.size = 0;
  }
  private grow(): void {
    const mask = this.idleSince.length - 1;
    const bigger = new Float64Array(this.idleSince.length * 2);
    for (let i = 0; i < this.size; i++) bigger[i] = this.idleSince[(this.head + i) & mask]!;
    this.idleSince = bigger;
    this.head = 0;
  }
}
