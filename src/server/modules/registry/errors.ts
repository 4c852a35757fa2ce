// Error codes of the registry module, in both languages (see platform/errors.ts), and the shape of
// a field's problem in an error's details, in the caller's language.
import { defineErrors } from '../../platform/errors';
import type { Locale, Localized } from '../../platform/i18n';

export const registryErrors = defineErrors({
  AREA_EXCEEDS_TOTAL: {
    status: 422,
    'zh-CN': '{field}不能大于总建筑面积。',
    en: '{fieldEn} cannot exceed the total building area.',
  },
  INVALID_ID_NUMBER: {
    status: 422,
    'zh-CN': '身份证号码无效：{reason}',
    en: 'The ID number is not valid: {reasonEn}',
  },
  ID_NUMBER_REQUIRED: {
    status: 422,
    'zh-CN': '自然人业主必须登记身份证号码。',
    en: 'A person who owns a unit must be registered with an ID number.',
  },
  IMPORT_REJECTED: {
    status: 422,
    'zh-CN': '文件中有 {count} 行有误，整个文件未导入，请改正后重新上传。',
    en: '{count} rows of the file are wrong; nothing was imported. Correct them and upload again.',
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    'zh-CN': '{reason}。',
    en: 'The file cannot be imported: {reasonEn}.',
  },
  RECORD_HELD: {
    status: 409,
    'zh-CN': '{what}不能删除：{reason}。',
    en: '{whatEn} cannot be deleted: {reasonEn}.',
  },
  RECORD_REFERENCED: {
    status: 409,
    'zh-CN': '{what}仍被其他记录引用（{by}），不能删除；请先处理这些记录。',
    en: '{whatEn} is still referred to by other records ({byEn}) and cannot be deleted; deal with them first.',
  },
  IMPORT_UNREADABLE: {
    status: 400,
    'zh-CN': '无法读取该文件：{reason}',
    en: 'The file cannot be read: {reasonEn}',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof registryErrors, true> {}
}

/** Details naming the field at fault, with a message in the caller's language. */
export const fieldIssue =
  (path: string, message: Localized) =>
  (locale: Locale) => ({ issues: [{ path, message: message[locale] }] });
