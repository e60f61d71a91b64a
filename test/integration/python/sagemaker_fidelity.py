"""SageMaker Pipelines fidelity as boto3 sees it, against the endpoint in SAGEMON_ENDPOINT. With
SAGEMON_MODE=shared only the calls moto_server also implements run (tags, pipeline versions, unknown step types,
job lists and the errors for jobs that do not exist); otherwise every flow runs: branches decided by the data,
check steps feeding RegisterModel, callbacks that wait, retry policies, and the resources behind steps.
Prints one JSON object."""
import json
import os
import time
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["SAGEMON_ENDPOINT"]
fixtures = os.environ["SAGEMON_FIXTURES"]
sm = boto3.client("sagemaker", endpoint_url=endpoint, region_name="us-east-1", config=Config(retries={"max_attempts": 1}))
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(s3={"addressing_style": "path"}))
role = "arn:aws:iam::111122223333:role/SageMakerExecutionRole"
out = {}


def fixture(name):
    with open(os.path.join(fixtures, name)) as handle:
        return json.load(handle)


def error_of(call):
    try:
        call()
        return "ok"
    except ClientError as error:
        return error.response["Error"]["Code"]


def create(name, definition, **extra):
    return sm.create_pipeline(
        PipelineName=name, PipelineDefinition=json.dumps(definition), RoleArn=role, ClientRequestToken=str(uuid.uuid4()), **extra
    )["PipelineArn"]


def start(name, **parameters):
    return sm.start_pipeline_execution(
        PipelineName=name,
        PipelineParameters=[{"Name": key, "Value": value} for key, value in parameters.items()],
        ClientRequestToken=str(uuid.uuid4()),
    )["PipelineExecutionArn"]


def steps(arn):
    return sm.list_pipeline_execution_steps(PipelineExecutionArn=arn, MaxResults=100)["PipelineExecutionSteps"]


def step(arn, name):
    return next((record for record in steps(arn) if record["StepName"] == name), None)


def wait_until(check, limit=120):
    deadline = time.time() + limit
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError("the condition did not hold")


def finish(arn):
    return wait_until(
        lambda: (status := sm.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"])
        in ("Succeeded", "Failed", "Stopped")
        and status
    )


def job_name(arn):
    return arn.split("/")[-1]


# --- Shared with moto_server -------------------------------------------------------------------------------
tutorial = fixture("abalone-tutorial.json")
shared = os.environ.get("SAGEMON_MODE") == "shared"
tagged_name = "TaggedShared" if shared else "Tagged"
tagged = create(tagged_name, tutorial, Tags=[{"Key": "team", "Value": "ml"}])
sm.add_tags(ResourceArn=tagged, Tags=[{"Key": "stage", "Value": "dev"}])
out["tags"] = sm.list_tags(ResourceArn=tagged)["Tags"]
sm.delete_tags(ResourceArn=tagged, TagKeys=["team"])
out["tags_after_delete"] = sm.list_tags(ResourceArn=tagged)["Tags"]
out["update_pipeline_version"] = error_of(
    lambda: sm.update_pipeline_version(PipelineArn=tagged, PipelineVersionId=1, PipelineVersionDisplayName="first")
)
misspelt = json.loads(json.dumps(tutorial))
misspelt["Steps"][0]["Type"] = "Proccessing"
out["create_misspelt"] = error_of(lambda: create(f"{tagged_name}Misspelt", misspelt))
banana = json.loads(json.dumps(tutorial))
banana["Steps"][0]["Type"] = "Banana"
out["update_banana"] = error_of(
    lambda: sm.update_pipeline(PipelineName=tagged_name, PipelineDefinition=json.dumps(banana))
)
out["list_processing_jobs_type"] = type(sm.list_processing_jobs()["ProcessingJobSummaries"]).__name__
out["list_training_jobs_type"] = type(sm.list_training_jobs()["TrainingJobSummaries"]).__name__
out["describe_missing_model"] = error_of(lambda: sm.describe_model(ModelName="missing"))
out["describe_missing_transform_job"] = error_of(lambda: sm.describe_transform_job(TransformJobName="missing"))
out["describe_missing_tuning_job"] = error_of(
    lambda: sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName="missing")
)
out["stop_missing_training_job"] = error_of(lambda: sm.stop_training_job(TrainingJobName="missing"))
if shared:
    print(json.dumps(out, default=str))
    raise SystemExit(0)

# --- Decisions made by the data ----------------------------------------------------------------------------
sm.update_pipeline_version(
    PipelineArn=tagged, PipelineVersionId=1, PipelineVersionDisplayName="first", PipelineVersionDescription="v1"
)
out["version_summary"] = sm.list_pipeline_versions(PipelineName="Tagged")["PipelineVersionSummaries"][0]
create("Tutorial", tutorial)
default_run = start("Tutorial")
out["tutorial_status"] = finish(default_run)
out["tutorial_steps"] = [record["StepName"] for record in steps(default_run)]
notebook = fixture("abalone-examples-notebook.json")
create("Notebook", notebook)
unreachable = start("Notebook", MseThreshold="-1")
out["unreachable_status"] = finish(unreachable)
out["unreachable_last_step"] = steps(unreachable)[0]["StepName"]
out["unreachable_outcome"] = step(unreachable, "AbaloneMSECond")["Metadata"]["Condition"]["Outcome"]
evaluation = sm.describe_processing_job(ProcessingJobName=job_name(step(unreachable, "AbaloneEval")["Metadata"]["ProcessingJob"]["Arn"]))
uri = next(o["S3Output"]["S3Uri"] for o in evaluation["ProcessingOutputConfig"]["Outputs"] if o["OutputName"] == "evaluation")
bucket, key = uri[len("s3://") :].split("/", 1)
report = lambda: json.loads(s3.get_object(Bucket=bucket, Key=f"{key}/evaluation.json")["Body"].read())
out["unreachable_mse"] = report()["regression_metrics"]["mse"]["value"]
out["unreachable_mse_again"] = report()["regression_metrics"]["mse"]["value"]

