import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';
import { importMarkdownFolder, readFolder } from './imports/markdown.js';

/** `shoreline knowledge import --markdown DIR`: articles from a folder of Markdown files (decision 0038). */
export function registerKnowledgeCommands(program: Command, cli: CliContext): void {
  const knowledge = program.command('knowledge').description('the knowledge base');
  knowledge
    .command('import')
    .description(
      'import articles into an empty knowledge base from a folder of Markdown files with front matter',
    )
    .requiredOption(
      '--markdown <dir>',
      'folder of .md files (title, language, slug, category in front matter)',
    )
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (opts: { markdown: string; organization?: string }) => {
      const files = await readFolder(opts.markdown);
      const result = await cli.asOrganization(opts.organization, (scoped, ctx) =>
        importMarkdownFolder(scoped, ctx.clock, files),
      );
      process.stdout.write(
        `imported ${result.articles} articles (${result.versions} versions) in ${result.categories} categories\n`,
      );
    });
}
