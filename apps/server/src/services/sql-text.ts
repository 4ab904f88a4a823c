/** Escapes LIKE/ILIKE wildcards so a user's `%` or `_` matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
