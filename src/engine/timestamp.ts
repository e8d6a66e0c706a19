/**
 * Time stamps as aggregators print them ("2 days ago", "a day ago", "08-07-2025"), and the
 * publisher-plus-time line where the two are glued together ("NDTV2 days ago").
 */

/** Largest number each relative unit shows before a site switches to the next unit. */
const UNIT_MAX: Record<string, number> = {
  second: 59,
  sec: 59,
  minute: 59,
  min: 59,
  hour: 48,
  hr: 48,
  day: 31,
  week: 5,
  month: 12,
  year: 20,
};

const UNIT = '(second|sec|minute|min|hour|hr|day|week|month|year)s?';
const NUMERIC_AGO = new RegExp(`^(.*?)(\\d+) ?${UNIT} ago$`, 'i');
const WORD_AGO = new RegExp(`^(.*?)((?:an?|one) ${UNIT} ago|just now|yesterday)$`, 'i');

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\\.?,? )?';
/** ", 4:10 pm", " at 16:10 IST": a clock time, maybe with "at" and a time zone. */
const CLOCK = '(?:,? (?:at )?\\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?(?: [A-Z]{2,4})?)?';
const DATE_FORMS = [
  '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}',
  '\\d{4}-\\d{2}-\\d{2}',
  `\\d{1,2} ${MONTH},? \\d{4}`,
  `${MONTH} \\d{1,2},? \\d{4}`,
];
/** A calendar date with an optional clock time, as a regular expression source. */
export const DATE = `${WEEKDAY}(?:${DATE_FORMS.join('|')})${CLOCK}`;
const ENDS_WITH_DATE = new RegExp(`^(.*?)(${DATE})$`, 'i');
const WHOLE_DATE = new RegExp(`^${DATE}$`, 'i');

export interface SourceAndTime {
  source: string | null;
  published: string;
}

/** Is the whole text a calendar date (with an optional clock time)? */
export function isDate(text: string): boolean {
  return WHOLE_DATE.test(text);
}

/**
 * Splits "NDTV2 days ago" into NDTV and "2 days ago". When digits are glued on both sides
 * ("News183 days ago") the time takes the longest digit suffix that is a plausible count for
 * its unit (183 and 83 days are not; 3 is), and the rest belongs to the publisher (News18).
 */
function splitNumericAgo(text: string): SourceAndTime | null {
  const match = NUMERIC_AGO.exec(text);
  if (!match) return null;
  const [, head = '', digits = '', unit = ''] = match;
  // Digits belong to a publisher only when glued to its name.
  if (!/\p{L}/u.test(head)) return { source: null, published: text.trim() };
  const max = UNIT_MAX[unit.toLowerCase()] ?? 0;
  for (let start = Math.max(0, digits.length - 2); start < digits.length; start++) {
    const count = digits.slice(start);
    if (count.startsWith('0') || Number(count) > max) continue;
    const source = head + digits.slice(0, start);
    return { source: publisherPart(source), published: text.slice(source.length).trim() };
  }
  return null;
}

/** "Reuters | ", "BBC News - ": the publisher without the separator before the time. */
function publisherPart(head: string): string | null {
  return head.replace(/[\s|·•,:–—-]+$/u, '').trim() || null;
}

function splitAt(pattern: RegExp, text: string): SourceAndTime | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const [, head = '', time = ''] = match;
  return { source: publisherPart(head), published: time.trim() };
}

/** "hace 2 horas", "vor 3 Stunden", "2 часа назад": relative times in the other languages of the stopword lists. */
const FOREIGN_AGO = new RegExp(
  `^(.*?)(?:^|\\s)(${[
    '(?:hace|há) (?:\\d+|una?) (?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?)',
    'il y a (?:\\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)',
    'vor (?:\\d+|einer?|einem) (?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)',
    '(?:\\d+|un|una) (?:secondi|minuti|ore|giorni|settimane|mesi|anni|minuto|ora|giorno|settimana|mese|anno) fa',
    '(?:\\d+|een) (?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar) geleden',
    '\\d+ (?:detik|menit|jam|hari|minggu|bulan|tahun) (?:yang )?lalu',
    '\\d+ (?:sekund[ęy]?|minut[ęy]?|godzin[ęy]?|dni|dzień|tygodni(?:e)?|miesięcy|miesiące|lat(?:a)?) temu',
    '\\d+ (?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|день|дня|дней|недел[иья]|месяц(?:а|ев)?|года?|лет) назад',
    '\\d+ (?:секунд[уи]?|хвилин[уи]?|годин[уи]?|день|дні|днів|тижн(?:і|ів|ень)|місяц(?:ь|і|ів)|рок(?:и|ів)?|років) тому',
  ].join('|')})$`,
  'iu',
);

/** "3h", "45m", "2d": the compact age some aggregators print on a line of its own. */
const COMPACT_AGE = /^\d{1,2} ?(?:s|m|min|h|hr|d|w)$/i;

/** Longer lines are prose that happens to end in a time, not a publisher and time line. */
const MAX_STAMP_LINE = 200;

/** Splits a line made of an optional publisher followed by a time stamp; null for anything else. */
export function splitSourceAndTime(text: string): SourceAndTime | null {
  if (text.length > MAX_STAMP_LINE) return null;
  // Most lines have no digit and no word of a relative time: the long patterns, and their
  // compilation on a page's first lines, are spared them.
  const digits = /\d/.test(text);
  if (digits && COMPACT_AGE.test(text)) return { source: null, published: text };
  const numeric = digits ? (splitNumericAgo(text) ?? splitAt(ENDS_WITH_DATE, text)) : null;
  if (numeric) return numeric;
  return (WORD_AGO_HINT.test(text) ? splitAt(WORD_AGO, text) : null) ?? (FOREIGN_AGO_HINT.test(text) ? splitAt(FOREIGN_AGO, text) : null);
}

/** Words one of which every match of WORD_AGO or FOREIGN_AGO holds. */
const WORD_AGO_HINT = /ago$|just now$|yesterday$/i;
const FOREIGN_AGO_HINT = /hace |há |il y a |vor | fa$| geleden$| lalu$| temu$| назад$| тому$/i;
