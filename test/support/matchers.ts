/**
 * Vitest's asymmetric matchers typed `unknown` instead of `any`, so an expected object literal holding one stays
 * typed (an `any` inside it turns the whole literal unchecked).
 */
import { expect } from 'vitest';

export const anyOf = (type: unknown): unknown => expect.any(type);
export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);
export const objectContaining = (shape: Record<string, unknown>): unknown => expect.objectContaining(shape);
