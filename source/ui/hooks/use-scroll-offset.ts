// The first visible row of a window over a long list, moved only as far as needed to keep the selection in view.
import {useRef} from 'react';

export function useScrollOffset(selected: number, count: number, height: number): number {
	const offset = useRef(0);
	offset.current = scrollOffset(offset.current, selected, count, height);
	return offset.current;
}

export function scrollOffset(previous: number, selected: number, count: number, height: number): number {
	if (height <= 0 || count <= height) return 0;
	let next = previous;
	if (selected < next) next = selected;
	if (selected >= next + height) next = selected - height + 1;
	return Math.max(0, Math.min(next, count - height));
}
