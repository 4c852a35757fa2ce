// The quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2): what anyone who scans the
// poster reads, without an account. The board owns none of it: the quarter comes from the
// registry, its community from places, the offices and bodies from organisations, the votes from
// voting, and the other modules' parts (disclosures, projects, cases…) through their
// descriptors' `publicBoardSections`. All of them are asked at once, each one indexed statement
// about the quarter; only the community's name waits for the quarter's row.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { z } from 'zod';
import type { publicBoard } from '../../../contracts/board';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { DossierSectionProvider, PublicBoardSection } from '../../platform/module';
import { publicBoardOrganizations } from '../organizations';
import { communityPlace } from '../places';
import { publicQuarter } from '../registry';
import { publicVotesForBoard } from '../voting';
import { can } from '../../platform/access';
import { codeOfQuarter, ensureCode, parseBoardKey, quarterOfCode } from './codes';
import { boardUrl } from './poster';

type DB = Kysely<Database>;
export type PublicBoard = z.output<typeof publicBoard>;

// What never changes, or is checked at every use, kept between reads: a code names its quarter
// for good (a code is never changed or given to another quarter; a deleted quarter's board is
// then simply not found), and the community last seen for a quarter is only a guess that the
// read confirms. Both bounded: a district has a few thousand quarters.
const LIMIT = 20_000;
const quarterOfCodeKept = new Map<string, string>();
const communityOfQuarter = new Map<string, string>();

function remember(map: Map<string, string>, key: string, value: string): void {
  if (map.size >= LIMIT && !map.has(key)) map.clear();
  map.set(key, value);
}

async function quarterOfCodeRemembered(db: DB, code: string): Promise<string | null> {
  const kept = quarterOfCodeKept.get(code);
  if (kept) return kept;
  const quarterId = await quarterOfCode(db, code);
  if (quarterId) remember(quarterOfCodeKept, code, quarterId);
  return quarterId;
}

/** The text of a fee standard in fen per m² a month (物业服务合同). */
export function feeText(fen: number, locale: Locale): string {
  const yuan = (fen / 100).toFixed(2);
  return locale === 'en' ? `${yuan} yuan per m² a month` : `${yuan} 元/㎡·月`;
}

const raiseText = {
  'zh-CN': '有投诉、建议或想提出议题，请联系小区专员，专员会登记并答复（T/ZAS 4006.1—2020 6.1.3.4）。',
  en: 'For a complaint, a suggestion or a topic for discussion, contact the quarter commissioner, who records it and answers (T/ZAS 4006.1—2020 6.1.3.4).',
};

/**
 * The board of the quarter named by `key` (its id or its poster's code); 404 for anything else.
 * `sections` are the installed modules' parts; each non-null answer replaces the default of its
 * key ([] for lists, zero counts for `cases`).
 */
export async function buildPublicBoard(db: DB, sections: readonly PublicBoardSection[], key: string, locale: Locale): Promise<PublicBoard> {
  const parsed = parseBoardKey(key);
  if (!parsed) throw notFound();
  const quarterId = 'quarterId' in parsed ? parsed.quarterId : await quarterOfCodeRemembered(db, parsed.code);
  if (!quarterId) throw notFound();
  // The community's name is read beside the rest, for the community the quarter had at the last
  // read; if the quarter's row now names another, it is read again (a quarter moved).
  const guess = communityOfQuarter.get(quarterId);
  const [quarter, code, organizations, votes, extra, guessed] = await Promise.all([
    publicQuarter(db, quarterId),
    'code' in parsed ? parsed.code : codeOfQuarter(db, quarterId),
    publicBoardOrganizations(db, quarterId, locale),
    publicVotesForBoard(db, quarterId),
    Promise.all(sections.map(async (s) => [s.key, await s.section(db, quarterId, locale)] as const)),
    guess ? communityPlace(db, guess) : null,
  ]);
  if (!quarter) throw notFound();
  const community = guess === quarter.communityId ? guessed : await communityPlace(db, quarter.communityId);
  remember(communityOfQuarter, quarterId, quarter.communityId);
  const { company, ...bodies } = organizations;
  const board: PublicBoard = {
    quarter: { id: quarter.id, code, name: quarter.name, address: quarter.address, community: community?.name ?? '', households: quarter.households },
    ...bodies,
    company: company ? { ...company, feeStandard: { fenPerSquareMetreMonth: company.feeStandardFen, text: feeText(company.feeStandardFen, locale) } } : null,
    disclosures: [],
    projects: [],
    arrears: [],
    mediations: [],
    votes,
    cases: { total: 0, open: 0, closed: 0 },
    raise: { url: null, phone: organizations.commissioner?.phone ?? null, text: raiseText[locale] },
  };
  const target = board as unknown as Record<string, unknown>;
  // A list or a count replaces the default; an object part is merged into the board's own (the
  // cases module gives `raise` its page and the board keeps the commissioner's phone).
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [k, value] of extra) {
    if (value === null || value === undefined) continue;
    const had = target[k];
    target[k] = isObject(had) && isObject(value) ? { ...had, ...value } : value;
  }
  return board;
}

/**
 * The board's tab of the dossier: its short path and the poster, for those who may print it.
 * The code is made here the first time, so that the address is known before anything is
 * printed. The path is given without a host: the poster puts the configured public address
 * (GONGZHI_PUBLIC_URL) before it, the tab the address the page was opened at.
 */
export const boardDossierSection: DossierSectionProvider = {
  key: 'board',
  section: async (db, actor, quarterId, locale) => {
    if (!can(actor, 'board.poster')) return null;
    const quarter = await publicQuarter(db, quarterId);
    if (!quarter) return null;
    const code = await ensureCode(db, { districtId: quarter.districtId, quarterId });
    return {
      key: 'board',
      title: locale === 'en' ? 'Public board' : '码上办',
      data: { code, path: boardUrl('', code), posterUrl: `/api/quarters/${quarterId}/poster` },
    };
  },
};
