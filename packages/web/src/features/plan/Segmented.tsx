import type { ComponentProps } from 'react';
import { Segmented as SegmentedGroup } from '../../lib/Segmented';

// Plan's look of the shared segmented control.
export function Segmented<T extends string>(
  props: Omit<ComponentProps<typeof SegmentedGroup<T>>, 'className'>,
) {
  return <SegmentedGroup {...props} className="plan-segmented" />;
}
