"""Jinkong API: wires the blueprints of each context. No business logic lives here."""
from chalice import Chalice

from chalicelib.origination.applications import api as applications_api
from chalicelib.origination.blacklist import api as blacklist_api
from chalicelib.origination.customers import api as customers_api
from chalicelib.origination.debtors import api as debtors_api
from chalicelib.closing import api as closing_api
from chalicelib.customers import api as customer_360_api
from chalicelib.closing import tasks as closing_tasks
from chalicelib.credit import api as facilities_api
from chalicelib.customers import whitelists_api
from chalicelib.ledger import api as ledger_api
from chalicelib.payments import api as payments_api
from chalicelib.payments.tasks import deliver_webhooks
from chalicelib.platform import http, meta_api
from chalicelib.products import api as products_api
from chalicelib.products import calculator_api
from chalicelib.risk import api as risk_api
from chalicelib.risk import tasks as risk_tasks
from chalicelib.servicing import api as servicing_api
from chalicelib.tenancy import api as tenancy_api
from chalicelib.tenancy.staff import api as staff_api
from chalicelib.tenancy.service import lookup_tenant, note_sign_in
from chalicelib.partners import api as partners_api
from chalicelib.partners.service import count_call as count_partner_call, resolve_client

app = Chalice(app_name="jinkong")

http.configure(tenant_lookup=lookup_tenant, on_authenticated=note_sign_in,
               client_lookup=resolve_client, on_machine_call=count_partner_call)  # partner machine clients

for blueprint_module in (
    meta_api,
    tenancy_api,
    staff_api,
    calculator_api,
    products_api,
    customers_api,
    blacklist_api,
    debtors_api,
    applications_api,
    ledger_api,
    servicing_api,
    closing_api,
    risk_api,
    payments_api,
    partners_api,
    facilities_api,
    customer_360_api,
    whitelists_api,
):
    app.register_blueprint(blueprint_module.api.blueprint)

# Functions outside API Gateway: Step Functions tasks and scheduled batches.
app.register_blueprint(risk_tasks.blueprint)  # group-consolidation's state machine tasks
app.register_blueprint(closing_tasks.blueprint)  # close-of-business's state machine tasks
app.lambda_function(name="end_of_day_batch")(closing_tasks.end_of_day_batch)
app.lambda_function(name="deliver_webhooks")(deliver_webhooks)  # merchant webhook queue worker
