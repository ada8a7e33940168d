/**
 * The doctor's findings for a review document. Invitation tokens are an invitation's only id inside findings (ids,
 * fixes), and they are secrets, so they are replaced before the findings go into a file.
 */
import { doctorJson, runDoctor, type DoctorJson, type DoctorOptions } from '../doctor/index.js';
import type { OrgSnapshot } from '../org.js';
import { scrubText } from '../../util/redact.js';

export function reviewFindings(snapshot: OrgSnapshot, options: DoctorOptions = {}): DoctorJson {
  const document = doctorJson(runDoctor(snapshot, options));
  const tokens = snapshot.invitations.map((i) => i.token);
  const scrubbed: unknown = JSON.parse(scrubText(JSON.stringify(document), tokens));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- only string contents changed, the shape is the document's
  return scrubbed as DoctorJson;
}
