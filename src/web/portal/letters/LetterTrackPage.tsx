// /tra-cuu-don and /tra-cuu-don/:code: follow a letter by its code and secret. The secret comes from the `#s=` fragment of the
// link, from this tab's memory (after sending or typing it), or from the form; it is never put in the address.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TrackingShell } from '../common/TrackingShell';
import { useTracking } from '../common/useTracking';
import { LetterStatus } from './LetterStatus';
import { trackLetter, type PublicLetterView } from './publicLetters';

const BASE = '/tra-cuu-don';
const read = (code: string, secret: string | null, signal: AbortSignal) => trackLetter(code, secret ?? '', signal);

function Tracking({ code }: { code: string }) {
  const { t } = useTranslation();
  const tr = useTracking<PublicLetterView>({ code, basePath: BASE, read, notFound: t('letters.track.notFound'), title: t('letters.track.title') });
  return (
    <TrackingShell
      tracking={tr}
      basePath={BASE}
      testId="tracked-letter"
      texts={{
        title: t('letters.track.title'),
        intro: t('letters.track.intro'),
        codeLabel: t('letters.track.codeLabel'),
        refresh: t('letters.track.refresh'),
        another: t('letters.track.another'),
        lost: t('letters.track.lost'),
        lostLink: { to: '/gui-don', label: t('letters.portal.send') },
        lookup: {
          formTitle: t('letters.track.formTitle'),
          code: t('letters.track.code'),
          codeHint: t('letters.track.codeHint'),
          secretHint: t('letters.track.secretHint'),
          submit: t('letters.track.submit'),
          codeRequired: t('letters.track.codeRequired'),
        },
      }}
    >
      {(d) => <LetterStatus letter={d} access={tr.secret ? { letterCode: d.code, secret: tr.secret, onChanged: tr.refresh } : undefined} />}
    </TrackingShell>
  );
}

export default function LetterTrackPage() {
  const { code = '' } = useParams();
  // A new code is a new page: nothing of the previous letter (or its secret) carries over.
  return <Tracking key={code} code={code} />;
}
