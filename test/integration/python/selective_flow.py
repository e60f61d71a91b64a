"""Selective executions of the tutorial pipeline driven by boto3 against the sagemon emulator.

Reads SAGEMON_ENDPOINT and SAGEMON_DEFINITION (the tutorial's definition); prints one JSON object describing
what each call returned, for the test to assert on.
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
role = "arn:aws:iam::111122223333:role/SageMakerExecutionRole"
name = "SelectiveTutorial"


def wait(arn):
    while True:
        status = sagemaker.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
        if status in ("Succeeded", "Failed", "Stopped"):
            return status
        time.sleep(0.02)


def start(pipeline, steps, source=None, parameters=()):
    config = {"SelectedSteps": [{"StepName": step} for step in steps]}
    if source is not None:
        config["SourcePipelineExecutionArn"] = source
    return sagemaker.start_pipeline_execution(
        PipelineName=pipeline, SelectiveExecutionConfig=config, PipelineParameters=list(parameters)
    )["PipelineExecutionArn"]


def error(call, *arguments, **keywords):
    try:
        call(*arguments, **keywords)
    except ClientError as failure:
        return {"code": failure.response["Error"]["Code"], "message": failure.response["Error"]["Message"]}
    return None


def steps_of(arn):
    listed = sagemaker.list_pipeline_execution_steps(PipelineExecutionArn=arn)["PipelineExecutionSteps"]
    return {
        step["StepName"]: {
            "status": step["StepStatus"],
            "reused_from": step.get("SelectiveExecutionResult", {}).get("SourcePipelineExecutionArn"),
            "metadata": step["Metadata"],
        }
        for step in listed
    }


result = {}
sagemaker.create_pipeline(PipelineName=name, PipelineDefinition=definition, RoleArn=role)
slow = json.loads(definition)
slow["Metadata"] = {"sagemon.emulator": {"steps": {"AbaloneTrain": {"durationSeconds": 86400}}}}
sagemaker.create_pipeline(PipelineName="SlowTutorial", PipelineDefinition=json.dumps(slow), RoleArn=role)

source = sagemaker.start_pipeline_execution(
    PipelineName=name, PipelineParameters=[{"Name": "TrainingInstanceType", "Value": "ml.m5.2xlarge"}]
)["PipelineExecutionArn"]
result["source"] = source
result["source_status"] = wait(source)
result["source_parameters"] = sagemaker.list_pipeline_parameters_for_execution(PipelineExecutionArn=source)[
    "PipelineParameters"
]
paginator = sagemaker.get_paginator("list_pipeline_parameters_for_execution")
result["source_parameter_pages"] = [
    [parameter["Name"] for parameter in page["PipelineParameters"]]
    for page in paginator.paginate(PipelineExecutionArn=source, PaginationConfig={"PageSize": 4})
]
source_steps = steps_of(source)
result["source_training_job"] = source_steps["AbaloneTrain"]["metadata"]["TrainingJob"]["Arn"]

running = sagemaker.start_pipeline_execution(PipelineName="SlowTutorial")["PipelineExecutionArn"]
result["running_source"] = error(start, "SlowTutorial", ["AbaloneEval"], running)
sagemaker.stop_pipeline_execution(PipelineExecutionArn=running)
wait(running)
result["other_pipeline_source"] = error(start, name, ["AbaloneEval"], running)
result["gap"] = error(start, name, ["AbaloneTrain", "AbaloneMSECond"], source)
result["unconnected"] = error(start, name, ["AbaloneRegisterModel", "AbaloneTransform"], source)
result["unknown_step"] = error(start, name, ["AbaloneEval", "NoSuchStep"], source)
result["missing_source"] = error(start, name, ["AbaloneEval"])

only_eval = start(name, ["AbaloneEval"], source)
result["only_eval_status"] = wait(only_eval)
result["only_eval_steps"] = {step: value["reused_from"] for step, value in steps_of(only_eval).items()}

downstream = ["AbaloneEval", "AbaloneMSECond", "AbaloneRegisterModel", "AbaloneCreateModel", "AbaloneTransform"]
rerun = start(name, downstream, source, [{"Name": "ModelApprovalStatus", "Value": "Approved"}])
described = sagemaker.describe_pipeline_execution(PipelineExecutionArn=rerun)
result["rerun_config"] = described.get("SelectiveExecutionConfig")
result["rerun_status"] = wait(rerun)
rerun_steps = steps_of(rerun)
result["rerun_steps"] = {step: value["reused_from"] for step, value in rerun_steps.items()}
registered = rerun_steps["AbaloneRegisterModel"]["metadata"]["RegisterModel"]["Arn"]
package = sagemaker.describe_model_package(ModelPackageName=registered)
result["rerun_package"] = {
    "status": package["ModelApprovalStatus"],
    "model_data": package["InferenceSpecification"]["Containers"][0]["ModelDataUrl"],
}
training = sagemaker.describe_training_job(TrainingJobName=result["source_training_job"].split("/")[-1])
result["source_model_artifacts"] = training["ModelArtifacts"]["S3ModelArtifacts"]
result["rerun_parameters"] = sagemaker.list_pipeline_parameters_for_execution(PipelineExecutionArn=rerun)[
    "PipelineParameters"
]
print(json.dumps(result, default=str))
