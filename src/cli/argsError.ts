/** node:util parseArgs's English errors as the Chinese reason a user reads (the option named as typed). */
export function argsErrorReason(e: unknown, positionalHint: string): string {
  const code = (e as { code?: string }).code;
  const option = /'(--?[A-Za-z-]+)/.exec(String((e as { message?: unknown }).message ?? ""))?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return positionalHint;
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `未知的选项 ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(String((e as { message?: unknown }).message)) ? `选项 ${option} 缺少取值` : `选项 ${option} 的用法有误`;
    default:
      return "参数有误";
  }
}
