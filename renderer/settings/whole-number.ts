/** '12' → 12; anything but digits → NaN, which the schema refuses with its own message. */
export function whole(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
