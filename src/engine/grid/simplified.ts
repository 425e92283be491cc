/**
 * Traditional characters as their simplified forms, for the words of these forms (rules.md §1.7: `績效`, `預算`,
 * `執行率`, `滿意度` read as 绩效, 预算, 执行率, 满意度). Labels, grade words and qualitative completions are compared
 * through it; the text itself is kept as printed. One character each: the domain's words need no phrase-level
 * conversion (no 干/乾/幹-style ambiguity arises in them).
 */
const PAIRS =
  "績绩評评價价項项預预執执資资總总額额實实際际權权數数滿满標标產产經经濟济會会態态環环質质時时級级體体準准計计劃划" +
  "與与現现對对應应結结論论說说單单門门個个達达無无關关點点號号補补貼贴費费務务書书據据簡简繼继續续調调後后撥拨" +
  "轉转專专戶户當当財财區区縣县餘余優优進进並并採采擬拟節节約约況况綜综設设長长遠远響响護护維维運运營营員员決决" +
  "導导協协從从為为於于這这們们來来間间發发動动開开問问題题變变處处機机構构廠厂場场報报驗验監监檢检查查購购買买" +
  "備备裝装網网絡络庫库軟软車车輛辆樓楼層层廣广園园綠绿衛卫氣气電电燈灯線线橋桥鐵铁輸输農农業业糧粮學学醫医療疗" +
  "藥药養养殘残災灾貧贫鄉乡鎮镇臺台畝亩噸吨萬万億亿條条張张筆笔屆届歲岁錢钱稅税貸贷銀银虧亏損损減减漲涨級级" +
  "評评審审核核復复覈核綫线纍累總总準准確确認认識识範范圍围則则規规範范務务隊队辦办務务稱称項项號号訂订較较" +
  "儘尽權权錄录屬属傳传統统標标語语讀读寫写頁页順顺聯联繫系統统應应驗验證证勞劳動动務务賬账簿簿覽览歷历獎奖懲惩" +
  "麼么儀仪錶表紀纪監监試试備备製制適适將将東东車车門门內内圖图書书館馆館馆樂乐藝艺術术歡欢齊齐類类價价異异蓋盖" +
  "章章責责負负責责塊块壞坏雙双鬥斗屬属驟骤頭头職职養养護护響响圓圆範范雜杂態态濟济濕湿況况兩两嚴严屆届幣币";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) if (PAIRS[i] !== PAIRS[i + 1]) MAP.set(PAIRS[i], PAIRS[i + 1]);

const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join("")}]`, "g");
const ANY_TRADITIONAL = new RegExp(TRADITIONAL.source);

/**
 * @example toSimplified("績效自評表") //=> "绩效自评表"
 */
export function toSimplified(text: string): string {
  // a form printed in simplified characters (nearly all) has none: looked for first
  if (!ANY_TRADITIONAL.test(text)) return text;
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch) ?? ch);
}
