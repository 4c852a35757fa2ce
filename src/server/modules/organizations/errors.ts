// Error codes of the organisations module, in both languages (see platform/errors.ts).
import { defineErrors } from '../../platform/errors';

export const organizationErrors = defineErrors({
  RULES_VIOLATED: {
    status: 422,
    'zh-CN': '未保存：不符合 {count} 项规定。{summary}',
    en: 'Not saved: {count} rule(s) not met. {summaryEn}',
  },
  DATE_ORDER: {
    status: 422,
    'zh-CN': '{later}不能早于{earlier}。',
    en: '{laterEn} cannot be before {earlierEn}.',
  },
  COMMITTEE_CLOSED: {
    status: 409,
    'zh-CN': '该届业主委员会已结束，不能再修改。',
    en: 'This owners’ committee term has ended and can no longer be changed.',
  },
  COMMITTEE_STATUS_CHANGE: {
    status: 422,
    'zh-CN': '业主委员会不能从“{from}”改为“{to}”。',
    en: 'An owners’ committee cannot go from "{fromEn}" to "{toEn}".',
  },
  MEMBER_NOT_PERSON: {
    status: 422,
    'zh-CN': '“{name}”不是自然人业主，不能担任委员（T/ZAS 4006.1—2020 5.4.3）。',
    en: '"{name}" is not a natural person and cannot sit on the committee (T/ZAS 4006.1—2020 5.4.3).',
  },
  MEMBER_REMOVED: {
    status: 409,
    'zh-CN': '该成员已于 {date} 退出，不能再修改。',
    en: 'This member left on {date} and can no longer be changed.',
  },
  CANDIDATE_NOT_APPROVED: {
    status: 422,
    'zh-CN': '人选“{name}”尚未通过部门联合审查，不能进入业主委员会（百委〔2023〕37号 二（二）5）。',
    en: 'Candidate "{name}" has not passed the joint department review and cannot join the committee (百委〔2023〕37号 二（二）5).',
  },
  CANDIDATE_SEATED: {
    status: 409,
    'zh-CN': '人选“{name}”已是业主委员会成员。',
    en: 'Candidate "{name}" already sits on the committee.',
  },
  VETTING_OUT_OF_ORDER: {
    status: 409,
    'zh-CN': '审核步骤不能跳过或重复：现在应进行“{expected}”，而不是“{given}”。',
    en: 'Review steps cannot be skipped or repeated: the next step is "{expectedEn}", not "{givenEn}".',
  },
  VETTING_CLOSED: {
    status: 409,
    'zh-CN': '该人选的审核已经结束（{status}）。',
    en: 'The vetting of this candidate is over ({statusEn}).',
  },
  VETTING_WRONG_OFFICE: {
    status: 403,
    'zh-CN': '“{step}”应由{office}进行。',
    en: '"{stepEn}" is done by the {officeEn}.',
  },
  CHECKLIST_INCOMPLETE: {
    status: 422,
    'zh-CN': '资格条件核查未完成，不能通过：{items}。',
    en: 'The qualification checklist is not complete, so the candidate cannot pass: {itemsEn}.',
  },
  CANDIDATE_DISQUALIFIED: {
    status: 422,
    'zh-CN': '人选不符合资格条件，不能通过：{items}。',
    en: 'The candidate does not meet the qualifications and cannot pass: {itemsEn}.',
  },
  RESERVE_POOL_REJECTED: {
    status: 422,
    'zh-CN': '未通过审核的人选不能列入后备人选库。',
    en: 'A rejected candidate cannot be put in the reserve pool.',
  },
  OFFICE_PLACE_MISMATCH: {
    status: 422,
    'zh-CN': '三方办的层级与所选区划不一致。',
    en: 'The level of the office does not match the chosen place.',
  },
  // The commissioner's photo on the public board (T/ZAS 4006.1—2020 6.1.3.5).
  COMMISSIONER_PHOTO_REQUIRED: {
    status: 400,
    'zh-CN': '请选择专员照片文件（表单字段 file）。',
    en: 'Choose the commissioner’s photo (form field "file").',
  },
  COMMISSIONER_PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片过大：最大 {mb} MB。请裁剪或缩小后再上传（T/ZAS 4006.1—2020 6.1.3.5 公开专员照片）。',
    en: 'The photo is too large: at most {mb} MB. Crop or scale it down and upload it again (T/ZAS 4006.1—2020 6.1.3.5).',
  },
  COMMISSIONER_PHOTO_TYPE: {
    status: 422,
    'zh-CN': '照片须为完整的 JPEG、PNG 或 WebP 图片，且不含其他格式的内容（T/ZAS 4006.1—2020 6.1.3.5 公开专员照片）。',
    en: 'The photo must be one whole JPEG, PNG or WebP image with nothing of another format in it (T/ZAS 4006.1—2020 6.1.3.5).',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof organizationErrors, true> {}
}
