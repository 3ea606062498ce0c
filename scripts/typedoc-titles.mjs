// A TypeDoc plugin for the documentation site: each page is named by its own title (the
// markdown's first `# heading`, not its file name), and that heading is not shown a second time
// under the page's title — on the README's page either. The header's link to the stories is
// made relative to each page, so it works from every page, at a host's root or under a path.
import { Converter, PageEvent, RendererEvent } from 'typedoc';

/** Takes the leading `# Title` line out of a page's text: the title, and the rest. */
function takeTitle(parts) {
  const first = parts?.[0];
  if (first?.kind !== 'text') return undefined;
  const match = /^\s*#\s+([^\n]+)\n?/.exec(first.text);
  if (!match) return undefined;
  first.text = first.text.slice(match[0].length);
  return match[1].trim();
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    const title = takeTitle(document.content);
    if (title) document.name = title;
  });
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    takeTitle(event.project.readme);
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
