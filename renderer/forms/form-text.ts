/** The id of a built-in form field's control on the page. */
export function fieldDomId(fieldId: string): string {
  return `form-field-${fieldId.replace(/\./g, '-')}`;
}

/** "1 required field is empty", "5 required fields are empty". */
export function missingText(count: number): string {
  return count === 1 ? '1 required field is empty' : `${count} required fields are empty`;
}
