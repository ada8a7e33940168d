/** One-time secrets (a created key's value): masked by default, copied, or saved to an owner-only file. */
export { maskSecret } from './mask.js';
export { osc52Copy } from './osc52.js';
export { SecretFileError, suggestedSecretFileName, writeSecretFile } from './file.js';
export type { SecretFileRequest } from './file.js';
