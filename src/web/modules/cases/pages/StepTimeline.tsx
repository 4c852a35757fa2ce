// The steps a hazard or a dispute went through, newest last: what was done, by which office and
// person, when (China Standard Time) and the note given.
import { Timeline } from 'antd';
import { cst } from './plain-shared';

export interface StepEvent {
  action: string;
  office: string;
  actorName?: string | null;
  at: string;
  note?: string | null;
}

export function StepTimeline({ events, label }: { events: readonly StepEvent[]; label: (action: string) => string }) {
  return (
    <Timeline
      items={events.map((e) => ({
        children: (
          <div>
            <b>{label(e.action)}</b> · {e.office}
            {e.actorName ? `（${e.actorName}）` : ''}
            <div className="gz-num" style={{ color: '#6b7280', fontSize: 12 }}>
              {cst(e.at)}
            </div>
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
