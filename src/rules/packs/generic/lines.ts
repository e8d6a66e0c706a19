import type { Rule } from '../../types.js';

/** Whole lines of chrome that can stand anywhere on a page. */
export const lineRules: readonly Rule[] = [
  {
    id: 'generic/image-alt-text',
    kind: 'pattern',
    scope: 'page',
    description: 'Alt text of logos, icons and colour backgrounds left behind by the scraper ("logo", "search icon").',
    pattern:
      /^(?:logo|(?:[\p{L}-]+ ){0,3}(?:logo|icon)|(?:black|white|grey|gray|red|orange|yellow|green|blue|purple|pink|dark|light) background)$/iu,
    examples: {
      remove: ['logo', 'Orange background', 'search icon'],
      keep: ['Background', 'The icon of a generation', 'A troubled background'],
    },
  },
  {
    id: 'generic/advertisement-line',
    kind: 'line',
    scope: 'page',
    description: 'A line that only says "Advertisement" (an ad slot between paragraphs), in English or another language.',
    lines: [
      'Advertisement',
      'Advertisements',
      '- Advertisement -',
      'Sponsored',
      'Sponsored content',
      // Spanish, Portuguese, French, German, Italian, Dutch, Indonesian, Polish, Russian and Ukrainian, Arabic
      'Publicidad',
      'Anuncio',
      'Publicidade',
      'Anúncio',
      'Publicité',
      'Anzeige',
      'Werbung',
      'Pubblicità',
      'Advertentie',
      'Iklan',
      'Reklama',
      'Реклама',
      'إعلان',
    ],
    examples: {
      remove: ['Advertisement', 'ADVERTISEMENT', 'Publicidad', 'Anzeige', 'Реклама'],
      keep: ['The advertisement ran for a week before it was pulled.'],
    },
  },
  {
    id: 'generic/continues-below',
    kind: 'pattern',
    scope: 'page',
    description: 'A line that only marks an ad slot inside the article ("Continue Reading Below", "Story continues").',
    pattern:
      /^(?:Advertisement\s*[-–—:]?\s*)?(?:Continue reading (?:below|the main story)|(?:Story|Article) continues(?: (?:below|after (?:this |the )?(?:ad|advertisement|video))(?: (?:this |the )?(?:ad|advertisement|video))?)?|Scroll to continue(?: with content)?)[.:]?$/i,
    examples: {
      remove: ['Continue Reading Below', 'Continue reading the main story', 'Story continues', 'Article continues below advertisement', 'Story continues after the ad', 'Advertisement - Scroll to continue', 'ADVERTISEMENT - CONTINUE READING BELOW'],
      keep: ['Continue reading below for the full list of winners.', 'The story continues below the surface, in the archives of the ministry.'],
    },
  },
  {
    id: 'generic/app-store-badges',
    kind: 'pattern',
    scope: 'page',
    description: 'Alt text of app store badges ("app-storeplay-store", "Google Play").',
    pattern: /^(?:(?:app|play)-?store|google play|app store)(?:\s*(?:(?:app|play)-?store|google play|app store))*$/i,
    examples: {
      remove: ['app-storeplay-store', 'Google Play'],
      keep: ['The app store rules changed in March.'],
    },
  },
  {
    id: 'generic/tags-line',
    kind: 'pattern',
    scope: 'page',
    description: 'A line of tags or hashtags ("Tags: police, Lagos", "#Radwanice #policja #broń", "كلمات دلالية: …").',
    pattern:
      /^(?:(?:Tags?|Tagged(?: with)?|Topics|Keywords|Etiquetas|Schlagwörter|Schlagworte|Stichwörter|Mots-clés|Mots clés|Tag|Parole chiave|Trefwoorden|Tagi|Теги|Метки|Теґи|كلمات دلالية|الكلمات المفتاحية)\s?:\s?\S.{0,300}|#[^\s#,]+(?:[\s,]+#[^\s#,]+)+)$/i,
    examples: {
      remove: ['Tags: police, Lagos, election', '#Radwanice #policja #broń', 'كلمات دلالية: وزیر الخارجیة', 'Schlagwörter: Brexit, Johnson'],
      keep: ['Tags on the luggage showed it had been to Dubai.', '#MeToo changed the industry, she said.'],
    },
  },
  {
    id: 'generic/separator-line',
    kind: 'pattern',
    scope: 'page',
    description: 'A line with no letter or digit in it: a separator ("----------", "* * *") or a row of icons.',
    pattern: /^[^\p{L}\p{N}]+$/u,
    examples: {
      remove: ['----------------------', '* * *', '•••', '→'],
      keep: ['- 12', 'A - B', '***Breaking***'],
    },
  },
];
