// Error codes of the users module, in both languages (see platform/errors.ts).
import { defineErrors } from '../../platform/errors';

export const usersErrors = defineErrors({
  WEAK_PASSWORD: {
    status: 422,
    'zh-CN': '新密码至少 8 位，且不能与用户名相同。',
    en: 'The new password needs at least 8 characters and must differ from the username.',
  },
  SCOPE_OUTSIDE: {
    status: 403,
    'zh-CN': '只能在您自己的管辖范围内创建账号或区划。',
    en: 'You can only create accounts or places inside your own scope.',
  },
  ROLE_LEVEL_MISMATCH: {
    status: 400,
    'zh-CN': '提交的内容有误：角色与层级不匹配：{role}只能绑定到 {levels}',
    en: 'The request is not valid: the role does not fit the level: {roleEn} can only be bound to {levels}',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof usersErrors, true> {}
}
