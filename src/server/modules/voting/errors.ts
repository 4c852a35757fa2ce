// Error codes and messages of the voting module, in both languages (platform/errors.ts); the
// labels that fill their placeholders are in labels.ts.
import { defineErrors } from '../../platform/errors';

export const votingErrors = defineErrors({
  VOTE_COMMITTEE_CONVENES: {
    status: 403,
    'zh-CN': '本小区已有在任的业主委员会，业主大会表决由业主委员会会同小区专员组织；社区只在业主委员会未正常产生时指导业主召开业主大会（西政办〔2020〕29号 二（五）15）。',
    en: "The quarter has an owners' committee in office, so its votes are run by the committee with the quarter commissioner; the community office runs a vote only where no committee has been formed (西政办〔2020〕29号 二（五）15).",
  },
  VOTE_NOT_DRAFT: {
    status: 409,
    'zh-CN': '表决已经开始，不能再修改或删除；只有草稿可以。',
    en: 'The vote has started and can no longer be changed or deleted; only a draft can.',
  },
  VOTE_NOT_OPEN: {
    status: 409,
    'zh-CN': '该表决当前不在投票期间（{statusZh}）。',
    en: 'The vote is not taking ballots ({statusEn}).',
  },
  VOTE_NOT_STARTED: {
    status: 409,
    'zh-CN': '投票尚未开始：将于 {opensAt}（北京时间）开始，在此之前不能核验身份、投票或录入选票。',
    en: 'Voting has not started yet: it opens at {opensAt} (China Standard Time); until then no one can verify, vote or enter ballots.',
  },
  VOTE_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '投票已于 {closesAt} 截止，不再接受选票。',
    en: 'Voting closed at {closesAt}; no more ballots are taken.',
  },
  VOTE_TIME_INVALID: {
    status: 422,
    'zh-CN': '时间格式不对（{fields}）：请写成带时区的时间，例如 2026-03-01T08:00:00+08:00。',
    en: 'A time is not in the expected form ({fields}): write it with its offset, e.g. 2026-03-01T08:00:00+08:00.',
  },
  VOTE_WINDOW_INVALID: {
    status: 422,
    'zh-CN': '投票截止时间必须晚于开始时间。',
    en: 'The closing time must be after the opening time.',
  },
  VOTE_WINDOW_PASSED: {
    status: 409,
    'zh-CN': '截止时间 {closesAt} 已过，不能再开始这次表决；请修改投票时间。',
    en: 'The closing time {closesAt} has passed, so the vote cannot be opened; change its window first.',
  },
  VOTE_STILL_OPEN: {
    status: 409,
    'zh-CN': '投票截止（{closesAt}）之后才能结束表决并计票。',
    en: 'The vote can be closed and counted only after its closing time ({closesAt}).',
  },
  VOTE_NOT_CLOSED: {
    status: 409,
    'zh-CN': '表决尚未结束（{statusZh}），不能进行此操作。',
    en: 'The vote has not been closed yet ({statusEn}); this is not possible now.',
  },
  RESULT_HIDDEN: {
    status: 409,
    'zh-CN': '投票结束前不公布结果和表决记录。',
    en: 'Results and the vote record are not shown before the vote closes.',
  },
  ALREADY_VOTED: {
    status: 409,
    // The channel, never the time: with the time, staff entering a paper ballot for a unit that
    // voted online would learn when its ballot was cast (issue 11, point 1).
    'zh-CN': '该表决权人已经投过票（{channelZh}），每位表决权人只能投一票，选票提交后不能重投或更改。',
    en: 'This voting member has already voted ({channelEn}). Each voting member casts one ballot, which cannot be cast again or changed.',
  },
  VOTER_NOT_MATCHED: {
    status: 422,
    'zh-CN': '身份证号码和不动产权证号未能与本次表决的表决权人名册对上。请核对后重试，或联系业主委员会、小区专员。',
    en: "The ID number and property certificate number do not match this vote's roll of voting members. Check them and try again, or contact the owners' committee or the commissioner.",
  },
  // Which of the two numbers is wrong is said only where it tells nothing about anyone else: a
  // number that is not an ID number at all, and, to an owner's own logged-in account, which of
  // the owner's own numbers differs (docs/architecture.md, "Which number did not match").
  VOTER_ID_NUMBER_INVALID: {
    status: 422,
    'zh-CN': '身份证号码有误：{reason}。请核对后重新输入。',
    en: 'The ID number is not valid: {reasonEn}. Check it and type it again.',
  },
  VOTER_OWN_NUMBER_MISMATCH: {
    status: 422,
    'zh-CN': '您输入的{which}与档案中为您登记的不一致，另一个号码是对的。请对照证件核对后重试；如果证件无误，请联系社区或小区专员更正档案。',
    en: 'The {whichEn} you typed differs from the one registered for you; the other number is right. Check it against the document; if the document is right, ask the community office or the commissioner to correct the registry.',
  },
  VOTER_TOKEN_INVALID: {
    status: 401,
    'zh-CN': '投票凭证无效或已过期，请重新核验身份。',
    en: 'The voter token is not valid or has expired; verify your identity again.',
  },
  VOTER_NO_PHONE: {
    status: 409,
    // Both ways on, and both who may help: where no committee is in office the community office
    // runs the vote (issue 10: an owner without a phone must not be left at a dead end).
    'zh-CN': '业主名册中没有您的手机号码，收不到验证码，所以暂时不能在网上投票。您可以请业主委员会或社区把您的手机号码登记到业主名册，登记后再来网上投票；也可以向他们领取纸质表决票，签名后在投票截止（{closesAt}）前交回。',
    en: "The owners' register holds no mobile number of yours to send a code to, so you cannot vote online yet. Ask the owners' committee or the community office to record your mobile number in the register, then vote online; or ask them for a paper ballot, sign it and hand it back before voting closes ({closesAt}).",
  },
  VOTER_SMS_UNAVAILABLE: {
    status: 503,
    'zh-CN': '本系统未开通短信验证码，暂不能在网上投票。请向业主委员会领取纸质表决票。',
    en: "This server sends no text-message codes, so online voting is not available. Ask the owners' committee for a paper ballot.",
  },
  VERIFY_CODE_NOT_SENT: {
    status: 502,
    'zh-CN': '验证码短信未能发出，请稍后重试；如一直收不到，请向业主委员会领取纸质表决票。',
    en: "The text message with the code could not be sent. Try again later; if it never arrives, ask the owners' committee for a paper ballot.",
  },
  VERIFY_CODE_WAIT: {
    status: 429,
    'zh-CN': '验证码刚刚发过，请 {seconds} 秒后再重新获取。',
    en: 'A code was just sent. You can ask for a new one in {seconds} seconds.',
  },
  VERIFY_CODE_LIMIT: {
    status: 429,
    'zh-CN': '获取验证码的次数过多，请 {minutes} 分钟后再试，或向业主委员会领取纸质表决票。',
    en: "Too many codes were asked for. Try again in {minutes} minutes, or ask the owners' committee for a paper ballot.",
  },
  VERIFY_CODE_WRONG: {
    status: 422,
    'zh-CN': '验证码不对，还可以再试 {left} 次。',
    en: 'The code is wrong. You have {left} more tries.',
  },
  VERIFY_CODE_TRIES: {
    status: 429,
    'zh-CN': '验证码输错次数过多，已失效。请重新获取验证码。',
    en: 'The code was entered wrongly too often and no longer works. Ask for a new code.',
  },
  VERIFY_CODE_EXPIRED: {
    status: 422,
    'zh-CN': '验证码已失效（超过 {minutes} 分钟、已使用过或已重新获取）。请重新获取验证码。',
    en: 'The code no longer works (older than {minutes} minutes, already used, or a newer one was sent). Ask for a new code.',
  },
  VERIFY_TOO_MANY: {
    status: 429,
    'zh-CN': '核验失败次数过多，请 {minutes} 分钟后再试，或联系业主委员会、小区专员。',
    en: "Too many failed verifications. Try again in {minutes} minutes, or contact the owners' committee or the commissioner.",
  },
  NOT_ON_ROLL: {
    status: 422,
    'zh-CN': '{unit}不在本次表决的表决权人名册中（名册在开始表决时已冻结）。',
    en: "{unit} is not on this vote's roll of voting members (the roll was frozen when the vote opened).",
  },
  ROLL_EMPTY: {
    status: 422,
    'zh-CN': '{place}没有登记业主的房屋，无法生成表决权人名册；请先在小区档案中登记房屋和业主。',
    en: '{place} has no units with registered owners, so there is no roll of voting members; register units and owners first.',
  },
  CHOICES_INCOMPLETE: {
    status: 422,
    'zh-CN': '每一项都要选择同意、反对或弃权；未选择的事项：{items}。',
    en: 'Choose yes, no or abstain on every item; missing: {itemsEn}.',
  },
  CHOICE_UNKNOWN_ITEM: {
    status: 422,
    'zh-CN': '本次表决没有第 {item} 项。',
    en: 'This vote has no item {item}.',
  },
  ITEM_ARTICLE_REQUIRED: {
    status: 422,
    'zh-CN': '业主大会表决的每一项都要注明属于民法典第二百七十八条第一款的第几项（1–9），第 {item} 项未注明。',
    en: 'Each item of an owners’ assembly vote names its item of Civil Code art. 278(1) (1–9); item {item} does not.',
  },
  ITEM_MATTER_MISMATCH: {
    status: 422,
    'zh-CN': '第 {item} 项：民法典第二百七十八条第一款第 {article} 项属于{expectedZh}，不能标为{givenZh}。',
    en: 'Item {item}: Civil Code art. 278(1) item {article} is {expectedEn}, not {givenEn}.',
  },
  RULE_BUILDING_MISMATCH: {
    status: 422,
    'zh-CN': '楼栋户代表表决（building-majority）必须指定楼栋；业主大会表决（civil-code-278）不能指定楼栋。',
    en: 'A building-majority vote names its building; a civil-code-278 vote of the owners’ assembly does not.',
  },
  SCAN_REQUIRED: {
    status: 422,
    'zh-CN': '录入纸质选票必须附上签字选票的扫描件。',
    en: 'A paper ballot needs the scan of the signed ballot.',
  },
  SCAN_NOT_FOUND: {
    status: 422,
    'zh-CN': '扫描件不存在或不属于本次表决，请重新上传。',
    en: 'The scan does not exist or belongs to another vote; upload it again.',
  },
  SCAN_TYPE_UNSUPPORTED: {
    status: 422,
    'zh-CN': '扫描件只接受 PDF、JPEG 或 PNG 文件。',
    en: 'A scan must be a PDF, JPEG or PNG file.',
  },
  SCAN_TOO_LARGE: {
    status: 413,
    'zh-CN': '扫描件过大：每份不能超过 {mb} MB。手机拍一张 A4 选票通常只有 2–5 MB；请降低分辨率或分页上传。',
    en: 'The scan is too large: each may be at most {mb} MB. A phone photo of an A4 ballot is usually 2–5 MB; lower the resolution or upload the pages separately.',
  },
  SCAN_MALFORMED: {
    status: 422,
    'zh-CN': '这个文件不是完整的{type}（文件损坏、不完整或格式不对），请重新扫描或导出后上传。',
    en: 'The file is not a whole {typeEn} (damaged, cut short or not in that format); scan or export it again and upload it.',
  },
  SCAN_POLYGLOT: {
    status: 422,
    'zh-CN': '这个{type}里还夹带了其他格式的内容（如 PDF 或网页），出于安全不能接受；请重新扫描或拍照后上传。',
    en: 'This {typeEn} carries content of another format (such as a PDF or a web page) and is refused for safety; scan or photograph the paper again and upload that.',
  },
  SCAN_PDF_ACTIVE: {
    status: 422,
    'zh-CN': '这个 PDF 含有脚本、自动动作或附件（{names}），出于安全不能作为扫描件；请用扫描仪或“打印为 PDF”重新生成后上传。',
    en: 'This PDF contains scripts, automatic actions or attached files ({namesEn}) and is refused as a scan for safety; make it again with a scanner or "Print to PDF" and upload that.',
  },
  SCAN_QUOTA_COUNT: {
    status: 409,
    'zh-CN': '本次表决的扫描件已达上限（{max} 份）。未用于选票的扫描件会在表决结束时删除；如确需更多，请联系管理员。',
    en: 'This vote has reached its limit of {max} scans. Scans no ballot uses are deleted when the vote closes; if more are truly needed, ask the administrator.',
  },
  SCAN_QUOTA_BYTES: {
    status: 413,
    'zh-CN': '本次表决的扫描件总大小已达上限（{mb} MB），请压缩后再上传。',
    en: "This vote's scans have reached their total limit of {mb} MB; compress the file and upload it again.",
  },
  SCAN_ALREADY_USED: {
    status: 409,
    'zh-CN': '这份扫描件已用于另一张选票。',
    en: 'This scan is already attached to another ballot.',
  },
  OBJECTION_PERIOD_OVER: {
    status: 409,
    'zh-CN': '异议期已于 {endsAt} 结束。',
    en: 'The objection period ended at {endsAt}.',
  },
  OBJECTION_PERIOD_RUNNING: {
    status: 409,
    'zh-CN': '异议期到 {endsAt} 结束，之后才能公布结果。',
    en: 'The objection period runs until {endsAt}; the result can be published after that.',
  },
  OBJECTIONS_UNANSWERED: {
    status: 409,
    'zh-CN': '还有 {count} 条异议没有答复，答复后才能公布结果。',
    en: '{count} objections have not been answered; answer them before publishing the result.',
  },
  OBJECTION_ANSWERED: {
    status: 409,
    'zh-CN': '这条异议已经答复过了。',
    en: 'This objection has already been answered.',
  },
  BALLOT_ALREADY_VOIDED: {
    status: 409,
    'zh-CN': '这张选票已于 {voidedAt} 由{voidedBy}作废，不能再次作废。',
    en: 'This ballot was already voided at {voidedAt} by {voidedBy}; it cannot be voided again.',
  },
  // Version 1 publishes the cast-order chain itself and counts every ballot on it; it has no
  // entry for a void (docs/vote-record-format.md, "Voided ballots").
  VOID_NOT_IN_RECORD_V1: {
    status: 409,
    'zh-CN': '本次表决使用第 1 版表决记录，记录里的每张选票都会被计票，无法作废已录入的选票。如选票录错，请在表决结束后的异议期内作为异议记录，并在答复中说明。',
    en: 'This vote is sealed as vote record version 1, which counts every ballot on its chain, so an entered ballot cannot be voided. If a ballot was entered wrongly, record it as an objection in the objection period after the close and explain it in the answer.',
  },
  VOTE_RECORD_INCONSISTENT: {
    status: 500,
    'zh-CN': '计票自检未通过：服务器的计票与表决记录的复核结果不一致，表决未结束。请联系管理员。',
    en: "The count's self-check failed: the server's count and the re-tally of the vote record differ, so the vote was not closed. Tell the administrator.",
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof votingErrors, true> {}
}
