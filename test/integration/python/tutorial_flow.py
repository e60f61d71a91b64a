"""The tutorial's flow driven by boto3 against the sagemon emulator.

Reads SAGEMON_ENDPOINT (the emulator URL), SAGEMON_DEFINITION (a pipeline definition file) and SAGEMON_PIPELINE
(the name to create it under); prints one JSON
object describing what each call returned, for the test to assert on. Credentials come from the environment
(fake ones: the emulator accepts any).
"""

import json
import os
import time

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["SAGEMON_ENDPOINT"]
with open(os.environ["SAGEMON_DEFINITION"], encoding="utf-8") as file:
    definition = file.read()

session = boto3.session.Session(region_name="us-east-1")
sagemaker = session.client("sagemaker", endpoint_url=endpoint)
s3 = session.client("s3", endpoint_url=endpoint)
role = "arn:aws:iam::111122223333:role/SageMakerExecutionRole"
name = os.environ.get("SAGEMON_PIPELINE", "AbalonePipeline")


def wait(arn):
    while True:
        status = sagemaker.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
        if status in ("Succeeded", "Failed", "Stopped"):
            return status
        time.sleep(0.02)


def error_code(call, **arguments):
    try:
        call(**arguments)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


result = {}
result["created_arn"] = sagemaker.create_pipeline(PipelineName=name, PipelineDefinition=definition, RoleArn=role)["PipelineArn"]
result["version_id"] = sagemaker.update_pipeline(PipelineName=name, PipelineDefinition=definition)["PipelineVersionId"]

first = sagemaker.start_pipeline_execution(PipelineName=name)["PipelineExecutionArn"]
described = sagemaker.describe_pipeline_execution(PipelineExecutionArn=first)
result["started_status"] = described["PipelineExecutionStatus"]
result["creation_time_type"] = type(described["CreationTime"]).__name__
result["first_status"] = wait(first)

steps = sagemaker.list_pipeline_execution_steps(PipelineExecutionArn=first)["PipelineExecutionSteps"]
result["step_names"] = [step["StepName"] for step in steps]
result["condition_outcome"] = next(step for step in steps if step["StepName"] == "AbaloneMSECond")["Metadata"]["Condition"]["Outcome"]

job_arn = next(step for step in steps if step["StepName"] == "AbaloneEval")["Metadata"]["ProcessingJob"]["Arn"]
job = sagemaker.describe_processing_job(ProcessingJobName=job_arn.split("/")[-1])
uri = next(output for output in job["ProcessingOutputConfig"]["Outputs"] if output["OutputName"] == "evaluation")["S3Output"]["S3Uri"]
bucket, _, prefix = uri[len("s3://"):].partition("/")
report = json.loads(s3.get_object(Bucket=bucket, Key=f"{prefix}/evaluation.json")["Body"].read())
result["evaluation_uri"] = f"{uri}/evaluation.json"
result["mse"] = report["regression_metrics"]["mse"]["value"]

approved = sagemaker.start_pipeline_execution(
    PipelineName=name, PipelineParameters=[{"Name": "ModelApprovalStatus", "Value": "Approved"}]
)["PipelineExecutionArn"]
result["approved_status"] = wait(approved)
result["parameters"] = sagemaker.list_pipeline_parameters_for_execution(PipelineExecutionArn=approved)["PipelineParameters"]

# A long training step keeps the next execution running while the stop arrives.
slow = json.loads(definition)
slow["Metadata"] = {"sagemon.emulator": {"steps": {"AbaloneTrain": {"durationSeconds": 86400}}}}
sagemaker.update_pipeline(PipelineName=name, PipelineDefinition=json.dumps(slow))
stopped = sagemaker.start_pipeline_execution(PipelineName=name)["PipelineExecutionArn"]
sagemaker.stop_pipeline_execution(PipelineExecutionArn=stopped)
result["stop_status"] = wait(stopped)
result["stop_again_error"] = error_code(sagemaker.stop_pipeline_execution, PipelineExecutionArn=stopped)

sagemaker.delete_pipeline(PipelineName=name)
result["describe_deleted_error"] = error_code(sagemaker.describe_pipeline, PipelineName=name)
result["validation_error"] = error_code(sagemaker.list_pipelines, MaxResults=1000)

print(json.dumps(result))
