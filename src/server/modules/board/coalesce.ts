// Reads of one key taken together, the way the voting module seals ballots in batches: when a
// QR poster in a lobby is scanned by hundreds at once, they all ask for the same board, and one
// read can answer every request that arrived while the previous read was running.
//
// It is not a cache: a request is only ever answered by a read that *began after it arrived*, so
// the answer holds every write committed before the request came, exactly as a read of its own
// would. A request joins the read that is scheduled but not begun, or schedules one; a request
// that finds a read running (begun before it came, so possibly too early for it) waits for the
// next, which begins as soon as the running one ends and answers everyone who came meanwhile.
// Nothing is kept once a key has no read scheduled or running, so unknown keys leave nothing.

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
  /** `scheduled`: the read of `current` has not begun, so anyone may still join it. */
  phase: 'scheduled' | 'running';
  current: Waiting<T>;
  next: Waiting<T> | null;
}

export class Coalescer<T> {
  private slots = new Map<string, Slot<T>>();

  constructor(private read: (key: string) => Promise<T>) {}

  /** The value for `key` from a read that begins after this call. */
  get(key: string): Promise<T> {
    const slot = this.slots.get(key);
    if (!slot) {
      const fresh: Slot<T> = { phase: 'scheduled', current: waiting<T>(), next: null };
      this.slots.set(key, fresh);
      this.schedule(key, fresh);
      return fresh.current.promise;
    }
    if (slot.phase === 'scheduled') return slot.current.promise;
    slot.next ??= waiting<T>();
    return slot.next.promise;
  }

  /** How many keys have a read scheduled, running or waited for (for the tests). */
  get size(): number {
    return this.slots.size;
  }

  // The read begins after the event loop has taken in the requests already on their sockets
  // (setImmediate runs after the poll phase), so that they join it. Without that an engine that
  // answers without real I/O (PGlite runs in this thread) would read once per request.
  private schedule(key: string, slot: Slot<T>): void {
    setImmediate(() => {
      slot.phase = 'running';
      const current = slot.current;
      let result: Promise<T>;
      try {
        result = this.read(key);
      } catch (err) {
        result = Promise.reject(err);
      }
      const after = () => {
        if (slot.next) {
          slot.current = slot.next;
          slot.next = null;
          slot.phase = 'scheduled';
          this.schedule(key, slot);
        } else {
          this.slots.delete(key);
        }
      };
      result.then(
        (value) => {
          current.resolve(value);
          after();
        },
        (err) => {
          current.reject(err);
          after();
        },
      );
    });
  }
}
