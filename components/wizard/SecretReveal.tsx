/**
 * The one-time display of a created key's secret, until the full SecretPanel exists: masked by default, `v` shows
 * or hides it. The value lives only in this component's Secret; it is never put in app state, a message or a log.
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { useTheme } from '../../src/ui/theme.js';
import type { Secret } from '../../src/util/secret.js';

export function SecretReveal({ secret, keyId }: { secret: Secret; keyId: string }) {
  const theme = useTheme();
  const [shown, setShown] = useState(false);
  useInput((input) => {
    if (input === 'v') setShown((s) => !s);
  });
  return (
    <Box flexDirection="column">
      <Text bold color={theme.colorOf('warning')}>{` ${theme.symbols.warn} Copy the secret of ${keyId} now: it is shown only once and cannot be retrieved later.`}</Text>
      <Text wrap="truncate">
        {'   '}
        {shown ? secret.reveal() : `${'•'.repeat(12)}${secret.hint()}`}
        <Text color={theme.colorOf('muted')}>{`   v ${shown ? 'hide' : 'reveal'}`}</Text>
      </Text>
    </Box>
  );
}
