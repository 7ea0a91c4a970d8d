import { CounterCorrectionInputSchema, type CounterCorrectionInput } from '../../../shared/corrections.schema';
import { validated, type Validated } from './field-errors';

/** POST /api/v1/counters/corrections. */
export type CorrectionBody = CounterCorrectionInput;

export interface CorrectionForm {
  day: string;
  /** '' for the whole hall. */
  section: string;
  /** A number input gives a number, or null when empty. */
  delta: string | number | null;
  reason: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request for a correction, or what is wrong with the form: the server's schema and its messages. */
export function correctionPayload(form: CorrectionForm): Validated<CorrectionBody> {
  const text = String(form.delta ?? '').trim();
  return validated(CounterCorrectionInputSchema, {
    ...(form.day ? { day: form.day } : {}),
    ...(form.section ? { section: form.section } : {}),
    delta: text === '' ? undefined : Number(text),
    reason: form.reason,
  });
}

/** A reset needs the day typed again, exactly; the button stays disabled until it is. */
export function resetConfirmed(day: string, typed: string): boolean {
  return DAY.test(day) && typed.trim() === day;
}
