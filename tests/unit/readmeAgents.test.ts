/**
 * README's agent table agrees with the schema: each agent type of the union has one row, the row names
 * every field of the type, and every name in the row is a field (or an option of one) of its types.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../src/config/zod';
import { agentSchema } from '../../src/config/schema';

const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

interface Row {
  types: string[];
  names: Set<string>;
  text: string;
}

/** The rows of the table after "Agents (`agent.type`) and their fields:". */
function agentRows(): Row[] {
  const start = README.indexOf('Agents (`agent.type`) and their fields:');
  expect(start, 'README has the agent table').toBeGreaterThanOrEqual(0);
  const lines = README.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows: Row[] = [];
  for (const line of table) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 2 || /^\s*-+\s*$/.test(cells[0]) || cells[0].trim() === 'type') continue;
    const ticked = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    rows.push({ types: ticked(cells[0]), names: new Set(ticked(cells[1])), text: cells[1].trim() });
  }
  return rows;
}

const shapes = new Map(
  agentSchema.options.map((o) => [o.shape.type.value as string, o.shape as Record<string, z.ZodType>]),
);
const fieldsOf = (type: string) => Object.keys(shapes.get(type) ?? {}).filter((k) => k !== 'type');

/** An enum field's options, by field name ([] for other fields). */
function optionsOf(type: string, key: string): string[] {
  let s: unknown = shapes.get(type)?.[key];
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap();
  return s instanceof z.ZodEnum ? s.options.map(String) : [];
}

describe("README's agent table", () => {
  const rows = agentRows();

  it('has one row per agent type of the schema, and no other type', () => {
    const listed = rows.flatMap((r) => r.types);
    expect([...listed].sort()).toEqual([...shapes.keys()].sort());
  });

  it.each([...shapes.keys()])('names every field of %s in its row', (type) => {
    const row = rows.find((r) => r.types.includes(type));
    expect(row, `a row for ${type}`).toBeDefined();
    const missing = fieldsOf(type).filter((f) => !row!.names.has(f));
    expect(missing, `fields of ${type} missing from README`).toEqual([]);
    if (fieldsOf(type).length === 0) expect(row!.text).toBe('none');
  });

  it('names nothing but fields of the row’s types and their options', () => {
    for (const row of rows) {
      const known = new Set(
        row.types.flatMap((t) => [...fieldsOf(t), ...fieldsOf(t).flatMap((f) => optionsOf(t, f))]),
      );
      const stray = [...row.names].filter((n) => !known.has(n) && !/^\[.*\]$/.test(n));
      expect(stray, `README row ${row.types.join(', ')}`).toEqual([]);
    }
  });
});
