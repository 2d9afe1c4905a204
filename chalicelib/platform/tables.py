"""Create DynamoDB tables from the one definition in ``resources.py`` (local stack, silo tenants)."""
from __future__ import annotations

from typing import Any

from chalicelib.platform import aws
from chalicelib.platform.resources import MAIN_TABLE, TableDef


def create_table_params(table: TableDef, name: str) -> dict[str, Any]:
    key_attrs = {table.partition_key, table.sort_key}
    for ix in table.indexes:
        key_attrs |= {ix.partition_key, ix.sort_key}
    return {
        "TableName": name,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": a, "AttributeType": "S"} for a in sorted(key_attrs)],
        "KeySchema": [
            {"AttributeName": table.partition_key, "KeyType": "HASH"},
            {"AttributeName": table.sort_key, "KeyType": "RANGE"},
        ],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": ix.name,
                "KeySchema": [
                    {"AttributeName": ix.partition_key, "KeyType": "HASH"},
                    {"AttributeName": ix.sort_key, "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
            for ix in table.indexes
        ],
        "StreamSpecification": {"StreamEnabled": True, "StreamViewType": table.stream_view},
    }


def ensure_table(name: str, table: TableDef = MAIN_TABLE) -> bool:
    """Create the table if absent and wait until it is active. Returns True if it was created."""
    ddb = aws.client("dynamodb")
    try:
        ddb.describe_table(TableName=name)
        return False
    except ddb.exceptions.ResourceNotFoundException:
        pass
    ddb.create_table(**create_table_params(table, name))
    ddb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": table.ttl_attribute})
    return True


def delete_table(name: str) -> None:
    ddb = aws.client("dynamodb")
    try:
        ddb.delete_table(TableName=name)
    except ddb.exceptions.ResourceNotFoundException:
        pass
