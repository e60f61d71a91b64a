// The `e` pane's data: which reports (property files) a step has, and the chosen one read from S3, capped in size.
import {useEffect, useState} from 'react';
import {findStepReports, readReport, type StepReport} from '../../aws/reports.js';
import {AwsError, type ObjectRead} from '../../aws/types.js';
import {useSession} from '../app-context.js';

/** Reports are small JSON summaries; anything bigger is shown cut at this size. */
export const reportByteLimit = 64 * 1024;

export type Loading<T> =
	| {state: 'loading'}
	| {state: 'failed'; message: string; kind?: string}
	| ({state: 'ready'} & T);

export type ReportContent = {read: ObjectRead; value?: unknown};

export function useStepReports(
	executionArn: string,
	stepName: string | undefined,
): Loading<{reports: StepReport[]}> {
	const {aws} = useSession();
	const [result, setResult] = useState<Loading<{reports: StepReport[]}>>({state: 'loading'});
	useEffect(() => {
		if (stepName === undefined) return;
		let cancelled = false;
		setResult({state: 'loading'});
		findStepReports(aws.pipelines, executionArn, stepName).then(
			(reports) => {
				if (!cancelled) setResult({state: 'ready', reports});
			},
			(error: unknown) => {
				if (!cancelled) setResult(failure(error));
			},
		);
		return () => {
			cancelled = true;
		};
	}, [aws, executionArn, stepName]);
	return result;
}

export function useReport(uri: string | undefined): Loading<ReportContent> {
	const {aws} = useSession();
	const [result, setResult] = useState<Loading<ReportContent>>({state: 'loading'});
	useEffect(() => {
		if (uri === undefined) return;
		let cancelled = false;
		setResult({state: 'loading'});
		readReport(aws.objects, uri, {maxBytes: reportByteLimit})
			.then(
				(report): Promise<ReportContent> => Promise.resolve({read: report, value: report.value}),
				async (error: unknown): Promise<ReportContent> => {
					// Too large or not JSON: show the text as it is (cut at the limit) rather than nothing.
					if (error instanceof AwsError && (error.code === 'TooLarge' || error.code === 'NotJson')) {
						return {read: await aws.objects.readObject(uri, {maxBytes: reportByteLimit})};
					}

					throw error;
				},
			)
			.then(
				(content) => {
					if (!cancelled) setResult({state: 'ready', ...content});
				},
				(error: unknown) => {
					if (!cancelled) setResult(failure(error));
				},
			);
		return () => {
			cancelled = true;
		};
	}, [aws, uri]);
	return result;
}

function failure(error: unknown): {state: 'failed'; message: string; kind?: string} {
	if (error instanceof AwsError) return {state: 'failed', message: error.message, kind: error.kind};
	return {state: 'failed', message: error instanceof Error ? error.message : String(error)};
}
