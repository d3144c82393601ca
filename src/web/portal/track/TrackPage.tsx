// /tra-cuu and /tra-cuu/:code: follow a dossier by its code and secret. The secret comes from the `#s=` fragment of the
// receipt's link, from this tab's memory (after submitting or typing it), or from the form; it is never put in the address.
// A signed-in citizen opens their own dossiers without the secret (the session proves them).
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCitizen } from '../account/citizenSession';
import { TrackingShell } from '../common/TrackingShell';
import { useTracking } from '../common/useTracking';
import { trackDossier, type TrackedDossier } from '../dossiers/publicDossiers';
import { ApplicantActions } from './ApplicantActions';
import { DossierStatus } from './DossierStatus';
import { RatingForm } from './RatingForm';
import { ReceiptButton } from './ReceiptButton';
import { Timeline } from './Timeline';

const BASE = '/tra-cuu';

function Tracking({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useCitizen();
  const tr = useTracking<TrackedDossier>({
    code,
    basePath: BASE,
    read: trackDossier,
    notFound: t('citizen.lookup.notFound'),
    title: t('citizen.lookup.title'),
    withoutSecret: me === undefined ? undefined : !!me.citizen,
  });
  return (
    <TrackingShell
      tracking={tr}
      basePath={BASE}
      testId="tracked-dossier"
      headingOf={(d) => d.procedureName}
      texts={{
        title: t('citizen.lookup.title'),
        intro: t('citizen.lookup.intro'),
        codeLabel: t('citizen.track.code'),
        refresh: t('citizen.track.refresh'),
        another: t('citizen.track.another'),
        lost: t('citizen.lookup.lost'),
        lostLink: { to: '/thu-tuc', label: t('portal.proceduresLink') },
      }}
    >
      {(d) => (
        <>
          <DossierStatus dossier={d} />
          {d.receivedAt && <ReceiptButton code={d.code} secret={tr.secret} />}
          <ApplicantActions
            dossier={d}
            secret={tr.secret}
            onChanged={(next) => {
              tr.setData(next);
              // The view of an action lacks the rating fields: read the whole view again, and tell where things now stand.
              tr.refresh();
              requestAnimationFrame(() => document.getElementById('state-title')?.focus());
            }}
            onStale={tr.refresh}
          />
          <RatingForm dossier={d} secret={tr.secret} onRated={tr.refresh} />
          <Timeline dossier={d} />
        </>
      )}
    </TrackingShell>
  );
}

export default function TrackPage() {
  const { code = '' } = useParams();
  // A new code is a new page: nothing of the previous dossier (or its secret) carries over.
  return <Tracking key={code} code={code} />;
}
