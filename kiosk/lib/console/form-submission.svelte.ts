import { fieldErrorsOf, type FieldErrors, type Validated } from './field-errors';

/** What the server said when it refused a record. */
export interface Refusal {
  message: string;
  fields?: FieldErrors;
}

/**
 * The state of one form that sends a record: its field errors (from its own check or from the
 * server's refusal), the server's message, and whether it is being sent (the form disables its
 * fields meanwhile).
 */
export class FormSubmission {
  errors = $state<FieldErrors>({});
  message = $state<string | null>(null);
  busy = $state(false);

  /**
   * Checks, sends with `store`, and keeps a refusal field by field; the body once stored, else null.
   * A refusal is the server's error body, from an HTTP answer or a socket acknowledgement.
   */
  async send<B>(checked: Validated<B>, store: (body: B) => Promise<Refusal | null>): Promise<B | null> {
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
