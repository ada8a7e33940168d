/** The four browse screens, in tab order (the number keys follow this order). */
export const SCREEN_IDS = ['members', 'projects', 'roles', 'keys'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export const SCREEN_TITLES: Record<ScreenId, string> = {
  members: 'Members',
  projects: 'Projects',
  roles: 'Roles',
  keys: 'Keys',
};
