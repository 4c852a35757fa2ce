import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce';

/** One turn of the event loop: a scheduled read begins. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A read whose answer is the number of reads begun so far, finishing when told. */
function controlledReads() {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = (key: string) => {
    const n = ++started;
    return new Promise<string>((resolve, reject) => pending.push(() => (key === 'bad' ? reject(new Error(`bad ${n}`)) : resolve(`${key}#${n}`))));
  };
  const finishOne = async () => {
    await turn();
    pending.shift()!();
    await turn();
  };
  return { read, finishOne, started: () => started, pending };
}

describe('Coalescer', () => {
  it('answers a request only by a read begun after it came; those that came during a read share the next', async () => {
    const r = controlledReads();
    const c = new Coalescer(r.read, { concurrency: 1 });
    const first = c.get('q');
    // Before the read begins, another request may still join it.
    const early = c.get('q');
    expect(r.started()).toBe(0);
    await turn();
    expect(r.started()).toBe(1);
    // Two more come while the first read runs: they wait for the next, not the running one.
    const second = c.get('q');
    const third = c.get('q');
    expect(r.started()).toBe(1);
    await r.finishOne();
    expect(await first).toBe('q#1');
    expect(await early).toBe('q#1');
    // The next read begins when the first has ended, for both.
    await turn();
    expect(r.started()).toBe(2);
    const fourth = c.get('q');
    await r.finishOne();
    expect(await second).toBe('q#2');
    expect(await third).toBe('q#2');
    await r.finishOne();
    expect(await fourth).toBe('q#3');
    expect(c.size).toBe(0);
  });

  it('keeps keys apart, passes failures to those who waited for that read, and forgets idle keys', async () => {
    const r = controlledReads();
    const c = new Coalescer(r.read, { concurrency: 1 });
    const a = c.get('a');
    const bad = c.get('bad');
    await turn();
    const badAgain = c.get('bad');
    // Handled where they are awaited below; marked here so that the runner does not call them unhandled before.
    bad.catch(() => {});
    badAgain.catch(() => {});
    await r.finishOne();
    await r.finishOne();
    expect(await a).toBe('a#1');
    await expect(bad).rejects.toThrow('bad 2');
    await r.finishOne();
    await expect(badAgain).rejects.toThrow('bad 3');
    expect(c.size).toBe(0);
  });

  it('runs up to `concurrency` reads of a key at once, each for those who came before it began', async () => {
    const r = controlledReads();
    const c = new Coalescer(r.read, { concurrency: 2 });
    const first = c.get('q');
    await turn();
    // The first read runs; a request now gets a read of its own at once, not the running one.
    const second = c.get('q');
    await turn();
    expect(r.started()).toBe(2);
    // Two run: the next waits for one of them to end.
    const third = c.get('q');
    const fourth = c.get('q');
    await turn();
    expect(r.started()).toBe(2);
    await r.finishOne();
    expect(await first).toBe('q#1');
    await turn();
    expect(r.started()).toBe(3);
    await r.finishOne();
    await r.finishOne();
    expect(await second).toBe('q#2');
    expect(await third).toBe('q#3');
    expect(await fourth).toBe('q#3');
    expect(c.size).toBe(0);
  });

  it('with joinMs, answers a request by a read begun at most joinMs before it, running or ended, and reads again after', async () => {
    const r = controlledReads();
    let clock = 1000;
    const c = new Coalescer(r.read, { concurrency: 1, joinMs: 50, now: () => clock });
    const first = c.get('q');
    await turn();
    expect(r.started()).toBe(1);
    // 30 ms after the read began, while it runs: joins it.
    clock += 30;
    const running = c.get('q');
    await r.finishOne();
    expect(await first).toBe('q#1');
    expect(await running).toBe('q#1');
    // Exactly 50 ms after it began, the read has ended: its answer still serves.
    clock += 20;
    expect(await c.get('q')).toBe('q#1');
    expect(r.started()).toBe(1);
    // 51 ms: too old; a read of its own.
    clock += 1;
    const late = c.get('q');
    await turn();
    expect(r.started()).toBe(2);
    // A failure is never kept: the read for `late` fails, and the next request reads again.
    const bad = c.get('bad');
    bad.catch(() => {});
    await r.finishOne();
    expect(await late).toBe('q#2');
    await r.finishOne();
    await expect(bad).rejects.toThrow('bad 3');
    const badAgain = c.get('bad');
    badAgain.catch(() => {});
    await r.finishOne();
    await expect(badAgain).rejects.toThrow('bad 4');
    // A read that ends more than joinMs after it began keeps nothing.
    clock += 100;
    const slow = c.get('q');
    await turn();
    clock += 100;
    await r.finishOne();
    expect(await slow).toBe('q#5');
    expect(c.size).toBe(0);
    // One that ends sooner is kept for the rest of its joinMs, then forgotten.
    const quick = c.get('q');
    await r.finishOne();
    expect(await quick).toBe('q#6');
    expect(c.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(c.size).toBe(0);
  });
});
