// The places' requests and answers: districts, streets and communities.
import { z } from 'zod';

export const districtSchema = z.object({ id: z.string(), name: z.string(), policyPack: z.string() });
export const streetSchema = z.object({ id: z.string(), name: z.string(), districtId: z.string() });
export const communitySchema = z.object({ id: z.string(), name: z.string(), streetId: z.string(), districtId: z.string() });
export const streetQuery = z.object({ districtId: z.uuid().optional() });
export const communityQuery = z.object({ streetId: z.uuid().optional() });
export const streetCreateBody = z.object({ districtId: z.uuid(), name: z.string().trim().min(1).max(60) });
export const communityCreateBody = z.object({ streetId: z.uuid(), name: z.string().trim().min(1).max(60) });
