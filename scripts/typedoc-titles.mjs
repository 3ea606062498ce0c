// A TypeDoc plugin for the documentation site: each page is named by its own title (the
// markdown's first `# heading`, not its file name) and shows it once: a guide's page keeps its
// heading (TypeDoc shows no title of its own on a document), the README's page drops it (the
// project's name is its title). The header's link to the stories is
// made relative to each page, so it works from every page, at a host's root or under a path.
import { Converter, PageEvent, RendererEvent } from 'typedoc';

/** A page's leading `# Title`: the title, taken out of the text when `take` is set. */
function titleOf(parts, take) {
  const first = parts?.[0];
  if (first?.kind !== 'text') return undefined;
  const match = /^\s*#\s+([^\n]+)\n?/.exec(first.text);
  if (!match) return undefined;
  if (take) first.text = first.text.slice(match[0].length);
  return match[1].trim();
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    const title = titleOf(document.content, false);
    if (title) document.name = title;
  });
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    titleOf(event.project.readme, true);
  });
  app.renderer.on(PageEvent.END, (page) => {
    if (!page.contents) return;
    const up = '../'.repeat(page.url.split('/').length - 1);
    page.contents = page.contents.replaceAll(
      'href="storybook/index.html"',
      `href="${up}storybook/index.html"`,
    );
  });
}
