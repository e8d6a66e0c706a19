import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules, clean, type Rule } from '../src/index.js';

const AGGREGATOR_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'aggregator');

const PROSE = [
  'The regional council approved the new transport plan on Tuesday after a debate that lasted most of the day.',
  'Opponents said the plan would raise fares for commuters, while supporters pointed to faster journeys.',
  'The first new routes are expected to open next spring, officials said.',
];

const DAILY8_TAIL = [
  'Orange background',
  '',
  'Try Our AI Features',
  '',
  'Explore what Daily8 AI can do for you:',
  '',
  'Comments',
  '',
  'No comments yet...',
  '',
  'Related Articles',
  '',
  'Storm closes schools across the north',
  'Storm closes schools across the north',
  '',
  'Weather Desk',
  '',
  'time3 hours ago',
  '',
  '  • Weather Desk',
  '',
  'Storm closes schools across the north',
  '',
  'Schools in the north were closed on Monday as the storm brought heavy snow. Parents were told to keep children at ho',
  '',
  'DOWNLOAD THE APP',
].join('\n');

describe('clean', () => {
  it('keeps every line of a page with no chrome', () => {
    const page = `Council approves transport plan\n\n${PROSE.join('\n\n')}\n`;
    const result = clean(page);
    expect(result.title).toBe('Council approves transport plan');
    expect(result.paragraphs).toEqual(PROSE);
    expect(result.removed).toEqual([]);
    expect(result.text).toBe(`Council approves transport plan\n\n${PROSE.join('\n')}\n`);
  });

  it('reads the Daily8 layout: logo, doubled title, publisher and time, body, promo, related', () => {
    const page = ['logo', 'Council approves transport plan', '', 'Council approves transport plan', '', 'Metro News4 hours ago', ...PROSE, DAILY8_TAIL].join('\n');
    const result = clean(page);
    expect(result.title).toBe('Council approves transport plan');
    expect(result.source).toBe('Metro News');
    expect(result.published).toBe('4 hours ago');
    expect(result.paragraphs).toEqual(PROSE);
    expect(result.related).toEqual([
      {
        title: 'Storm closes schools across the north',
        source: 'Weather Desk',
        published: '3 hours ago',
        paragraphs: [
          'Schools in the north were closed on Monday as the storm brought heavy snow. Parents were told to keep children at ho',
        ],
      },
    ]);
  });

  it('gives an empty body, not the first related story, when the page has only a title', () => {
    const page = `\nIndian Film Festival of Melbourne 2025\n\n${DAILY8_TAIL}\n`;
    const result = clean(page);
    expect(result.title).toBe('Indian Film Festival of Melbourne 2025');
    expect(result.paragraphs).toEqual([]);
    expect(result.text).toBe('Indian Film Festival of Melbourne 2025\n');
    expect(result.related).toHaveLength(1);
  });

  it('reads related cards laid out as publisher, time, bullet, title, body', () => {
    const page = [
      '',
      'Council approves transport plan',
      ...PROSE,
      'Try Our AI Features',
      'Related Articles',
      '',
      '',
      'The Star',
      '5 hours ago',
      '- The Star',
      'Port strike enters second week',
      'Dock workers stayed off the job for a second week on Monday, leaving ships waiting offshore.',
      '',
      '',
      'Mint',
      'a day ago',
      '- Mint',
      'Markets close higher',
      'Shares rose on Friday.',
    ].join('\n');
    const result = clean(page);
    expect(result.paragraphs).toEqual(PROSE);
    expect(result.related.map((story) => [story.source, story.published, story.title, story.paragraphs])).toEqual([
      ['The Star', '5 hours ago', 'Port strike enters second week', ['Dock workers stayed off the job for a second week on Monday, leaving ships waiting offshore.']],
      ['Mint', 'a day ago', 'Markets close higher', ['Shares rose on Friday.']],
    ]);
  });

  it('reads related cards laid out as title, time, title, body', () => {
    const page = [
      'Council approves transport plan',
      ...PROSE,
      'Related Articles',
      'Port strike enters second week',
      'time2 hours ago',
      'Port strike enters second week',
      'Dock workers stayed off the job for a second week on Monday, leaving ships waiting offshore.',
    ].join('\n');
    const [story] = clean(page).related;
    expect(story).toEqual({
      title: 'Port strike enters second week',
      source: null,
      published: '2 hours ago',
      paragraphs: ['Dock workers stayed off the job for a second week on Monday, leaving ships waiting offshore.'],
    });
  });

  it('treats CRLF, CR and blank-line separated paragraphs alike', () => {
    const lf = clean(`Council approves transport plan\n${PROSE.join('\n')}\n`);
    expect(clean(`Council approves transport plan\r\n\r\n${PROSE.join('\r\n\r\n')}\r\n`)).toEqual(lf);
    expect(clean(`Council approves transport plan\r${PROSE.join('\r')}`)).toEqual(lf);
  });

  it('joins the lines of a hard-wrapped paragraph again', () => {
    const page = [
      'Council approves transport plan',
      '',
      '"It hurts people, everything from transporting goods from point A to point B, going to',
      '',
      'pick your kids up at a hockey game," she said.',
      'Open To Talks',
      'the next line starts in lower case but follows a heading.',
    ].join('\n');
    const result = clean(page);
    // Whether the first line is taken for the headline is the title model's call; no line is lost either way.
    expect(result.text).toContain('Council approves transport plan');
    expect(result.paragraphs.slice(-3)).toEqual([
      '"It hurts people, everything from transporting goods from point A to point B, going to pick your kids up at a hockey game," she said.',
      'Open To Talks',
      'the next line starts in lower case but follows a heading.',
    ]);
  });

  it('keeps a standfirst under the headline even when widgets part it from the main text', () => {
    const standfirst = 'A scheduled review in 2023 was deferred due to the uncertain external environment at that time.';
    const page = ['Council approves transport plan', standfirst, 'Listen', '2 min', 'New: You can now listen to articles.', 'This audio is generated by an AI tool.', 'Share', ...PROSE].join('\n');
    expect(clean(page).paragraphs).toEqual([standfirst, ...PROSE]);
  });

  it('splits a headline glued to the first sentence', () => {
    const first = 'The Central Bank of Nigeria has warned that rising input costs across key sectors could spark a new wave of consumer price inflation.';
    const result = clean(`CBN Projects Inflation Hike as Production Costs Rise ${first}\n${PROSE[0]}\n`);
    expect(result.title).toBe('CBN Projects Inflation Hike as Production Costs Rise');
    expect(result.paragraphs).toEqual([first, PROSE[0]]);
  });

  it('keeps in-article subheadings and quotes', () => {
    const page = ['Council approves transport plan', PROSE[0], 'Open To Talks', '"We will not stop," she said.', PROSE[1]].join('\n');
    expect(clean(page).paragraphs).toEqual([PROSE[0], 'Open To Talks', '"We will not stop," she said.', PROSE[1]]);
  });

  it('cuts inline chrome out of a paragraph and tidies the space around the cut', () => {
    const page = [
      'Council approves transport plan',
      'Fares will rise. STORY CONTINUES BELOW THIS AD The increase takes effect in May.',
      'The vote was close.Advertisement Members voted 12 to 11.',
      'An advertisement for the plan ran in local papers.',
    ].join('\n');
    const result = clean(page);
    expect(result.paragraphs).toEqual([
      'Fares will rise. The increase takes effect in May.',
      'The vote was close. Members voted 12 to 11.',
      'An advertisement for the plan ran in local papers.',
    ]);
    expect(result.removed).toEqual([
      { rule: 'generic/story-continues', line: 2, text: 'STORY CONTINUES BELOW THIS AD' },
      { rule: 'generic/advertisement-inline', line: 3, text: 'Advertisement' },
    ]);
  });

  it('does not let a generic end marker cut the page before real article text', () => {
    const page = ['Council approves transport plan', 'Trending', PROSE[0], PROSE[1]].join('\n');
    const result = clean(page);
    expect(result.paragraphs).toEqual(expect.arrayContaining([PROSE[0], PROSE[1]]));
    expect(result.removed.filter((removal) => removal.rule === 'generic/trending-list')).toEqual([]);
  });

  it('does not take an end marker in a sidebar above the article for the end of the article', () => {
    const long = PROSE.map((paragraph) => `${paragraph} ${paragraph}`);
    const page = [
      'Council approves transport plan',
      // A caption long enough to pass the section's minimum of article text on its own.
      'Members of the regional council vote on the transport plan in the chamber on Tuesday evening, after the long debate. Outside, commuters and cyclists waited for the result in the rain for several hours.',
      'Most Popular',
      'Police name suspect in bakery fire',
      'Storm closes schools across the north',
      ...long,
      'Most Popular',
      'Police name suspect in bakery fire',
    ].join('\n');
    const result = clean(page);
    expect(result.paragraphs).toEqual(expect.arrayContaining(long));
    expect(result.removed.filter((removal) => removal.rule === 'generic/trending-list').map((removal) => removal.line)).toEqual([9, 10]);
  });

  it('takes the heading kept above the article for its headline when the menu above holds none', () => {
    const menu = ['Contact Us', 'About Us', 'Home', 'News', 'Business', 'Politics', 'Sport'];
    const result = clean([...menu, '', 'October 9, 2018 at 9:40 am', 'Council approves transport plan after long debate', '', ...PROSE].join('\n'));
    expect(result.title).toBe('Council approves transport plan after long debate');
    expect(result.paragraphs).toEqual(PROSE);
  });

  it('does not take a kept sentence for the headline, even after lines removed above it', () => {
    // Found by the idempotence property: repeated paragraphs above weigh as a menu.
    const repeated = 'The council met on Monday to discuss the budget, and members spoke for hours about it.';
    const page = ['Council approves transport plan', repeated, repeated, 'An advertisement for the plan ran in local papers.', repeated].join('\n');
    expect(clean(page).title).toBe('Council approves transport plan');
  });

  describe('a related-stories heading inside the article', () => {
    const MORE = [
      'Several members asked for more time to read the proposals, which run to three hundred pages, before any final vote.',
      'The mayor said she expected the plan to pass comfortably when it returns to the chamber next month.',
      'Commuter groups have promised to keep campaigning against the fare rises whatever the outcome of that vote.',
    ];
    const BOX = ['Related News', 'Police name suspect in bakery fire', 'Storm closes schools across the north'];

    it('removes a box of headlines the article goes on after, and keeps the article', () => {
      const result = clean(['Council approves transport plan', PROSE[0], PROSE[1], ...BOX, ...MORE].join('\n'));
      expect(result.paragraphs).toEqual([PROSE[0], PROSE[1], ...MORE]);
      expect(result.removed.map((removal) => [removal.rule, removal.text])).toEqual(BOX.map((text) => ['generic/related-articles', text]));
      expect(result.related).toEqual([]);
    });

    it('still ends the article at a list of headlines with teasers between them', () => {
      const teasers = ['Police name suspect in bakery fire', MORE[0], 'Storm closes schools across the north', MORE[1], MORE[2]];
      const result = clean(['Council approves transport plan', PROSE[0], PROSE[1], 'Related News', ...teasers].join('\n'));
      expect(result.paragraphs).toEqual([PROSE[0], PROSE[1]]);
    });

    it('still ends the article at headlines with time stamps, and at headlines with nothing after them', () => {
      const stamped = ['Related News', 'Police name suspect in bakery fire', 'time2 hours ago', ...MORE];
      expect(clean(['Council approves transport plan', PROSE[0], PROSE[1], ...stamped].join('\n')).paragraphs).toEqual([PROSE[0], PROSE[1]]);
      expect(clean(['Council approves transport plan', PROSE[0], PROSE[1], ...BOX].join('\n')).paragraphs).toEqual([PROSE[0], PROSE[1]]);
    });
  });

  it('reads the WordPress template and footer', () => {
    const page = [
      'Connect with us',
      '',
      'Top Stories',
      '',
      'Council approves transport plan',
      '',
      'editorial',
      '',
      'Published',
      '',
      'on',
      '',
      ...PROSE,
      '',
      'Continue Reading',
      '',
      'Trending',
      '',
      'Copyright © All rights reserved.',
    ].join('\n');
    const result = clean(page);
    expect(result).toMatchObject({ title: 'Council approves transport plan', byline: 'editorial', published: null, paragraphs: PROSE });
    expect(result.removed.map((removal) => removal.rule)).toEqual([
      'wordpress/connect-with-us',
      'generic/site-navigation',
      'wordpress/published-on',
      'wordpress/published-on',
      'wordpress/published-on',
      'wordpress/continue-reading',
      'generic/trending-list',
      'generic/copyright-footer',
    ]);
  });

  it('leaves the title null when the page starts with prose', () => {
    const first = 'Officials said on Tuesday that the regional council had approved the new transport plan after a debate that lasted most of the day.';
    const result = clean(`${first}\n${PROSE[1]}\n`);
    expect(result.title).toBeNull();
    expect(result.paragraphs).toEqual([first, PROSE[1]]);
    expect(result.text).toBe(`${first}\n${PROSE[1]}\n`);
  });

  it('gives empty output for empty and whitespace-only pages', () => {
    for (const page of ['', '\n\n', '   \n\t\n']) {
      expect(clean(page)).toEqual({ title: null, source: null, published: null, byline: null, kind: expect.any(String), confidence: expect.any(Number), paragraphs: [], text: '', related: [], removed: [] });
    }
  });

  describe('layouts', () => {
    it('reads a page that starts with blank lines and has no logo, with the title once', () => {
      const result = clean(`\n\n\nCouncil approves transport plan\n${PROSE.join('\n')}\n`);
      expect(result.title).toBe('Council approves transport plan');
      expect(result.paragraphs).toEqual(PROSE);
    });

    it('splits publisher and time glued with digits on both sides', () => {
      expect(clean(`Council approves transport plan\n9 News6 days ago\n${PROSE[0]}`)).toMatchObject({ source: '9 News', published: '6 days ago' });
      expect(clean(`Council approves transport plan\nNews183 days ago\n${PROSE[0]}`)).toMatchObject({ source: 'News18', published: '3 days ago' });
    });

    it('keeps a teaser that ends in an ellipsis', () => {
      const teaser = 'The regional council approved the new transport plan on Tuesday after a long...';
      expect(clean(`Council approves transport plan\n${teaser}\nTry Our AI Features\n`).paragraphs).toEqual([teaser]);
    });

    it('copes with a page cut off inside the related list', () => {
      const page = [
        'Council approves transport plan',
        ...PROSE,
        'Related Articles',
        'Storm closes schools across the north',
        'Storm closes schools across the north',
        'Weather Desk',
        'time3 hours ago',
        '  • Weather Desk',
        'Storm closes schools across the north',
        'Schools in the north were closed on Monday as the sto',
        'Port strike enters second week',
        'Port strike ent',
      ].join('\n');
      const result = clean(page);
      expect(result.paragraphs).toEqual(PROSE);
      expect(result.related.map((story) => story.title)).toEqual(['Storm closes schools across the north']);
    });

    it('keeps a page cut off mid-word, fragment and all', () => {
      const cut = 'Being away from the big cit';
      expect(clean(`Council approves transport plan\n${PROSE.join('\n')}\n${cut}`).paragraphs).toEqual([...PROSE, cut]);
    });
  });
});

