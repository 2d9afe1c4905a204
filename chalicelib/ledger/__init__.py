"""The double-entry ledger: chart of accounts, journal entries, balances, holds, statements.

``domain`` holds the rules (pure), ``service`` the use cases other contexts call, ``store`` the
DynamoDB repository (``memory`` its in-process twin), ``api`` the HTTP routes, ``wiring`` the adapters.
"""
