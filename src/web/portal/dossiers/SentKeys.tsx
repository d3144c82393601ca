// What the citizen sees after sending a dossier or a letter: the heading (focused for screen readers),
// the code and the secret, large and easy to copy, the warning that the secret is shown only this once,
// and the tracking link (secret in the fragment). The texts come from `<prefix>.*` of either module.
import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from './CopyValue';
import classes from './dossiers.module.css';

type Prefix = 'citizen.done' | 'letters.done';

/** The success heading and its line, focused and scrolled to when the page appears. */
export function SentHeading({ title, text }: { title: string; text: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <IconCircleCheck size={36} color="var(--mantine-color-green-8)" aria-hidden style={{ flex: 'none' }} />
      <div>
        <Title order={1} fz={{ base: 24, sm: 30 }} ref={heading} tabIndex={-1}>
          {title}
        </Title>
        <Text mt={4}>{text}</Text>
      </div>
    </Group>
  );
}

/** The code, the secret and the tracking link, with their test ids; `note` goes under the two values. */
export function SentKeys(p: { prefix: Prefix; code: string; secret: string; link: string; testIds: { code: string; secret: string; link: string }; note?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Card withBorder radius="md" padding="lg" className={classes.secretBox} component="section" aria-labelledby="keep-title">
        <Title order={2} fz="lg" id="keep-title" mb="sm">
          {t(`${p.prefix}.keepTitle`)}
        </Title>
        <Stack gap="md">
          <CopyValue label={t(`${p.prefix}.code`)} value={p.code} testId={p.testIds.code} />
          <CopyValue label={t(`${p.prefix}.secret`)} value={p.secret} testId={p.testIds.secret} />
        </Stack>
        {p.note}
        <Alert color="dvRed" variant="light" mt="md" icon={<IconAlertTriangle size={22} aria-hidden />} title={t(`${p.prefix}.onceTitle`)}>
          <Text fz="sm">{t(`${p.prefix}.onceText`)}</Text>
        </Alert>
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="link-title">
        <Title order={2} fz="md" id="link-title" mb={4}>
          {t(`${p.prefix}.linkTitle`)}
        </Title>
        <Text fz="sm" c="dimmed" mb="xs">
          {t(`${p.prefix}.linkText`)}
        </Text>
        <CopyValue label={t(`${p.prefix}.link`)} value={p.link} testId={p.testIds.link} big={false} />
      </Card>
    </>
  );
}
