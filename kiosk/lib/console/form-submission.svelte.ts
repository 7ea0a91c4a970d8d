import type { ApiError } from './api';
import { fieldErrorsOf, type FieldErrors } from './field-errors';

/** A form's own check of its fields: the body to send, or what is wrong field by field. */
export type Checked<B> = { ok: true; body: B } | { ok: false; fields: FieldErrors };

/**
 * The state of one form that sends a record: its field errors (from its own check or from the
 * server's refusal), the server's message, and whether it is being sent (the form disables its
 * fields meanwhile).
 */
export class FormSubmission {
  errors = $state<FieldErrors>({});
  message = $state<string | null>(null);
  busy = $state(false);

  /** Checks, sends with `store`, and keeps a refusal field by field; the body once stored, else null. */
  async send<B>(checked: Checked<B>, store: (body: B) => Promise<ApiError | null>): Promise<B | null> {
    this.message = null;
    if (!checked.ok) {
      this.errors = checked.fields;
      return null;
    }
    this.errors = {};
    this.busy = true;
    const refused = await store(checked.body);
    this.busy = false;
    if (refused) {
      this.errors = fieldErrorsOf(refused);
      this.message = refused.message;
      return null;
    }
    return checked.body;
  }
}
