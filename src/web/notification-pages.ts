import type { PreferencesPatchInput } from '../notifications/notification.schemas.js';
import { field, checked, type FormBody } from './forms/form-input.js';

/** The preferences form (portal and console): '' means "back to the default" (null in the API). */
export function readPreferencesForm(body: FormBody, opts: { staff: boolean }): Record<string, unknown> {
  const frequency = field(body, 'matchFrequency');
  const language = field(body, 'language');
  const patch: Record<string, unknown> = {
    matchFrequency: frequency === '' ? null : frequency,
    language: language === '' ? null : language,
  };
  if (opts.staff) {
    patch.reminders = checked(body, 'reminders');
    patch.regionAlerts = checked(body, 'regionAlerts');
  }
  return patch;
}

export type { PreferencesPatchInput };
