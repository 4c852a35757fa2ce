import { describe, expect, it } from 'vitest';
import type { CommissionerFacts } from '../facts';
import { PolicyInputError } from '../types';
import { commissionerAssigned } from './commissioner-assigned';

const judge = (commissioners: CommissionerFacts[], params = commissionerAssigned.defaultParams) =>
  [commissionerAssigned.evaluate({ commissioners }, params)].flat();

const trained = { name: '陈小蕾', trainedOn: '2024-02-20', startedOn: '2024-03-01' };

describe('commissioner-assigned (T/ZAS 4006.1—2020 5.3.1)', () => {
  it('fails with no commissioner', () => {
    const rows = judge([]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('fail');
    expect(rows[0].citation).toBe('T/ZAS 4006.1—2020 5.3.1');
    expect(rows[0].message['zh-CN']).toContain('未配备小区专员');
  });

  it('passes with one commissioner trained before taking office', () => {
    const rows = judge([trained]);
    expect(rows.map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  it('fails with two commissioners', () => {
    const rows = judge([trained, { ...trained, name: '沈倩寅' }]);
    expect(rows[0].status).toBe('fail');
    expect(rows[0].message['zh-CN']).toContain('2 名小区专员（陈小蕾、沈倩寅），应配备 1 名');
  });

  it('fails an untrained commissioner, or one trained only after starting', () => {
    const none = judge([{ ...trained, trainedOn: null }]);
    expect(none[1].status).toBe('fail');
    expect(none[1].message['zh-CN']).toContain('陈小蕾（无培训记录');
    const late = judge([{ ...trained, trainedOn: '2024-03-02' }]);
    expect(late[1].status).toBe('fail');
    expect(late[1].message['zh-CN']).toContain('2024-03-02 才培训');
  });

  it('accepts training finished on the day of taking office', () => {
    expect(judge([{ ...trained, trainedOn: '2024-03-01' }])[1].status).toBe('pass');
  });

  it('allows more than one where the pack sets no maximum', () => {
    const rows = judge([trained, { ...trained, name: '沈倩寅' }], { minPerQuarter: 1, maxPerQuarter: null, trainingBeforeStart: true });
    expect(rows[0].status).toBe('pass');
  });

  it('rejects a bad date', () => {
    expect(() => judge([{ ...trained, startedOn: '2024-13-01' }])).toThrow(PolicyInputError);
  });
});
