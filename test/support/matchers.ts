/**
 * Vitest's asymmetric matchers are typed `any`; these return `unknown`, so an expected object holding one is still
 * type-checked around it (and lint does not see `any` flowing into it).
 */
import { expect } from 'vitest';

export const anyOf = (type: unknown): unknown => expect.any(type);
export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);
export const stringContaining = (text: string): unknown => expect.stringContaining(text);
export const arrayContaining = (items: unknown[]): unknown => expect.arrayContaining(items);
export const objectContaining = (shape: Record<string, unknown>): unknown => expect.objectContaining(shape);
