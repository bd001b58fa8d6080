import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ParamField } from '../../src/ui/common/ParamField';
import type { ListSpec, NumberSpec, ParamSpec } from '../../src/ui/common/paramSpec';
import type { EditResult } from '../../src/store/configStore';

const alpha: NumberSpec = {
  key: 'alpha',
  kind: 'number',
  label: 'Learning rate',
  tip: 'How far each update moves.',
  min: 0,
  max: 1,
  step: 0.01,
};
const hidden: ListSpec = {
  key: 'hidden',
  kind: 'list',
  label: 'Hidden layers',
  tip: 'Units per layer.',
  placeholder: '64,64',
};

/** Holds the value like the config store does; `refuse` plays the schema refusing a value. */
function Field({
  spec,
  initial,
  refuse = () => null,
}: {
  spec: ParamSpec;
  initial: unknown;
  refuse?: (v: unknown) => string | null;
}) {
  const [value, setValue] = useState(initial);
  const onCommit = (v: unknown): EditResult => {
    const message = refuse(v);
    if (message) return { ok: false, message };
    // Like the config store: an unchanged value keeps its identity (no reset of the box's text).
    const changed = JSON.stringify(v) !== JSON.stringify(value);
    if (changed) setValue(v);
    return { ok: true, changed };
  };
  return (
    <>
      <ParamField spec={spec} value={value} onCommit={onCommit} bounds={{ min: 0, max: 1 }} />
      <button type="button">elsewhere</button>
    </>
  );
}

const message = () => screen.queryByRole('alert');

describe('ParamField error text', () => {
  it('shows the message for an invalid number and clears it once the value is valid again', async () => {
    const user = userEvent.setup();
    render(<Field spec={alpha} initial={0.5} />);
    const box = screen.getByRole('spinbutton', { name: 'Learning rate' });
    await user.clear(box);
    await user.type(box, '2');
    expect(message()).toHaveTextContent('Learning rate: must be from 0 to 1');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await user.clear(box);
    await user.type(box, '0.3');
    expect(message()).toBeNull();
    expect(box).not.toHaveAttribute('aria-invalid');
    expect(box).toHaveValue(0.3);
  });

  it('clears the message when a valid value equal to the current one is typed again', async () => {
    const user = userEvent.setup();
    render(<Field spec={alpha} initial={0.5} />);
    const box = screen.getByRole('spinbutton', { name: 'Learning rate' });
    await user.clear(box);
    expect(message()).toHaveTextContent('Learning rate: enter a number');
    await user.type(box, '0.5');
    expect(message()).toBeNull();
  });

  it('clears the message when the box returns to the current (valid) value on blur', async () => {
    const user = userEvent.setup();
    render(<Field spec={alpha} initial={0.5} />);
    const box = screen.getByRole('spinbutton', { name: 'Learning rate' });
    await user.clear(box);
    await user.type(box, '7');
    expect(message()).toHaveTextContent('must be from 0 to 1');
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(box).toHaveValue(0.5);
    expect(message()).toBeNull();
  });

  it('clears a refusal from the schema once a value is accepted', async () => {
    const user = userEvent.setup();
    render(
      <Field
        spec={alpha}
        initial={0.5}
        refuse={(v) => (v === 0 ? 'Learning rate: must be above 0' : null)}
      />,
    );
    const box = screen.getByRole('spinbutton', { name: 'Learning rate' });
    await user.clear(box);
    await user.type(box, '0');
    expect(message()).toHaveTextContent('Learning rate: must be above 0');
    await user.type(box, '.2');
    expect(message()).toBeNull();
  });

  it('shows and clears the message of a list field', async () => {
    const user = userEvent.setup();
    render(<Field spec={hidden} initial={[64, 64]} />);
    const box = screen.getByRole('textbox', { name: 'Hidden layers' });
    await user.clear(box);
    await user.type(box, '32,x');
    expect(message()).toHaveTextContent('type whole numbers separated by commas');
    await user.type(box, '{Backspace}16');
    expect(message()).toBeNull();
    expect(box).toHaveValue('32,16');
  });
});
