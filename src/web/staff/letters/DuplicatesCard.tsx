// The likely duplicates of a letter still to classify (GET /api/letters/:id/duplicates): the case, why it looks alike and how
// much; filing the letter with one of them (POST /api/letters/:id/mark-duplicate) when the user may.
import { Anchor, Badge, Button, Card, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import type { DuplicateSuggestion } from '../../../common/letter-duplicates.schema';
import { formatDate } from '../../format';
import { ErrorAlert, SectionCard } from '../common';
import { StateBadge } from '../dossiers/badges';
import { TypeBadge } from './LetterRows';
import { letterKeys, useDuplicates, type LetterView } from './letters.api';

export function DuplicatesCard({ letter }: { letter: LetterView }) {
  const { t } = useTranslation();
  const q = useDuplicates(letter.id, letter.state === 'received');
  const client = useQueryClient();
  const [pick, setPick] = useState<DuplicateSuggestion | null>(null);
  const [key] = useState(newIdempotencyKey);
  const mark = useMutation({
    mutationFn: (s: DuplicateSuggestion) =>
      api<LetterView>(`/api/letters/${letter.id}/mark-duplicate`, { method: 'POST', body: { caseId: s.caseId, expectedSeq: letter.seq }, headers: { 'idempotency-key': `${key}-${s.caseId}` } }),
    onSuccess: (updated, s) => {
      client.setQueryData(letterKeys.letter(letter.id), updated);
      void client.invalidateQueries({ queryKey: letterKeys.all, predicate: (x) => x.queryKey[1] !== 'letter' });
      notifications.show({ color: 'green', message: t('letters.duplicates.marked', { code: s.caseCode }) });
      setPick(null);
    },
  });
  if (letter.state !== 'received') return null;
  const items = q.data?.items ?? [];
  return (
    <SectionCard id="letter-duplicates" title={t('letters.duplicates.title')} description={t('letters.duplicates.intro')} testId="duplicates">
      {q.isPending && <Skeleton h={60} />}
      {q.isError && <ErrorAlert error={q.error} />}
      {!q.isPending && !q.isError && items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('letters.duplicates.none')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((s) => (
          <Card key={s.caseId} withBorder radius="sm" padding="sm" data-case={s.caseCode}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap={6}>
                <Anchor component={Link} to={`/staff/letter-cases/${s.caseId}`} fw={600} fz="sm">
                  {s.caseCode}
                </Anchor>
                <TypeBadge type={s.type} label={s.typeLabel} />
                <StateBadge state={s.state} label={s.stateLabel} />
              </Group>
              <Badge color={s.score >= 0.7 ? 'dvRed' : 'orange'} variant="light">
                {t('letters.duplicates.score', { pct: Math.round(s.score * 100) })}
              </Badge>
            </Group>
            <Text fz="sm" mt={4} lineClamp={2}>
              {s.summary}
            </Text>
            <Text fz="xs" c="dimmed" mt={2}>
              {[s.reasonLabels.join(', '), s.unit.name, formatDate(s.receivedAt), t('letters.duplicates.letters', { count: s.letterCount })].filter(Boolean).join(' · ')}
            </Text>
            {q.data?.canMark && (
              <Button variant="default" size="compact-sm" mt="xs" onClick={() => setPick(s)}>
                {t('letters.duplicates.mark')}
              </Button>
            )}
          </Card>
        ))}
      </Stack>
      <Modal opened={!!pick} onClose={() => setPick(null)} title={pick ? t('letters.duplicates.markTitle', { code: pick.caseCode }) : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {pick && <Text fz="sm">{t('letters.duplicates.markText', { code: pick.caseCode })}</Text>}
        {mark.isError && <ErrorAlert error={mark.error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setPick(null)}>
            {t('common.cancel')}
          </Button>
          <Button loading={mark.isPending} onClick={() => pick && mark.mutate(pick)}>
            {t('letters.duplicates.markConfirm')}
          </Button>
        </Group>
      </Modal>
    </SectionCard>
  );
}
