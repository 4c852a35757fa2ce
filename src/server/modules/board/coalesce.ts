// Reads of one key taken together, the way the voting module seals ballots in batches: when a
// QR poster in a lobby is scanned by hundreds at once, they all ask for the same board, and one
// read can answer every request that arrived while the previous read was running.
//
// A request joins the read of its key that is queued but not begun, or, when `joinMs` is given,
// the newest read if that began at most `joinMs` before the request came (running, or ended with
// an answer); else it queues a read. So an answer holds every write committed before its
// request, or, with `joinMs`, every write committed more than `joinMs` before it. An answer is
// kept no longer than that, a failure only while its read runs: there is nothing to invalidate
// (across any number of server processes), and unknown keys, which fail, leave nothing behind.
// A queued read begins at the next turn of the event loop, or, while `concurrency` reads of the
// key run, as soon as one of them ends, and answers everyone who came meanwhile.

interface Waiting<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

function waiting<T>(): Waiting<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Slot<T> {
  /** The read not begun yet, which every request that comes may still join. */
  queued: Waiting<T> | null;
  /** Reads begun and not ended. */
  running: number;
  /** A turn of the event loop is booked to begin the queued read. */
  booked: boolean;
  /** The newest read begun, while it runs or, with an answer, until `joinMs` after it began (`now()`). */
  newest: { answer: Promise<T>; began: number } | null;
}

export interface CoalescerOptions {
  /** How many reads of one key may run at once; a request that comes while that many run (and
   * may not join one) waits for the first to end, with everyone else who came meanwhile. */
  concurrency?: number;
  /** A request may be answered by a read that began at most this many milliseconds before it
   * came; 0 (the default): only by a read that has not begun. */
  joinMs?: number;
  /** The clock, in milliseconds (the tests give their own). */
  now?: () => number;
}

export class Coalescer<T> {
  private slots = new Map<string, Slot<T>>();
  private concurrency: number;
  private joinMs: number;
  private now: () => number;

  constructor(
    private read: (key: string) => Promise<T>,
    options: CoalescerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.joinMs = options.joinMs ?? 0;
    this.now = options.now ?? (() => performance.now());
  }

  /** The value for `key` from a read that begins after this call, or began at most `joinMs` before it. */
  get(key: string): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { queued: null, running: 0, booked: false, newest: null };
      this.slots.set(key, slot);
    }
    if (slot.newest && this.joinMs > 0 && this.now() - slot.newest.began <= this.joinMs) return slot.newest.answer;
    slot.queued ??= waiting<T>();
    const answer = slot.queued.promise;
    this.book(key, slot);
    return answer;
  }

  /** How many keys have a read queued or running, or an answer kept (for the tests). */
  get size(): number {
    return this.slots.size;
  }

  // The queued read begins after the event loop has taken in the requests already on their
  // sockets (setImmediate runs after the poll phase), so that they join it. Without that an
  // engine that answers without real I/O (PGlite runs in this thread) would read once per request.
  private book(key: string, slot: Slot<T>): void {
    if (slot.booked || !slot.queued || slot.running >= this.concurrency) return;
    slot.booked = true;
    setImmediate(() => {
      slot.booked = false;
      const mine = slot.queued;
      if (!mine || slot.running >= this.concurrency) return;
      slot.queued = null;
      slot.running++;
      const newest = { answer: mine.promise, began: this.now() };
      slot.newest = newest;
      let result: Promise<T>;
      try {
        result = this.read(key);
      } catch (err) {
        result = Promise.reject(err);
      }
      const ended = (answered: boolean) => {
        slot.running--;
        if (slot.newest === newest) {
          const left = newest.began + this.joinMs - this.now();
          if (answered && left > 0) {
            setTimeout(() => {
              if (slot.newest === newest) slot.newest = null;
              this.forget(key, slot);
            }, left).unref();
          } else {
            slot.newest = null;
          }
        }
        if (slot.queued) this.book(key, slot);
        this.forget(key, slot);
      };
      result.then(
        (value) => {
          mine.resolve(value);
          ended(true);
        },
        (err) => {
          mine.reject(err);
          ended(false);
        },
      );
    });
  }

  private forget(key: string, slot: Slot<T>): void {
    if (!slot.queued && slot.running === 0 && !slot.booked && !slot.newest && this.slots.get(key) === slot) this.slots.delete(key);
  }
}
