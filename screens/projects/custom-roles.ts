/** How the custom roles of one project read, including exactly why they could not be listed. */
import type { CustomRolesState } from '../../src/domain/org.js';
import type { Resource } from '../../src/state/resource.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { ScreenContext } from '../../src/ui/screen-def.js';

export function customRolesLines(resource: Resource<CustomRolesState> | undefined, ctx: ScreenContext): Line[] {
  if (!resource || resource.status === 'idle' || (resource.status === 'loading' && !resource.data)) {
    return [line(tone('muted', '  loading…'))];
  }
  if (resource.status === 'error') {
    return [
      line(
        '  ',
        tone('danger', `${ctx.symbols.fail} ${resource.error.message}`),
        resource.error.hint ? tone('muted', ` (${resource.error.hint})`) : undefined,
      ),
    ];
  }
  const state = resource.data!;
  if (state.status === 'unavailable')
    return [line('  ', tone('warning', `${ctx.symbols.warn} unavailable: ${state.reason}`))];
  if (state.names.length === 0)
    return [line(tone('muted', `  none (from ${state.source === 'cloud' ? 'the Cloud API' : 'Elasticsearch'})`))];
  return state.names.map((name) => line('  ', name));
}
