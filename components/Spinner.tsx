/** Its own timer, its own re-renders: the spinner ticks without re-rendering anything else. */
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTheme } from '../src/ui/theme.js';

export function Spinner() {
  const { symbols, colorOf } = useTheme();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % symbols.spinner.length), 100);
    return () => clearInterval(timer);
  }, [symbols.spinner.length]);
  return <Text color={colorOf('accent')}>{symbols.spinner[frame]}</Text>;
}
