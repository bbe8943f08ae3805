import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '#domain/content/markdown.ts';
import { xssCorpus } from '../../support/xss-corpus.ts';

// What the pipeline may emit: the elements marked builds and the attributes it sets on them.
const allowedTags = new Set(
  'h1 h2 h3 h4 h5 h6 p br hr blockquote pre code em strong del ul ol li a table thead tbody tr th td img input'.split(
    ' ',
  ),
);
const allowedAttributes = new Set([
  'href',
  'title',
  'rel',
  'src',
  'alt',
  'align',
  'start',
  'class',
  'checked',
  'disabled',
  'type',
]);

describe('the markdown pipeline', () => {
  it('renders ordinary markdown: headings, lists, tables, code, links', () => {
    const html = renderMarkdown(
      '## Steps\n\n1. Cut\n2. Fix\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code` [site](https://example.org)',
    );
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<table>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>');
  });

  it('starts the outline at the level asked, whether the author began at # or ##, without gaps', () => {
    expect(renderMarkdown('# Title\n## Sub', { topLevel: 2 })).toBe('<h2>Title</h2>\n<h3>Sub</h3>\n');
    expect(renderMarkdown('## Steps\n### One', { topLevel: 2 })).toBe('<h2>Steps</h2>\n<h3>One</h3>\n');
    expect(renderMarkdown('Just text', { topLevel: 2 })).toBe('<p>Just text</p>\n');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror/i],
    ['[click](javascript:alert(1))', /javascript:/i],
    ['[click](JaVaScRiPt:alert(1))', /javascript:/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<svg onload=alert(1)><circle/></svg>', /<svg|onload/i],
    // Survives only as text: no element carries the handler.
    ['![x](https://example.org/x.png "t" onerror="alert(1)")', /<[^>]*\sonerror=/i],
    ['<div style="background:url(javascript:alert(1))">x</div>', /style|javascript/i],
    ['<form action="https://evil.example"><button>go</button></form>', /<form|<button/i],
  ])('removes what could run script: %s', (markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it.each([
    [
      '[x](https://example.org/a?b=1&c=2)',
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">x</a>',
    ],
    ['[x](mailto:crew@example.org)', '<a href="mailto:crew@example.org">x</a>'],
    ['[x](/jobs/42)', '<a href="/jobs/42">x</a>'],
    ['[x](#steps)', '<a href="#steps">x</a>'],
    ['![a board](https://example.org/b.png)', '<img src="https://example.org/b.png" alt="a board">'],
  ])('keeps safe links and images: %s', (markdown, html) => {
    expect(renderMarkdown(markdown)).toContain(html);
  });

  it.each([
    '[x](java\tscript:alert(1))',
    '[x](<java script:alert(1)>)',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](//evil.example/a)',
    '[x](/\\evil.example)',
    '<javascript:alert(1)>',
    '![x](http://example.org/plain-http.png)',
    '![x](/relative.png)',
  ])('turns a link or image with a refused URL into its text: %s', (markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<a\s|<img\s/);
  });

  it.each([
    ['[x](&#106;avascript:alert(1))', '<a href="&amp;#106;avascript:alert(1)">x</a>'],
    ['[x](javascript&colon;alert(1))', '<a href="javascript&amp;colon;alert(1)">x</a>'],
  ])('leaves an entity-disguised scheme as the harmless relative URL the browser will read: %s', (markdown, html) => {
    expect(renderMarkdown(markdown)).toContain(html);
  });

  it('emits only its own elements and attributes, whatever the corpus throws at it', () => {
    for (const payload of xssCorpus()) {
      const html = renderMarkdown(payload);
      for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        expect(allowedTags, payload).toContain(tag?.toLowerCase());
        for (const [, name] of (attributes ?? '').matchAll(/([^\s=]+)(?:="[^"]*")?/g)) {
          expect(allowedAttributes, payload).toContain(name?.toLowerCase());
        }
      }
    }
  });

  it('gives plain text for summaries and search', () => {
    expect(markdownToText('## Title\n\nSome **bold** <b>text</b>.')).toBe('Title Some bold text.');
  });

  it('gives text as a person reads it, with no entities left to escape twice', () => {
    expect(markdownToText('Tools & fixings: 2 < 3, "quoted", caf&eacute; &#x2713;')).toBe(
      'Tools & fixings: 2 < 3, "quoted", caf&eacute; ✓',
    );
  });
});
