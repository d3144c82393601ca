// The applicant's own details on the online form: name and ID number required, phone, email and address to be reached.
import { SimpleGrid, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ApplicantInput {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export const EMPTY_APPLICANT: ApplicantInput = { name: '', idNumber: '', phone: '', email: '', address: '' };

/** The API body: optional fields left empty are not sent (an empty phone or email would not pass its pattern). */
export function applicantBody(a: ApplicantInput) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return { name: a.name.trim(), idNumber: a.idNumber.replace(/\s+/g, ''), phone: opt(a.phone), email: opt(a.email), address: opt(a.address) };
}

export function ApplicantFields({
  value,
  onChange,
  errors,
}: {
  value: ApplicantInput;
  /** The new details and the field that changed (its error can go). */
  onChange: (next: ApplicantInput, changed: keyof ApplicantInput) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (key: keyof ApplicantInput) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.currentTarget.value }, key);
  const common = { size: 'md' as const };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        {...common}
        id="applicant-name"
        label={t('citizen.applicant.name')}
        required
        autoComplete="name"
        maxLength={200}
        value={value.name}
        onChange={set('name')}
        error={errors['applicant.name']}
      />
      <TextInput
        {...common}
        id="applicant-idNumber"
        label={t('citizen.applicant.idNumber')}
        description={t('citizen.applicant.idNumberHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        value={value.idNumber}
        onChange={set('idNumber')}
        error={errors['applicant.idNumber']}
      />
      <TextInput
        {...common}
        id="applicant-phone"
        label={t('citizen.applicant.phone')}
        type="tel"
        autoComplete="tel"
        maxLength={20}
        value={value.phone}
        onChange={set('phone')}
        error={errors['applicant.phone']}
      />
      <TextInput
        {...common}
        id="applicant-email"
        label={t('citizen.applicant.email')}
        type="email"
        autoComplete="email"
        maxLength={200}
        value={value.email}
        onChange={set('email')}
        error={errors['applicant.email']}
      />
      <TextInput
        {...common}
        id="applicant-address"
        label={t('citizen.applicant.address')}
        autoComplete="street-address"
        maxLength={500}
        value={value.address}
        onChange={set('address')}
        error={errors['applicant.address']}
        style={{ gridColumn: '1 / -1' }}
      />
    </SimpleGrid>
  );
}
