// The public portal home: light on purpose (Mantine core only), readable on a low-end phone.
import { Badge, Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconFileText, IconMessageReport, IconSearch, IconUserShield } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PortalLayout } from './PortalLayout';
import classes from './portal.module.css';

function ServiceCard({ icon, title, text, children }: { icon: ReactNode; title: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="article" className={classes.card}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        {!children && (
          <Badge variant="light" color="dvRed">
            {t('portal.comingSoon')}
          </Badge>
        )}
      </Group>
      <Title order={3} fz="lg" mb={6}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed">
        {text}
      </Text>
      {children}
    </Card>
  );
}

/** The procedures card: a search box that opens /thu-tuc with the words typed, and a link to the whole catalog. */
function ProcedureSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <form
      role="search"
      className={classes.search}
      onSubmit={(e) => {
        e.preventDefault();
        void navigate(q.trim() ? `/thu-tuc?q=${encodeURIComponent(q.trim())}` : '/thu-tuc');
      }}
    >
      <Group gap={6} wrap="nowrap" align="flex-end">
        <TextInput
          label={t('portal.searchLabel')}
          placeholder={t('portal.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="portal-search"
        />
        <Button type="submit" aria-label={t('portal.searchButton')} px="sm">
          <IconSearch size={18} aria-hidden />
        </Button>
      </Group>
      <Button component={Link} to="/thu-tuc" variant="subtle" px={0} mt="xs" rightSection={<IconArrowRight size={16} aria-hidden />}>
        {t('portal.proceduresLink')}
      </Button>
    </form>
  );
}

export default function PortalHome() {
  const { t } = useTranslation();
  return (
    <PortalLayout>
        <Box className={classes.hero}>
          <Container size="lg" py={{ base: 32, sm: 56 }}>
            <Stack gap="md" maw={720}>
              <Text fw={600} c="dvRed.7" tt="uppercase" fz="sm" lts={0.5}>
                {t('app.tagline')}
              </Text>
              <Title order={1} className={classes.headline}>
                {t('portal.headline')}
              </Title>
              <Text fz={{ base: 'md', sm: 'lg' }} c="gray.8">
                {t('portal.intro')}
              </Text>
              <Group mt="sm">
                <Button component={Link} to="/thu-tuc" size="md" rightSection={<IconArrowRight size={18} aria-hidden />}>
                  {t('portal.proceduresLink')}
                </Button>
                <Button component={Link} to="/staff/login" size="md" variant="default">
                  {t('portal.staffLogin')}
                </Button>
              </Group>
            </Stack>
          </Container>
        </Box>
        <Container size="lg" py={{ base: 28, sm: 44 }}>
          <Title order={2} fz={{ base: 'xl', sm: 26 }} mb="lg">
            {t('portal.servicesTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <ServiceCard icon={<IconFileText size={24} />} title={t('portal.proceduresTitle')} text={t('portal.proceduresText')}>
              <ProcedureSearchBox />
            </ServiceCard>
            <ServiceCard icon={<IconMessageReport size={24} />} title={t('portal.feedbackTitle')} text={t('letters.portal.cardText')}>
              <Group gap="xs" mt="md">
                <Button component={Link} to="/gui-don" variant="light" rightSection={<IconArrowRight size={16} aria-hidden />} data-testid="portal-send-letter">
                  {t('letters.portal.send')}
                </Button>
                <Button component={Link} to="/tra-cuu-don" variant="subtle" px="xs">
                  {t('letters.portal.track')}
                </Button>
                <Button component={Link} to="/tra-loi-don" variant="subtle" px="xs">
                  {t('letters.portal.answers')}
                </Button>
              </Group>
            </ServiceCard>
            <ServiceCard icon={<IconSearch size={24} />} title={t('citizen.home.trackTitle')} text={t('citizen.home.trackText')}>
              <Button component={Link} to="/tra-cuu" variant="light" mt="md" rightSection={<IconArrowRight size={16} aria-hidden />} data-testid="portal-track">
                {t('citizen.home.trackButton')}
              </Button>
            </ServiceCard>
          </SimpleGrid>
          <Card withBorder radius="md" padding="lg" mt="xl" className={classes.staffCard} component="section" aria-labelledby="staff-title">
            <Group justify="space-between" gap="md">
              <Group gap="md" wrap="nowrap" align="flex-start">
                <ThemeIcon size={44} radius="md" color="dvRed" variant="filled" aria-hidden>
                  <IconUserShield size={24} />
                </ThemeIcon>
                <div>
                  <Title order={2} fz="lg" id="staff-title">
                    {t('portal.staffTitle')}
                  </Title>
                  <Text fz="sm" c="dimmed">
                    {t('portal.staffText')}
                  </Text>
                </div>
              </Group>
              <Button component={Link} to="/staff/login" variant="outline">
                {t('portal.staffLogin')}
              </Button>
            </Group>
          </Card>
        </Container>
    </PortalLayout>
  );
}
