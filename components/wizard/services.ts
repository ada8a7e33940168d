/**
 * What a wizard needs beyond the store: a way to send prepared requests (Cloud, or a project's Elasticsearch) and
 * to print their full URLs, plus the sandbox's control routes when connected to the sandbox. Provided once around
 * the app (tui-session) or a test; wizards never build clients themselves.
 */
import { createContext, useContext } from 'react';
import type { CloudApi } from '../../src/api/client.js';
import type { ApiRequest } from '../../src/api/requests.js';
import type { Project } from '../../src/api/schemas.js';
import type { AuthenticateAs } from '../../src/state/authenticate-as.js';
import type { EsAccess } from '../../src/state/es-access.js';
import type { SandboxControl } from '../../src/state/sandbox-control.js';

export interface WizardServices {
  readonly cloud: CloudApi;
  readonly esAccess?: EsAccess;
  /** `_authenticate` sent with a given credential: how `keys identify` names a leaked value. */
  readonly authenticateAs?: AuthenticateAs;
  /** Present only in sandbox mode: the "accept (sandbox)" action depends on it. */
  readonly sandbox?: SandboxControl;
}

export const WizardServicesContext = createContext<WizardServices | undefined>(undefined);

export function useWizardServices(): WizardServices | undefined {
  return useContext(WizardServicesContext);
}

/** Sends a request to the service its target names; ES requests need the project to find the credential. */
export interface RequestRouter {
  readonly urlOf: (request: ApiRequest) => string;
  readonly send: (request: ApiRequest) => Promise<unknown>;
}

function esRoute(services: WizardServices, projects: readonly Project[], projectId: string) {
  const project = projects.find((p) => p.id === projectId);
  if (!project) return { missing: `project ${projectId} is not in the loaded project lists` };
  return services.esAccess?.(project) ?? { missing: 'no Elasticsearch access configured' };
}

export function requestRouter(services: WizardServices, projects: readonly Project[]): RequestRouter {
  return {
    urlOf(request) {
      const { target } = request;
      if (target.service === 'cloud') return services.cloud.urlOf(request);
      const route = esRoute(services, projects, target.projectId);
      if ('api' in route) return route.api.urlOf(request);
      const endpoint = projects.find((p) => p.id === target.projectId)?.endpoints.elasticsearch ?? '<unknown project>';
      return `${endpoint}${request.path}`;
    },
    async send(request) {
      if (request.target.service === 'cloud') return services.cloud.send(request);
      const route = esRoute(services, projects, request.target.projectId);
      if ('missing' in route) {
        throw Object.assign(new Error(`Cannot reach the project's Elasticsearch: ${route.missing}`), {
          hint: 'Custom roles are written with the project security API; see README "Configuration"',
        });
      }
      return route.api.send(request);
    },
  };
}
