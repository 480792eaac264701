import type { en } from './en';

export const nl: Partial<Record<keyof typeof en, string>> = {};
