import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '#domain/content/markdown.ts';

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

  it('gives plain text for summaries and search', () => {
    expect(markdownToText('## Title\n\nSome **bold** <b>text</b>.')).toBe('Title Some bold text.');
  });
});
