"""The model registry read back and updated with boto3.

Reads SAGEMON_ENDPOINT (the server URL) and SAGEMON_MODE: "pipeline" runs the tutorial pipeline
(SAGEMON_DEFINITION) twice, with the default parameters and with ModelApprovalStatus=Approved, so its
RegisterModel step registers two versions; "direct" registers the same two versions with CreateModelPackage
(for servers that do not run pipelines, such as moto_server). Then lists, describes and updates them and prints
one JSON object describing what each call returned, for the test to assert on.
"""

import json
import os
import time

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["SAGEMON_ENDPOINT"]
mode = os.environ.get("SAGEMON_MODE", "pipeline")
group = "AbaloneModelPackageGroupName"
session = boto3.session.Session(region_name="us-east-1")
sagemaker = session.client("sagemaker", endpoint_url=endpoint)
role = "arn:aws:iam::111122223333:role/SageMakerExecutionRole"


def wait(arn):
    while True:
        status = sagemaker.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
        if status in ("Succeeded", "Failed", "Stopped"):
            return status
        time.sleep(0.02)


def error(call, **arguments):
    try:
        call(**arguments)
    except ClientError as failure:
        return {"code": failure.response["Error"]["Code"], "message": failure.response["Error"]["Message"]}
    return None


result = {"executions": []}
if mode == "pipeline":
    with open(os.environ["SAGEMON_DEFINITION"], encoding="utf-8") as file:
        parsed = json.load(file)
    # CustomerMetadataProperties, evaluated per run like the other arguments of the RegisterModel step.
    for candidate in parsed["Steps"][-1]["Arguments"]["IfSteps"]:
        if candidate["Type"] == "RegisterModel":
            candidate["Arguments"]["CustomerMetadataProperties"] = {
                "approval": {"Get": "Parameters.ModelApprovalStatus"},
                "pipeline_execution": {"Get": "Execution.PipelineExecutionArn"},
            }
    definition = json.dumps(parsed)
    sagemaker.create_pipeline(PipelineName="RegistryTutorial", PipelineDefinition=definition, RoleArn=role)
    for parameters in ([], [{"Name": "ModelApprovalStatus", "Value": "Approved"}]):
        arn = sagemaker.start_pipeline_execution(PipelineName="RegistryTutorial", PipelineParameters=parameters)[
            "PipelineExecutionArn"
        ]
        wait(arn)
        steps = sagemaker.list_pipeline_execution_steps(PipelineExecutionArn=arn)["PipelineExecutionSteps"]
        step = next(step for step in steps if step["StepName"] == "AbaloneRegisterModel")
        result["executions"].append({"arn": arn, "registered": step["Metadata"]["RegisterModel"]["Arn"]})
else:
    sagemaker.create_model_package_group(ModelPackageGroupName=group)
    for status in ("PendingManualApproval", "Approved"):
        created = sagemaker.create_model_package(
            ModelPackageGroupName=group,
            ModelApprovalStatus=status,
            InferenceSpecification={
                "Containers": [{"Image": "257758044811.dkr.ecr.us-east-2.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3"}],
                "SupportedContentTypes": ["text/csv"],
                "SupportedResponseMIMETypes": ["text/csv"],
            },
            ModelMetrics={
                "ModelQuality": {
                    "Statistics": {"ContentType": "application/json", "S3Uri": "s3://bucket/evaluation.json"}
                }
            },
        )
        result["executions"].append({"registered": created["ModelPackageArn"]})
        time.sleep(0.01)

groups = sagemaker.list_model_package_groups()["ModelPackageGroupSummaryList"]
result["groups"] = [{key: summary.get(key) for key in ("ModelPackageGroupName", "ModelPackageGroupStatus")} for summary in groups]
result["group"] = {
    key: value
    for key, value in sagemaker.describe_model_package_group(ModelPackageGroupName=group).items()
    if key in ("ModelPackageGroupName", "ModelPackageGroupArn", "ModelPackageGroupStatus")
}
listed = sagemaker.list_model_packages(ModelPackageGroupName=group, SortBy="CreationTime", SortOrder="Descending")
result["newest_first"] = [
    {key: summary.get(key) for key in ("ModelPackageVersion", "ModelApprovalStatus", "ModelPackageStatus", "ModelPackageName")}
    for summary in listed["ModelPackageSummaryList"]
]
by_name = sagemaker.list_model_packages(ModelPackageGroupName=group, SortBy="Name", SortOrder="Ascending")
result["by_name_ascending"] = [summary.get("ModelPackageVersion") for summary in by_name["ModelPackageSummaryList"]]
pending = sagemaker.list_model_packages(ModelPackageGroupName=group, ModelApprovalStatus="PendingManualApproval")
result["pending_versions"] = [summary.get("ModelPackageVersion") for summary in pending["ModelPackageSummaryList"]]
first_page = sagemaker.list_model_packages(ModelPackageGroupName=group, MaxResults=1)
second_page = sagemaker.list_model_packages(ModelPackageGroupName=group, MaxResults=1, NextToken=first_page["NextToken"])
result["pages"] = [
    [summary.get("ModelPackageVersion") for summary in page["ModelPackageSummaryList"]] for page in (first_page, second_page)
]
result["last_page_has_token"] = "NextToken" in second_page

first = result["executions"][0]["registered"]
described = sagemaker.describe_model_package(ModelPackageName=first)
result["described"] = {
    key: described.get(key)
    for key in (
        "ModelPackageName",
        "ModelPackageGroupName",
        "ModelPackageVersion",
        "ModelApprovalStatus",
        "ModelPackageStatus",
        "ModelMetrics",
        "MetadataProperties",
        "CustomerMetadataProperties",
    )
}
result["described"]["container_model_data"] = described["InferenceSpecification"]["Containers"][0].get("ModelDataUrl")
result["described"]["creation_time_type"] = type(described["CreationTime"]).__name__

sagemaker.update_model_package(ModelPackageArn=first, ModelApprovalStatus="Approved", ApprovalDescription="MSE is fine")
updated = sagemaker.describe_model_package(ModelPackageName=first)
result["updated"] = {key: updated.get(key) for key in ("ModelApprovalStatus", "ApprovalDescription")}
result["back_to_pending"] = error(sagemaker.update_model_package, ModelPackageArn=first, ModelApprovalStatus="PendingManualApproval")
result["unknown_package"] = error(sagemaker.describe_model_package, ModelPackageName=f"{group}/99")
result["unknown_update"] = error(
    sagemaker.update_model_package,
    ModelPackageArn="arn:aws:sagemaker:us-east-1:123456789012:model-package/nothing/1",
    ModelApprovalStatus="Approved",
)
result["unknown_group"] = error(sagemaker.describe_model_package_group, ModelPackageGroupName="NoSuchGroup")
print(json.dumps(result, default=str))
