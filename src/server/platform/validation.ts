// Turns schema validation issues into messages in the user's language.
import type { Locale } from './i18n';

interface IssueLike {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  origin?: string;
  values?: unknown[];
  inclusive?: boolean;
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
};

/**
 * What a pattern asks for, by the name the contract gives its regex (`.regex(re, 'phone')`):
 * a pattern failure says what was expected instead of a generic "wrong format".
 */
const patternMessages: Record<string, { zh: string; en: string }> = {
  date: { zh: '格式不正确（日期请用 YYYY-MM-DD）', en: 'use the format YYYY-MM-DD' },
  phone: { zh: '只能包含数字、空格、+ 和 -', en: 'digits, spaces, + and - only' },
  'credit code': { zh: '应为 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  'six digits': { zh: '应为 6 位数字', en: 'must be 6 digits' },
  username: { zh: '只能包含字母、数字和 _ . -', en: 'letters, digits and _ . - only' },
  month: { zh: '格式不正确（月份请用 YYYY-MM，如 2026-11）', en: 'use the format YYYY-MM, e.g. 2026-11' },
};

export function describeIssue(issue: IssueLike, locale: Locale): string {
  const pattern = issue.code === 'invalid_format' && issue.format === 'regex' ? patternMessages[issue.message ?? ''] : undefined;
  if (pattern) return locale === 'en' ? pattern.en : pattern.zh;
  if (locale === 'en') return issue.message ?? 'invalid value';
  const min = issue.minimum !== undefined ? String(issue.minimum) : '';
  const max = issue.maximum !== undefined ? String(issue.maximum) : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message?.includes('received undefined') ? '必填' : `应为${typeNames[issue.expected ?? ''] ?? issue.expected ?? '正确的类型'}`;
    case 'too_small':
      if (issue.origin === 'string') return min === '1' ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array') return `至少 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array') return `不能超过 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
    case 'invalid_format':
      if (issue.format === 'uuid') return '编号格式不正确';
      if (issue.format === 'date') return patternMessages.date.zh;
      return '格式不正确';
    case 'invalid_value':
      return issue.values ? `只能是：${issue.values.map(String).join('、')}` : '取值不正确';
    case 'unrecognized_keys':
      return '含有不认识的字段';
    case 'not_multiple_of':
      return '数值不符合要求';
    case 'custom':
      return issue.message === 'not a real date' ? '日期不存在' : (issue.message ?? '取值不正确');
    default:
      return issue.message ?? '取值不正确';
  }
}

// Names of request fields as the forms show them, so that a message points at the right box.
const fieldLabels: Record<string, string> = {
  name: '名称',
  communityId: '所属社区',
  streetId: '所属街道',
  districtId: '所属区',
  type: '小区类型',
  address: '地址',
  totalBuildingArea: '总建筑面积',
  soldArea: '已出售面积',
  deliveredArea: '已交付面积',
  firstDeliveryDate: '首次交付日期',
  households: '户数',
  floors: '层数',
  number: '房号',
  exclusiveArea: '专有部分面积',
  use: '用途',
  certificateNo: '不动产权证号',
  kind: '类别',
  idNumber: '身份证号',
  phone: '联系电话',
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  currentPassword: '当前密码',
  displayName: '姓名',
  role: '角色',
  scopeLevel: '层级',
  scopeId: '管辖范围',
  buildingId: '楼栋',
  unitId: '房屋',
  ownerId: '业主',
};

export function fieldLabel(path: string, locale: Locale): string {
  if (locale === 'en') return path;
  const last = path.split('.').pop() ?? path;
  return fieldLabels[last] ?? path;
}
