import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SeedsField } from '../../src/ui/lab/SeedsField';

describe('SeedsField', () => {
  it('an out-of-range number stays in the field with the range, never silently put back to the old one', () => {
    const onChange = vi.fn();
    render(<SeedsField title="t" value={8} onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: /Seeds/ });
    fireEvent.change(input, { target: { value: '100' } });
    expect(input).toHaveValue(100);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Seeds must be a whole number from 1 to 64; the run uses 8.',
    );
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '12' } });
    expect(onChange).toHaveBeenCalledWith(12);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