describe("a user's rules", () => {
  // The lines `clean-news learn` proposed on the aggregator fixtures before it learned only what the rules keep.
  const learned: Rule = {
    id: 'mysite/daily8-lines',
    kind: 'line',
    description: 'Lines learned from a batch of Daily8 pages.',
    lines: ['Related Articles', 'Comments', 'No comments yet...', 'Try Our AI Features', 'Explore what Daily8 AI can do for you:', 'logo'],
    scope: 'page',
  };
  const pages = readdirSync(AGGREGATOR_FIXTURES).filter((name) => /^\d+\.txt$/.test(name));

  it.each(pages)('add removals to %s, never the end of the article or its related stories', (name) => {
    const text = readFileSync(path.join(AGGREGATOR_FIXTURES, name), 'utf8');
    const builtin = clean(text);
    const withUserRules = clean(text, { rules: [learned, ...builtinRules] });
    expect({ title: withUserRules.title, text: withUserRules.text, related: withUserRules.related }).toEqual({ title: builtin.title, text: builtin.text, related: builtin.related });
  });

  it('still end the article where only a user rule names the heading of the related stories', () => {
    const page = `Council approves plan\n\n${PROSE.join('\n')}\n\n${DAILY8_TAIL}\n`;
    const result = clean(page, { rules: [learned, ...builtinRules] });
    expect(result.paragraphs).toEqual(PROSE);
    expect(result.removed.find((removal) => removal.text === 'Related Articles')?.rule).toBe('mysite/daily8-lines');
    expect(result.related.map((story) => story.title)).toEqual(clean(page).related.map((story) => story.title));
  });
});
