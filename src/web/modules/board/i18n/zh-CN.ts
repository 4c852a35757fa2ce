// 码上办（小区公开信息）— the public board's texts. en.ts has the same keys.
const boardZhCN = {
  title: '码上办',
  subtitle: '小区公开信息',
  noLogin: '本页公开，无需登录。依据 T/ZAS 4006.1—2020 6.1.3.5、6.3.3.2。',
  notFound: '没有找到这个小区的公开信息，请核对海报上的网址或小区码。',
  quarter: { community: '所属社区', address: '地址', households: '户数', code: '小区码' },
  commissioner: { title: '小区专员', none: '暂未配备小区专员', since: '{{date}} 起', call: '拨打 {{phone}}' },
  party: { title: '小区党组织', none: '暂无小区党组织', secretary: '书记' },
  committee: { title: '业主委员会', none: '暂无在任的业主委员会', term: '任期', termNumber: '第 {{n}} 届' },
  supervisory: { title: '业主监督委员会', none: '暂无业主监督委员会' },
  company: { title: '物业服务企业', none: '暂无在服务的物业服务企业', term: '合同期限', open: '未约定', fee: '收费标准', method: '选聘方式', phone: '服务电话' },
  disclosures: { title: '收支公示', none: '暂无已发布的收支公示', income: '收入', spending: '支出', balance: '结余', published: '{{date}} 发布' },
  projects: { title: '资金使用项目', none: '暂无资金使用项目' },
  votes: {
    title: '业主大会表决',
    none: '暂无表决',
    window: '投票时间',
    passed: '通过',
    failed: '未通过',
    details: '查看表决',
    record: '下载表决记录',
    status: { open: '投票中', upcoming: '未开始', ended: '投票已结束', closed: '计票完成，公示期', published: '结果已公布', draft: '草稿' },
  },
  cases: { title: '投诉与议题', total: '共受理', open: '办理中', closed: '已办结' },
  dossier: { intro: '小区公开信息页（码上办）无需登录即可查看。下载海报打印张贴在小区出入口或单元大厅，业主扫码即可查看。', url: '公开页网址', poster: '下载海报（A4，PDF）' },
  raise: { title: '反映问题', go: '提交投诉或议题', call: '联系小区专员' },
};
export default boardZhCN;
