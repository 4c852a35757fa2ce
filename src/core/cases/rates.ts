// The three rates by which complaint handling is judged in China (三率 of Beijing's 接诉即办):
// the response rate, the resolution rate and the satisfaction rate. Counted from plain figures so
// that a handler's, a quarter's and a category's are computed alike.
//
//   response rate      cases acknowledged within their limit / cases whose limit to
//                      acknowledge has passed or that were acknowledged;
//   resolution rate    cases closed / all cases;
//   satisfaction rate  return visits rated 满意 or 基本满意 / all return visits.
// A rate with nothing to count is null, never 0 or 100%.

export interface CaseFigures {
  total: number;
  /** Acknowledged, or past the limit to acknowledge: the cases the response rate judges. */
  responseDue: number;
  respondedOnTime: number;
  closed: number;
  visits: number;
  satisfiedVisits: number;
  /** Mean hours from receipt to reply, over the replied cases; null when none was replied. */
  meanHoursToReply: number | null;
}

export interface CaseRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export function caseRates(f: CaseFigures): CaseRates {
  return {
    responseRate: share(f.respondedOnTime, f.responseDue),
    resolutionRate: share(f.closed, f.total),
    satisfactionRate: share(f.satisfiedVisits, f.visits),
  };
}
