// /help/vote-record — how an owner checks a vote for themselves: what 名册指纹 and 记录校验通过
// mean, the thresholds of 民法典 第278条, and how to re-count the published record. Linked from
// every result and fingerprint; public and light like the public vote page (no antd). The
// format itself is specified in docs/vote-record-format.md.
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';

const SECTIONS = ['fingerprint', 'chain', 'receipt', 'tally', 'rules'] as const;

export default function VoteRecordHelpPage() {
  const { t } = useTranslation();
  return (
    <div className="gz-owner">
      <header className="gz-owner-header">
        <span className="gz-brand-mark">共</span>
        <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600 }}>{t('voting.help.title')}</span>
        <LanguageSwitch light />
      </header>
      <main className="gz-owner-main" data-testid={TID.voteHelp}>
        {SECTIONS.map((key) => (
          <section key={key} className="gz-card" id={key}>
            <div className="gz-card-body">
              <h2 className="gz-title-5" style={{ marginTop: 0 }}>
                {t(`voting.help.${key}.title`)}
              </h2>
              <p style={{ margin: 0 }}>{t(`voting.help.${key}.text`)}</p>
              {key === 'tally' && (
                <pre className="gz-code" style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                  npx gongzhi tally vote-record.json
                </pre>
              )}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}
