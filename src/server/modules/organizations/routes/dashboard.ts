// The supervision dashboard of the offices (工作台): every installed module's card of a place.
import { dashboardQuery, dashboardView } from '../../../../contracts/dashboard';
import { requireActor } from '../../../platform/http';
import { dashboardOf } from '../dashboard';
import type { DB } from '../shared';
import { readErrors, tags, type App } from './common';

export function dashboardRoutes(app: App, db: () => DB) {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: "The supervision dashboard of the caller's scope or of a street, community or quarter in it: the quarters, and each module's figures (overdue cases, the three rates, overdue actions…)",
        querystring: dashboardQuery,
        response: { 200: dashboardView, ...readErrors },
      },
    },
    async (req) => dashboardOf(db(), requireActor(req), req.query, req.locale, app.services.modules.dashboardAggregates),
  );
}
