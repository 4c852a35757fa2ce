// The public board's texts in English; the same keys as zh-CN.ts.
import type boardZhCN from './zh-CN';

const boardEn: typeof boardZhCN = {
  title: 'Public board',
  subtitle: "The quarter's public information",
  noLogin: 'This page is public; no login is needed. Under T/ZAS 4006.1—2020 6.1.3.5 and 6.3.3.2.',
  notFound: 'No public board was found for this quarter: check the address or the code on the poster.',
  quarter: { community: 'Community', address: 'Address', households: 'Households', code: 'Quarter code' },
  commissioner: { title: 'Quarter commissioner', none: 'No commissioner appointed yet', since: 'since {{date}}', call: 'Call {{phone}}', photo: 'Photo of the quarter commissioner {{name}}' },
  party: { title: 'Party organisation', none: 'No party organisation in the quarter', secretary: 'Secretary' },
  committee: { title: "Owners' committee", none: "No owners' committee in office", term: 'Term', termNumber: 'Term {{n}}' },
  supervisory: { title: 'Supervisory committee', none: 'No supervisory committee' },
  company: { title: 'Property company', none: 'No property company under contract', term: 'Contract', open: 'open-ended', fee: 'Fee standard', method: 'Chosen by', phone: 'Service phone' },
  disclosures: { title: 'Income and spending', none: 'No disclosure published yet', income: 'Income', spending: 'Spending', balance: 'Balance', published: 'published {{date}}' },
  projects: { title: 'Fund-use projects', none: 'No fund-use project' },
  arrears: { title: 'Property-fee arrears', summary: '{{n}} households, {{total}} in all', months: '{{n}} months', note: 'Under {{clause}}; no owner names or phones, room numbers hidden.' },
  votes: {
    title: "Owners' assembly votes",
    none: 'No votes yet',
    window: 'Voting',
    passed: 'passed',
    failed: 'not passed',
    details: 'See the vote',
    record: 'Download the record',
    status: { open: 'voting', upcoming: 'not started', ended: 'voting ended', closed: 'counted, objection period', published: 'result published', draft: 'draft' },
  },
  cases: { title: 'Complaints and topics', total: 'Received', open: 'In progress', closed: 'Closed' },
  dossier: { intro: 'The quarter’s public board needs no login. Download the poster, print it and put it up at the gates or in the lobbies: owners scan its code to open the board.', url: 'Address', poster: 'Download the poster (A4, PDF)' },
  mediations: { title: 'Public mediations', note: 'A public mediation announces its time and place beforehand, and anyone may attend (DB3305/T 309—2024 5.1.4.2); the parties are not named.' },
  raise: { title: 'Raise an issue', go: 'File a complaint or propose a topic', call: 'Contact the commissioner' },
};
export default boardEn;
