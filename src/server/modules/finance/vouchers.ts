// Vouchers (凭证) of ledger entries: a receipt, an invoice, a bank slip. Limited in size, and
// checked whole as a ballot scan is (the voting module's check: a whole PDF without scripts or
// attachments, a JPEG or a PNG), so that a file served from our origin cannot carry anything.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { checkScanContent } from '../voting';
import { authorizeQuarterFinance, authorizeRow } from './access';

const MB = 1024 * 1024;
/** A phone photo of a receipt or a scanned invoice is well under this. */
export const VOUCHER_MAX_BYTES = 8 * MB;

export async function uploadVoucher(db: Kysely<Database>, ctx: RequestContext, quarterId: string, file: { name: string; content: Buffer }) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'ledger.book');
  if (file.content.length > VOUCHER_MAX_BYTES) throw new AppError('VOUCHER_TOO_LARGE', { mb: VOUCHER_MAX_BYTES / MB });
  // The type is read from the content, not from the name or the header the browser sent.
  const checked = checkScanContent(file.content);
  if (!checked.ok) throw new AppError('VOUCHER_TYPE');
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const fileName = file.name.slice(0, 200);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('ledger_vouchers')
      .values({ district_id: place.districtId, street_id: place.streetId, community_id: place.communityId, quarter_id: quarterId, file_name: fileName, content_type: checked.type, size_bytes: file.content.length, sha256, content: file.content, uploaded_by: ctx.actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'upload', entity: 'ledger_voucher', entityId: row.id, place, after: { fileName, contentType: checked.type, sizeBytes: file.content.length, sha256 } });
    return { id: row.id, fileName, contentType: checked.type, sizeBytes: file.content.length, sha256 };
  });
}

export async function getVoucher(db: Kysely<Database>, actor: Actor, voucherId: string) {
  const row = await db.selectFrom('ledger_vouchers').selectAll().where('id', '=', voucherId).executeTakeFirst();
  if (!row) throw notFound();
  await authorizeRow(db, actor, row, 'finance.read');
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}
