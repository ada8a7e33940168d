/**
 * The tour's vocabulary. A lesson is data plus a pure check over the sandbox as it is now (TourState) and as it
 * was when the lesson started (Baseline), so "did the learner reach the goal" is decided by what the sandbox
 * holds, never by which screens were visited.
 */
import * as z from 'zod';
import type { RoleMap } from '../api/schemas.js';
import type { ConceptId } from '../domain/explanations.js';
import type { OrgSnapshot } from '../domain/org.js';
import type { LoggedRequest } from '../sandbox/request-log.js';

export interface TourState {
  /** Custom role names loaded for every project. */
  readonly snapshot: OrgSnapshot;
  /** Every project's custom role descriptors, by project id. */
  readonly roles: ReadonlyMap<string, RoleMap>;
  /** What the sandbox received since the lesson started (its log is in memory: a restart empties it). */
  readonly requests: readonly LoggedRequest[];
}

const Names = z.array(z.string()).readonly();

/** What existed when the lesson started; kept in tour.json so a resumed lesson compares against the same start. */
export const Baseline = z
  .object({
    startedAt: z.string(),
    memberIds: Names,
    invitationEmails: Names,
    keyIds: Names,
    /** `projectId/roleName`. */
    customRoles: Names,
    /** Doctor finding ids (severity warning or worse). */
    findings: Names,
    /** Lesson 6: the key the tour planted as leaked, and when time is up. */
    leakedKeyId: z.string().optional(),
    /** Lesson 6: the project (Elasticsearch) key leaked in the same log. */
    leakedProjectKey: z.object({ projectId: z.string(), id: z.string() }).readonly().optional(),
    /** Project keys that worked when the lesson started (to tell collateral revocations). */
    projectKeyIds: Names.optional(),
    deadline: z.string().optional(),
  })
  .readonly();
export type Baseline = z.infer<typeof Baseline>;

export interface CheckResult {
  readonly passed: boolean;
  /** One line for the lesson bar. */
  readonly summary: string;
  /** What happened (passed) or what is still missing (not passed), a sentence each. */
  readonly details: readonly string[];
}

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** The goal in one sentence (the lesson bar's first line). */
  readonly goal: string;
  /** How to get there with the real screens, one short line each; the bar shows them one at a time. */
  readonly hints: readonly string[];
  readonly concepts: readonly ConceptId[];
  /** A lesson that is answered by typing (reading lessons change nothing in the sandbox). */
  readonly question?: string;
  /** Something the tour does to the sandbox when the lesson starts (plant the leaked key). */
  readonly setup?: 'plant-leaked-key';
  /** Seconds the learner has once the lesson started. */
  readonly timeLimitSeconds?: number;
  check(state: TourState, baseline: Baseline, answer?: string): CheckResult;
}

export const pass = (summary: string, details: readonly string[] = []): CheckResult => ({
  passed: true,
  summary,
  details,
});
export const fail = (summary: string, details: readonly string[] = []): CheckResult => ({
  passed: false,
  summary,
  details,
});
