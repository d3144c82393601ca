// /tra-loi-don and /tra-loi-don/:code: the published answers to petitions and feedback (personal data removed), searchable
// without diacritics, and one answer in full.
import { Anchor, Box, Button, Card, Container, Group, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api/client';
import { useGet } from '../catalog';
import catalog from '../catalog.module.css';
import { formatDay } from '../dossiers/dates';
import portal from '../portal.module.css';
import { Crumbs, PortalLayout } from '../PortalLayout';
import { answersPath, type PublishedAnswer, type PublishedAnswerPage } from './publicLetters';
import classes from './letters.module.css';

type Summary = PublishedAnswerPage['items'][number];

function Meta({ a }: { a: Pick<Summary, 'typeLabel' | 'unit' | 'answeredAt' | 'documentNumber'> }) {
  const { t } = useTranslation();
  return (
    <Text fz="xs" c="gray.7">
      {[a.typeLabel, a.unit.name, t('letters.answers.answeredAt', { date: formatDay(a.answeredAt) }), a.documentNumber && t('letters.answers.document', { number: a.documentNumber })].filter(Boolean).join(' · ')}
    </Text>
  );
}

function AnswerList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const [text, setText] = useState(q);
  const first = useGet<PublishedAnswerPage>(answersPath, { q, type, limit: 20 });
  const [more, setMore] = useState<{ key: string; items: Summary[]; next: string | null }>({ key: '', items: [], next: null });
  const key = `${q}|${type}`;
  const extra = more.key === key ? more : { key, items: [], next: first.data?.nextCursor ?? null };
  const items = [...(first.data?.items ?? []), ...extra.items];
  const set = (k: string, v: string) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const loadMore = () => {
    if (!extra.next) return;
    void api<PublishedAnswerPage>(answersPath, { query: { q, type, limit: 20, cursor: extra.next } }).then((page) =>
      setMore({ key, items: [...extra.items, ...page.items], next: page.nextCursor }),
    );
  };
  return (
    <Stack gap="md">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', text.trim());
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput label={t('letters.answers.search')} placeholder={t('letters.answers.searchPlaceholder')} type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '1 1 240px' }} size="md" />
          <Button type="submit" size="md" leftSection={<IconSearch size={18} aria-hidden />}>
            {t('letters.answers.searchButton')}
          </Button>
        </Group>
      </form>
      <SegmentedControl
        aria-label={t('letters.answers.type')}
        value={type || 'all'}
        onChange={(v) => set('type', v === 'all' ? '' : v)}
        data={[
          { value: 'all', label: t('letters.answers.anyType') },
          { value: 'feedback', label: t('letters.types.feedback') },
          { value: 'petition', label: t('letters.types.petition') },
        ]}
        w="fit-content"
      />
      {first.loading && <Skeleton h={120} />}
      {first.error !== undefined && <Text c="dvRed.8">{errorMessage(first.error)}</Text>}
      {!first.loading && !first.error && items.length === 0 && <Text c="dimmed">{t('letters.answers.empty')}</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="answers">
        {items.map((a) => (
          <Card key={a.code} component="li" withBorder radius="md" padding="md" data-code={a.code}>
            <Anchor component={Link} to={`/tra-loi-don/${encodeURIComponent(a.code)}`} fw={700} fz="md">
              {a.summary}
            </Anchor>
            <Meta a={a} />
            <Text fz="sm" mt={6} lineClamp={3}>
              {a.excerpt}
            </Text>
          </Card>
        ))}
      </Stack>
      {extra.next && (
        <Button variant="default" onClick={loadMore} w="fit-content">
          {t('letters.answers.more')}
        </Button>
      )}
    </Stack>
  );
}

function AnswerView({ code }: { code: string }) {
  const { t } = useTranslation();
  const a = useGet<PublishedAnswer>(`${answersPath}/${encodeURIComponent(code)}`);
  if (a.loading) return <Skeleton h={200} />;
  if (!a.data) return <Text>{a.error instanceof ApiError && a.error.status === 404 ? t('letters.answers.notFound') : errorMessage(a.error)}</Text>;
  const d = a.data;
  return (
    <Stack gap="md" data-testid="answer">
      <Title order={2} fz="xl">
        {d.summary}
      </Title>
      <Meta a={d} />
      <Text p="md" className={classes.answer}>
        {d.answer}
      </Text>
      {d.signer && (
        <Text fz="sm">
          {t('letters.answers.signer')}: {d.signer}
        </Text>
      )}
      <Anchor component={Link} to="/tra-loi-don" fz="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('letters.answers.back')}
        </Group>
      </Anchor>
    </Stack>
  );
}

export default function AnswersPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  useEffect(() => {
    document.title = `${t('letters.answers.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <PortalLayout>
      <Box className={portal.hero}>
        <Container size="md" py={{ base: 20, sm: 28 }}>
          <Crumbs items={code ? [{ label: t('letters.answers.title'), to: '/tra-loi-don' }, { label: code }] : [{ label: t('letters.answers.title') }]} />
          <Title order={1} className={catalog.title}>
            {t('letters.answers.title')}
          </Title>
          <Text fz="sm" c="gray.8" mt={4}>
            {t('letters.answers.intro')}
          </Text>
        </Container>
      </Box>
      <Container size="md" py="lg">
        {code ? <AnswerView code={code} /> : <AnswerList />}
      </Container>
    </PortalLayout>
  );
}
