// A step's job log while the log pane is open: a step-log poller (source/watch) started with the pane and stopped
// with it; it follows while the step runs and stops calling CloudWatch once the step ended.
import {useRef} from 'react';
import type {JobLogRef} from '../../pipeline/job-log-names.js';
import type {JobKind} from '../../pipeline/model.js';
import {createStepLogPoller, type StepLogPoller, type StepLogSnapshot} from '../../watch/step-log-poller.js';
import {useSession} from '../app-context.js';
import {usePoller} from './use-poller.js';

const jobKinds: Record<JobLogRef['kind'], JobKind> = {
	processing: 'Processing',
	training: 'Training',
	transform: 'Transform',
};

export function useStepLogs(
	job: JobLogRef,
	stepEnded: boolean,
): {poller: StepLogPoller; snapshot: StepLogSnapshot} {
	const session = useSession();
	const ended = useRef(stepEnded);
	ended.current = stepEnded;
	const {poller, snapshot} = usePoller(
		() =>
			createStepLogPoller({
				logs: () => session.aws.logs(),
				job,
				instanceCount: () =>
					session.aws.pipelines
						.describeJob(jobKinds[job.kind], job.name)
						.then((details) => details.instanceCount),
				stepEnded: () => ended.current,
				intervalMs: session.intervalMs,
			}),
		[session, job.kind, job.name],
		{reportToHeader: false},
	);
	return {poller, snapshot};
}
