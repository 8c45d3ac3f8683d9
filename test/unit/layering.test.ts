// Proves the layering rules of eslint.config.js bite: a forbidden import in each layer is an error,
// an allowed one is not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering (ARCHITECTURE.md) is enforced by lint', () => {
  it.each([
    ['core/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    ['core/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['core/x.ts', "import { createService } from '../data/service.js';\nexport const s = createService;\n"],
    ['core/x.ts', "import React from 'react';\nexport const r = React;\n"],
    ['renderer/x.ts', "import { createService } from '../data/service.js';\nexport const s = createService;\n"],
    ['renderer/x.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n"],
    ['electron/x.ts', "import { createService } from '../data/service.js';\nexport const s = createService;\n"],
    ['electron/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    ['data/x.ts', "import React from 'react';\nexport const r = React;\n"],
    ['data/x.ts', "import { App } from '../renderer/App.js';\nexport const a = App;\n"],
  ])('refuses a forbidden import in %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/x.ts', "import { Table } from 'apache-arrow';\nexport const t = Table;\n"],
    ['data/x.ts', "import { runPivot } from '../core/pivot/pivot.js';\nexport const r = runPivot;\n"],
    ['renderer/x.ts', "import { encode } from '../core/contract/envelope.js';\nexport const e = encode;\n"],
    ['electron/x.ts', "import { checkRequest } from '../core/contract/api.js';\nexport const c = checkRequest;\n"],
  ])('allows an import that fits the layer in %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});

describe('the generator and its ground truth stay independent of the code they test', () => {
  it.each([
    "import { runPivot } from '../../core/pivot/pivot.js';\nexport const r = runPivot;\n",
    "import { deriveCarePeriods } from '../model/careperiods.js';\nexport const d = deriveCarePeriods;\n",
    "import { importFiles } from '../import/importer.js';\nexport const i = importFiles;\n",
  ])('refuses %s', async (code) => {
    expect(await restrictedImportErrors('data/generate/truth/x.ts', code)).not.toEqual([]);
  });
});
