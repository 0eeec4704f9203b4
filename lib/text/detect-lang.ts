// Chinese if a meaningful share of the letters are CJK ideographs; English otherwise.
export function detectLang(text: string): "zh" | "en" {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  // One Chinese character carries about as much as a short English word (~4 letters).
  return han * 4 >= latin ? (han > 0 ? "zh" : "en") : "en";
}
