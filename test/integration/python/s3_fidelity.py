"""S3 requests beyond put/get as boto3 makes them (copy, managed multipart copy, tagging, conditional
requests, versions, uploads, batch delete, bucket delete), against the endpoint in SAGEMON_ENDPOINT.
Prints one JSON object: what each request answered (a value, or [error code, HTTP status])."""
import datetime
import json
import os

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["SAGEMON_ENDPOINT"],
    region_name="us-east-1",
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
)
bucket = "fidelity-bucket"
out = {}


def answer(call):
    try:
        call()
        return "ok"
    except ClientError as error:
        return [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]


s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="a.txt", Body=b"hello", Metadata={"owner": "me"}, Tagging="stage=dev")
s3.copy_object(Bucket=bucket, Key="b.txt", CopySource={"Bucket": bucket, "Key": "a.txt"})
out["copy_body"] = s3.get_object(Bucket=bucket, Key="b.txt")["Body"].read().decode()
out["copy_metadata"] = s3.head_object(Bucket=bucket, Key="b.txt")["Metadata"]
out["copy_tags"] = s3.get_object_tagging(Bucket=bucket, Key="b.txt")["TagSet"]
out["copy_to_itself"] = answer(
    lambda: s3.copy_object(Bucket=bucket, Key="a.txt", CopySource={"Bucket": bucket, "Key": "a.txt"})
)
out["copy_missing_source"] = answer(
    lambda: s3.copy_object(Bucket=bucket, Key="c.txt", CopySource={"Bucket": bucket, "Key": "nope"})
)

big = os.urandom(12 * 1024 * 1024)
s3.put_object(Bucket=bucket, Key="big.bin", Body=big)
five = 5 * 1024 * 1024
s3.copy(
    {"Bucket": bucket, "Key": "big.bin"},
    bucket,
    "big-copy.bin",
    Config=TransferConfig(multipart_threshold=five, multipart_chunksize=five),
)
out["managed_copy_same_bytes"] = s3.get_object(Bucket=bucket, Key="big-copy.bin")["Body"].read() == big
out["managed_copy_parts"] = s3.head_object(Bucket=bucket, Key="big-copy.bin")["ETag"].strip('"').split("-")[-1]

out["tags"] = s3.get_object_tagging(Bucket=bucket, Key="a.txt")["TagSet"]
s3.put_object_tagging(Bucket=bucket, Key="a.txt", Tagging={"TagSet": [{"Key": "team", "Value": "ml ops"}]})
out["tags_after_put"] = s3.get_object_tagging(Bucket=bucket, Key="a.txt")["TagSet"]
out["tag_count_header"] = s3.get_object(Bucket=bucket, Key="a.txt").get("TagCount")
s3.delete_object_tagging(Bucket=bucket, Key="a.txt")
out["tags_after_delete"] = s3.get_object_tagging(Bucket=bucket, Key="a.txt")["TagSet"]

etag = s3.head_object(Bucket=bucket, Key="a.txt")["ETag"]
past = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
future = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
out["get_if_match"] = answer(lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfMatch=etag))
out["get_if_match_other"] = answer(lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfMatch='"0123"'))
out["get_if_none_match"] = answer(lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfNoneMatch=etag))
out["head_if_none_match"] = answer(lambda: s3.head_object(Bucket=bucket, Key="a.txt", IfNoneMatch=etag))
out["get_if_modified_since_future"] = answer(
    lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfModifiedSince=future)
)
out["get_if_modified_since_past"] = answer(lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfModifiedSince=past))
out["get_if_unmodified_since_past"] = answer(
    lambda: s3.get_object(Bucket=bucket, Key="a.txt", IfUnmodifiedSince=past)
)
out["put_if_none_match_existing"] = answer(
    lambda: s3.put_object(Bucket=bucket, Key="a.txt", Body=b"x", IfNoneMatch="*")
)
out["put_if_none_match_new"] = answer(lambda: s3.put_object(Bucket=bucket, Key="new.txt", Body=b"x", IfNoneMatch="*"))

versions = s3.list_object_versions(Bucket=bucket, Prefix="a")
out["versions"] = [[v["Key"], v["VersionId"], v["IsLatest"]] for v in versions.get("Versions", [])]

upload = s3.create_multipart_upload(Bucket=bucket, Key="pending.bin")
out["uploads"] = [u["Key"] for u in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])]
s3.abort_multipart_upload(Bucket=bucket, Key="pending.bin", UploadId=upload["UploadId"])
out["uploads_after_abort"] = [u["Key"] for u in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])]

out["delete_bucket_not_empty"] = answer(lambda: s3.delete_bucket(Bucket=bucket))
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key} for key in keys]})
out["deleted"] = sorted(d["Key"] for d in deleted["Deleted"])
out["left_after_delete_objects"] = s3.list_objects_v2(Bucket=bucket)["KeyCount"]
out["delete_bucket_empty"] = answer(lambda: s3.delete_bucket(Bucket=bucket))
out["delete_bucket_missing"] = answer(lambda: s3.delete_bucket(Bucket=bucket))

s3.create_bucket(Bucket="fidelity-other")
out["get_bucket_policy"] = answer(lambda: s3.get_bucket_policy(Bucket="fidelity-other"))
out["put_bucket_versioning"] = answer(
    lambda: s3.put_bucket_versioning(Bucket="fidelity-other", VersioningConfiguration={"Status": "Enabled"})
)
print(json.dumps(out))
