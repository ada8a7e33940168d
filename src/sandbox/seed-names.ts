/** Word lists the seed draws people and project names from. */
export const FIRST_NAMES = [
  'Ada', 'Amara', 'Bea', 'Bruno', 'Carmen', 'Chen', 'Dana', 'Diego', 'Elif', 'Emil', 'Farah', 'Felix', 'Grace', 'Hana',
  'Hugo', 'Ines', 'Ivan', 'Jonas', 'Kai', 'Keiko', 'Lars', 'Lena', 'Mateo', 'Maya', 'Nadia', 'Nico', 'Omar', 'Priya',
  'Quinn', 'Rafael', 'Rosa', 'Sam', 'Sofia', 'Tariq', 'Tomas', 'Uma', 'Vera', 'Wei', 'Yara', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Bauer', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ito', 'Jansen', 'Kowalski',
  'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Schmidt', 'Takahashi', 'Ueda',
  'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zimmermann',
] as const;

export const PROJECT_WORDS = [
  'catalog', 'checkout', 'docs', 'fraud', 'inventory', 'ledger', 'logs', 'metrics', 'mobile', 'orders', 'payments',
  'recs', 'search', 'support', 'telemetry', 'web',
] as const;
