// The satisfaction survey (SIPAS, five factors) once the dossier is finished: five 1–5 radio groups a screen reader
// reads as questions, an optional comment, then thanks; a dossier already rated shows what was given.
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { rateDossier, RATING_FACTORS, type RatingFactor, type RatingView, type TrackedDossier } from '../dossiers/publicDossiers';
import classes from '../dossiers/dossiers.module.css';

const LEVELS = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = 2000;

function Scale({ factor, value, onChange, error }: { factor: RatingFactor; value: number | undefined; onChange: (v: number) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const errorId = `rate-${factor}-error`;
  return (
    <fieldset className={classes.scale} aria-describedby={error ? errorId : undefined} id={`rate-${factor}`} data-factor={factor}>
      <legend className={classes.scaleLegend}>{t(`citizen.rating.q.${factor}`)}</legend>
      <div className={classes.scaleRow}>
        {LEVELS.map((n) => (
          <label key={n} className={classes.option}>
            <input type="radio" name={`rate-${factor}`} value={n} checked={value === n} onChange={() => onChange(n)} aria-label={`${n} – ${t(`citizen.rating.level${n}`)}`} />
            <span className={classes.optionNumber} aria-hidden>
              {n}
            </span>
          </label>
        ))}
      </div>
      <div className={classes.scaleEnds} aria-hidden>
        <span>{t('citizen.rating.level1')}</span>
        <span>{t('citizen.rating.level5')}</span>
      </div>
      {error && (
        <Text fz="sm" c="dvRed.8" id={errorId} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}

function Given({ rating, focus }: { rating: RatingView; focus: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="rated-title" data-testid="rating-given">
      <Title order={2} fz="lg" id="rated-title" mb="xs" ref={heading} tabIndex={-1}>
        {t('citizen.rating.thanks')}
      </Title>
      <dl style={{ margin: 0 }}>
        {RATING_FACTORS.map((f) => (
          <div key={f} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '4px 0' }}>
            <Text component="dt" fz="sm">
              {t(`citizen.rating.short.${f}`)}
            </Text>
            <Text component="dd" fz="sm" fw={600} m={0} style={{ whiteSpace: 'nowrap' }}>
              {rating[f]}/5
            </Text>
          </div>
        ))}
      </dl>
      {rating.comment && (
        <Text fz="sm" mt="xs" className={classes.prose}>
          {rating.comment}
        </Text>
      )}
    </Card>
  );
}

export function RatingForm({ dossier, secret, onRated }: { dossier: TrackedDossier; secret: string | null; onRated: () => void }) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Partial<Record<RatingFactor, number>>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<RatingFactor | 'comment', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  if (dossier.rating) return <Given rating={dossier.rating} focus={sent} />;
  if (!dossier.canRate) return null;

  const send = async () => {
    const missing: Partial<Record<RatingFactor | 'comment', string>> = {};
    for (const f of RATING_FACTORS) if (!scores[f]) missing[f] = t('citizen.rating.choose');
    if (comment.length > COMMENT_MAX) missing.comment = t('citizen.submit.noteTooLong', { max: COMMENT_MAX });
    setErrors(missing);
    const first = RATING_FACTORS.find((f) => missing[f]);
    if (first) {
      document.querySelector<HTMLInputElement>(`#rate-${first} input`)?.focus();
      return;
    }
    if (missing.comment) return;
    setSending(true);
    setProblem(null);
    try {
      const body = { access: scores.access ?? 0, procedure: scores.procedure ?? 0, officials: scores.officials ?? 0, result: scores.result ?? 0, feedback: scores.feedback ?? 0 };
      await rateDossier(dossier.code, secret, { ...body, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setSent(true);
      onRated();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_rated') onRated();
      else if (err instanceof ApiError && err.code === 'rating_not_open') setProblem(t('citizen.rating.notOpen'));
      else if (err instanceof ApiError && err.status === 429) setProblem(t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }));
      else setProblem(err instanceof Error ? err.message : t('common.error'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="rating-title" data-testid="rating-form">
      <Title order={2} fz="lg" id="rating-title" mb={4}>
        {t('citizen.rating.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('citizen.rating.intro')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Stack gap="lg">
          {RATING_FACTORS.map((f) => (
            <Scale key={f} factor={f} value={scores[f]} onChange={(v) => {
                setScores((s) => ({ ...s, [f]: v }));
                setErrors((e) => ({ ...e, [f]: undefined }));
              }} error={errors[f]} />
          ))}
          <Textarea
            size="md"
            label={t('citizen.rating.comment')}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
          />
          {problem && (
            <Alert color="dvRed" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Button type="submit" size="md" loading={sending} leftSection={<IconStar size={18} aria-hidden />} data-testid="rating-send">
            {t('citizen.rating.send')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
