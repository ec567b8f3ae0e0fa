import { fieldId } from './view-helpers';

export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/**
 * Errors of one form, GOV.UK style: the summary at the top links to each field, and the same text
 * shows at the field. Field names are the form's input names.
 */
export class FormErrors {
  private readonly list: { field: string; message: string }[] = [];

  add(field: string, message: string): this {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message });
    return this;
  }

  has(field: string): boolean {
    return this.list.some((e) => e.field === field);
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** What the views get: `errors.summary` for the error-summary partial, `errors.fields.<name>`. */
  toView(): { summary: ErrorSummaryItem[]; fields: Record<string, string> } | null {
    if (!this.list.length) return null;
    return {
      summary: this.list.map((e) => ({ href: `#${fieldId(e.field)}`, text: e.message })),
      fields: Object.fromEntries(this.list.map((e) => [e.field, e.message])),
    };
  }
}
