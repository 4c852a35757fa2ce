// The finance module's public surface: its descriptor, and the functions other modules may call.
// Public revenue, fund-use projects and disclosures (资金管理, 公共收益; DB3305/T 309—2024
// 5.1.1–5.1.2; 百委〔2023〕37号 二（三）8–10).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ModuleDescriptor } from '../../platform/module';
import { financeGrants } from './access';
import { feeCollectionQuarterChecks, financeQuarterChecks } from './checks';
import { financeDossierSection } from './dossier';
import { boardProjects } from './projects';
import { boardArrears } from './arrears';
import { publishedDisclosures as published } from './disclosures';
import { financeErrors } from './errors';
import { financeRoutes } from './routes';

export const financeModule: ModuleDescriptor = {
  name: 'finance',
  tables: ['finance_settings', 'ledger_vouchers', 'fund_projects', 'fund_project_steps', 'ledger_entries', 'ledger_lines', 'disclosures', 'finance_audits', 'inventory_items', 'fee_collection_reports', 'maintenance_fund_records', 'arrears_lists'],
  routes: financeRoutes,
  grants: financeGrants,
  errors: financeErrors,
  quarterChecks: [financeQuarterChecks, feeCollectionQuarterChecks],
  dossierSections: [financeDossierSection],
  // The quarter's public board (码上办) shows the published disclosures and the projects whose
  // decision is public (百委〔2023〕37号 二（三）9, 两公开).
  publicBoardSections: [
    { key: 'disclosures', section: (db, quarterId) => published(db, quarterId) },
    { key: 'projects', section: (db, quarterId) => boardProjects(db, quarterId) },
    // The arrears list, room masked, where the district's pack has the disclosure (西政办〔2020〕29号 二（三）10).
    { key: 'arrears', section: (db, quarterId) => boardArrears(db, quarterId) },
  ],
};

/** The quarter's published half-yearly disclosures, newest first (the public board shows them). */
export async function publishedDisclosures(
  db: Kysely<Database>,
  quarterId: string,
): Promise<{ id: string; period: string; publishedAt: string; incomeFen: number; spendingFen: number; balanceFen: number }[]> {
  return published(db, quarterId);
}

/** The quarter's fund-use projects whose assembly decision is published, with their stage (the public board). */
export async function fundProjectsForBoard(db: Kysely<Database>, quarterId: string): Promise<{ id: string; title: string; amountFen: number; stage: string }[]> {
  return boardProjects(db, quarterId);
}
