"""Approval requests: four eyes on actions that move money by hand (see ``domain``)."""
