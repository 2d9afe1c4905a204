/**
 * Messages of the system pages. zh-CN is the reference; en-US is typed against it, so a missing key
 * fails the build. Both are spread into the console's resource files (../zh-CN.ts, ../en-US.ts).
 */
export const systemZhCN = {
} as const;

export const systemEnUS: Record<keyof typeof systemZhCN, string> = {
};
