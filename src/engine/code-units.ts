/**
 * Whether a UTF-16 code unit matches a one-character pattern, remembered unit by unit: a table
 * lookup costs less than running the pattern on every character of every line.
 */
export function codeUnitTest(pattern: RegExp): (code: number) => boolean {
  // By code unit: 0 not yet known, 1 matches, 2 does not (filled as units are met).
  const known = new Uint8Array(0x10000);
  return (code) => {
    let state = known[code];
    if (state === 0) {
      state = pattern.test(String.fromCharCode(code)) ? 1 : 2;
      known[code] = state;
    }
    return state === 1;
  };
}
