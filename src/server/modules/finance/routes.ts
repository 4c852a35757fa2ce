// HTTP routes of finance and disclosure (资金管理, 公共收益). Thin: validate, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/finance';
import { download } from '../../../contracts/voting';
import { noContent } from '../../../contracts/common';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor, sendFile, XLSX_TYPE } from '../../platform/http';
import { disclosureDetail, generateDisclosure, listDisclosures, publishDisclosure, reviewDisclosure } from './disclosures';
import { disclosureWorkbook, ledgerWorkbook } from './export';
import { quarterPlace } from '../registry';
import { bookEntry, ledgerOf, listEntries, reverseEntry, verifyLedger } from './ledger';
import { createProject, listProjects, payProject, projectDetail, takeStep } from './projects';
import { updateSettings } from './settings';
import { getVoucher, uploadVoucher, VOUCHER_MAX_BYTES } from './vouchers';
import { createAudit, listAudits, updateAudit } from './audits';
import { addInventoryItem, inventoriesOf, removeInventoryItem } from './inventories';
import { listFeeCollection, reportFeeCollection } from './fee-collection';
import { maintenanceFundOf, recordMaintenanceFund } from './maintenance-fund';
import { importStatement, STATEMENT_MAX_BYTES } from './statement-import';
import { statementTemplateFile } from './statement-template';
import { listArrears, publishArrears, recordArrears } from './arrears';
import { ARREARS_MAX_BYTES, importArrears } from './arrears-import';
import { arrearsTemplateFile } from './arrears-template';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export async function financeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['finance'];

  // ---- the ledger ----
  app.get(
    '/api/quarters/:id/ledger',
    { schema: { tags, summary: "The quarter's public-revenue ledger: every account with its balance in fen (each balance is the sum of its entries' lines)", params: idParam, response: { 200: c.ledger, ...errors } } },
    async (req) => ledgerOf(db(), requireActor(req), req.params.id, req.locale),
  );
  app.patch(
    '/api/quarters/:id/finance-settings',
    { schema: { tags, summary: 'Who keeps the account (DB3305/T 309—2024 5.1.2.5) and the large-spending threshold (百委〔2023〕37号 二（三）9)', params: idParam, body: c.financeSettingsBody, response: { 200: z.object({ holder: c.holder, largeThresholdFen: z.number() }), ...errors } } },
    async (req) => updateSettings(db(), contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/quarters/:id/ledger/entries',
    { schema: { tags, summary: 'Entries of the ledger, newest first, a page at a time (from/to: dates)', params: idParam, querystring: c.entryListQuery, response: { 200: c.entryList, ...errors } } },
    async (req) => listEntries(db(), requireActor(req), req.params.id, req.query, req.locale),
  );
  app.post(
    '/api/quarters/:id/ledger/entries',
    { schema: { tags, summary: 'Book an entry: lines in fen, debits equal credits; by whoever keeps the account', params: idParam, body: c.bookEntryBody, response: { 201: c.bookedEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await bookEntry(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger-entries/:id/reverse',
    { schema: { tags, summary: 'Reverse an entry (once; a reversal is not reversed): entries are never edited or deleted', params: idParam, body: c.reverseEntryBody, response: { 201: c.bookedEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await reverseEntry(db(), contextOf(req), req.params.id, req.body ?? {})),
  );
  app.get(
    '/api/quarters/:id/ledger/export.xlsx',
    { schema: { tags, summary: 'The ledger of a period (from/to) as an Excel workbook: journal and account totals', params: idParam, querystring: c.exportQuery, response: { 200: download(`An Excel workbook (${XLSX_TYPE}), as an attachment`), ...errors } } },
    async (req, reply) => sendFile(reply, await ledgerWorkbook(db(), requireActor(req), req.params.id, req.query), XLSX_TYPE),
  );
  app.post(
    '/api/quarters/:id/ledger/vouchers',
    {
      schema: {
        tags,
        summary: `Upload a voucher for an entry (multipart field "file"; a whole PDF without scripts or attachments, JPEG or PNG; at most ${VOUCHER_MAX_BYTES / 1024 / 1024} MB)`,
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.uploadedVoucher, ...errors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('VOUCHER_REQUIRED');
      // Reading stops one byte past the limit, so a larger upload is never held in memory.
      const file = await req.file({ limits: { fileSize: VOUCHER_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
      if (!file) throw new AppError('VOUCHER_REQUIRED');
      const content = await file.toBuffer();
      if (file.file.truncated || content.length > VOUCHER_MAX_BYTES) throw new AppError('VOUCHER_TOO_LARGE', { mb: VOUCHER_MAX_BYTES / 1024 / 1024 });
      return reply.status(201).send(await uploadVoucher(db(), ctx, req.params.id, { name: file.filename || 'voucher', content }));
    },
  );
  app.get(
    '/api/ledger-vouchers/:id',
    { schema: { tags, summary: 'Download a voucher', params: idParam, response: { 200: download('The voucher as checked at upload: a PDF as an attachment, a JPEG or PNG inline in a sandbox'), ...errors } } },
    async (req, reply) => {
      const v = await getVoucher(db(), requireActor(req), req.params.id);
      reply.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
      return sendFile(reply, { fileName: v.fileName, buffer: v.content }, v.contentType, v.contentType === 'application/pdf' ? 'attachment' : 'inline');
    },
  );

  // ---- fund-use projects (四审两公开) ----
  app.get(
    '/api/fund-projects',
    { schema: { tags, summary: "The quarter's fund-use projects (资金使用立项) with their stage", querystring: c.projectListQuery, response: { 200: c.projectList, ...errors } } },
    async (req) => listProjects(db(), requireActor(req), req.query.quarterId, req.locale),
  );
  app.post(
    '/api/fund-projects',
    { schema: { tags, summary: 'Propose a fund-use project (DB3305/T 309—2024 5.1.1.1): purpose, amount, use category, supplier quotes', body: c.createProjectBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await createProject(db(), contextOf(req), req.body)),
  );
  app.get(
    '/api/fund-projects/:id',
    { schema: { tags, summary: 'One project with its steps, the vote it rests on and its payments', params: idParam, response: { 200: c.projectDetail, ...errors } } },
    async (req) => projectDetail(db(), requireActor(req), req.params.id, req.locale),
  );
  app.post(
    '/api/fund-projects/:id/steps',
    { schema: { tags, summary: 'Take the next step of 四审两公开 (wrong role 403, out of order 409, with the clause); the assembly decision names a passed item of a published vote', params: idParam, body: c.takeStepBody, response: { 200: c.projectDetail, ...errors } } },
    async (req) => takeStep(db(), contextOf(req), req.params.id, req.body, req.locale),
  );
  app.post(
    '/api/fund-projects/:id/payments',
    { schema: { tags, summary: 'Pay on a project: books a ledger entry; refused (409, with the clause) on a large project whose decision is not published', params: idParam, body: c.paymentBody, response: { 201: c.bookedEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await payProject(db(), contextOf(req), req.params.id, req.body)),
  );

  // ---- half-yearly disclosures ----
  app.get(
    '/api/quarters/:id/disclosures',
    { schema: { tags, summary: "The quarter's half-yearly disclosures (DB3305/T 309—2024 5.1.2.4) and whether the last half year's is published", params: idParam, response: { 200: c.disclosureList, ...errors } } },
    async (req) => listDisclosures(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/disclosures',
    { schema: { tags, summary: 'Generate (or generate again, while a draft) the disclosure of an ended half year from the ledger', params: idParam, body: c.generateDisclosureBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await generateDisclosure(db(), contextOf(req), req.params.id, req.body.period)),
  );
  app.get(
    '/api/disclosures/:id',
    { schema: { tags, summary: 'One disclosure with its figures', params: idParam, response: { 200: c.disclosureDetail, ...errors } } },
    async (req) => disclosureDetail(db(), requireActor(req), req.params.id, req.locale),
  );
  app.post(
    '/api/disclosures/:id/review',
    { schema: { tags, summary: 'Review a draft disclosure (the supervisory committee or the community office)', params: idParam, body: c.reviewDisclosureBody, response: { 200: c.disclosureDetail, ...errors } } },
    async (req) => reviewDisclosure(db(), contextOf(req), req.params.id, req.body?.note, req.locale),
  );
  app.post(
    '/api/disclosures/:id/publish',
    { schema: { tags, summary: 'Publish a reviewed disclosure to the public board (whoever keeps the account)', params: idParam, response: { 200: c.disclosureDetail, ...errors } } },
    async (req) => publishDisclosure(db(), contextOf(req), req.params.id, req.locale),
  );

  // ---- audits, the three inventories, fee collection ----
  app.get(
    '/api/quarters/:id/finance-audits',
    { schema: { tags, summary: "The quarter's audits (yearly spot audit, term-end audit; 百委〔2023〕37号 二（三）8) with findings and follow-up", params: idParam, response: { 200: c.auditList, ...errors } } },
    async (req) => listAudits(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/finance-audits',
    { schema: { tags, summary: 'Record an audit of the accounts', params: idParam, body: c.createAuditBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await createAudit(db(), contextOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/finance-audits/:id',
    { schema: { tags, summary: "Record the follow-up of an audit's findings; a day of resolution closes it", params: idParam, body: c.updateAuditBody, response: { 200: c.financeAudit, ...errors } } },
    async (req) => updateAudit(db(), contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/quarters/:id/inventories',
    { schema: { tags, summary: 'The three inventories of public resources, assets and funds (三张清单, 百委〔2023〕37号 二（三）10), with the money the ledger holds', params: idParam, response: { 200: c.inventories, ...errors } } },
    async (req) => inventoriesOf(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/inventory-items',
    { schema: { tags, summary: 'Add an item to one of the three inventories', params: idParam, body: c.createInventoryItemBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await addInventoryItem(db(), contextOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/inventory-items/:id',
    { schema: { tags, summary: 'Remove an item from the inventories', params: idParam, response: { 204: noContent, ...errors } } },
    async (req, reply) => {
      await removeInventoryItem(db(), contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/quarters/:id/fee-collection',
    { schema: { tags, summary: "The property company's half-yearly fee-collection rate reports (T/ZAS 4006.1—2020 6.3.2.2)", params: idParam, response: { 200: c.feeCollectionList, ...errors } } },
    async (req) => listFeeCollection(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/fee-collection',
    { schema: { tags, summary: 'Report the fee-collection rate of a half year (the property company)', params: idParam, body: c.feeCollectionBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await reportFeeCollection(db(), contextOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/quarters/:id/maintenance-fund',
    { schema: { tags, summary: 'The maintenance fund (专项维修资金), apart from public revenue: what was raised and used, each on a vote', params: idParam, response: { 200: c.maintenanceFund, ...errors } } },
    async (req) => maintenanceFundOf(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/maintenance-fund',
    { schema: { tags, summary: 'Record a raising (民法典 第278条 第1款第6项, special) or a use (第5项, ordinary) of the maintenance fund on a passed item of a published vote', params: idParam, body: c.maintenanceFundBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordMaintenanceFund(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/quarters/:id/ledger/imports',
    {
      schema: {
        tags,
        summary: 'Import a bank statement or the old books as .xlsx (columns 日期, 摘要, 收入, 支出, 科目): one entry per row, booked whole or refused whole (422 with each row’s reason)',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.statementImported, ...errors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
      const file = await req.file({ limits: { fileSize: STATEMENT_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
      if (!file) throw new AppError('FILE_REQUIRED');
      const content = await file.toBuffer();
      if (file.file.truncated || content.length > STATEMENT_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { limit: STATEMENT_MAX_BYTES / 1024 / 1024 });
      return reply.status(201).send(await importStatement(db(), ctx, req.params.id, content));
    },
  );
  app.get(
    '/api/quarters/:id/ledger/import-template.xlsx',
    { schema: { tags, summary: 'The import template for a bank statement: a note, the columns 日期, 摘要, 收入, 支出, 科目, a sample row the import skips, and the chart of accounts', params: idParam, response: { 200: download(`An Excel workbook (${XLSX_TYPE}), as an attachment`), ...errors } } },
    async (req, reply) => sendFile(reply, await statementTemplateFile(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );
  app.get(
    '/api/quarters/:id/ledger/verify',
    { schema: { tags, summary: "Check the ledger's chain: each entry's hash covers the previous one and its own content; the first broken seq, or the head", params: idParam, response: { 200: c.ledgerVerification, ...errors } } },
    async (req) => verifyLedger(db(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/disclosures/:id/export.xlsx',
    { schema: { tags, summary: 'A disclosure as an Excel sheet to print and post, in Chinese', params: idParam, response: { 200: download(`An Excel workbook (${XLSX_TYPE}), as an attachment`), ...errors } } },
    async (req, reply) => {
      const detail = await disclosureDetail(db(), requireActor(req), req.params.id, 'zh-CN');
      const place = await quarterPlace(db(), detail.quarterId);
      return sendFile(reply, await disclosureWorkbook(detail, place?.name ?? ''), XLSX_TYPE);
    },
  );
  // ---- the arrears list and its disclosure (西政办〔2020〕29号 二（三）10) ----
  app.get(
    '/api/quarters/:id/arrears',
    { schema: { tags, summary: "The property company's half-yearly arrears lists (unit, months owed, amount; never the owner), whether the district's pack allows publishing them, and each list's public form", params: idParam, response: { 200: c.arrearsLists, ...errors } } },
    async (req) => listArrears(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/arrears',
    { schema: { tags, summary: "Record a half year's arrears list (the property company): building, unit, months owed and amount in fen per row", params: idParam, body: c.arrearsBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordArrears(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/quarters/:id/arrears/imports',
    {
      schema: {
        tags,
        summary: "Record a half year's arrears list from the company's .xlsx (columns 楼栋, 房号, 欠费月数, 欠费金额 in yuan; names and phones are not read): recorded whole or refused whole (422 with each row's reason)",
        params: idParam,
        querystring: c.arrearsImportQuery,
        consumes: ['multipart/form-data'],
        response: { 201: c.created, ...errors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
      const file = await req.file({ limits: { fileSize: ARREARS_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
      if (!file) throw new AppError('FILE_REQUIRED');
      const content = await file.toBuffer();
      if (file.file.truncated || content.length > ARREARS_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { limit: ARREARS_MAX_BYTES / 1024 / 1024 });
      return reply.status(201).send(await importArrears(db(), ctx, req.params.id, req.query.period, content));
    },
  );
  app.get(
    '/api/quarters/:id/arrears/import-template.xlsx',
    { schema: { tags, summary: 'The import template for an arrears list (the property company): a note, the columns 楼栋, 房号, 欠费月数, 欠费金额（元）, and a grey sample row the import skips and never stores', params: idParam, response: { 200: download(`An Excel workbook (${XLSX_TYPE}), as an attachment`), ...errors } } },
    async (req, reply) => sendFile(reply, await arrearsTemplateFile(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );
  app.post(
    '/api/arrears-lists/:id/publish',
    { schema: { tags, summary: "Publish an arrears list on the quarter's public board, the room masked; only where the district's pack has the disclosure (409 ARREARS_DISCLOSURE_NOT_ALLOWED with the clause otherwise)", params: idParam, response: { 200: c.arrearsPublished, ...errors } } },
    async (req) => publishArrears(db(), contextOf(req), req.params.id),
  );
}
