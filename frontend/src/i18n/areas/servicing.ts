/**
 * Messages of the servicing pages. zh-CN is the reference; en-US is typed against it, so a missing key
 * fails the build. Both are spread into the console's resource files (../zh-CN.ts, ../en-US.ts).
 */
export const servicingZhCN = {
} as const;

export const servicingEnUS: Record<keyof typeof servicingZhCN, string> = {
};
