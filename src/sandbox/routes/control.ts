/**
 * `/_sandbox`: levers for tests and onboarding sessions that the real service does not have. No key is needed:
 * the server listens on 127.0.0.1 only and refuses control requests whose Host is not a loopback name (so a web
 * page cannot reach them through DNS rebinding). Errors use the Cloud envelope with `sandbox.*` codes.
 */
import { isProjectType, PROJECT_TYPES } from '../../api/schemas.js';
import type { RequestContext } from '../context.js';
import { isRecord } from '../json-object.js';
import { FaultInput } from '../faults.js';
import type { StoredMember } from '../model.js';
import { cloudError, ok } from '../reply.js';
import type { RequestLog } from '../request-log.js';
import { one, type Route } from '../router.js';
import { DIGITS } from '../rng.js';
import { randomId } from '../secrets.js';
import { parseDuration } from '../../domain/duration.js';
import { isPast, memberWire, projectWire } from '../wire.js';
import { createProject } from './serverless.js';

type R = Route<RequestContext>;
const control = { dialect: 'control', auth: 'none' } as const;

export interface ControlDeps {
  readonly log: RequestLog;
  /** Rebuilds the seeded organization (same seed, scale and sandbox keys), clears faults and the log. */
  reset(): void;
  connectionsSeen(): number;
}

const invalid = (message: string) => cloudError(400, 'sandbox.invalid_input', message);

export function controlRoutes(deps: ControlDeps): R[] {
  return [
    {
      ...control,
      method: 'GET',
      pattern: '/_sandbox',
      handle: ({ core }) =>
        ok({
          organization_id: core.data.organization.id,
          base_url: core.baseUrl,
          now: core.clock.now().toISOString(),
          owner_key_id: core.data.credentials.ownerKeyId,
          viewer_key_id: core.data.credentials.viewerKeyId,
          connections_seen: deps.connectionsSeen(),
        }),
    },
    {
      ...control,
      method: 'GET',
      pattern: '/_sandbox/clock',
      handle: ({ core }) => ok({ now: core.clock.now().toISOString() }),
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sandbox/clock',
      handle: ({ core, body }) => {
        const advance = isRecord(body) ? body.advance : undefined;
        const ms =
          typeof advance === 'string'
            ? parseDuration(advance)
            : typeof advance === 'number' && advance > 0
              ? advance
              : undefined;
        if (ms === undefined)
          throw invalid('body must be {"advance": "<duration>"} (e.g. "3d") or {"advance": <milliseconds>}');
        core.clock.advance(ms);
        return ok({ now: core.clock.now().toISOString() });
      },
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sandbox/invitations/:token/_accept',
      handle: ({ core, body }, { token }) => {
        const { data, clock } = core;
        const invitation = data.invitations.find((i) => i.token === one(token!));
        if (!invitation) throw cloudError(404, 'organization.invitation_not_found', 'invitation not found');
        if (isPast(invitation.expires_at, clock.now()))
          throw cloudError(
            400,
            'organization.invitation_expired',
            `the invitation expired at ${invitation.expires_at}`,
          );
        if (data.members.some((m) => m.email.toLowerCase() === invitation.email)) {
          throw cloudError(
            400,
            'organization.user_organization_already_belongs',
            `${invitation.email} is already a member`,
          );
        }
        const name = isRecord(body) && typeof body.name === 'string' ? body.name : nameFromEmail(invitation.email);
        const member: StoredMember = {
          user_id: randomId(10, DIGITS).replace(/^0/, '1'),
          email: invitation.email,
          name,
          member_since: clock.now().toISOString(),
          role_assignments: invitation.role_assignments,
        };
        data.members.push(member);
        data.invitations = data.invitations.filter((i) => i !== invitation);
        return ok(memberWire(member, data.organization.id));
      },
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sandbox/projects',
      handle: (ctx) => {
        const { body } = ctx;
        if (!isRecord(body) || !isProjectType(body.type)) {
          throw invalid(`body must name a type (${PROJECT_TYPES.join(', ')}) and a name`);
        }
        const { data, baseUrl } = ctx.core;
        const owner = data.keys.find((k) => k.id === data.credentials.ownerKeyId)?.user_id ?? '';
        const project = createProject(ctx, body.type, { region_id: 'aws-us-east-1', ...body }, owner);
        return ok(projectWire(project, data, baseUrl), 201);
      },
    },
    {
      ...control,
      method: 'GET',
      pattern: '/_sandbox/faults',
      handle: ({ core }) => ok({ faults: core.faults.list() }),
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sandbox/faults',
      handle: ({ core, body }) => {
        // `{"latencyMs": N}` is shorthand for a latency fault.
        const input =
          isRecord(body) && typeof body.latencyMs === 'number' ? { kind: 'latency', ms: body.latencyMs } : body;
        const parsed = FaultInput.array().safeParse(Array.isArray(input) ? input : [input]);
        if (!parsed.success)
          throw invalid(
            `not a fault: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        parsed.data.forEach((f) => core.faults.add(f));
        return ok({ faults: core.faults.list() });
      },
    },
    {
      ...control,
      method: 'DELETE',
      pattern: '/_sandbox/faults',
      handle: ({ core }) => {
        core.faults.clear();
        return ok({ faults: core.faults.list() });
      },
    },
    {
      ...control,
      method: 'GET',
      pattern: '/_sandbox/requests',
      handle: ({ query }) => ok({ requests: deps.log.list(Number(query.get('since') ?? 0) || 0) }),
    },
    {
      ...control,
      method: 'DELETE',
      pattern: '/_sandbox/requests',
      handle: () => {
        deps.log.clear();
        return ok({});
      },
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sandbox/reset',
      handle: ({ core }) => {
        deps.reset();
        return ok({ organization_id: core.data.organization.id, now: core.clock.now().toISOString() });
      },
    },
  ];
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
