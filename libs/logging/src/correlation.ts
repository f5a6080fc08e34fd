import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the request or event being handled, carried through every await, so that every log line
 * written while handling it names it without anyone passing it around.
 */
const store = new AsyncLocalStorage<string>();

export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return store.run(correlationId, work);
}

export function currentCorrelationId(): string | undefined {
  return store.getStore();
}
