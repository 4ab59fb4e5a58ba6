/**
 * Thrown when an input to a computation in core is out of its domain. `field` names the input as
 * the caller spelled it (e.g. `options[1].pricing[0].priceMinor`) and `reason` says what is wrong in
 * plain words, so the CLI, the HTTP API and the web page can show both without parsing the message.
 * Each area has its own subclass with a stable machine-readable `code` (for problem+json responses),
 * so a caller can tell whose maths refused the input.
 */
export abstract class InputError extends Error {
  /** Stable machine-readable code, for problem+json responses. */
  abstract readonly code: string;
  constructor(
    /** The offending input, e.g. `shrinkage` or `targets.serviceLevel.fraction`. */
    readonly field: string,
    /** Why the value was rejected, in plain words. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
