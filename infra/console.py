"""The console: the built front end in a private bucket behind CloudFront (origin access control).

The API's URL and the user pool are not baked into the bundle: a ``config.json`` written at deploy
time next to ``index.html`` carries them, so one build serves every stage. Without ``frontend/dist``
the distribution is still created (its domain is the API's allowed CORS origin) and the upload is
skipped with a warning.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_deployment as s3deploy
from constructs import Construct

from infra.config import DeployConfig, warn

ASSETS_DIR = "assets"  # Vite's output for fingerprinted files
CONFIG_FILE = "config.json"  # read by frontend/src/config.ts at start


class Console(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig, access_logs: s3.IBucket) -> None:
        super().__init__(scope, construct_id)
        self.config = config
        self.bucket = s3.Bucket(
            self, "SiteBucket",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            server_access_logs_bucket=access_logs,
            server_access_logs_prefix="console/",
            # Build output only: rebuilt and redeployed from the repository at will.
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )
        # CloudFront standard logs are delivered with ACLs, which the other buckets disable.
        self.cdn_logs = s3.Bucket(
            self, "CdnLogsBucket",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.OBJECT_WRITER,
            lifecycle_rules=[s3.LifecycleRule(id="expire-cdn-logs", expiration=Duration.days(365))],
            removal_policy=RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY,
            auto_delete_objects=not config.retain_data,
        )
        self.distribution = cloudfront.Distribution(
            self, "Distribution",
            comment=f"Jinkong console ({config.stage})",
            default_root_object="index.html",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(self.bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
                response_headers_policy=cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
            ),
            # A single-page app: an unknown path is a client-side route, answered by index.html.
            error_responses=[
                cloudfront.ErrorResponse(http_status=code, response_http_status=200, response_page_path="/index.html",
                                         ttl=Duration.seconds(0))
                for code in (403, 404)
            ],
            http_version=cloudfront.HttpVersion.HTTP2_AND_3,
            price_class=cloudfront.PriceClass.PRICE_CLASS_200,  # includes the Hong Kong and mainland-adjacent edges
            enable_logging=True,
            log_bucket=self.cdn_logs,
            log_file_prefix="console/",
        )
        self.origin = f"https://{self.distribution.distribution_domain_name}"

    def deploy_site(self, site_config: dict[str, Any], dist: Path | None = None) -> s3deploy.BucketDeployment | None:
        """Upload ``frontend/dist`` and write ``config.json``; None (with a warning) if there is no build."""
        dist = dist or self.config.frontend_dist
        if not (dist / "index.html").is_file():
            warn(self, f"console upload skipped: {dist} has no index.html (build the front end, then deploy again)")
            return None
        # Vite fingerprints everything under assets/: cached for a year, never pruned (a browser still
        # running the previous build may fetch its chunks).
        assets = None
        if (dist / ASSETS_DIR).is_dir():
            assets = s3deploy.BucketDeployment(
                self, "Assets",
                sources=[s3deploy.Source.asset(str(dist / ASSETS_DIR))],
                destination_bucket=self.bucket,
                destination_key_prefix=f"{ASSETS_DIR}/",
                cache_control=[s3deploy.CacheControl.from_string("public, max-age=31536000, immutable")],
                prune=False,
                memory_limit=512,
            )
        # Everything else (index.html, favicon, config.json) is revalidated on every load.
        shell = s3deploy.BucketDeployment(
            self, "Shell",
            sources=[
                s3deploy.Source.asset(str(dist), exclude=[ASSETS_DIR, f"{ASSETS_DIR}/**", CONFIG_FILE]),
                s3deploy.Source.json_data(CONFIG_FILE, site_config),
            ],
            destination_bucket=self.bucket,
            cache_control=[s3deploy.CacheControl.no_cache()],
            prune=False,
            memory_limit=512,
            distribution=self.distribution,
            distribution_paths=["/*"],
        )
        if assets is not None:
            shell.node.add_dependency(assets)  # never serve an index.html whose chunks are not there yet
        return shell
