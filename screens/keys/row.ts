/** One line of the keys list: a Cloud key, a project's own key, or a project whose keys could not be read. */
import type { ProjectApiKey } from '../../src/api/project-key-schemas.js';
import type { ApiKey, Project } from '../../src/api/schemas.js';
import type { Tone } from '../../src/ui/theme.js';

export type KeyRow = CloudKeyRow | ProjectKeyRow | UnreadableProjectRow;

export interface CloudKeyRow {
  readonly kind: 'cloud';
  readonly id: string;
  readonly layer: 'Cloud';
  readonly name: string;
  readonly key: ApiKey;
  readonly created: string;
  readonly expires: string;
  readonly expiryTone?: Tone;
  readonly scope: string;
  readonly cloudOnly: boolean;
}

export interface ProjectKeyRow {
  readonly kind: 'project';
  readonly id: string;
  readonly project: Project;
  readonly key: ProjectApiKey;
  readonly layer: string;
  readonly name: string;
  readonly created: string;
  readonly createdAt: number;
  readonly expires: string;
  readonly expiresAt: number;
  readonly expiryTone?: Tone;
  readonly scope: string;
}

export interface UnreadableProjectRow {
  readonly kind: 'unreadable';
  readonly id: string;
  readonly project: Project;
  readonly reason: string;
  readonly layer: string;
  readonly name: string;
}
