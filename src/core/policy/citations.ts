// Every clause the rules cite, written as users know it so that a community worker can look it
// up. Clause numbers are those the documents themselves print:
// - ZAS (T/ZAS 4006.1—2020) and HZ (DB3305/T 309—2024) number clauses decimally (5.4.1);
// - BG (百委〔2023〕37号) numbers its measures 1–13 straight through part 二 under the headings
//   (一)–(四), while part 三 starts again at 1, so a measure is cited with its place: 二（一）4;
//   its annex 1 (年度任务清单) has rows 序号1–34, cited as 附件1 序号14;
// - XH (西政办〔2020〕29号) numbers its tasks 1–19 straight through part 二, cited 二（三）7;
// - HN (湘建房〔2021〕231号) uses parts and headings, 四（三）, and an annex of 24 rows;
// - the Civil Code by article, 民法典 第202条.

import type { Citation } from './types';

const ZAS_CODE = 'T/ZAS 4006.1—2020';
const HZ_CODE = 'DB3305/T 309—2024';
const HN_CODE = '湘建房〔2021〕231号';
const BG_CODE = '百委〔2023〕37号';
const XH_CODE = '西政办〔2020〕29号';

function make(document: Citation['document'], code: string, clause: string, quote: string): Citation {
  return { document, clause, text: `${code} ${clause}`, quote };
}

/** The same citation, marked as backing one aspect of a rule. */
export function forAspect(citation: Citation, aspect: string): Citation {
  return { ...citation, aspect };
}

export const CITATIONS = {
  zas512: make('ZAS', ZAS_CODE, '5.1.2', '业主委员会、物业服务企业中有3名及以上党员的，宜单独建立党组织'),
  zas531: make('ZAS', ZAS_CODE, '5.3.1', '每个小区应配备1名在职社工担任小区专员，在完成岗前培训后上岗'),
  zas541: make(
    'ZAS',
    ZAS_CODE,
    '5.4.1',
    '房屋出售并交付使用的建筑物面积达到物业总建筑物面积60%以上，首套房屋出售并交付使用已满2年，且房屋出售并交付使用的建筑面积达到物业总建筑面积30%以上，可成立业主委员会',
  ),
  zas542Size: make('ZAS', ZAS_CODE, '5.4.2', '由5至11人单数组成，户数不足100户的，可由3人组成'),
  zas542Term: make('ZAS', ZAS_CODE, '5.4.2', '任期为3至5年'),
  zas542Officers: make('ZAS', ZAS_CODE, '5.4.2', '配备主任、副主任、委员'),
  zas543: make('ZAS', ZAS_CODE, '5.4.3', '业主委员会成员应是物业管理区域内的业主'),
  zas552: make('ZAS', ZAS_CODE, '5.5.2', '一个物业管理区域配备一个物业服务企业'),

  hz51413: make('HZ', HZ_CODE, '5.1.4.1.3', '业主委员会实行矛盾纠纷分析例会制度，每月就排查出矛盾纠纷的情况进行梳理、分析、研判'),

  hn4c: make(
    'HN',
    HN_CODE,
    '四（三）',
    '推动街道、居（村）民委员会每半年对辖区内的业主委员会委员、业主监督委员会委员履职情况进行评估，每年底公布评估结果',
  ),
  hnAnnex24: make('HN', HN_CODE, '附件 序号24', '组织居（村）民委员会每半年对辖区内的业主委员会成员履职情况进行评估，每年底公布评估结果'),

  bg2a2: make('BG', BG_CODE, '二（一）2', '按照每个小区至少1人的标准选派社工担任小区专员'),
  bg2a4: make('BG', BG_CODE, '二（一）4', '逐步将业委会成员中党员比例提高至50%左右'),
  bgAnnex14: make('BG', BG_CODE, '附件1 序号14', '逐步将业委会成员中党员比例提高至50%左右'),
  bg2b6: make('BG', BG_CODE, '二（二）6', '使每个小区都有一定数量的业委会成员后备人选，其中党员不少于50%'),
  bgAnnex19: make('BG', BG_CODE, '附件1 序号19', '使每个小区都有一定数量的业委会成员后备人选，其中党员不少于50%'),
  bg2b7Appraisal: make('BG', BG_CODE, '二（二）7', '每年由社区党组织牵头开展考核评价，建立不合格人员退出机制'),
  bgAnnex20: make('BG', BG_CODE, '附件1 序号20', '每年由社区党组织牵头开展考核评价，建立不合格人员退出机制'),
  bg2b7Training: make('BG', BG_CODE, '二（二）7', '建立业委会成员教育培训制度，履职期间每年参加培训1次以上'),
  bgAnnex22: make('BG', BG_CODE, '附件1 序号22', '建立业委会成员教育培训制度，履职期间每年参加培训1次以上'),
  bg2d11: make('BG', BG_CODE, '二（四）11', '物业服务企业有3名以上正式党员的，单独建立党组织'),
  bgAnnex29: make('BG', BG_CODE, '附件1 序号29', '物业服务企业有3名以上正式党员的，单独建立党组织'),

  xh2c7Share: make('XH', XH_CODE, '二（三）7', '原则上党员比例要达到50%以上，最低不少于30%'),
  xh2c7Branch: make('XH', XH_CODE, '二（三）7', '已有3名以上党员的业主委员会应建立党支部'),
  xh2c10: make('XH', XH_CODE, '二（三）10', '对业主违反物业服务合同约定且不履行生效法律文书、逾期不交纳物业服务费等…各镇街、社区可结合实际情况建立定期公示制度（一般为每半年一次）'),

  civil201: make('CivilCode', '民法典', '第201条', '按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算'),
  civil202: make('CivilCode', '民法典', '第202条', '按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日'),
  civil1259: make('CivilCode', '民法典', '第1259条', '民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数'),
} as const satisfies Record<string, Citation>;

/**
 * The citation text backing `aspect` of a rule: the first citation marked with that aspect,
 * else the first citation marked with none, else the first of all.
 */
export function citeFor(citations: readonly Citation[], aspect?: string): string {
  const chosen =
    (aspect !== undefined ? citations.find((c) => c.aspect === aspect) : undefined) ??
    citations.find((c) => c.aspect === undefined) ??
    citations[0];
  return chosen ? chosen.text : '';
}
