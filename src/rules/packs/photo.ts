import type { Rule } from '../types.js';

/** One word of a credit: a capitalised name, an agency, or a joining word ("AFP/Getty Images", "John Locher, AP"). */
const CREDIT_WORD = "(?:[\\p{Lu}\\d©@][\\p{L}\\d.'’&@_/-]*,?|via|for|and|of|de|da|di|du|van|von|der|den|la|le|the|/|\\||-|–|—|&)";
const CREDIT = `${CREDIT_WORD}(?: ${CREDIT_WORD}){0,9}`;
/** "Photo", "PHOTO" or "photo" (credit patterns are case-sensitive, since credit names are capitalised). */
const anyCase = (word: string): string => `(?:${word}|${word.toUpperCase()}|${word[0]?.toUpperCase() ?? ''}${word.slice(1)})`;
const CREDIT_LABEL = `(?:(?:${anyCase('photo')}|${anyCase('picture')}|${anyCase('image')}|${anyCase('foto')})(?:s|S)?(?: (?:${anyCase('credit')}(?:s|S)?|${anyCase('courtesy')}|${anyCase('source')}))?|${anyCase('photograph')}|${anyCase('pic')}|${anyCase('credit')}(?:s|S)?|${anyCase('courtesy')}|${anyCase('photo illustration')}|${anyCase('illustration')})`;

/** Photo agencies and stock libraries, as credits name them at the end of a caption. */
const AGENCY = '(?:Reuters|REUTERS|AP|AFP|Getty Images|GETTY IMAGES|EPA|EPA-EFE|Bloomberg|dpa|DPA|picture alliance|imago(?: images)?|IMAGO|iStock(?:\\.com|photo)?|Shutterstock|Unsplash|Pixabay|Keystone|ANSA|PAP|TASS|Xinhua|Anadolu(?: Agency)?|AAP|PA(?: Wire| Images)?|Alamy)';

/** A credit at the end of a caption: a name, an agency, a site, from a capital or a digit, in brackets at most. */
const SHORT_CREDIT = "[\\p{Lu}\\d@][^()|:]{0,60}?\\)?";

/** How a caption's credit closes it: a labelled credit, ©, a credit in brackets, "Name/Agency", "| Agency". */
const CAPTION_ENDS = [
  `\\s(?:${CREDIT_LABEL})\\s?:\\s?${SHORT_CREDIT}`,
  `\\s?©\\s?${SHORT_CREDIT}`,
  `\\s\\((?:${CREDIT_LABEL})\\s?:\\s?[^()]{1,80}\\)`,
  `\\s\\([^()]{1,60}?\\s?/\\s?${AGENCY}[^()]{0,20}\\)`,
  `\\s(?:[\\p{Lu}][\\p{L}.'’-]* ){1,3}?[\\p{Lu}][\\p{L}.'’-]*\\s?/\\s?${AGENCY}`,
  `\\s\\|\\s${AGENCY}`,
];

