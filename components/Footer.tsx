/**
 * The keys that work right now, straight from the binding table: the focused panel's own first (its working
 * bindings, from the focus stack), or the screen's own actions, then the shell's as they fit.
 */
import { Text } from 'ink';
import { activeBindings, PANEL_SCOPES, type Binding, type BindingContext } from '../src/ui/bindings.js';
import { useFocus } from '../src/ui/keypress.js';
import { isPrintable, keyLabel } from '../src/ui/keys.js';
import { textWidth } from '../src/ui/text-width.js';
import { useTheme } from '../src/ui/theme.js';

/** Footer slots: first key of each labelled binding, adjacent same-label bindings merged. */
export function footerSlots(bindings: readonly Binding[], unicode: boolean): { keys: string; label: string }[] {
  const slots: { keys: string[]; label: string }[] = [];
  for (const b of bindings) {
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

const isPanelScope = (b: Binding) => (PANEL_SCOPES as readonly string[]).includes(b.scope);

/** `top`: the overlay on top (its serial), whose keys come first, from its first frame on. */
export function Footer({ ctx, width, top }: { ctx: BindingContext; width: number; top?: number | undefined }) {
  const theme = useTheme();
  const focus = useFocus(top);
  // A panel's scope reaches the footer through the stack only: the shell's context would list it a second time.
  // A text field takes printable keys, so the shell's (`?` help over a panel) are not offered then.
  const shell = activeBindings(ctx).filter((b) => !isPanelScope(b) && !(focus.takesText && b.keys.every(isPrintable)));
  // The screen's own actions (mark, revoke, new) before the keys every screen has: they are what the user came for;
  // then the keys that work only in this state (esc clears the filter kept, x on Members).
  const own = shell.filter((b) => b.scope === ctx.screen);
  const now = shell.filter((b) => b.scope !== ctx.screen && b.when);
  const bindings = [...focus.bindings, ...own, ...now, ...shell.filter((b) => !own.includes(b) && !now.includes(b))];
  const slots = slotsThatFit(footerSlots(bindings, theme.unicode), width);
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
