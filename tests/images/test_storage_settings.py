"""Where production keeps images: the file system, or an S3 bucket named by the environment."""

import json
import os
import subprocess
import sys

from tests.test_settings import PRODUCTION_ENV

SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "from django.core.files.storage import storages; "
    "print(json.dumps([settings.STORAGES['default'], type(storages['default']).__name__]))"
)


def _load_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    """Production settings in a process of their own, printing the default storage."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "IMAGE_"))}
    return subprocess.run(
        [sys.executable, "-c", SHOW], env={**clean, **env}, capture_output=True, text=True
    )


def _storage(**env: str) -> tuple[dict, str]:
    result = _load_production({**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_images_on_the_file_system_unless_told():
    config, storage = _storage()
    assert config["BACKEND"].endswith("FileSystemStorage") and storage == "FileSystemStorage"


def test_production_puts_images_in_the_bucket_the_environment_names():
    config, storage = _storage(
        IMAGE_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="lore-images",
        AWS_S3_ENDPOINT_URL="http://minio.internal:9000",
    )
    assert storage == "S3Storage"
    assert config["OPTIONS"]["bucket_name"] == "lore-images"
    assert config["OPTIONS"]["endpoint_url"] == "http://minio.internal:9000"
    assert config["OPTIONS"]["default_acl"] is None  # never public


def test_an_s3_storage_without_a_bucket_or_an_unknown_storage_refuses_to_start():
    assert _load_production({**PRODUCTION_ENV, "IMAGE_STORAGE": "s3"}).returncode != 0
    refused = _load_production({**PRODUCTION_ENV, "IMAGE_STORAGE": "ftp"})
    assert refused.returncode != 0 and "IMAGE_STORAGE is filesystem or s3" in refused.stderr
