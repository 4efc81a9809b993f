/** The tool's version (the CLI's, from its package.json at build time): the reports name it. */
declare const __SHUANGBAO_VERSION__: string;

export const VERSION: string = __SHUANGBAO_VERSION__;
