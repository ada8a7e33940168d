/**
 * The Elasticsearch API key API of a project (the per-project credential layer), as the ES reference types it:
 * `GET /_security/api_key` answers `{api_keys: ApiKey[]}` (times in epoch milliseconds), invalidation answers
 * which ids it invalidated now and which were already invalid.
 */
import * as z from 'zod';
import { RoleDescriptor } from './schemas.js';

export const ProjectApiKey = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  type: z.string().optional(),
  creation: z.number(),
  expiration: z.number().nullable().optional(),
  invalidated: z.boolean(),
  invalidation: z.number().nullable().optional(),
  username: z.string(),
  realm: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  role_descriptors: z.record(z.string(), RoleDescriptor.loose()).optional(),
  limited_by: z.array(z.record(z.string(), RoleDescriptor.loose())).optional(),
});
export type ProjectApiKey = z.infer<typeof ProjectApiKey>;

export const GetProjectApiKeysResponse = z.looseObject({ api_keys: z.array(ProjectApiKey) });

export const InvalidateApiKeysResponse = z.looseObject({
  invalidated_api_keys: z.array(z.string()),
  previously_invalidated_api_keys: z.array(z.string()),
  error_count: z.number(),
  error_details: z.array(z.looseObject({ type: z.string().optional(), reason: z.string().optional() })).optional(),
});
export type InvalidateApiKeysResponse = z.infer<typeof InvalidateApiKeysResponse>;
