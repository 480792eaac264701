import { describe, expect, it } from 'vitest';
import { parseXml } from '../../electron/engine/report/xml';

describe('the strict XML reader', () => {
  it('reads elements, attributes, text, CDATA, character references and the predefined entities', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?>\n<!-- c --><!DOCTYPE r SYSTEM "r.dtd">\n<r a="1 &amp; 2" b=\'&#x3C;&#60;\' __proto__="p"><c>x &lt; y<![CDATA[<raw> & ]]></c><e/></r>\n<!-- end -->\n',
    );
    expect(root.name).toBe('r');
    expect(root.attrs.get('a')).toBe('1 & 2');
    expect(root.attrs.get('b')).toBe('<<');
    expect(root.attrs.get('__proto__')).toBe('p');
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(root.children.map((c) => c.name)).toEqual(['c', 'e']);
    expect(root.children[0]!.text).toBe('x < y<raw> & ');
  });

  it('refuses entity declarations: no billion laughs, no external entities', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(() => parseXml(laughs)).toThrow(/internal subset \(entity declarations are not accepted\)/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    expect(() => parseXml(xxe)).toThrow(/internal subset/);
    expect(() => parseXml('<foo>&xxe;</foo>')).toThrow(/the entity &xxe; \(only the five predefined XML entities are accepted\)/);
  });

  it('refuses what is not well-formed, naming the line', () => {
    const bad: Array<[string, RegExp]> = [
      ['<a><b></a>', /<\/a> does not close <b>/],
      ['<a x=1/>', /value must be quoted/],
      ['<a x="1" x="2"/>', /appears twice/],
      ['<a/><b/>', /content after the root element/],
      ['<a>\n\n<b>', /line 3: unclosed element <b>/],
      ['<a>&</a>', /bare '&'/],
      ['<a>&#0;</a>', /invalid character reference/],
      ['text', /does not start with an element/],
      ['<a><!DOCTYPE x></a>', /declaration inside the document/],
      ['<a x="<"/>', /'<' inside a value/],
    ];
    for (const [xml, message] of bad) expect(() => parseXml(xml), xml).toThrow(message);
    expect(() => parseXml(`${'<a>'.repeat(70)}${'</a>'.repeat(70)}`)).toThrow(/nested deeper than 64/);
  });

  it('builds only the kept elements, hands closed ones over, and still checks what it drops', () => {
    const seen: string[] = [];
    const root = parseXml('<r><host a="1"><x><y/></x><p/></host><skip><deep/></skip><host a="2"/></r>', {
      keep: (path) => path.length === 1 || path.join('/') === 'r/host' || path.join('/') === 'r/host/p',
      onClose: (el, path) => {
        if (path.length !== 2) return false;
        seen.push(`${el.attrs.get('a')}:${el.children.map((c) => c.name).join(',')}`);
        return true;
      },
    });
    expect(seen).toEqual(['1:p', '2:']);
    expect(root.children).toEqual([]);
    expect(() => parseXml('<r><skip><a></b></skip></r>', { keep: (p) => p.length === 1 })).toThrow(/<\/b> does not close <a>/);
    expect(() => parseXml('<r><skip a="&bad;"/></r>', { keep: (p) => p.length === 1 })).toThrow(/the entity &bad;/);
    expect(() => parseXml(`<r>${'<a/>'.repeat(11)}</r>`, { limits: { maxKept: 10 } })).toThrow(/more than 10 elements to hold at once/);
    // Handed-over elements no longer count against the budget.
    expect(() => parseXml(`<r>${'<a><b/></a>'.repeat(50)}</r>`, { limits: { maxKept: 10 }, onClose: (_el, path) => path.length === 2 })).not.toThrow();
  });
});
