import { describe, expect, it } from 'vitest';
import { backgroundOf } from '../../src/export/png';
import { serializeSvg } from '../../src/export/svgImage';

describe('SVG chart serialization', () => {
  it('makes a standalone SVG with namespace, size and the page styles inlined', () => {
    document.head.innerHTML = '<style>.line { stroke: rgb(255, 0, 0); } .label { font-size: 13px; }</style>';
    document.body.innerHTML = `
      <div style="background-color: rgb(10, 20, 30)">
        <svg class="recharts-surface" width="320" height="200" viewBox="0 0 320 200">
          <path class="line" d="M0 0L10 10" />
          <text class="label" x="5" y="5">Return</text>
        </svg>
      </div>`;
    const svg = document.querySelector('svg')!;
    const out = serializeSvg(svg);
    expect(out.width).toBe(320);
    expect(out.height).toBe(200);
    expect(out.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out.text).toMatch(/<path[^>]*style="[^"]*stroke: ?rgb\(255, 0, 0\)/);
    expect(out.text).toMatch(/<text[^>]*style="[^"]*font-size: ?13px/);
    expect(out.text).toContain('>Return</text>');
    // The page's SVG is untouched.
    expect(svg.querySelector('path')!.getAttribute('style')).toBeNull();
    expect(backgroundOf(svg)).toBe('rgb(10, 20, 30)');
  });

  it('escapes text so a label cannot break out of the markup', () => {
    document.body.innerHTML =
      '<svg width="10" height="10"><text>&lt;/svg&gt;&lt;script&gt;x&lt;/script&gt;</text></svg>';
    const out = serializeSvg(document.querySelector('svg')!);
    expect(out.text).not.toContain('<script>');
    expect(out.text).toContain('&lt;script&gt;');
  });
});
