const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of a deadline day in China Standard Time (the server counts the whole day as on time). */
export function deadlineEnd(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999+08:00`);
}

/**
 * Whole days left until the deadline's end: 0 on the deadline day itself,
 * negative once it has passed (−1 = one day overdue).
 */
export function daysUntilDeadline(deadline: string, now: Date = new Date()): number {
  const end = deadlineEnd(deadline).getTime();
  if (Number.isNaN(end)) return 0;
  const diff = end - now.getTime();
  return diff >= 0 ? Math.floor(diff / DAY_MS) : -Math.ceil(-diff / DAY_MS);
}
