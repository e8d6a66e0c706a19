import type { Rule } from '../types.js';

/**
 * Markers that introduce links to other stories: "Read more", "Also read", "Related", and their
 * equivalents in other languages ("В ТЕМУ", "Читайте також", "Lesen Sie auch", "Baca juga").
 */
const MARKER = [
  'read (?:more|also|next)',
  'also read',
  '(?:see|read) also',
  'also see',
  // Not "Related Articles/Stories/News/Posts/Content": generic/related-articles reads those lists.
  'related(?: (?:story|article|coverage|reading|links?|videos?))?',
  'further reading',
  'must read',
  'don[\'’]t miss',
  'recommended reading',
  // "Read more" as a link label, in other languages
  'leer más',
  'seguir leyendo',
  'lire la suite',
  'weiterlesen',
  'mehr lesen',
  'continua a leggere',
  'lees meer',
  'читать далее',
  'читати далі',
  'baca selengkapnya',
  'czytaj więcej',
  'اقرأ المزيد',
  // Ukrainian and Russian
  'в тему',
  'по темі',
  'по теме',
  'читайте (?:також|также)',
  'також читайте',
  'дивіться також',
  'смотрите также',
  // German, Dutch
  'lesen sie (?:auch|mehr)',
  'mehr zum thema',
  'lees ook',
  // Portuguese, Spanish, Italian, French
  'leia (?:também|mais)',
  'veja também',
  'lee también',
  'lea también',
  'ver también',
  'te puede interesar',
  'leggi anche',
  'à lire aussi',
  'a lire aussi',
  'lire aussi',
  'voir aussi',
  // Indonesian and Malay, Polish
  'baca juga',
  'simak juga',
  'czytaj (?:też|także)',
  'zobacz (?:też|także)',
  // Arabic, Hindi
  '[اإ]قرأ أيضاً?',
  'यह भी पढ़ें',
].join('|');

/** The same markers printed in capitals, which may run straight into the linked headline. */
const CAPS_MARKER = "(?:READ (?:MORE|ALSO|NEXT)|ALSO READ|SEE ALSO|MUST READ|DON['’]T MISS|В ТЕМУ|ЧИТАЙТЕ (?:ТАКОЖ|ТАКЖЕ)|BACA JUGA|LEIA TAMBÉM|LEE TAMBIÉN|À LIRE AUSSI|LESEN SIE AUCH)";

/** A separator between a marker and the headline it introduces (no dashes: "More — much more — is needed."). */
const SEPARATOR = '\\s*[:：|»>›]\\s*';

