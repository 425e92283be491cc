/** Longer texts are cut in the card (the cell itself holds them whole). */
const MAX_CHARS = 40;

const shown = (text: string) => {
  if (text === "") return "（空）";
  const chars = [...text];
  return chars.length > MAX_CHARS ? `“${chars.slice(0, MAX_CHARS).join("")}…”（共 ${chars.length} 字）` : text;
};

/**
 * What a card's cells display, said in place (file mode): `H16 现为 18.00；F16 现为 99.00(%)`. Cells holding the
 * same text are said once (a goal copied into its 实际完成情况 is not printed twice), and a long text is cut.
 */
export function inPlaceText(cells: readonly string[], cellText: Readonly<Record<string, string>>): string {
  const groups: { cells: string[]; text: string }[] = [];
  for (const a1 of cells) {
    const text = cellText[a1] ?? "";
    const same = text.length > 0 ? groups.find((g) => g.text === text) : undefined;
    if (same) same.cells.push(a1);
    else groups.push({ cells: [a1], text });
  }
  return groups.map((g) => (g.cells.length > 1 ? `${g.cells.join("、")} 现均为 ${shown(g.text)}` : `${g.cells[0]} 现为 ${shown(g.text)}`)).join("；");
}
