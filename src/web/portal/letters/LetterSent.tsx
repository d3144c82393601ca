// After sending a letter: the code and the secret, large and easy to copy, the warning that the secret is shown only this
// once, the tracking link (secret in the fragment), a printable slip, and the way on to follow the letter.
import { Button, Group, Stack } from '@mantine/core';
import { IconHome, IconPrinter, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoment } from '../dossiers/dates';
import { SentHeading, SentKeys } from '../dossiers/SentKeys';
import { letterTrackingLink, type PublicLetterResult } from './publicLetters';
import own from './letters.module.css';

export function LetterSent({ result, unitName }: { result: PublicLetterResult; unitName: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="letter-sent">
      <SentHeading title={t('letters.done.title')} text={t('letters.done.text', { unit: unitName, at: formatMoment(result.receivedAt) })} />
      <SentKeys
        prefix="letters.done"
        code={result.code}
        secret={result.secret}
        link={letterTrackingLink(result.code, result.secret)}
        testIds={{ code: 'letter-code', secret: 'letter-secret', link: 'letter-link' }}
      />

      <Group gap="sm" className={own.noPrint}>
        <Button component={Link} to={`/tra-cuu-don/${encodeURIComponent(result.code)}`} size="md" leftSection={<IconSearch size={18} aria-hidden />} data-testid="letter-follow">
          {t('letters.done.follow')}
        </Button>
        <Button variant="default" size="md" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t('letters.done.print')}
        </Button>
        <Button component={Link} to="/" size="md" variant="subtle" leftSection={<IconHome size={18} aria-hidden />}>
          {t('app.backHome')}
        </Button>
      </Group>
    </Stack>
  );
}
