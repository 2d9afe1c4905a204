"""Jinkong infrastructure: the CDK app (app.py) and its constructs; asl.py is CDK-free."""
