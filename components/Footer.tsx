/** The keys that work right now, straight from the binding table. */
import { Text } from 'ink';
import { activeBindings, type BindingContext } from '../src/ui/bindings.js';
import { keyLabel } from '../src/ui/keys.js';
import { textWidth } from '../src/ui/text-width.js';
import { useTheme } from '../src/ui/theme.js';

/** Footer slots: first key of each labelled binding, adjacent same-label bindings merged. */
function footerSlots(ctx: BindingContext, unicode: boolean): { keys: string; label: string }[] {
  const slots: { keys: string[]; label: string }[] = [];
  for (const b of activeBindings(ctx)) {
    if (!b.label) continue;
    const key = keyLabel(b.keys[0]!, unicode);
    const last = slots.at(-1);
    if (last?.label === b.label) last.keys.push(key);
    else slots.push({ keys: [key], label: b.label });
  }
  return slots.map((s) => ({ keys: s.keys.join('/'), label: s.label }));
}

/** Whole slots only, in order, as many as fit: a slot cut in half reads as a different key. */
function slotsThatFit<S extends { keys: string; label: string }>(slots: readonly S[], width: number): S[] {
  const fitting: S[] = [];
  let used = 0;
  for (const slot of slots) {
    used += (fitting.length > 0 ? 2 : 0) + textWidth(`${slot.keys} ${slot.label}`);
    if (used > width) break;
    fitting.push(slot);
  }
  return fitting;
}

export function Footer({ ctx, width }: { ctx: BindingContext; width: number }) {
  const theme = useTheme();
  const slots = slotsThatFit(footerSlots(ctx, theme.unicode), width);
  return (
    <Text wrap="truncate">
      {slots.map((slot, i) => (
        <Text key={i}>
          {i > 0 ? '  ' : ''}
          <Text bold color={theme.colorOf('accent')}>
            {slot.keys}
          </Text>
          <Text color={theme.colorOf('muted')}>{` ${slot.label}`}</Text>
        </Text>
      ))}
    </Text>
  );
}
