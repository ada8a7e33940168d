/** Two lines: where we are connected and as whom, then the screen tabs. */
import { Box, Text } from 'ink';
import { dataOf } from '../src/state/resource.js';
import { clipLine, line } from '../src/ui/lines.js';
import { useAppState } from '../src/ui/contexts.js';
import { SCREEN_IDS, SCREEN_TITLES } from '../src/ui/screen-ids.js';
import { useTheme } from '../src/ui/theme.js';
import { API_KEYS, listOf } from '../src/state/lists.js';

const SANDBOX_LABEL = 'SANDBOX — simulated organization';

function useIdentity(): string {
  const { connection, data } = useAppState();
  const { selfKeyId, keyHint } = connection;
  if (selfKeyId) {
    const key = dataOf(listOf(data, API_KEYS))?.find((k) => k.id === selfKeyId);
    return key ? `key "${key.description}" (${key.id})` : `key ${selfKeyId}`;
  }
  return keyHint ? `API key ${keyHint}` : 'API key';
}

export function Header({ width }: { width: number }) {
  const theme = useTheme();
  const { connection, data, nav } = useAppState();
  const identity = useIdentity();
  const organization = dataOf(data.organization);
  const sandbox = connection.kind === 'sandbox';
  const label = sandbox ? (theme.unicode ? SANDBOX_LABEL : SANDBOX_LABEL.replace('—', '-')) : connection.host;
  const orgText = organization ? organization.name : `organization${theme.symbols.ellipsis}`;
  const orgId = organization ? ` (${organization.id})` : '';
  const before = `ec-access  ${orgText}${orgId}  ${sandbox ? ` ${label} ` : label}`;
  const who = clipLine(
    line(`  as ${identity}`),
    Math.max(0, width - Array.from(before).length),
    theme.symbols.ellipsis,
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold color={theme.colorOf('title')}>
          ec-access
        </Text>
        {'  '}
        <Text bold>{orgText}</Text>
        <Text color={theme.colorOf('muted')}>{orgId}</Text>
        {'  '}
        {sandbox ? (
          <Text bold inverse={theme.color} color={theme.colorOf('sandbox')}>{` ${label} `}</Text>
        ) : (
          <Text color={theme.colorOf('accent')}>{label}</Text>
        )}
        <Text color={theme.colorOf('muted')}>{who.map((s) => s.text).join('')}</Text>
      </Text>
      <Text wrap="truncate">
        {SCREEN_IDS.map((id, i) => {
          const current = id === nav.screen;
          const tab = `${i + 1} ${SCREEN_TITLES[id]}`;
          return (
            <Text key={id} bold={current} color={current ? theme.colorOf('accent') : theme.colorOf('muted')}>
              {current ? `[${tab}]` : ` ${tab} `}{' '}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}
