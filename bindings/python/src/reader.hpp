// sla.read_events: ticket events read from sla-check's input format (JSON Lines, or CSV with a
// header) by sla-check's own reader (examples/common/event_reader.hpp), so that a distributed
// job rejects exactly the lines sla-check rejects, with the same messages.
#pragma once

#include <pybind11/pybind11.h>

namespace sla_python {

namespace py = pybind11;

// Reads the lines of `data` (UTF-8 bytes; blank lines are skipped but counted). `header` is the
// CSV header in force when the text does not start with one (None: none). Returns a dict with
// "columns" — line and at (ns since 1970) as int64 arrays, ticket as a list, event, type,
// severity, plan, region, timezone, country and status as (codes, categories) of a pandas
// Categorical, users_affected as (values, missing mask) —, "errors" ([(line, message)]) and
// "lines" (the count of lines, blank ones included). The parsing runs without the GIL.
py::dict read_events(const py::bytes& data, const py::object& header);

}  // namespace sla_python
