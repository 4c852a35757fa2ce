// What is known about one quarter, as plain data, for evaluateQuarter. Every part is optional:
// a rule runs only when the facts it needs are all present (see index.ts). Areas are integers in
// 0.01 m², dates 'YYYY-MM-DD'.

import type { IsoDate } from '../dates';

export type CommitteeRole = 'chair' | 'vice-chair' | 'member';

/** A current member of the owners' committee (业主委员会). */
export interface CommitteeMemberFacts {
  name: string;
  role?: CommitteeRole;
  /** Owns a unit in this quarter's property management area (ZAS 5.4.3). */
  isOwnerOfQuarter?: boolean;
  isPartyMember?: boolean;
  /** The day the member took office. */
  servingSince?: IsoDate | null;
  /** Days on which the member attended training. */
  trainingDates?: IsoDate[];
}

export interface CommitteeFacts {
  /** The day the term began (election or taking office); see rules/committee-term.ts. */
  termStart?: IsoDate;
  /** The last day of the term. */
  termEnd?: IsoDate;
  /** A new committee has already been elected for the next term (换届 done). */
  successorElected?: boolean;
  members?: CommitteeMemberFacts[];
  /** Days on which the members' performance was appraised (考核评价 / 履职评估). */
  appraisals?: IsoDate[];
  /** Days of the committee's dispute-analysis meetings (矛盾纠纷分析例会). */
  disputeMeetings?: IsoDate[];
}

/** A body that may need a party organisation of its own (ZAS 5.1.2). */
export interface PartyBodyFacts {
  kind: 'committee' | 'company';
  name: string;
  /** Party members in the body, full and probationary. */
  partyMemberCount: number;
  /** Full (正式) party members only, where known; BG 二（四）11 counts these. */
  fullPartyMemberCount?: number;
  hasPartyOrganization: boolean;
}

/** A quarter commissioner (小区专员) currently assigned to the quarter. */
export interface CommissionerFacts {
  name: string;
  trainedOn: IsoDate | null;
  startedOn: IsoDate;
}

/** A property service contract (物业服务合同) covering the quarter's management area. */
export interface ServiceContractFacts {
  /** The property company (物业服务企业): a stable id or its registered name. */
  company: string;
  startsOn: IsoDate;
  /** The last day of service; null while open-ended. */
  endsOn: IsoDate | null;
}

/** A person in the committee's reserve pool (业委会成员人选储备库, BG 二（二）6). */
export interface ReserveCandidateFacts {
  name: string;
  isPartyMember: boolean;
}

export interface QuarterFacts {
  /** The day the quarter is judged for (usually today, in Asia/Shanghai). */
  asOf?: IsoDate;
  households?: number;
  area?: {
    totalBuildingArea: number;
    deliveredArea: number;
    firstDeliveryDate: IsoDate | null;
  };
  committee?: CommitteeFacts;
  partyBodies?: PartyBodyFacts[];
  commissioners?: CommissionerFacts[];
  serviceContracts?: ServiceContractFacts[];
  committeeReservePool?: ReserveCandidateFacts[];
}