export const photoRules: readonly Rule[] = [
  {
    id: 'photo/credit-line',
    kind: 'pattern',
    scope: 'page',
    description: 'A photo credit line ("Photo: Damian Dovarganes, AP", "Picture Credits: Francois Decaillet", "(Image: © Shutterstock)").',
    pattern: new RegExp(
      `^(?:${CREDIT_LABEL}\\s?:\\s?${CREDIT}|(?:Photo|Photograph|Picture|Image|Photo illustration|Illustration) by ${CREDIT}|\\((?:${CREDIT_LABEL}|File photo)\\s?:\\s?[^()]{1,80}\\)|\\(?(?:${anyCase('representational')}|${anyCase('representative')}|${anyCase('file')}) (?:${anyCase('image')}|${anyCase('photo')}|${anyCase('picture')}|${anyCase('pic')})\\)?\\.?)$`,
      'u',
    ),
    examples: {
      remove: [
        'Photo: Damian Dovarganes, AP',
        'Picture Credits: Francois Decaillet',
        '(Image: © TNG Collaboration)',
        'Photo by David Dyer-Bennet',
        'Image: AFP/Getty Images',
        'Representational image',
        '(File photo)',
      ],
      keep: [
        'Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur',
        'Photo: the minister at the opening of the bridge on Monday.',
        'Photographs by the victims were shown to the jury.',
        'Former Massachusetts Gov. Deval Patrick speaks with a business owner during a campaign stop.',
      ],
    },
  },
  {
    id: 'photo/gallery-controls',
    kind: 'pattern',
    scope: 'page',
    description: 'Gallery and lightbox controls ("Image 1 of 23", "1 / 23", "Back to Gallery", "Caption", "Close", "Enlarge Image").',
    pattern:
      /^(?:(?:(?:Image|Photo|Picture|Slide|Foto|Bild)\s)?\d{1,3}\s{0,2}(?:of|\/|de|von|di|из|з)\s{0,2}\/?\s{0,2}\d{1,3}|Back to (?:the )?gallery|(?:View|Open|Launch|See|Start|Exit|Close) (?:the )?(?:gallery|slideshow)|Caption|(?:Hide|Show|Toggle) caption|Close|Close (?:Previous Next|gallery|this|window|image)|Enlarge(?: this)? (?:image|photo)|Expand(?: image| photo)?|Full ?screen|Previous (?:image|photo|slide)|Next (?:image|photo|slide)|[×✕✖])$/i,
    examples: {
      remove: ['Image 1 of 23', 'Image 1 of / 23', '1 / 23', '1  /  5', 'Back to Gallery', 'Caption', 'Close', 'Enlarge Image', '×'],
      keep: [
        'Caption competitions were a feature of the paper for decades.',
        '1 of 6 people in the region lives in poverty, the report found.',
        'Close to 200 people attended.',
        'Next',
      ],
    },
  },
  {
    id: 'photo/caption-credit',
    kind: 'pattern',
    scope: 'page',
    description: 'A photo caption that ends with its credit ("… on Monday. Mike Blake/Reuters", "… im Winter (mlharing / iStock.com)", "… © Pferderevue").',
    // Every credit ends within 83 characters of one of the marks of the lookahead (a labelled credit
    // in brackets is the longest): a line without one so placed is passed over at the cost of a scan.
    // A copyright line is a footer, not a caption, though it ends with a name after ©.
    pattern: new RegExp(`^(?=.*[©/|:(].{0,100}$)(?!.*(?:[Cc]opyright|[Rr]ights [Rr]eserved))(?:.{8,400}?)(?:${CAPTION_ENDS.join('|')})\\.?$`, 'u'),
    examples: {
      remove: [
        'Microsoft plans to cut its carbon emissions by more than half by 2030 across its supply chain. Mike Blake/Reuters',
        'Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt.  (mlharing / iStock.com)',
        'Große Beckenkreise (links) stabiliseren, kleine Beckenkreise (rechts) mobilisieren. © Pferderevue',
        'Palestinians inspect the damage after an Israeli operation near Tulkarem. Photograph: Alaa Badarneh/EPA',
        'Abbildung 5: Oberflächenreif in einem Nordhang bei Panex (VD), 922 m (Foto: V. Berret, 19.01.2022).',
        'Pavel Gonchar | Light rocket | Getty Images',
      ],
      keep: [
        'The agency said the photo was taken on Monday and sent to Reuters by a bystander.',
        'Photos from the scene were shared widely online, police said.',
        'Copyright law changed in 2019 © the new rules apply to photos as well, the court said.',
        'The minister spoke to AP and Reuters on Tuesday.',
        'He told reporters the talks had failed (Reuters).',
        'Copyright © All rights reserved.',
        'The board met on Tuesday, the report said (see page 4 / Appendix B).',
      ],
    },
  },
];
