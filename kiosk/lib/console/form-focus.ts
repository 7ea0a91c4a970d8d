import { tick } from 'svelte';

/**
 * After a form was sent and cleared, once its fields are enabled again (they are disabled while it
 * is being sent): the first field takes the focus, ready for the next entry from the keyboard.
 */
export async function focusFirstField(form: HTMLFormElement | undefined): Promise<void> {
  await tick();
  form?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
}
