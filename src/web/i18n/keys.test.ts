import { describe, expect, it } from 'vitest';
import { compareDictionaries } from './checkKeys';

describe('web dictionaries', () => {
  it('zh-CN and en have the same keys and placeholders', () => {
    expect(compareDictionaries()).toEqual([]);
  });
});
