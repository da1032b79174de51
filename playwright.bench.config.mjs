// Browser benchmarks: print figures, assert nothing about speed.
import base from './playwright.config.mjs';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '*.bench.mjs', reporter: [['list']] });
