// Error codes and messages of the finance module, in both languages (platform/errors.ts).
import { defineErrors } from '../../platform/errors';

const BG9 = '百委〔2023〕37号《关于强化党建引领社区、业委会和物业服务企业三方协同推动小区微治理的实施意见》二（三）9';

export const financeErrors = defineErrors({
  FINANCE_NOT_HOLDER: {
    status: 403,
    'zh-CN': '本小区公共收益由{holderZh}管理，记账、支付和公示由其负责（DB3305/T 309—2024 5.1.2.5）。',
    en: "The quarter's public revenue is kept by {holderEn}, who books, pays and discloses it (DB3305/T 309—2024 5.1.2.5).",
  },
  LEDGER_UNBALANCED: {
    status: 422,
    'zh-CN': '借贷不平衡：借方合计 {debit}，贷方合计 {credit}；每笔分录借贷必须相等。',
    en: 'The entry does not balance: debits {debit}, credits {credit}; every entry must balance.',
  },
  LEDGER_BAD_LINE: {
    status: 422,
    'zh-CN': '第 {line} 行金额不对：每行只在借方或贷方填写一个正的整数金额（单位：分）。',
    en: 'Line {line} is wrong: each line has one positive whole amount (in fen), as a debit or a credit.',
  },
  LEDGER_NO_LINES: { status: 422, 'zh-CN': '一笔分录至少要有一借一贷两行。', en: 'An entry needs at least two lines, a debit and a credit.' },
  LEDGER_OVERDRAWN: {
    status: 409,
    'zh-CN': '{account}余额 {balance}，不足以支出 {amount}；专户不能透支。',
    en: '{accountEn} holds {balance}, not enough to pay {amount}; the account cannot be overdrawn.',
  },
  LEDGER_PERIOD_CLOSED: {
    status: 409,
    'zh-CN': '{date} 所在的 {period} 已公示，该期账目不再变动；更正请按当前日期记账或冲销。',
    en: '{period}, which {date} falls in, has been disclosed and its books no longer change; book a correction or a reversal at a current date.',
  },
  LEDGER_DATE_FUTURE: { status: 422, 'zh-CN': '记账日期 {date} 晚于今天。', en: 'The date {date} is after today.' },
  LEDGER_ALREADY_REVERSED: {
    status: 409,
    'zh-CN': '该分录已经冲销过（冲销分录第 {seq} 号），不能再次冲销。',
    en: 'This entry has already been reversed (by entry no. {seq}); it cannot be reversed twice.',
  },
  LEDGER_REVERSAL_OF_REVERSAL: {
    status: 409,
    'zh-CN': '这是一笔冲销分录，不能再冲销；如需更正，请重新记一笔正确的分录。',
    en: 'This entry is itself a reversal and cannot be reversed; book the correct entry instead.',
  },
  VOUCHER_REQUIRED: { status: 400, 'zh-CN': '请上传凭证文件（PDF、JPEG 或 PNG）。', en: 'Upload the voucher (PDF, JPEG or PNG).' },
  VOUCHER_TOO_LARGE: { status: 413, 'zh-CN': '凭证文件过大（上限 {mb} MB）。', en: 'The voucher is too large (limit {mb} MB).' },
  VOUCHER_TYPE: {
    status: 422,
    'zh-CN': '凭证须是完整的 PDF（不含脚本或附件）、JPEG 或 PNG 图片。',
    en: 'A voucher must be a whole PDF (without scripts or attachments), a JPEG or a PNG image.',
  },
  VOUCHER_NOT_FOUND: { status: 422, 'zh-CN': '所附凭证不存在或不属于本小区。', en: 'The voucher does not exist in this quarter.' },
  FUND_STEP_ROLE: {
    status: 403,
    'zh-CN': '“{stepZh}”由{rolesZh}进行（' + BG9 + '）。',
    en: '"{stepEn}" is taken by {rolesEn} (' + BG9 + ').',
  },
  FUND_STEP_ORDER: {
    status: 409,
    'zh-CN': '大额资金使用须依次经过“业委会初审、社区(小区)党组织审核、三方联席会议审议、业主大会审定、审定结果公开、使用情况公开”，现在应进行的是“{expectedZh}”（' + BG9 + '）。',
    en: 'Large spending passes its steps in order (owners\' committee first review, party organisation review, joint meeting review, owners\' assembly decision, publication of the decision, publication of the use); the next step is "{expectedEn}" (' + BG9 + ').',
  },
  FUND_PROJECT_CLOSED: { status: 409, 'zh-CN': '该项目已{stageZh}，不能再办理。', en: 'The project is {stageEn}; nothing more can be done with it.' },
  FUND_STEP_CANNOT_REJECT: { status: 422, 'zh-CN': '“{stepZh}”只记录公开，不能作出不同意的结论。', en: '"{stepEn}" records a publication; it cannot refuse.' },
  FUND_USE_NO_PAYMENTS: { status: 409, 'zh-CN': '该项目还没有支付记录，不能公开使用情况。', en: 'The project has no payments yet, so its use cannot be published.' },
  FUND_PAYMENT_NOT_APPROVED: {
    status: 409,
    'zh-CN': '该项目金额 {amount} 达到本小区大额资金标准 {threshold}，须经“四审两公开”中的业委会初审、社区(小区)党组织审核、三方联席会议审议、业主大会审定并公开审定结果后方可支付（' + BG9 + '）；目前：{stageZh}。',
    en: 'The project ({amount}) is at or above the quarter\'s large-spending threshold ({threshold}): it may be paid only after the owners\' committee first review, the party organisation review, the joint meeting review, the owners\' assembly decision and the publication of that decision (' + BG9 + '); now: {stageEn}.',
  },
  FUND_PAYMENT_EXCEEDS: {
    status: 409,
    'zh-CN': '支付合计将超过立项金额 {amount}（已支付 {paid}）；超出部分须重新立项。',
    en: 'Payments would exceed the approved amount {amount} ({paid} paid already); the excess needs a project of its own.',
  },
  FUND_VOTE_REQUIRED: {
    status: 422,
    'zh-CN': '业主大会审定须关联一项已公布结果的业主大会表决事项（民法典 第278条）。',
    en: "The owners' assembly decision must name an item of an owners' assembly vote whose result is published (民法典 第278条).",
  },
  FUND_VOTE_INVALID: {
    status: 422,
    'zh-CN': '所选表决事项不能作为审定依据：{reasonZh}。',
    en: 'The chosen vote item cannot support the decision: {reasonEn}.',
  },
  DISCLOSURE_STATE: {
    status: 409,
    'zh-CN': '公示当前为“{statusZh}”，不能{actionZh}。',
    en: 'The disclosure is {statusEn}; it cannot be {actionEn}.',
  },
  DISCLOSURE_PERIOD_OPEN: {
    status: 422,
    'zh-CN': '{period} 尚未结束，半年公示在该半年结束后生成（DB3305/T 309—2024 5.1.2.4）。',
    en: '{period} has not ended; a half-yearly disclosure is generated after its half year (DB3305/T 309—2024 5.1.2.4).',
  },
  MAINTENANCE_FUND_VOTE: {
    status: 422,
    'zh-CN': '{kindZh}专项维修资金须经业主大会表决通过（民法典 第278条 第1款第{item}项，{matterZh}）：所选表决事项{reasonZh}。',
    en: "{kindEn} the maintenance fund needs the owners' assembly's vote (民法典 第278条 第1款 item {item}, {matterEn}): the chosen item {reasonEn}.",
  },
  MAINTENANCE_FUND_OVERDRAWN: {
    status: 409,
    'zh-CN': '使用金额超过专项维修资金余额 {balance}。',
    en: 'The use exceeds the balance of the maintenance fund ({balance}).',
  },
  LEDGER_IMPORT_INVALID: {
    status: 422,
    'zh-CN': '导入文件有 {count} 处问题，未记账；请按各行原因修改后重新导入。',
    en: 'The file has {count} problems and nothing was booked; correct the rows and import again.',
  },
  ARREARS_IMPORT_INVALID: {
    status: 422,
    'zh-CN': '导入文件有 {count} 处问题，欠费名单未录入；请按各行原因修改后重新导入。',
    en: 'The file has {count} problems and the arrears list was not recorded; correct the rows and import again.',
  },
  FEE_COLLECTION_INVALID: {
    status: 422,
    'zh-CN': '实收不能多于应收，已缴户数不能多于应缴户数。',
    en: 'Collected cannot exceed receivable, nor households paid the households due.',
  },
  ARREARS_RECORDED: {
    status: 409,
    'zh-CN': '{period} 的欠费名单已录入。',
    en: 'The arrears list of {period} has already been recorded.',
  },
  ARREARS_PUBLISHED: {
    status: 409,
    'zh-CN': '该欠费名单已公示。',
    en: 'This arrears list is already published.',
  },
  ARREARS_DISCLOSURE_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '本区适用的政策包（{packId}）没有欠费公示制度，名单不能公示；此制度见 {clause}。',
    en: "The district's policy pack ({packId}) has no arrears disclosure, so the list cannot be published; the practice is {clause}.",
  },
  FEE_COLLECTION_REPORTED: {
    status: 409,
    'zh-CN': '{period} 的物业费收缴率已上报。',
    en: 'The fee-collection rate of {period} has already been reported.',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof financeErrors, true> {}
}