# --- Check steps and RegisterModel; the resources behind steps ----------------------------------------------
with open(os.environ["SAGEMON_EVERY_TYPE"]) as handle:
    every_type = json.load(handle)
create("EveryType", every_type)
every_run = start("EveryType")
out["every_type_status"] = finish(every_run)
metadata = {record["StepName"]: record["Metadata"] for record in steps(every_run)}
out["quality_check"] = metadata["DataQuality"]["QualityCheck"]
out["clarify_check"] = metadata["Bias"]["ClarifyCheck"]
out["register_checked"] = step(every_run, "RegisterChecked")["StepStatus"]
tuning = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName=job_name(metadata["Tune"]["TuningJob"]["Arn"]))
out["tuning_arn_matches"] = tuning["HyperParameterTuningJobArn"] == metadata["Tune"]["TuningJob"]["Arn"]
out["best_training_job"] = sm.describe_training_job(TrainingJobName=tuning["BestTrainingJob"]["TrainingJobName"])[
    "TrainingJobStatus"
]
model = sm.describe_model(ModelName=job_name(metadata["TopModel"]["Model"]["Arn"]))
out["model_arn_matches"] = model["ModelArn"] == metadata["TopModel"]["Model"]["Arn"]
transform_run = default_run
transform = sm.describe_transform_job(
    TransformJobName=job_name(step(transform_run, "AbaloneTransform")["Metadata"]["TransformJob"]["Arn"])
)
out["transform_status"] = transform["TransformJobStatus"]
out["transform_model_is_created_model"] = transform["ModelName"] == job_name(
    step(transform_run, "AbaloneCreateModel")["Metadata"]["Model"]["Arn"]
)
processing_names = [job["ProcessingJobName"] for job in sm.list_processing_jobs(MaxResults=100)["ProcessingJobSummaries"]]
out["processing_listed"] = job_name(step(default_run, "AbaloneProcess")["Metadata"]["ProcessingJob"]["Arn"]) in processing_names

slow = json.loads(json.dumps(tutorial))
slow["Metadata"] = {"sagemon.emulator": {"steps": {"AbaloneTrain": {"durationSeconds": 86400}}}}
create("Slow", slow)
slow_run = start("Slow")
training = wait_until(
    lambda: (record := step(slow_run, "AbaloneTrain")) and record["StepStatus"] == "Executing" and record
)
training_name = job_name(training["Metadata"]["TrainingJob"]["Arn"])
out["running_listed"] = training_name in [
    job["TrainingJobName"] for job in sm.list_training_jobs(StatusEquals="InProgress", MaxResults=100)["TrainingJobSummaries"]
]
sm.stop_training_job(TrainingJobName=training_name)
out["stopped_job_execution"] = finish(slow_run)
out["stopped_job_step"] = step(slow_run, "AbaloneTrain")["StepStatus"]
out["stopped_job_status"] = sm.describe_training_job(TrainingJobName=training_name)["TrainingJobStatus"]

# --- Callbacks wait for their answer -----------------------------------------------------------------------
callbacks = fixture("sdk-unit-callback-outputs.json")
create("Callbacks", callbacks)
callback_run = start("Callbacks", MyStr="x")
first = wait_until(lambda: (record := step(callback_run, "MyCallbackStep1")) and record["StepStatus"] == "Executing" and record)
time.sleep(1)
out["callback_still_waiting"] = step(callback_run, "MyCallbackStep1")["StepStatus"]
sm.send_pipeline_execution_step_success(
    CallbackToken=first["Metadata"]["Callback"]["CallbackToken"], OutputParameters=[{"Name": "output1", "Value": "approved"}]
)
second = wait_until(lambda: (record := step(callback_run, "MyCallbackStep2")) and record["StepStatus"] == "Executing" and record)
sm.send_pipeline_execution_step_failure(CallbackToken=second["Metadata"]["Callback"]["CallbackToken"], FailureReason="rejected")
out["callback_execution"] = finish(callback_run)
out["callback_second_failure"] = step(callback_run, "MyCallbackStep2")["FailureReason"]
out["callback_first_outputs"] = step(callback_run, "MyCallbackStep1")["Metadata"]["Callback"]["OutputParameters"]

# --- Retry policies ----------------------------------------------------------------------------------------
retried = json.loads(json.dumps(tutorial))
next(s for s in retried["Steps"] if s["Name"] == "AbaloneTrain")["RetryPolicies"] = [
    {"ExceptionType": ["SageMaker.CAPACITY_ERROR"], "IntervalSeconds": 10, "BackoffRate": 2.0, "MaxAttempts": 3}
]
retried["Metadata"] = {
    "sagemon.emulator": {"steps": {"AbaloneTrain": {"errorType": "SageMaker.CAPACITY_ERROR", "failAttempts": 2}}}
}
create("Retried", retried)
retry_run = start("Retried")
out["retry_status"] = finish(retry_run)
out["retry_attempts"] = step(retry_run, "AbaloneTrain")["AttemptCount"]
print(json.dumps(out, default=str))
