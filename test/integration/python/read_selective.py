"""Reads one execution back with boto3 from the sagemon emulator: its SelectiveExecutionConfig, each step's
SelectiveExecutionResult and the parameters it ran with. Reads SAGEMON_ENDPOINT; the execution ARN is argv[1];
prints one JSON object. With `--count NAME`, prints how many executions pipeline NAME has instead."""

import json
import os
import sys

import boto3

sagemaker = boto3.session.Session(region_name="us-east-1").client(
    "sagemaker", endpoint_url=os.environ["SAGEMON_ENDPOINT"]
)
if sys.argv[1] == "--count":
    listed = sagemaker.list_pipeline_executions(PipelineName=sys.argv[2], MaxResults=100)
    print(json.dumps(len(listed["PipelineExecutionSummaries"])))
    sys.exit(0)

arn = sys.argv[1]
described = sagemaker.describe_pipeline_execution(PipelineExecutionArn=arn)
steps = sagemaker.list_pipeline_execution_steps(PipelineExecutionArn=arn)["PipelineExecutionSteps"]
parameters = sagemaker.list_pipeline_parameters_for_execution(PipelineExecutionArn=arn)["PipelineParameters"]
print(
    json.dumps(
        {
            "status": described["PipelineExecutionStatus"],
            "config": described.get("SelectiveExecutionConfig"),
            "steps": {
                step["StepName"]: step.get("SelectiveExecutionResult", {}).get("SourcePipelineExecutionArn")
                for step in steps
            },
            "parameters": {parameter["Name"]: parameter["Value"] for parameter in parameters},
        }
    )
)
