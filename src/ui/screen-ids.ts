/**
 * The browse screens' ids, in tab order (the number keys follow this order). Only the ids live this low, because the
 * binding table's scopes and the navigation state are typed by them; everything else about a screen is its
 * ScreenDef in its folder under screens/ (registered in screens/registry.ts).
 */
export const SCREEN_IDS = ['members', 'projects', 'roles', 'keys'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];
