"""Reconciliation: match bank payments to open invoices, and account for every payment.

The inputs are CSV files read straight by DuckDB (a path is a valid input value). The paths are built
from this file's location so the spec runs from any working directory.
The checks encode the accountant's rules: no invoice paid twice, amounts agree, and every payment
ends up either matched or explicitly listed as unmatched with a reason.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

INPUTS = {
    "invoices": {
        "data": DATA / "invoices.csv",
        "columns": ["invoice_id", "customer", "issued_on", "amount"],
        "validate_sql": [
            "SELECT 'duplicate invoice ' || invoice_id FROM invoices GROUP BY invoice_id HAVING count(*) > 1",
        ],
    },
    "payments": {
        "data": DATA / "payments.csv",
        "columns": ["payment_id", "paid_on", "reference", "amount", "payer"],
    },
}

TASKS = [
    {
        "name": "match",
        "prompt": (
            "Match payments to invoices.\n"
            "Rules, in order of preference:\n"
            "1. the payment reference contains the invoice number (e.g. 'INV-2026004', or just its digits "
            "'2026004' inside free text) and the amounts are equal;\n"
            "2. no usable reference, but exactly one open invoice has the same amount and the payer is the "
            "invoice's customer (compare case-insensitively).\n"
            "Create view matches(invoice_id, payment_id, rule) where rule is 'reference' or 'amount', and "
            "view unmatched_payments(payment_id, reason) for every payment you could not match, with a "
            "short reason."
        ),
        "inputs": ["invoices", "payments"],
        "outputs": ["matches", "unmatched_payments"],
        "output_columns": {
            "matches": ["invoice_id", "payment_id", "rule"],
            "unmatched_payments": ["payment_id", "reason"],
        },
        "validate_sql": [
            # no invoice is paid twice
            "SELECT 'invoice ' || invoice_id || ' matched ' || count(*) || ' times' "
            "FROM matches GROUP BY invoice_id HAVING count(*) > 1",
            # matched amounts agree
            "SELECT 'amount mismatch ' || m.invoice_id || ' / ' || m.payment_id FROM matches m "
            "JOIN invoices i USING (invoice_id) JOIN payments p USING (payment_id) WHERE i.amount <> p.amount",
            # every payment is categorised exactly once
            "SELECT 'payment ' || payment_id || ' is neither matched nor listed as unmatched' FROM payments "
            "WHERE payment_id NOT IN (SELECT payment_id FROM matches) "
            "AND payment_id NOT IN (SELECT payment_id FROM unmatched_payments)",
            "SELECT 'payment ' || payment_id || ' is both matched and unmatched' FROM matches "
            "WHERE payment_id IN (SELECT payment_id FROM unmatched_payments)",
        ],
    },
    {
        "name": "open_items",
        "prompt": (
            "List the invoices that are still unpaid as view open_invoices(invoice_id, customer, amount, "
            "days_open), where days_open counts days from issued_on to DATE '2026-03-31'."
        ),
        "inputs": ["invoices", "matches"],
        "outputs": ["open_invoices"],
        "output_columns": {"open_invoices": ["invoice_id", "customer", "amount", "days_open"]},
        "validate_sql": [
            "SELECT 'invoice ' || invoice_id || ' is matched but listed as open' FROM open_invoices "
            "WHERE invoice_id IN (SELECT invoice_id FROM matches)",
        ],
    },
]
