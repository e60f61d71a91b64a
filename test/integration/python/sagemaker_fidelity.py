"""SageMaker Pipelines fidelity as boto3 sees it, against the endpoint in SAGEMON_ENDPOINT. With
SAGEMON_MODE=shared only the calls moto_server also implements run (tags and the SDK's upsert(tags=...), pipeline
versions, unknown step types, job lists and the errors for jobs that do not exist); otherwise every flow runs:
branches decided by the data, check steps feeding RegisterModel, callbacks that wait, retry policies, and the
resources behind steps.
The intervals between retries (IntervalSeconds × BackoffRate^n) are checked on simulated time in
test/emulator/scheduler.test.ts. Prints one JSON object."""
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


def report_of(arn):
    """The evaluation.json an execution's AbaloneEval step wrote, read from S3 where its processing job says."""
    job = job_name(step(arn, "AbaloneEval")["Metadata"]["ProcessingJob"]["Arn"])
    outputs = sm.describe_processing_job(ProcessingJobName=job)["ProcessingOutputConfig"]["Outputs"]
    uri = next(o["S3Output"]["S3Uri"] for o in outputs if o["OutputName"] == "evaluation")
    bucket, key = uri[len("s3://") :].split("/", 1)
    return json.loads(s3.get_object(Bucket=bucket, Key=f"{key}/evaluation.json")["Body"].read())


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


def sdk_upsert(name, definition, tags):
    """What the SageMaker SDK's Pipeline.upsert(tags=...) does: create, else (when the pipeline exists) update and
    add the new tags merged over the old ones."""
    try:
        return create(name, definition, Tags=tags)
    except ClientError as error:
        if not (error.response["Error"]["Code"] == "ValidationException" and "already exists" in error.response["Error"]["Message"]):
            raise
    arn = sm.update_pipeline(PipelineName=name, PipelineDefinition=json.dumps(definition))["PipelineArn"]
    keys = [tag["Key"] for tag in tags]
    merged = tags + [tag for tag in sm.list_tags(ResourceArn=arn)["Tags"] if tag["Key"] not in keys]
    sm.add_tags(ResourceArn=arn, Tags=merged)
    return arn


upserted_name = f"{tagged_name}Upserted"
sdk_upsert(upserted_name, tutorial, [{"Key": "team", "Value": "ml"}, {"Key": "stage", "Value": "dev"}])
upserted = sdk_upsert(upserted_name, tutorial, [{"Key": "team", "Value": "research"}])
out["upsert_tags"] = sorted([tag["Key"], tag["Value"]] for tag in sm.list_tags(ResourceArn=upserted)["Tags"])
if shared:
    print(json.dumps(out, default=str))
    raise SystemExit(0)

# --- Decisions made by the data ----------------------------------------------------------------------------
sm.update_pipeline_version(
    PipelineArn=tagged, PipelineVersionId=1, PipelineVersionDisplayName="first", PipelineVersionDescription="v1"
)
out["version_summary"] = sm.list_pipeline_versions(PipelineName="Tagged")["PipelineVersionSummaries"][0]
out["upsert_versions"] = [
    v["PipelineVersionId"] for v in sm.list_pipeline_versions(PipelineName="TaggedUpserted")["PipelineVersionSummaries"]
]
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
out["unreachable_mse"] = report_of(unreachable)["regression_metrics"]["mse"]["value"]
out["unreachable_mse_again"] = report_of(unreachable)["regression_metrics"]["mse"]["value"]

# A classifier's report: an accuracy no threshold above 1 can accept, and a whole count.
classified = json.loads(json.dumps(tutorial))
evaluation_report = {"Get": "Steps.AbaloneEval.PropertyFiles.EvaluationReport"}
next(s for s in classified["Steps"] if s["Type"] == "Condition")["Arguments"]["Conditions"] = [
    {
        "Type": "GreaterThan",
        "LeftValue": {"Std:JsonGet": {"PropertyFile": evaluation_report, "Path": "binary_classification_metrics.accuracy.value"}},
        "RightValue": 1.0,
    },
    {
        "Type": "GreaterThanOrEqualTo",
        "LeftValue": {"Std:JsonGet": {"PropertyFile": evaluation_report, "Path": "binary_classification_metrics.sample_count"}},
        "RightValue": 0,
    },
]
create("Classified", classified)
classified_run = start("Classified")
out["classified_status"] = finish(classified_run)
out["classified_outcome"] = step(classified_run, "AbaloneMSECond")["Metadata"]["Condition"]["Outcome"]
out["classified_registered"] = step(classified_run, "AbaloneRegisterModel") is not None
out["classified_report"] = report_of(classified_run)["binary_classification_metrics"]

