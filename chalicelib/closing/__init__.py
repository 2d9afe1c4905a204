"""Close of business and the tenant's business date: what day it is for the books, and which days are closed."""
