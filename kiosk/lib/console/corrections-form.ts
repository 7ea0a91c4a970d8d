import type { FieldErrors } from './field-errors';

/** POST /api/v1/counters/corrections (mirrors shared/corrections.schema.ts without pulling zod in). */
export interface CorrectionBody {
  day?: string;
  section?: string;
  delta: number;
  reason: string;
}

export interface CounterCorrection {
  id: string;
  day: string;
  section: string | null;
  delta: number;
  reason: string;
  username: string;
  at: string;
}

export interface CorrectionForm {
  day: string;
  /** '' for the whole hall. */
  section: string;
  /** A number input gives a number, or null when empty. */
  delta: string | number | null;
  reason: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request for a correction, or what is wrong with the form (keys as the server names them). */
export function correctionPayload(form: CorrectionForm): { ok: true; body: CorrectionBody } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const text = String(form.delta ?? '').trim();
  const delta = Number(text);
  if (text === '' || !Number.isInteger(delta)) fields.delta = 'must be a whole number';
  else if (delta === 0) fields.delta = 'must not be 0';
  else if (Math.abs(delta) > 100_000) fields.delta = 'must be between -100000 and 100000';
  const reason = form.reason.trim();
  if (reason.length < 3) fields.reason = 'must say why (at least 3 characters)';
  else if (reason.length > 500) fields.reason = 'must be at most 500 characters';
  if (form.day && !DAY.test(form.day)) fields.day = 'must be a day like 2023-11-12';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const body: CorrectionBody = { delta, reason };
  if (form.day) body.day = form.day;
  if (form.section) body.section = form.section;
  return { ok: true, body };
}

/** A reset needs the day typed again, exactly; the button stays disabled until it is. */
export function resetConfirmed(day: string, typed: string): boolean {
  return DAY.test(day) && typed.trim() === day;
}
