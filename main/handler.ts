import type { Store } from './store';

/** What a store handler gets: the open store and one clock reading for the whole call. */
export type HandlerContext = {
  store: Store;
  now: Date;
  /** The calendar date in Europe/London at `now`, YYYY-MM-DD. */
  today: string;
};

/** A handler's answer, and the ids of the records it touched (for the audit row). */
export type Handled<T> = { value: T; recordIds?: readonly string[] };
