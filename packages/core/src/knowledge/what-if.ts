/**
 * Deflection in a what-if: if the help center deflected a fraction `rate` of topic T's contacts,
 * the volume that still reaches agents is
 *
 *     V' = V × (1 − share_T × rate)
 *
 * where share_T is T's share of the volume. Contacts avoided = V × share_T × rate: the "self-service
 * success" arithmetic of the KCS v6 Practices Guide (Consortium for Service Innovation, "Measuring
 * self-service success": cases avoided = self-service uses × success rate,
 * https://library.serviceinnovation.org/KCS/KCS_v6/KCS_v6_Practices_Guide). The default rate is the
 * topic's measured self-service rate (core knowledgeGaps): what its articles already achieve for the
 * visitors who read them, applied to all of the topic's contacts.
 */

export interface DeflectionWhatIf {
  /** The topic's share of the volume, 0…1. */
  topicShare: number;
  /** The fraction of the topic's contacts the help center would deflect, 0…1. */
  rate: number;
}

/**
 * The factor the volume is multiplied by: 1 − share × rate, in [0, 1].
 *
 * @throws RangeError when share or rate is outside [0, 1]
 * @example deflectionVolumeFactor({ topicShare: 0.4, rate: 0.5 }) // → 0.8
 */
export function deflectionVolumeFactor(w: DeflectionWhatIf): number {
  for (const [name, v] of [
    ['topicShare', w.topicShare],
    ['rate', w.rate],
  ] as const)
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be within 0…1, got ${v}`);
  return 1 - w.topicShare * w.rate;
}

/**
 * The volume after deflection, and the contacts avoided (V × share × rate).
 *
 * @example volumeAfterDeflection(1000, { topicShare: 0.25, rate: 0.4 }) // → { volume: 900, avoided: 100 }
 */
export function volumeAfterDeflection(
  volume: number,
  w: DeflectionWhatIf,
): { volume: number; avoided: number } {
  const factor = deflectionVolumeFactor(w);
  return { volume: volume * factor, avoided: volume - volume * factor };
}