# The emulator's metadata still sets a report's values when a test needs one branch.
forced = json.loads(json.dumps(notebook))
forced["Metadata"] = {
    "sagemon.emulator": {
        "steps": {"AbaloneEval": {"propertyFiles": {"EvaluationReport": {"regression_metrics": {"mse": {"value": 9.5}}}}}}
    }
}
create("Forced", forced)
forced_run = start("Forced")
out["forced_status"] = finish(forced_run)
out["forced_last_step"] = steps(forced_run)[0]["StepName"]
out["forced_mse"] = report_of(forced_run)["regression_metrics"]["mse"]["value"]

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
out["transform_arn_matches"] = (
    transform["TransformJobArn"] == step(transform_run, "AbaloneTransform")["Metadata"]["TransformJob"]["Arn"]
)
out["job_arns_match"] = [
    sm.describe_processing_job(ProcessingJobName=job_name(arn))["ProcessingJobArn"] == arn
    for arn in [step(default_run, "AbaloneProcess")["Metadata"]["ProcessingJob"]["Arn"]]
] + [
    sm.describe_training_job(TrainingJobName=job_name(arn))["TrainingJobArn"] == arn
    for arn in [step(default_run, "AbaloneTrain")["Metadata"]["TrainingJob"]["Arn"]]
]
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

slow_processing = json.loads(json.dumps(tutorial))
slow_processing["Metadata"] = {"sagemon.emulator": {"steps": {"AbaloneProcess": {"durationSeconds": 86400}}}}
create("SlowProcessing", slow_processing)
slow_processing_run = start("SlowProcessing")
processing = wait_until(
    lambda: (record := step(slow_processing_run, "AbaloneProcess")) and record["StepStatus"] == "Executing" and record
)
processing_name = job_name(processing["Metadata"]["ProcessingJob"]["Arn"])
sm.stop_processing_job(ProcessingJobName=processing_name)
out["stopped_processing_execution"] = finish(slow_processing_run)
out["stopped_processing_step"] = step(slow_processing_run, "AbaloneProcess")["StepStatus"]
out["stopped_processing_status"] = sm.describe_processing_job(ProcessingJobName=processing_name)["ProcessingJobStatus"]
out["stop_stopped_processing_job"] = error_of(lambda: sm.stop_processing_job(ProcessingJobName=processing_name))

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


# A stop waits for the answer, as on AWS: the execution stays Stopping until the step is answered.
stopped_callback = start("Callbacks", MyStr="x")
waiting = wait_until(
    lambda: (record := step(stopped_callback, "MyCallbackStep1")) and record["StepStatus"] == "Executing" and record
)
sm.stop_pipeline_execution(PipelineExecutionArn=stopped_callback)
time.sleep(1)
out["callback_stop_while_waiting"] = [
    sm.describe_pipeline_execution(PipelineExecutionArn=stopped_callback)["PipelineExecutionStatus"],
    step(stopped_callback, "MyCallbackStep1")["StepStatus"],
]
sm.send_pipeline_execution_step_success(CallbackToken=waiting["Metadata"]["Callback"]["CallbackToken"])
out["callback_stopped_execution"] = finish(stopped_callback)
out["callback_stopped_steps"] = sorted([r["StepName"], r["StepStatus"]] for r in steps(stopped_callback))

# Nobody answers: the step fails when its timeout passes.
timed_out = fixture("sdk-unit-callback-outputs.json")
timed_out["Metadata"] = {"sagemon.emulator": {"steps": {"MyCallbackStep1": {"callbackTimeoutSeconds": 600}}}}
create("CallbackTimeout", timed_out)
timed_out_run = start("CallbackTimeout", MyStr="x")
out["callback_timeout_execution"] = finish(timed_out_run)
out["callback_timeout_reason"] = step(timed_out_run, "MyCallbackStep1")["FailureReason"]

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


def retried_with(name, policy, failures):
    definition = json.loads(json.dumps(tutorial))
    next(s for s in definition["Steps"] if s["Name"] == "AbaloneTrain")["RetryPolicies"] = [policy]
    definition["Metadata"] = {
        "sagemon.emulator": {"steps": {"AbaloneTrain": {"errorType": "SageMaker.CAPACITY_ERROR", "failAttempts": failures}}}
    }
    create(name, definition)
    run = start(name)
    status = finish(run)
    record = step(run, "AbaloneTrain")
    return [status, record["AttemptCount"], record["FailureReason"].split("\n")[-1]]


out["retry_exhausted"] = retried_with(
    "RetryExhausted", {"ExceptionType": ["SageMaker.CAPACITY_ERROR"], "IntervalSeconds": 1, "MaxAttempts": 2}, 5
)
out["retry_expired"] = retried_with(
    "RetryExpired",
    {"ExceptionType": ["SageMaker.CAPACITY_ERROR"], "IntervalSeconds": 60, "BackoffRate": 2.0, "ExpireAfterMin": 2},
    5,
)
out["retry_not_listed"] = retried_with(
    "RetryNotListed", {"ExceptionType": ["SageMaker.JOB_INTERNAL_ERROR"], "IntervalSeconds": 1, "MaxAttempts": 5}, 1
)
print(json.dumps(out, default=str))
