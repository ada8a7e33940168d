/** A numbered plan with a status per step and, under each step, the exact request it sends. Scrolls as a window. */
import { useMemo } from 'react';
import type { ApiRequest } from '../src/api/requests.js';
import type { Plan } from '../src/domain/plan.js';
import type { Line } from '../src/ui/lines.js';
import { useTheme } from '../src/ui/theme.js';
import { LinesView } from './LinesView.js';
import { planLines } from './wizard/plan-lines.js';

export interface PlanViewProps {
  readonly plan: Plan;
  readonly urlOf: (request: ApiRequest) => string;
  readonly width: number;
  readonly height: number;
  readonly scroll?: number;
  /** Lines shown before the plan (warnings) and after it (the result). */
  readonly before?: readonly Line[];
  readonly after?: readonly Line[];
  readonly withRequests?: boolean;
}

const NONE: readonly Line[] = [];

export function PlanView({
  plan,
  urlOf,
  width,
  height,
  scroll = 0,
  before = NONE,
  after = NONE,
  withRequests = true,
}: PlanViewProps) {
  const { symbols } = useTheme();
  const lines = useMemo(
    // LinesView keeps the first column for its margin.
    () => [...before, ...planLines(plan, urlOf, symbols, withRequests, width - 1), ...after],
    [plan, urlOf, symbols, withRequests, before, after, width],
  );
  return <LinesView lines={lines} scroll={scroll} height={height} width={width} />;
}
