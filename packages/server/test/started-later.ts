/**
 * A stand-in for what a block's beforeAll starts (an app, signed-in users, …): the block can hand it
 * out before its tests run, and each field read goes through to the started value. A read before
 * the start (outside the tests) throws, naming `what`.
 */
export function startedLater<T extends object>(
  what: string,
): { value: Readonly<T>; start(started: T): void } {
  let started: T | undefined;
  const value = new Proxy({} as T, {
    get(_, key) {
      if (!started) throw new Error(`${what} starts in beforeAll: use it inside the tests`);
      return started[key as keyof T];
    },
  });
  return {
    value,
    start(s) {
      started = s;
    },
  };
}
