import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules must bite: each forbidden import below is linted as if it sat in that layer.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['renderer/components/Bad.tsx', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/components/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/components/Bad.tsx', "import { Engine } from '../../electron/engine/service';\nexport const x = Engine;"],
    ['electron/engine/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/bad.ts', "import os from 'os';\nexport const x = os;"],
    ['shared/bad.ts', "import { Engine } from '../electron/engine/service';\nexport const x = Engine;"],
    ['shared/bad.ts', "import React from 'react';\nexport const x = React;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await problems(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/components/Good.tsx', "import { SOCKET_STATES } from '../../shared/contract/sockets';\nexport const x = SOCKET_STATES;"],
    ['electron/app/good.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/engine/good.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['shared/good.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('%s may: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
