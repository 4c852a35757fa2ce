// The public board module's API as the web app uses it (server: src/server/modules/board/routes.ts,
// docs/api.md "The quarter's public board").
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/board';
import type { Wire } from '../../../contracts/common';
import { api } from '../../api/client';

// Types only, from the contract: zod stays out of the bundle the phone downloads.
export type PublicBoard = Wire<z.output<typeof C.publicBoard>>;
export type BoardVote = PublicBoard['votes'][number];
export type BoardLink = Wire<z.output<typeof C.boardLink>>;
/** What the dossier's `board` section carries (server: board.ts boardDossierSection). */
export interface BoardSectionData {
  code: string;
  path: string;
  posterUrl: string;
}

/** The board of a quarter, by its id or its poster's code; the texts the server writes follow the language. */
export function usePublicBoard(key: string, language: string) {
  return useQuery({
    queryKey: ['board', key, language],
    queryFn: () => api.get<PublicBoard>(`/api/public/quarters/${encodeURIComponent(key)}`),
    staleTime: 30_000,
  });
}
