import { describe, expect, it } from 'vitest';
import { compareDictionaries, wholeZhCN } from './checkKeys';

describe('web dictionaries', () => {
  it('zh-CN and en have the same keys and placeholders', async () => {
    expect(compareDictionaries(await wholeZhCN())).toEqual([]);
  });
});
