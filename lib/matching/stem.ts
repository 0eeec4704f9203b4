// Porter (1980) stemmer for English, the classic algorithm. Pure: used at indexing time (the
// `terms` field of every document) and at query time, so both sides always stem the same way.

const isCons = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 ? true : !isCons(w, i - 1);
  return true;
};

// m(): the number of VC sequences in w[0..j]
function measure(w: string, j: number): number {
  let n = 0;
  let i = 0;
  while (true) {
    if (i > j) return n;
    if (!isCons(w, i)) break;
    i++;
  }
  i++;
  while (true) {
    while (true) {
      if (i > j) return n;
      if (isCons(w, i)) break;
      i++;
    }
    i++;
    n++;
    while (true) {
      if (i > j) return n;
      if (!isCons(w, i)) break;
      i++;
    }
    i++;
  }
}

const vowelInStem = (w: string, j: number): boolean => {
  for (let i = 0; i <= j; i++) if (!isCons(w, i)) return true;
  return false;
};

const doubleCons = (w: string, j: number): boolean => j >= 1 && w[j] === w[j - 1] && isCons(w, j);

// cvc(i): w[i-2..i] is consonant-vowel-consonant and the last is not w, x or y
const cvc = (w: string, i: number): boolean => {
  if (i < 2 || !isCons(w, i) || isCons(w, i - 1) || !isCons(w, i - 2)) return false;
  const c = w[i];
  return !(c === "w" || c === "x" || c === "y");
};

type Rule = [suffix: string, replacement: string];

function applyRules(w: string, rules: Rule[], minM: number): string {
  for (const [suf, rep] of rules) {
    if (w.endsWith(suf)) {
      const stem = w.slice(0, w.length - suf.length);
      return measure(stem, stem.length - 1) > minM ? stem + rep : w;
    }
  }
  return w;
}

const step2Rules: Rule[] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];
const step3Rules: Rule[] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];
const step4Suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

export function porterStem(word: string): string {
  let w = word;
  if (w.length <= 2) return w;

  // step 1a
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("ss")) {
    /* keep */
  } else if (w.endsWith("s")) w = w.slice(0, -1);

  // step 1b
  let extra = false;
  if (w.endsWith("eed")) {
    const stem = w.slice(0, -3);
    if (measure(stem, stem.length - 1) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && vowelInStem(w, w.length - 3)) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith("ing") && vowelInStem(w, w.length - 4)) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (doubleCons(w, w.length - 1) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w, w.length - 1) === 1 && cvc(w, w.length - 1)) w += "e";
  }

  // step 1c
  if (w.endsWith("y") && vowelInStem(w, w.length - 2)) w = w.slice(0, -1) + "i";

  // steps 2-3
  w = applyRules(w, step2Rules, 0);
  w = applyRules(w, step3Rules, 0);

  // step 4
  for (const suf of step4Suffixes) {
    if (w.endsWith(suf)) {
      const stem = w.slice(0, w.length - suf.length);
      if (measure(stem, stem.length - 1) > 1) {
        if (suf === "ion") {
          if (/[st]$/.test(stem)) w = stem;
        } else w = stem;
      }
      break;
    }
  }
  // "ement"/"ment"/"ent" ordering: the longest suffix must win; handled by list order above.

  // step 5a
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    const m = measure(stem, stem.length - 1);
    if (m > 1 || (m === 1 && !cvc(stem, stem.length - 1))) w = stem;
  }
  // step 5b
  if (measure(w, w.length - 1) > 1 && doubleCons(w, w.length - 1) && w.endsWith("l")) w = w.slice(0, -1);
  return w;
}
