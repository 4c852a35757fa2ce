// The registry of every rule, in the order they are evaluated and listed.

import type { AnyRuleDefinition, RuleDefinition } from '../types';
import { commissionerAssigned } from './commissioner-assigned';
import { committeeAppraisal } from './committee-appraisal';
import { committeeDisputeMeetingMonthly } from './committee-dispute-meeting-monthly';
import { committeeFormation } from './committee-formation';
import { committeeMembersAreOwners } from './committee-members-are-owners';
import { committeeOfficers } from './committee-officers';
import { committeePartyShare } from './committee-party-share';
import { committeeReservePool } from './committee-reserve-pool';
import { committeeSize } from './committee-size';
import { committeeTerm } from './committee-term';
import { committeeTermExpiry } from './committee-term-expiry';
import { committeeTrainingYearly } from './committee-training-yearly';
import { partyOrganizationRequired } from './party-organization-required';
import { singlePropertyCompany } from './single-property-company';

export const RULES = {
  'committee-formation': committeeFormation,
  'committee-size': committeeSize,
  'committee-term': committeeTerm,
  'committee-term-expiry': committeeTermExpiry,
  'committee-officers': committeeOfficers,
  'committee-members-are-owners': committeeMembersAreOwners,
  'committee-party-share': committeePartyShare,
  'party-organization-required': partyOrganizationRequired,
  'commissioner-assigned': commissionerAssigned,
  'single-property-company': singlePropertyCompany,
  'committee-training-yearly': committeeTrainingYearly,
  'committee-appraisal': committeeAppraisal,
  'committee-dispute-meeting-monthly': committeeDisputeMeetingMonthly,
  'committee-reserve-pool': committeeReservePool,
} as const satisfies Record<string, AnyRuleDefinition>;

export type RuleId = keyof typeof RULES;
export type ParamsOf<Id extends RuleId> = (typeof RULES)[Id] extends RuleDefinition<unknown, infer P> ? P : never;
export type InputOf<Id extends RuleId> = (typeof RULES)[Id] extends RuleDefinition<infer I, unknown> ? I : never;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
