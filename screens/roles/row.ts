/** One line of the roles list: a predefined role, a custom role, or a project whose roles could not be read. */
import type { Project } from '../../src/api/schemas.js';
import type { PredefinedRole } from '../../src/domain/catalog.js';

export type RoleRow =
  | { readonly kind: 'predefined'; readonly id: string; readonly order: number; readonly role: PredefinedRole }
  | {
      readonly kind: 'custom';
      readonly id: string;
      readonly order: number;
      readonly project: Project;
      readonly name: string;
    }
  | {
      readonly kind: 'unavailable';
      readonly id: string;
      readonly order: number;
      readonly project: Project;
      readonly reason: string;
    };
