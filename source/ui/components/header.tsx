// The top line: where the user is (breadcrumb), which account/region, how fresh the data is, read-only badge.
import {Box, Text} from 'ink';
import {memo, useSyncExternalStore} from 'react';
import {truncateEnd} from '../../pipeline/format.js';
import type {RefreshStore} from '../refresh-store.js';
import {useTheme} from '../theme.js';
import {describeRefresh, RefreshStatus} from './refresh-status.js';

export type HeaderProps = {
	crumbs: string[];
	region?: string;
	label: string;
	readOnly: boolean;
	refresh: RefreshStore;
	now: () => number;
	width: number;
};

export const Header = memo(function Header({
	crumbs,
	region,
	label,
	readOnly,
	refresh,
	now,
	width,
}: HeaderProps) {
	const theme = useTheme();
	const compact = width < 72;
	const place = (compact ? [label] : [region, label]).filter(Boolean).join(' · ');
	// Only the status's width matters here, so a poll that leaves it as it was re-renders nothing.
	const statusWidth = useSyncExternalStore(refresh.subscribe, () => {
		const status = describeRefresh(refresh.get(), now());
		return !status.text || (compact && status.tone === 'muted') ? 0 : status.text.length + 3;
	});
	// The right side keeps its room; the breadcrumb gives way, dropping its first crumbs before truncating.
	const rightWidth = place.length + (readOnly ? 12 : 0) + Math.max(statusWidth, compact ? 0 : 24);
	const crumbText = fitCrumbs(crumbs, Math.max(8, width - rightWidth - 10), theme.glyphs.breadcrumb);
	return (
		<Box width={width} height={1} flexDirection="row" justifyContent="space-between">
			<Box flexShrink={1} overflow="hidden">
				<Text wrap="truncate-end">
					<Text bold color={theme.colorOf('accent')}>
						sagemon
					</Text>
					<Text> </Text>
					<Text bold>{crumbText}</Text>
				</Text>
			</Box>
			<Box flexShrink={0} marginLeft={1}>
				<RefreshStatus store={refresh} now={now} suffix=" · " onlyProblems={compact} />
				<Text color={theme.colorOf('muted')}>{place}</Text>
				{readOnly ? (
					<Text>
						{' '}
						<Text color={theme.colorOf('warning')} inverse>
							{' READ-ONLY '}
						</Text>
					</Text>
				) : null}
			</Box>
		</Box>
	);
});

function fitCrumbs(crumbs: string[], width: number, separator: string): string {
	let shown = crumbs;
	while (shown.length > 1 && shown.join(separator).length > width) shown = shown.slice(1);
	const text = (shown.length < crumbs.length ? '… ' : '') + shown.join(separator);
	return truncateEnd(text, width);
}
