"""Customers beyond registration: the verification ladder, consent to group data sharing, grades,
the customer 360 view, the group view for HQ and cross-sell campaigns.

The registry itself (registration, identity hash and mask) still lives in ``origination.customers``;
this context reads and updates it only through that package's service.
"""
