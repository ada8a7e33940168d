/** Dates as lists show them: a relative phrase that stays short, with the absolute date in details. */
import { formatRelative } from '../domain/duration.js';

export function relative(iso: string | undefined, now: Date): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatRelative(date, now);
}

/** "2026-11-20 14:03 UTC (3d ago)" */
export function absolute(iso: string | undefined, now: Date): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC (${formatRelative(date, now)})`;
}
