// Staff sign-in: labelled inputs, the API's error message, and the lockout time when the account is locked.
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client';
import type { SessionView } from '../api/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LogoMark } from '../components/Logo';
import { formatDateTime } from '../format';
import { setSession, useSession } from './session';
import classes from './login.module.css';

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [error, setError] = useState<{ title: string; message: string; locked: boolean } | null>(null);

  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('login.required', { field: t('login.username').toLowerCase() })),
      password: (v) => (v ? null : t('login.required', { field: t('login.password').toLowerCase() })),
    },
  });

  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) =>
      api<SessionView>('/api/auth/login', { method: 'POST', body: { username: values.username.trim(), password: values.password } }),
    onSuccess: (answer) => {
      setSession(client, answer);
      void navigate(from && from.startsWith('/staff') && from !== '/staff/login' ? from : '/staff', { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'account_locked') {
        const until = (err.details as { lockedUntil?: string } | undefined)?.lockedUntil;
        setError({
          title: err.message,
          message: until ? t('login.locked', { time: formatDateTime(until) }) : '',
          locked: true,
        });
      } else {
        setError({ title: t('login.failed'), message: errorMessage(err), locked: false });
        form.setFieldValue('password', '');
      }
    },
  });

  if (session.data?.user) return <Navigate to="/staff" replace />;

  return (
    <div className={classes.page}>
      <Box component="header" className={classes.header}>
        <Anchor component={Link} to="/" c="white" fz="sm" className={classes.back}>
          <Group gap={6} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden />
            {t('login.back')}
          </Group>
        </Anchor>
        <LanguageSwitch className={classes.onDark} />
      </Box>
      <Center component="main" className={classes.main} px="md">
        <Paper withBorder shadow="md" radius="md" p={{ base: 'lg', sm: 32 }} className={classes.card}>
          <Stack gap="lg">
            <Stack gap={6} align="center">
              <LogoMark size={48} />
              <Text fw={700} fz="xl" c="dvBlue.8">
                {t('app.name')}
              </Text>
              <Title order={1} fz="lg" fw={600} ta="center">
                {t('login.title')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('login.subtitle')}
              </Text>
            </Stack>
            {error && (
              <Alert
                color={error.locked ? 'orange' : 'dvRed'}
                icon={error.locked ? <IconLock size={18} /> : <IconAlertCircle size={18} />}
                title={error.title}
                role="alert"
                data-testid="login-error"
              >
                {error.message}
              </Alert>
            )}
            <form
              onSubmit={form.onSubmit((values) => {
                setError(null);
                login.mutate(values);
              })}
              noValidate
            >
              <Stack gap="md">
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  data-autofocus
                  name="username"
                  {...form.getInputProps('username')}
                />
                <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  name="password"
                  {...form.getInputProps('password')}
                />
                <Button type="submit" fullWidth size="md" loading={login.isPending}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Text fz="xs" c="dimmed" ta="center">
              {t('app.demoNotice')}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </div>
  );
}
