import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('GONGZHI_PUBLIC_URL', () => {
  it('is the address printed on the posters, without a trailing slash; unset, none', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ GONGZHI_PUBLIC_URL: 'https://gongzhi.example.gov.cn/' }).publicUrl).toBe('https://gongzhi.example.gov.cn');
    expect(loadConfig({ GONGZHI_PUBLIC_URL: 'https://example.gov.cn/gongzhi/' }).publicUrl).toBe('https://example.gov.cn/gongzhi');
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => loadConfig({ GONGZHI_PUBLIC_URL: 'gongzhi.example.gov.cn' })).toThrow(/GONGZHI_PUBLIC_URL/);
    expect(() => loadConfig({ GONGZHI_PUBLIC_URL: 'ftp://example.gov.cn' })).toThrow(/GONGZHI_PUBLIC_URL/);
  });
});
