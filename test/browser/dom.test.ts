import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildBrowser } from '../../scripts/build-browser';
import { describeInChromium, launchChromium, serveStatic, type StaticServer } from './chromium';

jest.setTimeout(120_000);

// slant/dom in Chromium: spans to Ranges across Text nodes and inline markup, wrapping and clean removal, the
// blocks text mode, the CSS Custom Highlight API mode, and selections as text offsets.
describeInChromium('slant/dom in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slant-dom-'));
    await buildBrowser(dir, false, ['dom.mjs']);
    server = await serveStatic(dir, {}, { '/': '<!doctype html><meta charset="utf-8"><title>dom</title><div id="root"></div>' });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(server.url + '/');
    await page.evaluate("import('/dom.mjs').then((m) => { window.dom = m; })"); // a string: no transpiled import()
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('wraps overlapping spans across inline markup and restores the DOM exactly', async () => {
    const r = await page.evaluate(() => {
      const { wrapSpans } = (window as any).dom;
      const root = document.getElementById('root')!;
      root.innerHTML = 'The <b>mayor <i>slammed</i></b> the plan. <a href="#x">Critics</a> said so.';
      const before = root.innerHTML;
      const textNodes: Node[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) textNodes.push(walker.currentNode);
      const h = wrapSpans(root, [
        { start: 4, end: 17, attributes: { 'data-k': 'a' } }, // "mayor slammed": across <b> and <i>
        { start: 10, end: 26, attributes: { 'data-k': 'b' } }, // "slammed the plan": overlaps a, leaves <b>
        { start: 0, end: 3, attributes: { 'data-k': 'c' } },
        { start: 28, end: 35, attributes: { 'data-k': 'd' } }, // "Critics" inside <a>
      ]);
      const textOf = (i: number) =>
        h
          .elementsOf(i)
          .map((e: Element) => e.textContent)
          .join('');
      const during = {
        a: textOf(0),
        b: textOf(1),
        c: textOf(2),
        d: textOf(3),
        text: root.textContent,
        marks: root.querySelectorAll('mark.slant-mark').length,
        nested: root.querySelectorAll('mark mark').length,
        inLink: root.querySelector('a mark')?.textContent,
      };
      h.remove();
      const after: Node[] = [];
      const w2 = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (w2.nextNode()) after.push(w2.currentNode);
      return {
        during,
        same: root.innerHTML === before,
        sameNodes: after.length === textNodes.length && after.every((n, i) => n === textNodes[i]),
      };
    });
    expect(r.during).toEqual({
      a: 'mayor slammed',
      b: 'slammed the plan',
      c: 'The',
      d: 'Critics',
      text: 'The mayor slammed the plan. Critics said so.',
      marks: 6,
      nested: 1,
      inLink: 'Critics',
    });
    expect(r.same).toBe(true);
    expect(r.sameNodes).toBe(true);
  });

  it('highlights findings with their index and analyzer, and refuses a report of another text', async () => {
    const r = await page.evaluate(() => {
      const { highlightFindings } = (window as any).dom;
      const root = document.getElementById('root')!;
      root.innerHTML = 'Critics <em>slammed</em> the plan.';
      const f = (analyzer: string, start: number, end: number, text: string, severity = 'warning') => ({
        analyzer,
        severity,
        span: { start, end, text },
      });
      const report = { findings: [f('tone', 0, 7, 'Critics', 'info'), f('loaded-language', 8, 15, 'slammed')] };
      const h = highlightFindings(root, report, { filter: (x: any) => x.severity === 'warning' });
      const marks = Array.from(root.querySelectorAll('mark')).map((m) => [
        m.dataset.slantFinding,
        m.dataset.slantAnalyzer,
        m.dataset.slantSeverity,
        m.textContent,
      ]);
      h.remove();
      let error = '';
      try {
        highlightFindings(root, { findings: [f('tone', 0, 7, 'Mayors!')] });
      } catch (e) {
        error = (e as Error).message;
      }
      return { marks, html: root.innerHTML, error };
    });
    expect(r.marks).toEqual([['1', 'loaded-language', 'warning', 'slammed']]);
    expect(r.html).toBe('Critics <em>slammed</em> the plan.');
    expect(r.error).toMatch(/not of this element's text/);
  });

  it('reads blocks and line breaks in blocks mode and maps ranges back', async () => {
    const r = await page.evaluate(() => {
      const { indexText, wrapSpans } = (window as any).dom;
      const root = document.getElementById('root')!;
      root.innerHTML = '<p>One <b>two</b>.</p><p>Three<br>four.</p><script>x()</script><div>Five.</div>';
      const index = indexText(root, { mode: 'blocks' });
      const across = index.rangeOf(4, 15).toString(); // "two.\n\nThree" as a DOM range (no newline characters in the DOM)
      const h = wrapSpans(root, [{ start: 4, end: 15, attributes: {} }], { mode: 'blocks' });
      const pieces = h.elements.map((e: Element) => e.textContent);
      h.remove();
      return { text: index.text, across, pieces, content: indexText(root).text };
    });
    expect(r.text).toBe('One two.\n\nThree\nfour.\n\nFive.');
    expect(r.across).toBe('two.Three');
    expect(r.pieces).toEqual(['two', '.', 'Three']);
    expect(r.content).toBe('One two.Threefour.x()Five.');
  });

  it('decorates through the CSS Custom Highlight API without touching the DOM', async () => {
    const r = await page.evaluate(() => {
      const { decorateFindings } = (window as any).dom;
      const root = document.getElementById('root')!;
      root.innerHTML = 'Critics <em>slammed</em> the <b>plan</b>.';
      const before = root.innerHTML;
      const f = (analyzer: string, start: number, end: number, text: string) => ({
        analyzer,
        severity: 'warning',
        span: { start, end, text },
      });
      const h = decorateFindings(root, { findings: [f('tone', 0, 7, 'Critics'), f('loaded-language', 8, 24, 'slammed the plan')] });
      const registered = [...(CSS as any).highlights.keys()].sort();
      const ranges = [...(CSS as any).highlights.get('slant-loaded-language')].map((x: Range) => x.toString());
      h.remove();
      return {
        supported: h.supported,
        registered,
        ranges,
        left: [...(CSS as any).highlights.keys()].length,
        same: root.innerHTML === before,
      };
    });
    expect(r).toEqual({
      supported: true,
      registered: ['slant-loaded-language', 'slant-tone'],
      ranges: ['slammed the plan'],
      left: 0,
      same: true,
    });
  });

  it('turns a selection into text offsets and back', async () => {
    const r = await page.evaluate(() => {
      const { indexText, selectOffsets, selectionOffsets } = (window as any).dom;
      const root = document.getElementById('root')!;
      root.innerHTML = '<p>Alpha <i>beta</i></p><p>gamma</p>';
      const index = indexText(root, { mode: 'blocks' });
      selectOffsets(index, 6, 17);
      return { selected: document.getSelection()!.toString(), offsets: selectionOffsets(index) };
    });
    expect(r.offsets).toEqual({ start: 6, end: 17 });
    expect(r.selected.replace(/\s+/g, ' ')).toBe('beta gamma');
  });
});
