// The cases module's API as the web app uses it (server: src/server/modules/cases/routes.ts).
// Types come from the contract (src/contracts/cases.ts), types only: zod stays out of the bundle.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/cases';
import type { Wire } from '../../../contracts/common';
import { api } from '../../api/client';

type Out<T extends z.ZodType> = Wire<z.output<T>>;

export type CaseStatus = Out<typeof C.caseStatus>;
export type HandlerKind = Out<typeof C.handlerKind>;
export type Rating = Out<typeof C.rating>;
export type Category = Out<typeof C.category>;
export type CaseSummary = Out<typeof C.caseSummary>;
export type CaseList = Out<typeof C.caseList>;
export type CaseDetail = Out<typeof C.caseDetail>;
export type CaseAction = CaseDetail['actions'][number];
export type PublicCategories = Out<typeof C.publicCategoryList>;
export type PublicCase = Out<typeof C.publicCase>;
export type PhoneCodeAnswer = Out<typeof C.phoneCodeAnswer>;
export type RatesAnswer = Out<typeof C.ratesAnswer>;
export type RecurringAnswer = Out<typeof C.recurringAnswer>;
export type CreateCaseBody = z.input<typeof C.createCaseBody>;

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: Record<string, unknown>) => ['cases', 'list', q] as const,
  one: (id: string) => ['cases', id] as const,
  categories: ['cases', 'categories'] as const,
  publicCategories: (quarterId: string) => ['cases', 'public-categories', quarterId] as const,
  track: (code: string) => ['cases', 'track', code] as const,
  rates: (by: string) => ['cases', 'rates', by] as const,
  recurring: (quarterId?: string) => ['cases', 'recurring', quarterId ?? ''] as const,
};

export interface CaseFilters {
  quarterId?: string;
  status?: CaseStatus;
  category?: string;
  month?: string;
  overdue?: boolean;
  escalated?: boolean;
  page: number;
  pageSize: number;
}

export const useCases = (f: CaseFilters) =>
  useQuery({
    queryKey: caseKeys.list({ ...f }),
    queryFn: () => api.get<CaseList>('/api/cases', { ...f, overdue: f.overdue ? 'true' : undefined, escalated: f.escalated ? 'true' : undefined }),
  });
export const useCase = (id: string) => useQuery({ queryKey: caseKeys.one(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) });
export const useCategories = () => useQuery({ queryKey: caseKeys.categories, queryFn: () => api.get<{ items: Category[] }>('/api/cases/categories'), staleTime: 10 * 60_000 });
export const useRates = (by: 'handler' | 'quarter' | 'category') => useQuery({ queryKey: caseKeys.rates(by), queryFn: () => api.get<RatesAnswer>('/api/cases/rates', { by }) });

/** The month's recurring problems (未诉先办) of a quarter, or of the caller's own place. */
export const useRecurring = (quarterId?: string) =>
  useQuery({ queryKey: caseKeys.recurring(quarterId), queryFn: () => api.get<RecurringAnswer>('/api/cases/recurring', { quarterId }) });

export function useCaseStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: Record<string, unknown> }) => api.post<{ id: string; status: CaseStatus }>(`/api/cases/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => api.post<{ id: string; trackingCode: string }>('/api/cases', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

function photoForm(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
export const uploadCasePhoto = (caseId: string, file: File) => api.upload<{ id: string }>(`/api/cases/${caseId}/photos`, photoForm(file));
export const uploadHazardPhoto = (hazardId: string, file: File) => api.upload<{ id: string }>(`/api/hazards/${hazardId}/photos`, photoForm(file));

/** Sends the photos one by one; answers the names of those refused, with the server's reason. */
export async function uploadPhotos(files: File[], send: (f: File) => Promise<unknown>): Promise<{ name: string; message: string }[]> {
  const failed: { name: string; message: string }[] = [];
  for (const f of files) await send(f).catch((e: unknown) => failed.push({ name: f.name, message: e instanceof Error ? e.message : String(e) }));
  return failed;
}

// ---- the public pages ----
export const usePublicCategories = (quarterId: string) =>
  useQuery({ queryKey: caseKeys.publicCategories(quarterId), queryFn: () => api.get<PublicCategories>(`/api/public/quarters/${quarterId}/case-categories`) });
export const usePublicCase = (code: string) => useQuery({ queryKey: caseKeys.track(code), queryFn: () => api.get<PublicCase>(`/api/public/cases/${code}`) });
export const sendPhoneCode = (quarterId: string, phone: string) => api.post<PhoneCodeAnswer>(`/api/public/quarters/${quarterId}/cases/phone-code`, { phone });
export const confirmPhoneCode = (quarterId: string, challengeId: string, code: string) =>
  api.post<{ raiseToken: string; expiresAt: string }>(`/api/public/quarters/${quarterId}/cases/phone-code/confirm`, { challengeId, code });
export const raisePublicCase = (quarterId: string, body: { raiseToken: string; phone: string; category: string; description: string; location?: string | null; name?: string | null }) =>
  api.post<{ trackingCode: string }>(`/api/public/quarters/${quarterId}/cases`, body);
export const uploadPublicPhoto = (code: string, file: File) => api.upload<{ id: string }>(`/api/public/cases/${code}/photos`, photoForm(file));
export const ratePublicCase = (code: string, rating: Rating, comment: string) => api.post<{ status: CaseStatus }>(`/api/public/cases/${code}/visit`, { rating, comment: comment || null });
