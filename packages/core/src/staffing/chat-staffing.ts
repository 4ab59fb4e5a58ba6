// Chat with concurrency: each agent holds up to k chats at once (FORMULAS.md §6).

import { erlangAMetrics } from './erlang-a.js';
import { erlangCMetrics } from './erlang-c.js';
import { type RequiredAgentsInput, requiredAgents, type StaffingRequirement } from './required-agents.js';
import { scheduledAgents } from './shrinkage.js';
import { requirePositiveInteger } from './validate.js';

/** Inputs of {@link requiredChatAgents}: {@link RequiredAgentsInput} plus the concurrency. */
export type ChatStaffingInput = RequiredAgentsInput & {
  /** Chats one agent handles at once, whole number ≥ 1. `ahtSec` must be measured at this concurrency. */
  readonly concurrency: number;
};

/** {@link StaffingRequirement} for chat; `slots` = rawAgents × concurrency. */
export interface ChatStaffingRequirement extends StaffingRequirement {
  readonly slots: number;
}

/**
 * Chat staffing with k concurrent chats per agent: the queue is Erlang C (or Erlang A with patience)
 * with n·k servers ("slots"), each serving one chat at the handle time measured per chat *at that
 * concurrency*; a chat queues when all slots are full. Agents = ⌈slots/k⌉ for the fewest slots that
 * meet the targets; the occupancy cap applies per slot. Source: FORMULAS.md §6; Koole (2013),
 * "Staffing chat sessions" (3–4 chats per agent in practice); Tezcan & Zhang (2014), Operations
 * Research, for routing with concurrency.
 *
 * Optimism: the model treats slots as independent servers. Real agents slow down as k grows and
 * cannot move a chat to an idle colleague's free slot, so the answer is a lower bound unless the AHT
 * was measured at concurrency k, and even then it is optimistic when agents run below k chats.
 *
 * @throws {StaffingInputError} concurrency not a whole number ≥ 1; everything {@link requiredAgents} throws.
 * @example
 * requiredChatAgents({ volume: 120, intervalSec: 1800, ahtSec: 600, concurrency: 3,
 *   targets: { serviceLevel: { fraction: 0.8, withinSec: 60 } } }).rawAgents // 16 (48 slots)
 */
export function requiredChatAgents(input: ChatStaffingInput): ChatStaffingRequirement {
  const concurrency = requirePositiveInteger(input.concurrency, 'concurrency');
  const bySlot = requiredAgents({ ...input, shrinkage: 0 });
  const rawAgents = Math.ceil(bySlot.rawAgents / concurrency);
  const slots = rawAgents * concurrency;
  const withinSec = input.targets.serviceLevel?.withinSec ?? 0;
  const shared = {
    agents: slots,
    offeredLoad: bySlot.offeredLoad,
    ahtSec: input.ahtSec,
    targetAnswerSec: withinSec,
  };
  let performance = bySlot.performance;
  if (slots !== bySlot.rawAgents && slots > 0) {
    if (bySlot.model === 'erlang-a' && input.patienceSec !== undefined) {
      const m = erlangAMetrics({
        ...shared,
        patienceSec: input.patienceSec,
        ...(input.targets.serviceLevelDefinition && {
          serviceLevelDefinition: input.targets.serviceLevelDefinition,
        }),
      });
      performance = m;
    } else {
      performance = { ...erlangCMetrics(shared), probabilityOfAbandon: 0 };
    }
  }
  return {
    ...bySlot,
    rawAgents,
    slots,
    scheduledAgents: scheduledAgents(rawAgents, input.shrinkage ?? 0),
    performance: {
      serviceLevel: performance.serviceLevel,
      probabilityOfWait: performance.probabilityOfWait,
      averageSpeedOfAnswerSec: performance.averageSpeedOfAnswerSec,
      occupancy: performance.occupancy,
      probabilityOfAbandon: performance.probabilityOfAbandon,
    },
  };
}
