/** The regions `GET /api/v1/serverless/regions` lists (the `Region` schema of the Serverless spec). */
export interface Region {
  readonly id: string;
  readonly name: string;
  readonly csp: 'aws' | 'gcp' | 'azure';
  readonly csp_region: string;
  readonly country_code: string;
  readonly project_creation_enabled: boolean;
}

export const REGIONS: readonly Region[] = [
  {
    id: 'aws-us-east-1',
    name: 'US East (N. Virginia)',
    csp: 'aws',
    csp_region: 'us-east-1',
    country_code: 'US',
    project_creation_enabled: true,
  },
  {
    id: 'aws-us-west-2',
    name: 'US West (Oregon)',
    csp: 'aws',
    csp_region: 'us-west-2',
    country_code: 'US',
    project_creation_enabled: true,
  },
  {
    id: 'aws-eu-west-1',
    name: 'EU (Ireland)',
    csp: 'aws',
    csp_region: 'eu-west-1',
    country_code: 'IE',
    project_creation_enabled: true,
  },
  {
    id: 'aws-eu-central-1',
    name: 'EU (Frankfurt)',
    csp: 'aws',
    csp_region: 'eu-central-1',
    country_code: 'DE',
    project_creation_enabled: true,
  },
  {
    id: 'gcp-us-central1',
    name: 'US Central (Iowa)',
    csp: 'gcp',
    csp_region: 'us-central1',
    country_code: 'US',
    project_creation_enabled: true,
  },
  {
    id: 'gcp-europe-west1',
    name: 'Europe West (Belgium)',
    csp: 'gcp',
    csp_region: 'europe-west1',
    country_code: 'BE',
    project_creation_enabled: true,
  },
  {
    id: 'azure-eastus',
    name: 'East US (Virginia)',
    csp: 'azure',
    csp_region: 'eastus',
    country_code: 'US',
    project_creation_enabled: true,
  },
  // Listed but closed to new projects, as regions being retired are.
  {
    id: 'aws-ap-southeast-1',
    name: 'Asia Pacific (Singapore)',
    csp: 'aws',
    csp_region: 'ap-southeast-1',
    country_code: 'SG',
    project_creation_enabled: false,
  },
];

export function findRegion(id: string): Region | undefined {
  return REGIONS.find((r) => r.id === id);
}
