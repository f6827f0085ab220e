// The batch entry behind sla.evaluate_frame: a table of events (as columns) in, one row per
// ticket and target (or one sla-check JSON line per ticket) out. The events are read with the
// GIL held, evaluated without it, and the answer is built with it again.
#pragma once

#include <sla/policy.hpp>
#include <sla/time.hpp>

#include <pybind11/pybind11.h>

#include <string>

namespace sla_python {

namespace py = pybind11;

// `columns` maps a column name to its values, one per event row: "ticket", "event" and "at"
// (RFC 3339 text or aware datetimes) — or "at_seconds" (an int64 array of seconds since 1970
// UTC, the smallest int64 when missing) instead of "at" —, optionally "line" (an int64 array:
// how rows are named in errors; else the row's position from 1) and any of the event fields
// type, severity, plan, region, timezone, country, status, users_affected. A column is a list
// (None or NaN: not given) or a pandas Categorical as ("categorical", codes, categories), whose
// categories are read once.
// output: "rows" or "json". errors: "raise" (the first unusable row or rejected event raises
// sla.Error) or "report" (each becomes a row with `line` and `error`, and is left out of its
// ticket, as sla-check does).
// Returns {"columns": {name: list or numpy array}, "time_columns": [...], "int_columns": [...]}
// for sla/__init__.py to turn into a DataFrame (see there for the column list).
py::dict evaluate_columns(const sla::policy& p, const py::dict& columns, sla::instant now, const std::string& output,
                          const std::string& errors);

}  // namespace sla_python
