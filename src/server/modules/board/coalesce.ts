// Reads of one key taken together, the way the voting module seals ballots in batches: when a
// QR poster in a lobby is scanned by hundreds at once, they all ask for the same board, and one
// read can answer every request that arrived while the previous read was running.
//
// It is not a cache: a request is only ever answered by a read that *began after it arrived*, so
// the answer holds every write committed before the request came, exactly as a read of its own
// would. A request joins the read that is queued but not begun, or queues one; it never joins a
// read that is running (begun before it came, so possibly too early for it). A queued read
// begins at the next turn of the event loop, or, while `concurrency` reads of the key run, as
// soon as one of them ends, and answers everyone who came meanwhile. Nothing is kept once a key
// has no read queued or running, so unknown keys leave nothing behind.

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
}

export class Coalescer<T> {
  private slots = new Map<string, Slot<T>>();

  /**
   * @param concurrency how many reads of one key may run at once; a request that comes while
   *   that many run waits for the first to end, with everyone else who came meanwhile.
   */
  constructor(
    private read: (key: string) => Promise<T>,
    private concurrency = 2,
  ) {}

  /** The value for `key` from a read that begins after this call. */
  get(key: string): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { queued: null, running: 0, booked: false };
      this.slots.set(key, slot);
    }
    slot.queued ??= waiting<T>();
    const answer = slot.queued.promise;
    this.book(key, slot);
    return answer;
  }

  /** How many keys have a read queued or running (for the tests). */
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
      let result: Promise<T>;
      try {
        result = this.read(key);
      } catch (err) {
        result = Promise.reject(err);
      }
      const ended = () => {
        slot.running--;
        if (slot.queued) this.book(key, slot);
        else if (slot.running === 0 && !slot.booked) this.slots.delete(key);
      };
      result.then(
        (value) => {
          mine.resolve(value);
          ended();
        },
        (err) => {
          mine.reject(err);
          ended();
        },
      );
    });
  }
}
