/** Request bodies are JSON: the one test every body reader uses for "a JSON object" (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
