/**
 * The settings lists render from the schema: every field of every agent type (whatever types the union
 * holds), of the world and of training gets a labelled control with the schema's range, and a value
 * outside it shows the schema's message.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, defaultAgent } from '../../src/config/defaults';
import { agentSchema, parseConfig, type AgentType } from '../../src/config/schema';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { AgentPanel } from '../../src/ui/agent/AgentPanel';
import { formatNumber, type ParamSpec } from '../../src/ui/common/paramSpec';
import { numberBounds, sectionSpecs, type FieldSection } from '../../src/ui/common/schemaBounds';
import { EnvSettings } from '../../src/ui/editor/EnvSettings';
import { TrainSettings } from '../../src/ui/training/TrainSettings';

const types: AgentType[] = agentSchema.options.map((o) => o.shape.type.value);

beforeEach(() => resetConfigStore());

/** The section's current values in the store. */
function current(section: FieldSection): Record<string, unknown> {
  const c = useConfigStore.getState().config;
  if (section === 'env') return c.env as unknown as Record<string, unknown>;
  if (section === 'rewards') return c.env.rewards;
  if (section === 'train') return c.train;
  return c.agent as Record<string, unknown>;
}

/** Every field of the section: a labelled control of its kind, showing the current value; a number out
 *  of the schema's range is refused with that range, and the stored value stays. */
function checkFields(section: FieldSection, specs: readonly ParamSpec[]) {
  for (const spec of specs) {
    const at = `${JSON.stringify(section)}.${spec.key}`;
    const control = screen.getByLabelText(spec.label, { selector: 'input, select' });
    expect(control, at).toHaveAccessibleDescription(spec.tip);
    expect(screen.getAllByRole('button', { name: `About ${spec.label}` }).length, at).toBeGreaterThan(0);
    const value = current(section)[spec.key];
    if (spec.kind === 'bool') {
      expect(control, at).toHaveAttribute('type', 'checkbox');
      expect((control as HTMLInputElement).checked, at).toBe(value);
      continue;
    }
    if (spec.kind === 'select') {
      expect(control.tagName, at).toBe('SELECT');
      expect((control as HTMLSelectElement).value, at).toBe(value);
      const offered = within(control)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value);
      expect(offered, at).toEqual(spec.options.map((o) => o.value));
      continue;
    }
    if (spec.kind === 'list') {
      expect(control, at).toHaveValue((value as number[]).join(','));
      continue;
    }
    expect(control, at).toHaveAttribute('type', 'number');
    expect(control, at).toHaveValue(value as number);
    const b = numberBounds(section, spec.key)!;
    if (!spec.noSlider) {
      const slider = screen.getByRole('slider', { name: `${spec.label} slider` });
      if (!spec.log) {
        expect(Number(slider.getAttribute('min')), at).toBeGreaterThanOrEqual(b.min);
        expect(Number(slider.getAttribute('max')), at).toBeLessThanOrEqual(b.max);
      }
    }
    const outside = Number.isFinite(b.max)
      ? b.max + (spec.int ? 1 : Math.max(1, Math.abs(b.max)))
      : b.min - 1;
    fireEvent.change(control, { target: { value: String(outside) } });
    expect(screen.getByRole('alert'), at).toHaveTextContent(
      `${spec.label}: must be from ${formatNumber(b.min)} to ${formatNumber(b.max)}`,
    );
    expect(current(section)[spec.key], at).toBe(value);
    fireEvent.blur(control);
    expect(screen.queryByRole('alert'), at).toBeNull();
  }
}

describe('the agent settings list', () => {
  it.each(types)('renders every field of %s from the schema', (type) => {
    useConfigStore.getState().setConfig({ ...DEFAULT_CONFIG, agent: defaultAgent(type) });
    render(<AgentPanel />);
    const specs = sectionSpecs({ agent: type });
    const fields = Object.keys(defaultAgent(type)).filter((k) => k !== 'type');
    expect(specs.map((s) => s.key)).toEqual(fields);
    checkFields({ agent: type }, specs);
    if (specs.length === 0) expect(screen.getByText(/has no settings/)).toBeInTheDocument();
  });

  it('refuses a list the schema refuses with the schema message, under the field label', () => {
    useConfigStore.getState().setConfig({ ...DEFAULT_CONFIG, agent: defaultAgent('dqn') });
    render(<AgentPanel />);
    const box = screen.getByRole('textbox', { name: 'Hidden layers' });
    fireEvent.change(box, { target: { value: '64,0' } });
    const r = parseConfig({ ...DEFAULT_CONFIG, agent: { ...defaultAgent('dqn'), hidden: [64, 0] } });
    expect(r.ok).toBe(false);
    const schemaMessage = r.ok ? '' : r.errors[0].slice(r.errors[0].indexOf(': ') + 2);
    expect(schemaMessage.length).toBeGreaterThan(0);
    expect(screen.getByRole('alert')).toHaveTextContent(schemaMessage);
    expect(useConfigStore.getState().config.agent).toMatchObject({ hidden: [64, 64] });
  });

  it('commits an in-range value into the config', () => {
    useConfigStore.getState().setConfig({ ...DEFAULT_CONFIG, agent: defaultAgent('dyna-q') });
    render(<AgentPanel />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Planning steps' }), {
      target: { value: '250' },
    });
    expect(useConfigStore.getState().config.agent).toMatchObject({ type: 'dyna-q', planningSteps: 250 });
  });
});

describe('the world and training lists', () => {
  it('renders every env and reward field from the schema', () => {
    render(<EnvSettings />);
    expect(sectionSpecs('env')).toHaveLength(4);
    expect(sectionSpecs('rewards')).toHaveLength(4);
    checkFields('env', sectionSpecs('env'));
    checkFields('rewards', sectionSpecs('rewards'));
  });

  it('renders every train field from the schema', () => {
    render(<TrainSettings />);
    expect(sectionSpecs('train')).toHaveLength(6);
    checkFields('train', sectionSpecs('train'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Reward shaping' }), {
      target: { value: 'potential' },
    });
    expect(useConfigStore.getState().config.train.shaping).toBe('potential');
  });
});
