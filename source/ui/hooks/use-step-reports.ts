// The `e` pane's data: which reports (property files) a step has, found from the step's definition and record the
// screen already holds, and the chosen one read from S3, capped in size.
import {
	processingJobArn,
	readReport,
	reportsOfStep,
	type StepReport,
	stepOfDefinition,
} from '../../aws/reports.js';
import {AwsError} from '../../aws/types.js';
import type {StepDefinition, StepRecord} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {type ReportContent, reportByteLimit} from '../report-lines.js';
import {type Loading, useAsyncResource} from './use-async-resource.js';

/** The step's reports; `steps` are the definition's (a step the definition does not know has none to find). */
export function useStepReports(
	stepName: string,
	record: StepRecord | undefined,
	steps: readonly StepDefinition[],
): Loading<StepReport[]> {
	const {aws} = useSession();
	// The record changes with every refresh; the reports only change when the step gets its processing job, so
	// `recordKey` stands for the record among the dependencies.
	const jobArn = record === undefined ? undefined : processingJobArn(record);
	const recordKey = jobArn ?? (record === undefined ? 'not started' : `${record.status} without a job`);
	return useAsyncResource(
		async () => reportsOfStep(aws.pipelines, stepOfDefinition(steps, stepName), record, steps),
		[aws, stepName, steps, recordKey],
	);
}

export function useReport(uri: string | undefined): Loading<ReportContent> {
	const {aws} = useSession();
	return useAsyncResource(
		uri === undefined
			? undefined
			: () =>
					readReport(aws.objects, uri, {maxBytes: reportByteLimit}).then(
						(report): ReportContent => ({read: report, value: report.value}),
						async (error: unknown): Promise<ReportContent> => {
							// Too large or not JSON: show the text as it is (cut at the limit) rather than nothing.
							if (error instanceof AwsError && (error.code === 'TooLarge' || error.code === 'NotJson')) {
								return {read: await aws.objects.readObject(uri, {maxBytes: reportByteLimit})};
							}

							throw error;
						},
					),
		[aws, uri],
	);
}
