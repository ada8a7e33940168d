/**
 * What "requests in plain words" produce: a plan the TUI opens as a pre-filled wizard, never a request sent directly.
 */
import type { ApiKey, Invitation, Member, Project, ProjectType, RoleDescriptor } from '../../api/schemas.js';
import type { CustomRolesState } from '../org.js';

/** Specific projects of one type, or every project of a type (`all: true`, which also covers future ones). */
export type ProjectTarget =
  | { readonly kind: 'projects'; readonly type: ProjectType; readonly projectIds: readonly string[] }
  | { readonly kind: 'all-of-type'; readonly type: ProjectType };

/** One project role assignment to make: the Cloud role_id and, for custom or key stack access, application_roles. */
export interface ProjectGrant {
  readonly target: ProjectTarget;
  readonly roleId: string;
  readonly applicationRoles?: readonly string[];
}

/** Who receives a custom role: an existing member, or someone to invite first. */
export type Assignee =
  | { readonly kind: 'member'; readonly userId: string; readonly label: string }
  | { readonly kind: 'invite'; readonly email: string };

export type Intent =
  | {
      readonly kind: 'invite';
      readonly emails: readonly string[];
      readonly organizationRoleIds: readonly string[];
      readonly grants: readonly ProjectGrant[];
    }
  | {
      readonly kind: 'update-member-roles';
      readonly userId: string;
      readonly label: string;
      readonly organizationRoleIds: readonly string[];
      readonly add: readonly ProjectGrant[];
      /** Existing entries to delete, exactly as they are; what they covered beyond the request comes back in `add`. */
      readonly remove: readonly ProjectGrant[];
    }
  | {
      readonly kind: 'assign-custom-role';
      readonly userId: string;
      readonly label: string;
      readonly roleName: string;
      readonly grants: readonly ProjectGrant[];
    }
  | {
      readonly kind: 'create-custom-role-and-assign';
      readonly roleName: string;
      readonly descriptor: RoleDescriptor;
      readonly projectIds: readonly string[];
      readonly assignee: Assignee;
      readonly grants: readonly ProjectGrant[];
    }
  | {
      readonly kind: 'create-key';
      readonly description: string;
      /** A duration the create call accepts ("30d", "12h"); undefined = the wizard asks. */
      readonly expiration?: string;
      readonly organizationRoleIds: readonly string[];
      readonly grants: readonly ProjectGrant[];
      /** Rotation: copy role_assignments from this key instead of `grants`. */
      readonly likeKeyId?: string;
      /** Rotation: revoke these once the new key is in place. */
      readonly replacesKeyIds: readonly string[];
    }
  | { readonly kind: 'revoke-keys'; readonly pattern: string; readonly keyIds: readonly string[] }
  | { readonly kind: 'remove-member'; readonly userId: string; readonly label: string }
  | {
      readonly kind: 'show-access';
      readonly subject:
        | { readonly kind: 'project'; readonly projectId: string }
        | { readonly kind: 'member'; readonly userId: string }
        | { readonly kind: 'key'; readonly keyId: string };
    };

export type IntentKind = Intent['kind'];

/** One answer to a clarifying question: `text` is the sentence rewritten with the choice, ready to parse again. */
export interface IntentChoice {
  readonly label: string;
  readonly text: string;
}

export type IntentResult =
  | { readonly ok: true; readonly intent: Intent; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly unknownWords?: readonly string[] }
  | { readonly ok: 'ambiguous'; readonly question: string; readonly choices: readonly IntentChoice[] };

export interface IntentContext {
  readonly projects: readonly Project[];
  readonly members: readonly Member[];
  readonly keys: readonly ApiKey[];
  readonly invitations?: readonly Invitation[];
  /** Custom roles per project id, as in OrgSnapshot; omitted = none known. */
  readonly customRoles?: ReadonlyMap<string, CustomRolesState>;
}
