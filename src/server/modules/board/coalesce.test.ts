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
    const c = new Coalescer(r.read, 1);
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
    const c = new Coalescer(r.read, 1);
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
    const c = new Coalescer(r.read, 2);
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
});
