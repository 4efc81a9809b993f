/** The page's words, in Chinese (rules.md "Words in Chinese output") and English. */
import type { Category, Lang } from "./protocol.js";

export const WORDS = {
  zh: {
    title: "“双包”定点帮扶数据核查",
    subtitle: "单位包村、干部包户 · 安徽省2014年实施意见",
    private:
      "本页面在您的电脑上运行：数据只在本机读取和核查，不上传、不发送到任何地方（断网也能用）。",
    switchTo: "English",
    input: "选择数据",
    drop: "把数据文件夹或文件拖到这里",
    dropHint:
      "CSV（UTF-8 或 GBK）、XLSX 工作簿、CSV 压缩包（zip）或 JSON —— 与命令行工具读取的相同",
    pickFolder: "选择文件夹…",
    pickFiles: "选择文件…",
    asOf: "核查基准日",
    parameters: "政策参数",
    parametersHint:
      "核查基准日适用的取值；可逐项调整。标“解释性参数”的，原文未给出具体数值，为本工具的解读。",
    paramHeader: ["参数", "取值", "条款", "备注", ""],
    interpretation: "解释性参数",
    overridden: "已调整",
    reset: "恢复",
    progressFiles: (done: number, total: number) => `读取文件 ${done}/${total}`,
    progressRows: (rows: number) => `载入数据 ${rows.toLocaleString("zh-CN")} 行`,
    progressAudit: "核查中…",
    loaded: (input: string, rows: number, ms: number) =>
      `${input}：${rows.toLocaleString("zh-CN")} 行，用时 ${(ms / 1000).toFixed(1)} 秒`,
    summary: "核查结果",
    asOfText: (d: string) => {
      const [y, m, day] = d.split("-");
      return `截至${y}年${Number(m)}月${Number(day)}日`;
    },
    total: "问题总数",
    coverage: "帮扶覆盖情况",
    poorVillages: "贫困村",
    withUnit: "有包村帮扶单位",
    withCadre: "有驻村帮扶干部",
    households: "贫困户",
    withHelper: "有帮扶责任人",
    downloads: "下载",
    dlFindingsXlsx: "问题清单（XLSX）",
    dlFindingsCsv: "问题清单（CSV）",
    dlForms: "四张附件表（XLSX）",
    dlJson: "核查报告（JSON）",
    dlHtml: "核查报告（HTML，可打印）",
    mask: "遮盖身份证号和手机号",
    list: "问题清单",
    all: "全部",
    severity: "类别",
    rule: "规则",
    city: "市",
    county: "县（市、区）",
    township: "乡（镇）",
    search: "按名称或编号搜索",
    shown: (n: number, total: number) =>
      `显示 ${n.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")} 条`,
    clause: "条款",
    quote: "原文",
    source: "来源",
    line: (n: number) => `第${n}行`,
    none: "未发现问题。",
    error: "无法读取",
    unplaced: "省、市级或数据文件",
    footer: "“双包”数据核查工具 · 开源（MIT） · 同一数据，网页与命令行得出相同的问题清单和文件。",
  },
  en: {
    title: "“双包” contracting audit",
    subtitle: "单位包村、干部包户 · Anhui, 2014 implementing opinions",
    private:
      "This page runs on your computer: the data is read and audited here and is never uploaded or sent anywhere (it works offline).",
    switchTo: "中文",
    input: "Data",
    drop: "Drop a data folder or files here",
    dropHint:
      "CSV (UTF-8 or GBK), an XLSX workbook, a zip of CSV files or JSON — what the command line reads",
    pickFolder: "Choose a folder…",
    pickFiles: "Choose files…",
    asOf: "As of (核查基准日)",
    parameters: "Policy parameters",
    parametersHint:
      "The values in force on the date; each can be changed. Those marked “interpretation” are our reading: the text gives no number.",
    paramHeader: ["parameter", "value", "clause", "note", ""],
    interpretation: "interpretation",
    overridden: "changed",
    reset: "reset",
    progressFiles: (done: number, total: number) => `Reading files ${done}/${total}`,
    progressRows: (rows: number) => `Loading ${rows.toLocaleString("en")} rows`,
    progressAudit: "Auditing…",
    loaded: (input: string, rows: number, ms: number) =>
      `${input}: ${rows.toLocaleString("en")} rows in ${(ms / 1000).toFixed(1)} s`,
    summary: "Result",
    asOfText: (d: string) => `as of ${d}`,
    total: "Findings",
    coverage: "Coverage",
    poorVillages: "poor villages",
    withUnit: "with a responsible unit",
    withCadre: "with a resident cadre",
    households: "poor households",
    withHelper: "with a helper",
    downloads: "Downloads",
    dlFindingsXlsx: "Findings (XLSX)",
    dlFindingsCsv: "Findings (CSV)",
    dlForms: "The four forms (XLSX)",
    dlJson: "Report (JSON)",
    dlHtml: "Report (HTML, to print)",
    mask: "Mask ID and phone numbers",
    list: "Findings (问题清单)",
    all: "all",
    severity: "kind",
    rule: "rule",
    city: "city",
    county: "county",
    township: "township",
    search: "Search by name or id",
    shown: (n: number, total: number) =>
      `${n.toLocaleString("en")} of ${total.toLocaleString("en")}`,
    clause: "clause",
    quote: "the policy says",
    source: "source",
    line: (n: number) => `line ${n}`,
    none: "No findings.",
    error: "Cannot read",
    unplaced: "province, city or file",
    footer:
      "shuangbao · open source (MIT) · the page and the command line give the same findings and files for the same data.",
  },
} as const;

export type Words = (typeof WORDS)[Lang];

const CATEGORY_WORDS: Record<Category, Record<Lang, string>> = {
  error: { zh: "不符合", en: "breach" },
  warning: { zh: "需说明", en: "to explain" },
  info: { zh: "提示", en: "note" },
  data: { zh: "数据问题", en: "data problem" },
};

export const categoryWord = (c: Category, lang: Lang) => CATEGORY_WORDS[c][lang];