/** A line that reads like a headline: 2 to 41 words, at most 300 characters, not ending like a sentence. */
const HEADLINE_LIKE = /^(?=.{1,300}$)\S+(?:\s+\S+){1,40}(?<![.:;][)"'”’»]{0,3})$/u;

/** "Watch:", "Video:", "JUST IN:" and the like, followed by the headline of another story. */
const LINK_OUT = /^(?:watch(?: live| now| again| in full| the video| video| here)?|video|listen|just in)\s*[:|]\s*\S.{2,200}$/i;

export const linksRules: readonly Rule[] = [
  {
    id: 'links/read-more-line',
    kind: 'pattern',
    scope: 'page',
    description: 'A link-out line: "Read more:", "ALSO READ", "Related:", "В ТЕМУ:" or the like, alone or with the linked headline.',
    // The linked headline does not end with a full stop, as a sentence would.
    pattern: new RegExp(`^(?:(?:${MARKER})(?:${SEPARATOR}(?:\\S.{0,300}(?<!\\.))?)?|more${SEPARATOR}\\S.{0,300}(?<!\\.))$`, 'iu'),
    examples: {
      remove: [
        'Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing',
        'READ MORE:',
        'ALSO READ | Markets rally as inflation cools',
        'Related: The 15 Weirdest Galaxies in Our Universe',
        'В ТЕМУ:',
        'Читайте також: Уряд ухвалив новий бюджет',
        'Baca juga: Harga minyak naik lagi',
        'see also',
        'Leer más',
        'Weiterlesen',
        'Читать далее',
      ],
      keep: [
        'Read more about the plan in our report, the minister said on Tuesday.',
        'Related issues will be discussed at the next meeting, the council said.',
        'More than 200 people attended the rally.',
        'Related-party transactions rose 5 percent: see also the annual report.',
        'More — much more — needs to be done, the minister said.',
        'Related: officials said the two cases were linked.',
        'Also read the small print before you sign, the regulator warned.',
      ],
    },
  },
  {
    id: 'links/read-more-caps',
    kind: 'pattern',
    scope: 'page',
    description: 'A link-out marker in capitals running straight into the linked headline ("READ NEXT Hong Kong civilians step in…").',
    pattern: new RegExp(`^${CAPS_MARKER}\\s+\\S.{0,300}(?<!\\.)$`, 'u'),
    examples: {
      remove: [
        'READ NEXT Hong Kong civilians step in to save students trapped in campus',
        'ALSO READ Markets rally as inflation cools',
        'READ MORE ON FOX BUSINESS BY CLICKING HERE',
      ],
      keep: [
        'Read more about the plan in our report, the minister said on Tuesday.',
        'Also read the small print before you sign, the regulator warned.',
        'READ MORE',
      ],
    },
  },
  {
    id: 'links/read-more-inline',
    kind: 'inline',
    description: 'A "READ MORE: <headline>" link glued to the end of a paragraph.',
    pattern: new RegExp(
      `(?<=[.!?…]["'”’)]{0,3}\\s{0,3})(?:READ (?:MORE|ALSO)|ALSO READ|RELATED|SEE ALSO|Read (?:more|also)|Also read)\\s*:\\s*[^.!?…:;\\n]{3,200}[?!]?$`,
      'gu',
    ),
    examples: {
      remove: [
        'The bill passed by 52 votes to 48. READ MORE: Senate clears way for budget vote',
        'Talks resume on Monday. Also read: What the deal means for farmers',
      ],
      keep: [
        'Read more about the plan in our report. The minister said it would pass.',
        'The union said its members should read more: the contract runs to 80 pages.',
        'The bill passed. Read more: the full text of the bill, published today, runs to 80 pages.',
      ],
    },
  },
  {
    id: 'links/marker-and-headline',
    kind: 'block',
    description: 'A link-out marker alone on its line ("В ТЕМУ:", "READ MORE:") and the headline line it introduces.',
    start: new RegExp(`^(?:${MARKER})\\s*[:：]?$`, 'iu'),
    end: HEADLINE_LIKE,
    maxLines: 2,
    examples: {
      remove: [
        'В ТЕМУ:\nАморім не вірить у «довге очікування» чемпіонства МЮ',
        'READ MORE:\nSenate clears way for budget vote',
      ],
      keep: [
        'Related\nThe committee will meet again in March to review the findings.',
        'Read more\nThe committee will meet again in March.',
      ],
    },
  },
  {
    id: 'links/link-out-headline',
    kind: 'context',
    description: 'A "JUST IN:", "Watch:" or "Video:" line below the headline that links to another story (not a sentence).',
    test: ({ text }, page) => page.title !== null && LINK_OUT.test(text) && !/[.:;][)"'”’]*$/.test(text),
    examples: {
      remove: [
        'JUST IN: Pro-Wike Lawmakers In Tight Corner, Cannot Enforce Ban On Fubara, Party Gives Details',
        'WATCH: Firefighters battle blaze at city warehouse',
        'Watch live: Sondland testifies about Ukraine at pivotal impeachment hearing',
      ],
      keep: [
        'JUST IN: The Senate has confirmed the nominee by 51 votes to 49.',
        'Watch: the minister said voters would watch what the party did, not what it said.',
        'Video footage of the crash was shared widely online.',
      ],
    },
  },
  {
    id: 'links/wordpress-post-footer',
    kind: 'inline',
    description: 'The WordPress feed footer "The post <title> appeared first on <site>." at the end of the text.',
    pattern: /(?<=^|[.!?…"”’)]\s{0,3})The post \S[^\n]{0,300}? appeared first on [\p{Lu}\d][\p{L}\d.&'’-]*(?: (?:[\p{Lu}\d&|–-][\p{L}\d.&'’-]*|of|the|and|for|de|da|di|du)){0,6}\.?$/gu,
    examples: {
      remove: [
        'The post Governor joins police on patrol appeared first on Pulse Nigeria.',
        'Police closed the road. The post Road closed after crash appeared first on Daily News.',
      ],
      keep: [
        'The post of governor appeared first on the list of offices the party wanted.',
        'The post appeared first on Facebook, then spread to other sites, police said.',
        'The post by the president appeared first on Facebook before it spread to other platforms.',
      ],
    },
  },
  {
    id: 'links/read-full-story',
    kind: 'pattern',
    scope: 'page',
    description: 'A link out to the whole story on its source ("Read full article", "Read the full story at The Independent").',
    pattern: /^(?:Read (?:the )?(?:full|original|entire|complete) (?:article|story)(?: (?:at|on|in|here)\b.{0,80})?|Continue reading (?:at|on) \S.{0,80})[.!:]?$/i,
    examples: {
      remove: ['Read full article', 'Read the full story at The Independent', 'Read the original article on Business Insider', 'Continue reading on CNN'],
      keep: ['Read the full story, she said, and you will see why the vote failed.', 'Readers can find the full article in the print edition.'],
    },
  },
  {
    id: 'links/click-pointer',
    kind: 'pattern',
    scope: 'page',
    description: 'Click pointers ("Click on the Post Below to Read the Article:", "Click here to read more", "READ MORE … BY CLICKING HERE").',
    pattern:
      /^(?:(?:Click|Tap) (?:here|on (?:the|this) (?:link|post|video|image|photo|button|headline|banner)s?(?: below| above)?)\b[^.!?]{0,150}|[^.!?]{3,80} by clicking here)[.!:]?$/i,
    examples: {
      remove: [
        'Click on the Post Below to Read the Article:',
        'Click here to subscribe to The Paradigm Newsletter',
        'CLICK HERE TO GET THE FOX NEWS APP',
        'READ MORE ON FOX BUSINESS BY CLICKING HERE',
      ],
      keep: [
        'Click here, the scam message said. Thousands did, and lost their savings.',
        'Clicking on the link installed malware, the investigators found.',
      ],
    },
  },
  {
    id: 'links/gallery-pointer',
    kind: 'pattern',
    scope: 'page',
    description: 'Pointers to a gallery or video below ("See Pulse Photo-News gallery below:", "Watch the video below").',
    pattern:
      /^(?:See|View|Watch|Check out|Browse|Scroll down (?:to see|for)|Scroll (?:through|down through))\b[^.!?]{0,60}?\b(?:gallery|galleries|photos|pictures|images|slideshow|videos?|clip)\b[^.!?]{0,20}?\b(?:below|above)[:.!]?$/i,
    examples: {
      remove: ['See Pulse Photo-News gallery below:', 'Watch the video below', 'Scroll down for more photos below'],
      keep: [
        'See the photos below the fold in the print edition, the editor said.',
        'Photos below the bridge showed the damage.',
      ],
    },
  },
  {
    id: 'links/source-line',
    kind: 'pattern',
    scope: 'page',
    description: 'A line that names the source of the story ("Source link", "Source: PAP, niezalezna.pl", "Kaynak: Bültenler", "Leer noticia completa en El Mundo.").',
    pattern:
      /^(?:Source link|(?:Sources?|Fuentes?|Fonte|Quelle|Quellen|Źródło|Źródła|Kaynak|Sumber|Bron|Fonti|Источник|Джерело|Zdroj|المصدر)\s?:\s?\S(?:(?!\. )[^!?]){0,60}|(?:Leer|Ver) (?:la )?noticia (?:completa|original) en .{1,60}|Lire (?:l'article|la suite) sur .{1,60}|Zum (?:vollständigen )?Artikel (?:auf|bei) .{1,60})\.?$/iu,
    examples: {
      remove: ['Source link', 'Źródło: PAP, niezalezna.pl', 'Kaynak: Bültenler / Güncel', 'المصدر: صدى البلد', 'Leer noticia completa en El Mundo.', 'Source: Reuters'],
      keep: ['Source: the ministry said the talks would resume. Officials confirmed it later.', 'Sources say the deal is close.'],
    },
  },
];
