// The history of a workflow record (a dossier, a letter, a case): each step with who, when, from where to where, the note,
// the attachments and the data it recorded.
import { Anchor, Badge, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowRight, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActionFieldView } from '../../api/types';
import { formatDate, formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { StateBadge } from '../dossiers/badges';
import classes from '../dossiers/dossiers.module.css';

/** A step as the dossier and letter views give it; the agencies are the dossiers' (letters move between units only). */
export interface TimelineStep {
  seq: number;
  action: string;
  actionLabel: string;
  fromState: string | null;
  toState: string;
  stateLabel: string;
  at: string;
  actorLabel: string;
  fromUnitName?: string | null;
  fromAgencyName?: string | null;
  toUnitName: string | null;
  toAgencyName?: string | null;
  assigneeName: string | null;
  note: string | null;
  data: Record<string, unknown>;
  fields: ActionFieldView[];
  attachments: Array<{ fileId: string; name: string }>;
  dueAt: string | null;
}
type Step = TimelineStep;

interface DocItem {
  name: string;
  form?: string;
  count?: number;
  note?: string;
}

function FieldValueView({ field, value }: { field: ActionFieldView; value: unknown }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  switch (field.type) {
    case 'documents':
      return (
        <List size="sm" spacing={2}>
          {(Array.isArray(value) ? (value as DocItem[]) : []).map((d, i) => (
            <List.Item key={i}>
              {d.name}
              {d.form && ` · ${t(`forms.${d.form}` as 'forms.original')}`}
              {d.count !== undefined && ` · ${t('dossiers.timeline.count', { count: d.count })}`}
              {d.note && ` · ${d.note}`}
            </List.Item>
          ))}
        </List>
      );
    case 'boolean':
      return <Text fz="sm">{value ? t('dossiers.timeline.yes') : t('dossiers.timeline.no')}</Text>;
    case 'number':
    case 'integer':
      return <Text fz="sm">{typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value)}</Text>;
    case 'date':
      return <Text fz="sm">{formatDate(String(value))}</Text>;
    case 'datetime':
      return <Text fz="sm">{formatDateTime(String(value), false)}</Text>;
    case 'array':
      return <Text fz="sm">{Array.isArray(value) ? value.map(String).join(', ') : String(value)}</Text>;
    case 'string':
      return (
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(value)}
        </Text>
      );
  }
}

/** "Bộ phận Một cửa (Xã An Bình)" → "Phòng Văn hóa - Xã hội (Xã An Bình)". */
function place(agency: string | null, unit: string | null): string | null {
  if (agency && unit) return `${agency} (${unit})`;
  return agency ?? unit;
}

function StepItem({ step, dueChanged, fileUrl }: { step: Step; dueChanged: boolean; fileUrl: (fileId: string) => string }) {
  const { t } = useTranslation();
  const from = place(step.fromAgencyName ?? null, step.fromUnitName ?? null);
  const to = place(step.toAgencyName ?? null, step.toUnitName);
  const moved = step.fromState !== null && from !== to && !!to;
  return (
    <Stack gap={4} data-step={step.action}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} fz="sm">
          {step.actionLabel}
        </Text>
        <IconArrowRight size={14} aria-hidden />
        <span className="visually-hidden">{t('dossiers.timeline.toState', { state: step.stateLabel })}</span>
        <StateBadge state={step.toState} label={step.stateLabel} />
      </Group>
      <Text fz="xs" c="dimmed">
        {formatDateTime(step.at, false)} · {t('dossiers.timeline.by', { name: step.actorLabel })}
      </Text>
      {moved && from && <Text fz="sm">{t('dossiers.timeline.move', { from, to })}</Text>}
      {step.assigneeName && <Text fz="sm">{t('dossiers.timeline.assigned', { name: step.assigneeName })}</Text>}
      {step.dueAt && dueChanged && (
        <Badge variant="light" color="gray" size="sm" w="fit-content">
          {t('dossiers.timeline.due', { date: formatDate(step.dueAt) })}
        </Badge>
      )}
      {step.note && (
        <Text fz="sm" className={classes.stepData} style={{ whiteSpace: 'pre-wrap' }}>
          <Text component="span" fz="xs" c="dimmed" display="block">
            {t('dossiers.timeline.note')}
          </Text>
          {step.note}
        </Text>
      )}
      {step.fields.map((f) => (
        <div key={f.name} className={classes.stepData}>
          <Text fz="xs" c="dimmed">
            {f.label}
          </Text>
          <FieldValueView field={f} value={step.data[f.name]} />
        </div>
      ))}
      {step.attachments.length > 0 && (
        <Group gap="xs">
          <IconPaperclip size={14} aria-label={t('dossiers.timeline.attachments')} />
          {step.attachments.map((a) => (
            <Anchor key={a.fileId} href={fileUrl(a.fileId)} fz="sm" download>
              {a.name}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}

export function StepTimeline({ steps: all, fileUrl, testId }: { steps: readonly Step[]; fileUrl: (fileId: string) => string; testId: string }) {
  // Newest first: what happened last is what the officer looks for. A due date shows where it was set or moved.
  const steps = all.map((s, i) => ({ s, dueChanged: s.dueAt !== (all[i - 1]?.dueAt ?? null) })).reverse();
  return (
    <Timeline active={steps.length} bulletSize={14} lineWidth={2} data-testid={testId}>
      {steps.map(({ s, dueChanged }) => (
        <Timeline.Item key={s.seq}>
          <StepItem step={s} dueChanged={dueChanged} fileUrl={fileUrl} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
