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
  OWN_ACCOUNT: {
    status: 403,
    'zh-CN': '不能停用、重置或调动您自己的账号；修改自己的密码请到“我的账号”。',
    en: 'You cannot disable, reset or move your own account; change your own password under "My account".',
  },
  OWNER_ACCOUNT_FIXED: {
    status: 422,
    'zh-CN': '业主账号绑定在业主登记上，不能调动，也不能把其他账号调为业主账号。',
    en: "An owner's account is bound to the owner's record and cannot be moved, nor can another account become one.",
  },
  OFFICE_LINK_INVALID: {
    status: 422,
    'zh-CN': '所选组织记录与角色或管辖范围不符：请选择本小区（楼栋）中与该角色对应的记录。',
    en: 'The organisation record does not fit the role or the place: choose a record of this quarter (building) that the role comes from.',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof usersErrors, true> {}
}
