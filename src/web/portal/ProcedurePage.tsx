// /thu-tuc/:code: one procedure as the public sees it: documents, fees, time, result, legal basis, agency.
import { Anchor, Badge, Box, Button, Card, Container, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClock, IconWorldUpload } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { formatDate } from '../format';
import { Crumbs, PortalLayout } from './PortalLayout';
import { formatDays, formatVnd, useProcedure } from './catalog';
import classes from './catalog.module.css';
import portal from './portal.module.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fz="sm">{children}</Text>
    </div>
  );
}

export default function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data: p, error, loading } = useProcedure(code);
  useEffect(() => {
    document.title = `${p?.name ?? t('catalog.title')} · ${t('app.name')}`;
  }, [p, t]);

  const back = (
    <Anchor component={Link} to="/thu-tuc" fz="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('catalog.back')}
      </Group>
    </Anchor>
  );

  if (loading)
    return (
      <PortalLayout>
        <Container size="lg" py="lg" role="status" aria-label={t('app.loading')}>
          <Skeleton h={32} w="70%" mb="md" />
          <Skeleton h={160} />
        </Container>
      </PortalLayout>
    );
  if (!p)
    return (
      <PortalLayout>
        <Container size="lg" py="xl">
          <Stack>
            <Title order={1} fz={26}>
              {error instanceof ApiError && error.status === 404 ? t('catalog.notFound') : t('common.error')}
            </Title>
            <Text>{error instanceof ApiError && error.status === 404 ? t('catalog.notFoundText') : errorMessage(error)}</Text>
            {back}
          </Stack>
        </Container>
      </PortalLayout>
    );

  const reduced = p.localDays !== null && p.localDays < p.statutoryDays;
  return (
    <PortalLayout>
      <Box className={portal.hero}>
        <Container size="lg" py={{ base: 20, sm: 32 }}>
          <Crumbs items={[{ label: t('catalog.title'), to: '/thu-tuc' }]} />
          <Title order={1} className={classes.title}>
            {p.name}
          </Title>
          <Group gap={6} mt="sm">
            <Badge variant="light">{p.fieldName}</Badge>
            <Badge variant="light" color="gray">
              {t(`levels.${p.level}`)}
            </Badge>
            {p.fullyOnline && (
              <Badge variant="light" color="green" leftSection={<IconWorldUpload size={12} aria-hidden />}>
                {t('catalog.online')}
              </Badge>
            )}
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg">
        <Stack gap="md">
          <Card withBorder radius="md" padding="lg">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              <Fact label={t('catalog.code')}>{p.code}</Fact>
              <Fact label={t('catalog.processingTime')}>
                <Group gap={4} component="span" wrap="nowrap" align="flex-start">
                  <IconClock size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                  <span data-testid="procedure-days">
                    {reduced
                      ? t('catalog.processingLocal', { local: formatDays(p.localDays ?? 0), statutory: formatDays(p.statutoryDays) })
                      : t('catalog.days', { days: formatDays(p.localDays ?? p.statutoryDays) })}
                  </span>
                </Group>
              </Fact>
              <Fact label={t('catalog.agency')}>{p.implementingAgency}</Fact>
              <Fact label={t('catalog.field')}>{p.fieldName}</Fact>
            </SimpleGrid>
            {p.fullyOnline && (
              <Button
                component={Link}
                to={`/thu-tuc/${encodeURIComponent(p.code)}/nop-ho-so`}
                size="md"
                mt="md"
                leftSection={<IconWorldUpload size={18} aria-hidden />}
                data-testid="submit-online"
              >
                {t('catalog.submitOnline')}
              </Button>
            )}
          </Card>

          <Section id="procedure-documents" title={t('catalog.documents')}>
            <ol className={classes.docs}>
              {p.documents.map((d, i) => (
                <li key={`${d.name}-${i}`} className={classes.doc}>
                  <Text fz="sm" fw={600}>
                    {d.name}
                  </Text>
                  <Group gap={6} mt={4}>
                    <Badge variant="light" color={d.form === 'original' ? 'dvRed' : d.form === 'original_or_copy' ? 'dvBlue' : 'gray'}>
                      {t(`forms.${d.form}`)}
                    </Badge>
                    <Text component="span" fz="sm" c="dimmed">
                      {t('catalog.copies', { count: d.count })}
                    </Text>
                  </Group>
                  {d.note && (
                    <Text fz="xs" c="dimmed" mt={4}>
                      {d.note}
                    </Text>
                  )}
                </li>
              ))}
            </ol>
          </Section>

          <Section id="procedure-fees" title={t('catalog.fees')}>
            {p.fees.length === 0 ? (
              <Text fz="sm">{t('catalog.noFees')}</Text>
            ) : (
              <Table className={classes.fees}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('catalog.feeName')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('catalog.amount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.fees.map((f, i) => (
                    <Table.Tr key={`${f.name}-${i}`}>
                      <Table.Td>
                        {f.name}
                        {f.note && (
                          <Text fz="xs" c="dimmed">
                            {f.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
                        {f.amount === 0 ? t('catalog.free') : formatVnd(f.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section id="procedure-result" title={t('catalog.result')}>
              <Text fz="sm" className={classes.prose}>
                {p.result}
              </Text>
            </Section>
            <Section id="procedure-legal" title={t('catalog.legalBasis')}>
              <ul className={classes.legal}>
                {p.legalBasis
                  .split(/\s*[;\n]\s*/)
                  .filter(Boolean)
                  .map((line, i) => (
                    <li key={i}>
                      <Text fz="sm">{line}</Text>
                    </li>
                  ))}
              </ul>
            </Section>
          </SimpleGrid>
          {p.updatedAt && (
            <Text fz="xs" c="dimmed">
              {t('catalog.updated', { date: formatDate(p.updatedAt.slice(0, 10)) })}
            </Text>
          )}
          {back}
        </Stack>
      </Container>
    </PortalLayout>
  );
}
