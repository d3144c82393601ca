// The public portal home: light on purpose (Mantine core only), readable on a low-end phone.
import { Anchor, Badge, Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconFileText, IconMessageReport, IconSearch, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import classes from './portal.module.css';

function ServiceCard({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="article" className={classes.card}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Badge variant="light" color="dvRed">
          {t('portal.comingSoon')}
        </Badge>
      </Group>
      <Title order={3} fz="lg" mb={6}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed">
        {text}
      </Text>
    </Card>
  );
}

export default function PortalHome() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" className={classes.headerInner}>
          <Anchor component={Link} to="/" underline="never" c="white" aria-label={t('app.name')}>
            <Logo color="white" />
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch c="white" className={classes.onDark} />
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1}>
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
                <Button component={Link} to="/staff/login" size="md" rightSection={<IconArrowRight size={18} aria-hidden />}>
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
            <ServiceCard icon={<IconFileText size={24} />} title={t('portal.proceduresTitle')} text={t('portal.proceduresText')} />
            <ServiceCard icon={<IconMessageReport size={24} />} title={t('portal.feedbackTitle')} text={t('portal.feedbackText')} />
            <ServiceCard icon={<IconSearch size={24} />} title={t('portal.lookupTitle')} text={t('portal.lookupText')} />
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
      </Box>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="lg">
          <Text fz="sm" c="gray.8">
            {t('portal.footer')}
          </Text>
        </Container>
      </Box>
    </>
  );
}
