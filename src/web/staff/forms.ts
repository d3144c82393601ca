// Maps an API error onto a Mantine form: details.fields[].path "body.name" → the field "name".
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import i18n from 'i18next';
import { ApiError, errorMessage } from '../api/client';

interface FormLike {
  setErrors: (errors: Record<string, ReactNode>) => void;
  getValues: () => object;
}

/**
 * Puts field errors on the form and returns the message to show above it (or null when every
 * issue found its field). `rename` maps API paths to form paths, e.g. { "grants.0.role": "role" }.
 */
export function applyApiError(form: FormLike, err: unknown, rename: Record<string, string> = {}): string | null {
  if (!(err instanceof ApiError)) return errorMessage(err);
  const fieldErrors = err.fieldErrors();
  const values = form.getValues() as Record<string, unknown>;
  const placed: Record<string, string> = {};
  let unplaced = false;
  for (const [path, message] of Object.entries(fieldErrors)) {
    const target = rename[path] ?? path;
    // "documents.0.count" lands on the row's field when the form holds the list "documents".
    if ((target.split('.')[0] ?? target) in values) placed[target] = message;
    else unplaced = true;
  }
  if (Object.keys(placed).length) form.setErrors(placed);
  if (!Object.keys(fieldErrors).length) return err.message;
  return unplaced ? `${err.message}: ${err.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : null;
}

/** Empty strings become undefined (for creates) so optional fields are left out. */
export function blankToUndefined(v: string | null | undefined): string | undefined {
  return v === null || v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Empty strings become null (for updates) so a cleared field is cleared on the server. */
export function blankToNull(v: string | null | undefined): string | null {
  return v === null || v === undefined || v.trim() === '' ? null : v.trim();
}

/** A Mantine validator: the field must not be blank ("Vui lòng nhập {label}"). */
export function requiredText(label: string) {
  return (v: string) => (v.trim() ? null : i18n.t('login.required', { field: label.toLowerCase() }));
}

/**
 * A mutation bound to a Mantine form: `submit` validates and sends the values, API field errors land on the
 * fields and the rest in `error` (shown above the form). `rename` maps API paths to form paths.
 */
export function useFormMutation<V, R>(
  form: FormLike & { onSubmit: (handler: (values: V) => void) => (event?: FormEvent<HTMLFormElement>) => void },
  options: { mutationFn: (values: V) => Promise<R>; onSuccess?: (result: R, values: V) => void; rename?: Record<string, string> },
) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: options.onSuccess,
    onError: (err) => setError(applyApiError(form, err, options.rename)),
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    mutation.mutate(values);
  });
  return { ...mutation, error, setError, submit };
}
