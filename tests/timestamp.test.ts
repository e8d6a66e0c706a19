import { describe, expect, it } from 'vitest';
import { isDate, splitSourceAndTime } from '../src/engine/timestamp.js';

describe('splitSourceAndTime', () => {
  it.each([
    ['NDTV2 days ago', 'NDTV', '2 days ago'],
    ['Yahoo13 hours ago', 'Yahoo', '13 hours ago'],
    ['News183 days ago', 'News18', '3 days ago'],
    ['News1812 hours ago', 'News18', '12 hours ago'],
    ['9 News6 days ago', '9 News', '6 days ago'],
    ['Politico17 hours ago', 'Politico', '17 hours ago'],
    ['Focus Malaysia08-07-2025', 'Focus Malaysia', '08-07-2025'],
    ['Mint2 days ago', 'Mint', '2 days ago'],
    ['BBC Newsa day ago', 'BBC News', 'a day ago'],
    ['The Star 5 hours ago', 'The Star', '5 hours ago'],
    ['Delhi Dweller 19 Sept 2016', 'Delhi Dweller', '19 Sept 2016'],
    ['Reuters | 2 hours ago', 'Reuters', '2 hours ago'],
    ['BBC News - July 8, 2025', 'BBC News', 'July 8, 2025'],
    ['Updated Mon, November 18, 2024 at 4:10 PM', 'Updated', 'Mon, November 18, 2024 at 4:10 PM'],
    ['Reuters 20 Nov 2019 08:00 GMT', 'Reuters', '20 Nov 2019 08:00 GMT'],
    ['El País hace 2 horas', 'El País', 'hace 2 horas'],
    ['Le Monde il y a 3 heures', 'Le Monde', 'il y a 3 heures'],
    ['Spiegel vor 5 Minuten', 'Spiegel', 'vor 5 Minuten'],
    ['РИА Новости 2 часа назад', 'РИА Новости', '2 часа назад'],
    ['Kompas 3 jam yang lalu', 'Kompas', '3 jam yang lalu'],
  ])('splits %j into publisher and time', (line, source, published) => {
    expect(splitSourceAndTime(line)).toEqual({ source, published });
  });

  it.each([
    ['2 minutes ago', '2 minutes ago'],
    ['a day ago', 'a day ago'],
    ['an hour ago', 'an hour ago'],
    ['July 8, 2025', 'July 8, 2025'],
    ['2025-07-08', '2025-07-08'],
    ['99 days ago', '99 days ago'],
    ['3h', '3h'],
    ['há 2 dias', 'há 2 dias'],
    ['5 ore fa', '5 ore fa'],
    ['3 uur geleden', '3 uur geleden'],
    ['2 години тому', '2 години тому'],
    ['45 m', '45 m'],
    ['Wednesday 20 November 2019 9:22 am', 'Wednesday 20 November 2019 9:22 am'],
  ])('reads %j as a time with no publisher', (line, published) => {
    expect(splitSourceAndTime(line)).toEqual({ source: null, published });
  });

  it.each(['NDTV', 'Russia said Tuesday that any deal must ensure its security', '450 drones and missiles', '300h', '3 hours', 'Monday', 'Il y a 3 heures que la réunion a commencé', 'hace falta'])(
    'finds no time in %j',
    (line) => {
      expect(splitSourceAndTime(line)).toBeNull();
    },
  );
});

describe('isDate', () => {
  it.each(['08-07-2025', '19 Sept 2016', 'September 21, 2025', 'Jan 5, 2024, 10:30 am', 'Tue, Nov 19, 2019 at 4:10 PM EST'])('accepts %j', (text) => {
    expect(isDate(text)).toBe(true);
  });

  it.each(['on', 'Monday', '2 days ago', 'September'])('rejects %j', (text) => {
    expect(isDate(text)).toBe(false);
  });
});
