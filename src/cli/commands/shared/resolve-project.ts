/**
 * `--project` accepts what people have at hand: the 32-character id, the alias (with or without Cloud's
 * six-character suffix) or the display name. Precedence is by how unambiguous each is: exact id, then exact
 * alias, then exact name, then a prefix of any of them that only one project has. Anything still ambiguous is
 * a usage error that lists the candidates, because guessing would change the wrong project.
 */
import { UsageError } from '../../args.js';
import type { Project } from '../../../api/schemas.js';

/** Cloud appends a six-character suffix to the alias people chose ("search-prod" → "search-prod-a1b2c3"). */
const aliasStem = (alias: string) => alias.replace(/-[a-z0-9]{6}$/, '');

const describe = (p: Project) => `${p.name} (${p.type}, alias ${p.alias}, id ${p.id})`;

function pick(matches: readonly Project[], input: string, how: string): Project | undefined {
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(
      `--project "${input}" ${how} ${matches.length} projects; name one by id or alias:\n${matches.map((p) => `  ${describe(p)}`).join('\n')}`,
    );
  }
  return undefined;
}

export function resolveProject(projects: readonly Project[], input: string): Project {
  const word = input.trim().toLowerCase();
  const found =
    pick(
      projects.filter((p) => p.id.toLowerCase() === word),
      input,
      'is the id of',
    ) ??
    pick(
      projects.filter((p) => [p.alias, aliasStem(p.alias)].some((a) => a.toLowerCase() === word)),
      input,
      'is the alias of',
    ) ??
    pick(
      projects.filter((p) => p.name.toLowerCase() === word),
      input,
      'is the name of',
    ) ??
    pick(
      projects.filter((p) => [p.id, p.alias, p.name].some((n) => n.toLowerCase().startsWith(word))),
      input,
      'matches',
    );
  if (found) return found;
  const known =
    projects.length === 0
      ? 'this organization has no Serverless projects'
      : `known projects:\n${projects.map((p) => `  ${describe(p)}`).join('\n')}`;
  throw new UsageError(`no project matches --project "${input}"; ${known}`);
}
