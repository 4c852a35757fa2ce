// Error codes and messages of the cases module (诉求), in both languages.
import { defineErrors } from '../../platform/errors';

export const casesErrors = defineErrors({
  CASE_NOT_YOUR_STEP: {
    status: 403,
    'zh-CN': '这一步应由{byZh}办理，您不能办理（{clause}）。',
    en: 'This step is taken by {byEn}, not by you ({clause}).',
  },
  CASE_STEP_OUT_OF_ORDER: {
    status: 409,
    'zh-CN': '诉求当前状态为“{statusZh}”，这一步只能在“{fromZh}”时办理，不能跳过或重复（{clause}）。',
    en: 'The case is "{statusEn}"; this step is taken only when it is "{fromEn}", and no step may be skipped or repeated ({clause}).',
  },
  CASE_CATEGORY_UNKNOWN: {
    status: 422,
    'zh-CN': '没有这个诉求分类：{code}。',
    en: 'There is no case category {code}.',
  },
  CASE_HANDLER_INVALID: {
    status: 422,
    'zh-CN': '派单给职能部门时必须写明部门（如“城管部门”），其他承办方不写部门。',
    en: 'A case dispatched to a department names the department (e.g. 城管部门); other handlers name none.',
  },
  CASE_PHOTO_TYPE: {
    status: 422,
    'zh-CN': '照片只接受 JPEG、PNG 或 WebP 图片。',
    en: 'A photo must be a JPEG, PNG or WebP image.',
  },
  CASE_PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片过大：每张不能超过 {mb} MB。',
    en: 'The photo is too large: each may be at most {mb} MB.',
  },
  CASE_PHOTO_COUNT: {
    status: 422,
    'zh-CN': '每件诉求最多附 {max} 张照片。',
    en: 'A case takes at most {max} photos.',
  },
  CASE_PHONE_INVALID: {
    status: 422,
    'zh-CN': '请填写能接收短信的手机号码（11 位，以 1 开头）。',
    en: 'Give a mobile number that can receive text messages (11 digits, starting with 1).',
  },
  CASE_SMS_UNAVAILABLE: {
    status: 503,
    'zh-CN': '本系统未开通短信验证码，暂不能在网上提交诉求。请拨打小区专员或社区的电话。',
    en: 'This server sends no text-message codes, so cases cannot be raised online. Call the commissioner or the community office.',
  },
  CASE_CODE_NOT_SENT: {
    status: 502,
    'zh-CN': '验证码短信未能发出，请稍后重试。',
    en: 'The text message with the code could not be sent. Try again later.',
  },
  CASE_CODE_WAIT: {
    status: 429,
    'zh-CN': '验证码刚刚发过，请 {seconds} 秒后再重新获取。',
    en: 'A code was just sent. You can ask for a new one in {seconds} seconds.',
  },
  CASE_CODE_LIMIT: {
    status: 429,
    'zh-CN': '获取验证码的次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many codes were asked for. Try again in {minutes} minutes.',
  },
  CASE_CODE_WRONG: {
    status: 422,
    'zh-CN': '验证码不对，还可以再试 {left} 次。',
    en: 'The code is wrong. You have {left} more tries.',
  },
  CASE_CODE_TRIES: {
    status: 429,
    'zh-CN': '验证码输错次数过多，已失效。请重新获取验证码。',
    en: 'The code was entered wrongly too often and no longer works. Ask for a new code.',
  },
  CASE_CODE_EXPIRED: {
    status: 422,
    'zh-CN': '验证码已失效（超过 {minutes} 分钟、已使用过或已重新获取）。请重新获取验证码。',
    en: 'The code no longer works (older than {minutes} minutes, already used, or a newer one was sent). Ask for a new code.',
  },
  CASE_TOKEN_INVALID: {
    status: 401,
    'zh-CN': '手机验证已失效，请重新获取验证码。',
    en: 'The phone verification has expired; ask for a new code.',
  },
  CASE_NOT_DEPARTMENT_ACCOUNT: {
    status: 422,
    'zh-CN': '只有“职能部门”角色的账号可以归属部门。',
    en: 'Only an account of the department role can belong to a department.',
  },
  CASE_DEPARTMENT_UNKNOWN: {
    status: 422,
    'zh-CN': '没有这个部门：{department}。部门名称取自《协同治理住宅小区职责分工建议清单》（湘建房〔2021〕231号 附件）。',
    en: 'There is no department {department}. Department names come from the duty list annexed to 湘建房〔2021〕231号.',
  },
  HAZARD_NOT_YOUR_STEP: {
    status: 403,
    'zh-CN': '这一步应由{byZh}办理，您不能办理（{clause}）。',
    en: 'This step is taken by {byEn}, not by you ({clause}).',
  },
  HAZARD_STEP_OUT_OF_ORDER: {
    status: 409,
    'zh-CN': '隐患当前状态为“{statusZh}”，这一步只能在“{fromZh}”时办理，不能跳过或重复（{clause}）。',
    en: 'The hazard is "{statusEn}"; this step is taken only when it is "{fromEn}", and no step may be skipped or repeated ({clause}).',
  },
  HAZARD_OWN_VERIFICATION: {
    status: 403,
    'zh-CN': '处置人不能核验自己的处置结果，请由小区专员或三方办的其他人员核验（{clause}）。',
    en: 'Whoever handled a hazard may not verify it; another person of the commissioner or the offices verifies ({clause}).',
  },
  DISPUTE_NOT_YOUR_STEP: {
    status: 403,
    'zh-CN': '这一步应由{byZh}办理，您不能办理（{clause}）。',
    en: 'This step is taken by {byEn}, not by you ({clause}).',
  },
  DISPUTE_STEP_OUT_OF_ORDER: {
    status: 409,
    'zh-CN': '纠纷当前状态为“{statusZh}”，这一步只能在“{fromZh}”时办理，不能跳过或重复（{clause}）。',
    en: 'The dispute is "{statusEn}"; this step is taken only when it is "{fromEn}", and no step may be skipped or repeated ({clause}).',
  },
  DISPUTE_MEDIATION_INCOMPLETE: {
    status: 422,
    'zh-CN': '公开调解须事先公布时间和地点（DB3305/T 309—2024 5.1.4.2）。',
    en: 'A public mediation announces its time and place beforehand (DB3305/T 309—2024 5.1.4.2).',
  },
  DISPUTE_JOINT_QUARTERS_NEEDED: {
    status: 422,
    'zh-CN': '联合调解须列明参与调解的其他小区（至少一个，至多{max}个）（DB3305/T 309—2024 5.1.4.2）。',
    en: 'A joint mediation names the other quarters taking part (at least one, at most {max}) (DB3305/T 309—2024 5.1.4.2).',
  },
  DISPUTE_JOINT_QUARTERS_UNEXPECTED: {
    status: 422,
    'zh-CN': '只有联合调解才列明其他小区；简易调解和公开调解由纠纷所在小区办理（DB3305/T 309—2024 5.1.4.2）。',
    en: 'Only a joint mediation names other quarters; a simple or public one is held by the dispute’s own quarter (DB3305/T 309—2024 5.1.4.2).',
  },
  DISPUTE_JOINT_QUARTER_REFUSED: {
    status: 422,
    'zh-CN': '“{quarter}”不能列入联合调解：{reasonZh}（{clause}）。',
    en: '“{quarter}” cannot join the joint mediation: {reasonEn} ({clause}).',
  },
  HAZARD_PHOTO_COUNT: {
    status: 422,
    'zh-CN': '每处隐患最多附 {max} 张照片。',
    en: 'A hazard takes at most {max} photos.',
  },
  PATROL_ITEM_UNKNOWN: {
    status: 422,
    'zh-CN': '没有这个巡查项目：{code}。',
    en: 'There is no patrol check item {code}.',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof casesErrors, true> {}
}
