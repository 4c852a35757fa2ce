import { describe, expect, it } from 'vitest';
import { isSampleText, SAMPLE_MARK } from './excel-template';

describe('isSampleText', () => {
  it('knows the mark and 示例 retyped with a bracket or colon, and not a name that begins with 示例', () => {
    expect(isSampleText(`${SAMPLE_MARK}1幢`)).toBe(true);
    for (const retyped of [' 示例(跳过)', '示例【1】', '示例：停车费', '示例 : x', '示例[1]']) expect(isSampleText(retyped), retyped).toBe(true);
    for (const data of ['示例下方的业主', '示例', '1幢示例（', '']) expect(isSampleText(data), data).toBe(false);
  });
});
