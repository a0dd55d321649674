"""The formats an input's data may come in, named as the Java side names them (its SourceFormat), each with the
file suffixes a spec's data may name. Java keeps the same table: specs-python's SourceFormatsAgreementTest fails
when the two differ."""

import os

# name -> lower-case suffixes of data files in that format; a format without suffixes is one the bridge writes.
FORMATS = {
    "CSV": (".csv",),
    "PARQUET": (".parquet",),
    "JSON": (".json",),
    "NDJSON": (".ndjson", ".jsonl"),
    "COLUMNAR_NDJSON": (),
    "XLSX": (".xlsx",),
}

# Formats whose files are workbooks: the rich form's "sheet" chooses one of their worksheets.
WORKBOOK_FORMATS = ("XLSX",)

FILE_SUFFIXES = tuple(suffix for suffixes in FORMATS.values() for suffix in suffixes)


def format_of(path):
    """The format a data file's name says it has (its suffix, in any case), or None."""
    lower = os.fspath(path).lower()
    for name, suffixes in FORMATS.items():
        if suffixes and lower.endswith(suffixes):
            return name
    return None


def is_workbook(path):
    return format_of(path) in WORKBOOK_FORMATS
