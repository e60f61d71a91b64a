// `sagemon <command> --help`: each AWS command's usage, flags and an example (the program's --help lists them all).

const awsOptions = `
  AWS options
    --profile P          AWS profile (default: AWS_PROFILE, else "default")
    --region R           AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region)
    --endpoint-url URL   send SageMaker and S3 calls to URL (e.g. a local emulator)
    --local              use the embedded emulator instead of AWS
    --json               machine-readable output; errors become JSON objects on stderr`;

const followOptions = `
    --interval S         seconds between polls (default 2)
    --timeout S          give up after S seconds (exit 124)`;

export const commandHelp: Record<string, string> = {
	upsert: `
  Create a pipeline, or update it when it exists (like the SageMaker SDK's pipeline.upsert()).
  The definition is validated locally first; nothing is sent when it has problems (exit 2).

  Usage
    $ sagemon upsert NAME --definition DEF.json --role-arn ARN [--description D] [--display-name N]

  Prints the pipeline ARN on stdout.
${awsOptions}

  Example
    $ sagemon upsert AbalonePipeline --definition pipeline.json \\
        --role-arn arn:aws:iam::111122223333:role/SageMakerPipelineRole
`,
	start: `
  Start an execution of a pipeline and print its ARN. Overrides are checked against the pipeline's
  parameter types before anything is started (exit 2 naming the parameter and the expected type).

  Usage
    $ sagemon start NAME [-p Name=Value ...] [--display-name N] [--description D] [--wait]

  Options
    -p, --parameter Name=Value   override a parameter (repeat for more)
    --wait                       follow the execution like "sagemon wait"; exit code = outcome${followOptions}
${awsOptions}

  Examples
    $ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved
    $ ARN=$(sagemon start AbalonePipeline -p ProcessingInstanceCount=2)
    $ sagemon start AbalonePipeline --wait --timeout 3600
`,
	describe: `
  Show an execution: pipeline, status, times, who started it, failure reason and its parameters.

  Usage
    $ sagemon describe ARN [--json]
${awsOptions}

  Example
    $ sagemon describe arn:aws:sagemaker:us-east-1:111122223333:pipeline/abalonepipeline/execution/d84ewltjmxhe
`,
	wait: `
  Wait for an execution to end, printing one line per step change on stderr.
  Exit code: 0 Succeeded, 1 Failed or Stopped, 3 AWS error, 124 --timeout elapsed.

  Usage
    $ sagemon wait ARN [--timeout S] [--interval S]
${followOptions}
${awsOptions}

  Example
    $ sagemon wait "$ARN" --timeout 7200 && echo "model is ready"
`,
	watch: `
  Follow an execution until it ends. On a terminal it redraws a compact list of steps; when the output
  is not a terminal (or with --plain) it prints one line per status change. Exit code = outcome.

  Usage
    $ sagemon watch ARN [--plain] [--interval S] [--timeout S]
${followOptions}
${awsOptions}

  Example
    $ sagemon watch "$ARN" --plain | tee execution.log
`,
	steps: `
  List an execution's steps: step, type, status, started, duration, cache and failure reason.
  Only steps that have started appear, as the service lists them. --json prints the raw list.

  Usage
    $ sagemon steps ARN [--json]
${awsOptions}

  Example
    $ sagemon steps "$ARN"
`,
	report: `
  Print a step's report: a property file (such as evaluation.json) that a Processing step wrote to S3,
  found through the step's processing job outputs. Without --step, every report of the execution.

  Usage
    $ sagemon report ARN [--step STEP] [--file NAME]

  Options
    --step STEP    the step whose report to print
    --file NAME    a property file name, or another file of the step's output (OUTPUT/path or path)
${awsOptions}

  Examples
    $ sagemon report "$ARN" --step AbaloneEval
    $ sagemon report "$ARN" --step AbaloneEval --json | jq .value.regression_metrics.mse.value
`,
	stop: `
  Stop an execution: it goes Stopping, then Stopped. Refused with --read-only.

  Usage
    $ sagemon stop ARN
${awsOptions}

  Example
    $ sagemon stop "$ARN" && sagemon wait "$ARN"
`,
	delete: `
  Delete a pipeline and all its executions. Asks for confirmation on a terminal; without a terminal
  it needs --yes. Refused with --read-only.

  Usage
    $ sagemon delete NAME [--yes]
${awsOptions}

  Example
    $ sagemon delete AbalonePipeline --yes
`,
	emulator: `
  Serve the local SageMaker Pipelines + S3 emulator (demo pipelines included) until Ctrl+C.
  Point any AWS client at it with --endpoint-url; any credentials and region are accepted.

  Usage
    $ sagemon emulator [--host 127.0.0.1] [--port 4566] [--time-scale N] [--no-demo]

  Options
    --host H             interface to listen on (default 127.0.0.1, loopback only)
    --port P             port (default 4566; 0 picks a free one)
    --time-scale N       run simulated steps N times faster (default 1)
    --no-demo            start with no pipelines
    --throttle-rate R    answer this share (0 to 1) of SageMaker calls with ThrottlingException
    --latency MS         delay every answer by MS milliseconds

  Prints "sagemon emulator listening on http://HOST:PORT" once it accepts requests.
  Faults can also be changed while it runs: POST /_sagemon/faults {"throttleRate": 0.2, "latencyMs": 300}.

  Examples
    $ sagemon emulator --port 4566 --time-scale 20
    $ aws --endpoint-url http://127.0.0.1:4566 sagemaker list-pipelines
`,
};

/** The help of `argv`'s command when argv asks for it (`sagemon start --help`), else undefined. */
export function commandHelpFor(argv: string[]): string | undefined {
	if (!argv.includes('--help') && !argv.includes('-h')) return undefined;
	const command = argv.find((argument) => Object.hasOwn(commandHelp, argument));
	return command === undefined ? undefined : commandHelp[command];
}
