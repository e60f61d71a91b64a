// A pane of lines that scrolls itself: it keeps its own offset and listens to the scrolling keys at pane priority,
// so whoever produces the lines (step details, a report, parameters) never hears about scrolling. Give it a new
// `key` to start again at the top.
import {useState} from 'react';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {findBinding} from '../keys/bindings.js';
import {scrollKeymap} from '../keys/keymaps.js';
import {type PaneLine, paneRoom, TextPane} from './text-pane.js';

export type ScrollPaneProps = {
	title: string;
	lines: readonly PaneLine[];
	width: number;
	height: number;
	footer?: string;
	/** False while an overlay or a dialog has the keyboard. */
	active: boolean;
};

export function ScrollPane({title, lines, width, height, footer, active}: ScrollPaneProps) {
	const [offset, setOffset] = useState(0);
	useKeyLayer(
		(press) => {
			const binding = findBinding(scrollKeymap, press);
			if (!binding) return false;
			setOffset((current) => scrolled(current, binding.intent, lines.length, paneRoom(height)));
			return true;
		},
		{priority: KeyPriority.pane, active},
	);
	return (
		<TextPane title={title} lines={lines} offset={offset} width={width} height={height} footer={footer} />
	);
}

/** The offset after a scrolling key, kept between the top and the last full page. */
export function scrolled(offset: number, intent: string, count: number, room: number): number {
	const maximum = Math.max(0, count - room);
	const page = room - 1;
	switch (intent) {
		case 'up':
			return Math.max(0, Math.min(offset, maximum) - 1);
		case 'down':
			return Math.min(maximum, offset + 1);
		case 'page-up':
			return Math.max(0, Math.min(offset, maximum) - page);
		case 'page-down':
			return Math.min(maximum, offset + page);
		case 'first':
			return 0;
		case 'last':
			return maximum;
		default:
			return offset;
	}
}
