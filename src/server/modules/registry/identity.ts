// ID numbers and property certificate numbers are kept as a keyed hash (to find a person or a
// unit again) and a masked form (to show); the number itself is never stored (个人信息保护法 第51条: security measures for personal information).
import { AppError } from '../../platform/errors';
import { maskIdNumber, parseIdNumber, type IdNumberError } from '../../../core/idnumber';
import { fieldIssue } from './errors';
import { identifierHash, normaliseIdentifier } from './identifiers';

/**
 * What is wrong with a text that is no ID number, in both languages: said from the text alone
 * (import, edits, a voter's verification), so it tells nothing about who is registered.
 */
export const idNumberReasonText: Record<IdNumberError, { zh: string; en: string }> = {
  length: { zh: '应为 18 位', en: 'it must have 18 characters' },
  characters: { zh: '只能是数字，末位可以是 X', en: 'only digits, with an X allowed at the end' },
  birthDate: { zh: '其中的出生日期不存在', en: 'the birth date in it does not exist' },
  checksum: { zh: '校验位不对，可能有数字录错了', en: 'the check digit does not match; a digit may be mistyped' },
};

export const required = { 'zh-CN': '必填', en: 'required' };

/** Keyed hash and masked form of an ID number, or a 422 saying what is wrong with it. */
export function protectIdNumber(hashKey: Buffer, idNumber: string): { hash: string; masked: string } {
  const parsed = parseIdNumber(normaliseIdentifier(idNumber));
  if (!parsed.ok) {
    const reason = idNumberReasonText[parsed.reason];
    throw new AppError('INVALID_ID_NUMBER', { reason: reason.zh, reasonEn: reason.en }, fieldIssue('idNumber', { 'zh-CN': reason.zh, en: reason.en }));
  }
  return { hash: identifierHash(hashKey, parsed.value), masked: maskIdNumber(parsed.value) };
}

/** A property certificate number keeps its head and its last four characters visible. */
export function maskCertificate(no: string): string {
  const trimmed = no.trim();
  if (trimmed.length <= 8) return `${trimmed.slice(0, 2)}***`;
  const digits = trimmed.match(/第(\d+)号/);
  if (digits) {
    const d = digits[1];
    return trimmed.replace(`第${d}号`, `第${'*'.repeat(Math.max(0, d.length - 3))}${d.slice(-3)}号`);
  }
  return `${trimmed.slice(0, 4)}${'*'.repeat(trimmed.length - 8)}${trimmed.slice(-4)}`;
}

export function protectCertificate(hashKey: Buffer, no: string | null | undefined) {
  if (!no || !no.trim()) return { hash: null, masked: null };
  // Masked from the normal form too, so that every certificate shows alike (第****567号).
  return { hash: identifierHash(hashKey, no), masked: maskCertificate(normaliseIdentifier(no)) };
}
