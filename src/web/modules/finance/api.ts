// The finance module's API as the web app uses it (server: src/server/modules/finance/routes.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/finance';
import type { Wire } from '../../../contracts/common';
import { api } from '../../api/client';

type Out<T extends z.ZodType> = Wire<z.output<T>>;

export type Ledger = Out<typeof C.ledger>;
export type LedgerAccount = Out<typeof C.ledgerAccount>;
export type LedgerEntry = Out<typeof C.ledgerEntry>;
export type EntryList = Out<typeof C.entryList>;
export type ProjectList = Out<typeof C.projectList>;
export type ProjectSummary = Out<typeof C.projectSummary>;
export type ProjectDetail = Out<typeof C.projectDetail>;
export type DisclosureList = Out<typeof C.disclosureList>;
export type DisclosureSummary = Out<typeof C.disclosureSummary>;
export type DisclosureDetail = Out<typeof C.disclosureDetail>;
export type BookEntryBody = z.input<typeof C.bookEntryBody>;
export type CreateProjectBody = z.input<typeof C.createProjectBody>;
export type TakeStepBody = z.input<typeof C.takeStepBody>;
export type PaymentBody = z.input<typeof C.paymentBody>;
export type UploadedVoucher = Out<typeof C.uploadedVoucher>;
export type AuditList = Out<typeof C.auditList>;
export type FinanceAudit = Out<typeof C.financeAudit>;
export type Inventories = Out<typeof C.inventories>;
export type InventoryItem = Out<typeof C.inventoryItem>;
export type FeeCollectionList = Out<typeof C.feeCollectionList>;
export type FeeCollectionReport = Out<typeof C.feeCollectionReport>;
export type ArrearsLists = Out<typeof C.arrearsLists>;
export type MaintenanceFund = Out<typeof C.maintenanceFund>;
export type StatementImported = Out<typeof C.statementImported>;

export const financeKeys = {
  all: ['finance'] as const,
  ledger: (q: string) => ['finance', q, 'ledger'] as const,
  entries: (q: string, page: number) => ['finance', q, 'entries', page] as const,
  projects: (q: string) => ['finance', q, 'projects'] as const,
  project: (id: string) => ['finance', 'project', id] as const,
  disclosures: (q: string) => ['finance', q, 'disclosures'] as const,
  disclosure: (id: string) => ['finance', 'disclosure', id] as const,
  records: (q: string, kind: string) => ['finance', q, kind] as const,
};

export const useAudits = (quarterId: string) => useQuery({ queryKey: financeKeys.records(quarterId, 'audits'), queryFn: () => api.get<AuditList>(`/api/quarters/${quarterId}/finance-audits`) });
export const useInventories = (quarterId: string) => useQuery({ queryKey: financeKeys.records(quarterId, 'inventories'), queryFn: () => api.get<Inventories>(`/api/quarters/${quarterId}/inventories`) });
export const useFeeCollection = (quarterId: string) => useQuery({ queryKey: financeKeys.records(quarterId, 'fee-collection'), queryFn: () => api.get<FeeCollectionList>(`/api/quarters/${quarterId}/fee-collection`) });
export const useMaintenanceFund = (quarterId: string) => useQuery({ queryKey: financeKeys.records(quarterId, 'maintenance-fund'), queryFn: () => api.get<MaintenanceFund>(`/api/quarters/${quarterId}/maintenance-fund`) });

export const useArrears = (quarterId: string) => useQuery({ queryKey: financeKeys.records(quarterId, 'arrears'), queryFn: () => api.get<ArrearsLists>(`/api/quarters/${quarterId}/arrears`) });

export async function importArrears(quarterId: string, period: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ id: string }>(`/api/quarters/${quarterId}/arrears/imports?period=${encodeURIComponent(period)}`, form);
}

export async function importStatement(quarterId: string, file: File): Promise<StatementImported> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<StatementImported>(`/api/quarters/${quarterId}/ledger/imports`, form);
}

export const useLedger = (quarterId: string, enabled = true) =>
  useQuery({ queryKey: financeKeys.ledger(quarterId), queryFn: () => api.get<Ledger>(`/api/quarters/${quarterId}/ledger`), enabled: enabled && !!quarterId });

export const useEntries = (quarterId: string, page: number) =>
  useQuery({ queryKey: financeKeys.entries(quarterId, page), queryFn: () => api.get<EntryList>(`/api/quarters/${quarterId}/ledger/entries`, { page, pageSize: 20 }) });

export const useProjects = (quarterId: string) => useQuery({ queryKey: financeKeys.projects(quarterId), queryFn: () => api.get<ProjectList>('/api/fund-projects', { quarterId }) });

export const useProject = (id: string) => useQuery({ queryKey: financeKeys.project(id), queryFn: () => api.get<ProjectDetail>(`/api/fund-projects/${id}`) });

export const useDisclosures = (quarterId: string) => useQuery({ queryKey: financeKeys.disclosures(quarterId), queryFn: () => api.get<DisclosureList>(`/api/quarters/${quarterId}/disclosures`) });

export const useDisclosure = (id: string | null) => useQuery({ queryKey: financeKeys.disclosure(id ?? ''), queryFn: () => api.get<DisclosureDetail>(`/api/disclosures/${id}`), enabled: !!id });

/** A write of the module; everything the module shows is read again after it. */
export function useFinanceMutation<Args, Answer>(call: (args: Args) => Promise<Answer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.all }) });
}

export async function uploadVoucher(quarterId: string, file: File): Promise<UploadedVoucher> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadedVoucher>(`/api/quarters/${quarterId}/ledger/vouchers`, form);
}
