# The DataFrame exports of misc.export_api, for a Python with polars and pandas.
from misc.export_api import FRAME_EXPORTS, INPUTS, TASKS  # noqa: F401

EXPORTS = FRAME_EXPORTS
