// Error codes and messages of the deliberation module, in both languages (platform/errors.ts).
// Every refusal of the pipeline names the clause it follows ({clause}).
import { defineErrors } from '../../platform/errors';

export const deliberationErrors = defineErrors({
  PROPOSAL_WRONG_ROLE: {
    status: 403,
    'zh-CN': '“{stepZh}”这一步由{rolesZh}进行，您的角色不能进行（{clause}）。',
    en: 'The step "{stepEn}" is taken by {rolesEn}; your role may not take it ({clause}).',
  },
  PROPOSAL_STEP_SKIPPED: {
    status: 409,
    'zh-CN': '不能跳过步骤：该议题现在处于“{stageZh}”，下一步是“{nextZh}”（{clause}）。',
    en: 'No step may be skipped: the proposal is at "{stageEn}" and the next step is "{nextEn}" ({clause}).',
  },
  PROPOSAL_STEP_REPEATED: {
    status: 409,
    'zh-CN': '这一步已经完成：该议题现在处于“{stageZh}”，下一步是“{nextZh}”（{clause}）。',
    en: 'That step has been taken already: the proposal is at "{stageEn}" and the next step is "{nextEn}" ({clause}).',
  },
  PROPOSAL_CLOSED: {
    status: 409,
    'zh-CN': '该议题已{stageZh}，不能再进行任何步骤（{clause}）。',
    en: 'The proposal is {stageEn} and takes no more steps ({clause}).',
  },
  PROPOSAL_RECORD_MISSING: {
    status: 422,
    'zh-CN': '“{stepZh}”这一步需要记录：{missingZh}（{clause}）。',
    en: 'The step "{stepEn}" needs its record: {missingEn} ({clause}).',
  },
  PROPOSAL_REASON_MISSING: {
    status: 422,
    'zh-CN': '不通过须写明理由（{clause}）。',
    en: 'A rejection states its reason ({clause}).',
  },
  PROPOSAL_NOT_TOPIC: {
    status: 409,
    'zh-CN': '该议题已成为提议（{stageZh}），不再征集联署，也不能合并。',
    en: 'The topic is already a proposal ({stageEn}); it takes no more co-signatures and cannot be merged.',
  },
  PROPOSAL_ALREADY_COSIGNED: {
    status: 409,
    'zh-CN': '您已经联署过这个议题，每位业主只能联署一次。',
    en: 'You have already co-signed this topic; each owner co-signs once.',
  },
  COSIGNER_NOT_ON_ROLL: {
    status: 403,
    'zh-CN': '您的账号没有关联到本小区业主名册上的业主，不能联署。请联系小区专员核对业主档案（{clause}）。',
    en: "Your account is not linked to an owner on this quarter's roll, so you cannot co-sign. Ask the commissioner to check the owners' register ({clause}).",
  },
  PROPOSAL_MERGE_INVALID: {
    status: 422,
    'zh-CN': '只能把议题合并到同一小区另一个尚未合并的议题中。',
    en: 'A topic can be merged only into another, unmerged topic or proposal of the same quarter.',
  },
  PROPOSAL_MEETING_INVALID: {
    status: 422,
    'zh-CN': '商议须在本小区已召开的三方联席会议上进行：所选会议不存在、不在本小区或尚未召开（{clause}）。',
    en: 'Deliberation happens at a joint meeting of this quarter that has been held: the meeting given does not exist, is of another quarter or has not been held ({clause}).',
  },
  PROPOSAL_VOTE_INVALID: {
    status: 422,
    'zh-CN': '决议须由本小区的业主大会表决（楼道议题：本幢的户代表表决）作出：所选表决不存在、不在本小区或本幢、规则不符，或已关联到另一个议题（{clause}）。',
    en: "A resolution is made by an owners' assembly vote of this quarter (a building's topic: its household representatives' vote): the vote given does not exist, is of another quarter or building, has another rule, or is linked to another topic ({clause}).",
  },
  PROPOSAL_VOTE_PENDING: {
    status: 409,
    'zh-CN': '业主大会表决尚未公布结果（{statusZh}），公布且通过后该提议自动成为“已决议”（{clause}）。',
    en: "The owners' assembly vote has not published its result yet ({statusEn}); once it is published and passed the proposal becomes resolved ({clause}).",
  },
  PROPOSAL_VOTE_LINKED: {
    status: 409,
    'zh-CN': '该提议已关联业主大会表决，不能再新建或更换。',
    en: "The proposal already has its owners' assembly vote; it cannot get another.",
  },
  PROPOSAL_ESCALATE_ROLE: {
    status: 403,
    'zh-CN': '楼道议题由楼道长、网格员或小区专员提交小区议事会，您的角色不能提交（{clause}）。',
    en: "A building's topic is taken to the quarter by the building leader, the grid worker or the commissioner; your role may not ({clause}).",
  },
  PROPOSAL_NOT_ESCALATABLE: {
    status: 409,
    'zh-CN': '只有尚未表决、或表决未通过的楼道议题可以提交小区议事会，且只能提交一次（{clause}）。',
    en: "Only a building's topic not yet decided, or whose vote failed, goes to the quarter, and only once ({clause}).",
  },
  PROPOSAL_RATING_ROLE: {
    status: 403,
    'zh-CN': '楼道议事结果由本幢住户评议：您的账号没有关联到本幢房屋的业主（{clause}）。',
    en: "A building's result is rated by its households: your account is not linked to an owner of a unit in this building ({clause}).",
  },
  PROPOSAL_NOT_POSTED: {
    status: 409,
    'zh-CN': '楼道议事结果公示后才能评议（{clause}）。',
    en: "A building's result is rated once it is posted ({clause}).",
  },
  PROPOSAL_ALREADY_RATED: {
    status: 409,
    'zh-CN': '您已经评议过这个楼道议事结果。',
    en: 'You have already rated this result.',
  },
  PROPOSAL_BUILDING_INVALID: {
    status: 422,
    'zh-CN': '楼栋不存在、不在本小区，或不是您负责的楼栋。',
    en: 'The building does not exist, is not of this quarter, or is not yours.',
  },
  MEETING_WRONG_ROLE: {
    status: 403,
    'zh-CN': '三方联席会议由小区党组织、业主委员会、小区专员或社区召集和记录，您的角色不能进行此操作（{clause}）。',
    en: "Joint meetings are convened and recorded by the party organisation, the owners' committee, the commissioner or the community office; your role may not do this ({clause}).",
  },
  MEETING_NOT_SCHEDULED: {
    status: 409,
    'zh-CN': '会议已{statusZh}，只有待召开的会议可以召开、取消或修改。',
    en: 'The meeting is {statusEn}; only a scheduled meeting can be held, cancelled or changed.',
  },
  MEETING_NOT_HELD: {
    status: 409,
    'zh-CN': '会议尚未召开（{statusZh}），召开并记录纪要后才能形成决议。',
    en: 'The meeting has not been held ({statusEn}); resolutions are recorded once it is held with its minutes.',
  },
  MEETING_RECORD_MISSING: {
    status: 422,
    'zh-CN': '召开会议须记录出席情况（至少一人出席）和会议纪要（{clause}）。',
    en: 'Holding a meeting records its attendance (at least one present) and its minutes ({clause}).',
  },
  ACTION_WRONG_ROLE: {
    status: 403,
    'zh-CN': '督办事项由责任方（{responsibleZh}）或小区专员报告进展和办结；办结后由业主评价（{clause}）。',
    en: 'Progress and closure are reported by the responsible party ({responsibleEn}) or the commissioner; owners rate it once closed ({clause}).',
  },
  ACTION_CLOSED: {
    status: 409,
    'zh-CN': '该督办事项已办结。',
    en: 'The action has been closed.',
  },
  ACTION_NOT_CLOSED: {
    status: 409,
    'zh-CN': '督办事项办结后才能评价（{clause}）。',
    en: 'An action is rated once it is closed ({clause}).',
  },
  ACTION_NOTE_MISSING: {
    status: 422,
    'zh-CN': '请写明进展或办结情况。',
    en: 'Say what was done.',
  },
  ACTION_ALREADY_RATED: {
    status: 409,
    'zh-CN': '您已经评价过这个督办事项，每位业主评价一次。',
    en: 'You have already rated this action; each owner rates it once.',
  },
  ACTION_FILE_TYPE: {
    status: 422,
    'zh-CN': '佐证材料只接受照片（JPEG、PNG、WebP）和文件（PDF、Word、Excel、PowerPoint），按文件内容判断；含脚本等可执行内容的 PDF 不接受（{clause}）。',
    en: 'Evidence is a photo (JPEG, PNG, WebP) or a document (PDF, Word, Excel, PowerPoint), judged by its content; a PDF that runs anything is refused ({clause}).',
  },
  ACTION_FILE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大：这类佐证每个不能超过 {mb} MB。',
    en: 'The file is too large: evidence of this kind may be at most {mb} MB each.',
  },
  ACTION_FILE_COUNT: {
    status: 422,
    'zh-CN': '每次进展报告最多附 {max} 个佐证材料。',
    en: 'A report takes at most {max} files of evidence.',
  },
  ACTION_FILE_NOT_AUTHOR: {
    status: 403,
    'zh-CN': '佐证材料由写这次进展报告的人附上（{clause}）。',
    en: 'Evidence is attached by the one who wrote the report ({clause}).',
  },
  AGENDA_ONE_REFERENCE: {
    status: 422,
    'zh-CN': '议程第{item}项只能引用一个议题、一件诉求或一项合规日历事项（{clause}）。',
    en: 'Agenda item {item} takes up one proposal, case or calendar duty at most ({clause}).',
  },
  AGENDA_DUTY_UNKNOWN: {
    status: 422,
    'zh-CN': '议程第{item}项引用的“{duty}”不是合规日历中的事项（{clause}）。',
    en: 'Agenda item {item}: "{duty}" is no duty of the compliance calendar ({clause}).',
  },
  AGENDA_CASE_OTHER_QUARTER: {
    status: 422,
    'zh-CN': '议程第{item}项引用的诉求不是{quarter}的诉求：联席会议协商本小区的诉求（{clause}）。',
    en: 'Agenda item {item} names a case that is not of {quarter}: a joint meeting takes up its own quarter’s cases ({clause}).',
  },
  LIVELIHOOD_VOTE_SIZE: {
    status: 422,
    'zh-CN': '民生实事表决在候选项目中选定：请选择 {min} 至 {max} 个候选项目（{clause}）。',
    en: 'A livelihood vote chooses among the candidates: put {min} to {max} of them to it ({clause}).',
  },
  LIVELIHOOD_NOT_CANDIDATE: {
    status: 422,
    'zh-CN': '只能表决本小区 {year} 年度征集的民生实事候选项目（{clause}）。',
    en: 'Only the quarter’s livelihood-project candidates gathered for {year} are put to the vote ({clause}).',
  },
  LIVELIHOOD_ALREADY_SETTLED: {
    status: 409,
    'zh-CN': '候选项目“{title}”已经确定或已不通过，不再表决（{clause}）。',
    en: 'The candidate "{title}" is already chosen or turned down; it is not put to a vote again ({clause}).',
  },
  LIVELIHOOD_IN_VOTE: {
    status: 409,
    'zh-CN': '候选项目“{title}”已在一次尚未公布结果的表决中（{clause}）。',
    en: 'The candidate "{title}" is in a vote whose result is not yet published ({clause}).',
  },
});

declare module '../../platform/errors' {
  interface ErrorCodeRegistry extends Record<keyof typeof deliberationErrors, true> {}
}
