export const fieldDomId = (path: string) => `rf-${path.replace(/\./g, '-')}`;

/** The DOM id of a field's error message (aria-describedby of the field, target of the problems list). */
export const fieldErrorId = (path: string) => `${fieldDomId(path)}-error`;

/** Moves focus (and the view) to a field of the form by its path (`values.x`, `narrative.x`, `honours.<key>`). */
export function focusField(path: string) {
  const el = path.startsWith('honours.') ? document.getElementById(`honour-${path.slice(8)}-title`) : document.getElementById(fieldDomId(path));
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
}
