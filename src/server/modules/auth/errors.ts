// Error codes of the auth module, in both languages (see platform/errors.ts).
import { defineErrors } from '../../platform/errors';

export const authErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码不正确。', en: 'Wrong username or password.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many failed logins. Try again in {minutes} minutes.',
  },
  WRONG_PASSWORD: { status: 422, 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof authErrors, true> {}
}
