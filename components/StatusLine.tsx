/**
 * One line for what is happening: the result of the last action, else the current screen's load error (message,
 * hint, how to retry; never a stack), else its spinner, else notices about the data.
 */
import { Text } from 'ink';
import type { NamedResource } from '../src/ui/screen-def.js';
import { useAppState } from '../src/ui/contexts.js';
import { useTheme } from '../src/ui/theme.js';
import { Spinner } from './Spinner.js';

export function StatusLine({ sources }: { sources: readonly NamedResource[] }) {
  const theme = useTheme();
  const { message, data } = useAppState();
  if (message) {
    return (
      <Text wrap="truncate" color={theme.colorOf(message.tone)}>
        {message.text}
      </Text>
    );
  }
  const failed = sources.find((s) => s.resource?.status === 'error');
  if (failed?.resource?.status === 'error') {
    const { error } = failed.resource;
    return (
      <Text wrap="truncate">
        <Text
          color={theme.colorOf('danger')}
          bold
        >{`${theme.symbols.fail} Loading ${failed.noun} failed: ${error.message}`}</Text>
        {error.hint ? <Text color={theme.colorOf('warning')}>{` ${theme.symbols.dash} ${error.hint}`}</Text> : null}
        <Text color={theme.colorOf('muted')}>{' · r to retry'}</Text>
      </Text>
    );
  }
  const loading = sources.filter((s) => s.resource?.status === 'loading').map((s) => s.noun);
  if (loading.length > 0) {
    return (
      <Text wrap="truncate">
        <Spinner /> {`Loading ${loading.join(', ')}${theme.symbols.ellipsis}`}
      </Text>
    );
  }
  return (
    <Text wrap="truncate" color={theme.colorOf('warning')}>
      {data.notices.join(' · ')}
    </Text>
  );
}
