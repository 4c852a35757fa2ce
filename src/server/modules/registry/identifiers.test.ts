import { describe, expect, it } from 'vitest';
import { certificateHashes, identifierHash, normaliseIdentifier } from './identifiers';
import { keyedHash } from '../../platform/keys';

const key = Buffer.alloc(32, 7);

describe('normaliseIdentifier (issue 10 point 4)', () => {
  it('gives a certificate number as printed, typed on a Chinese keyboard or pasted the same form', () => {
    const plain = '浙(2021)杭州市不动产权第0012345号';
    for (const typed of [
      '浙（2021）杭州市不动产权第0012345号',
      '浙（２０２１）杭州市 不动产权第００１２３４５号',
      ' 浙 (2021) 杭州市不动产权第0012345号\u3000',
      '浙〔2021〕杭州市不动产权第0012345号',
      '浙【2021】杭州市不动产权第0012345号',
      '浙[2021]杭州市不动产权第0012345号',
    ]) expect(normaliseIdentifier(typed)).toBe(plain);
  });

  it('folds case and width of ID numbers', () => {
    expect(normaliseIdentifier('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normaliseIdentifier('110105 19491231 002x')).toBe('11010519491231002X');
  });

  it('hashes ID numbers as before (their stored hashes stay valid) and lists the rule-1 forms of a certificate', () => {
    expect(identifierHash(key, '11010519491231002x')).toBe(keyedHash(key, '11010519491231002X'));
    const h = certificateHashes(key, '浙(2021)杭州市不动产权第0012345号');
    expect(h.current).toBe(keyedHash(key, '浙(2021)杭州市不动产权第0012345号'));
    expect(h.legacy).toContain(keyedHash(key, '浙（2021）杭州市不动产权第0012345号'));
  });
});
