# The Python interpreter the module `sla` is built for, and that its tests and the Dask example
# run with. Debian's /usr/bin/python3 is the one that has the Debian packages (python3-pandas,
# python3-dask, python3-distributed, python3-pytest), while another Python may come first on
# PATH (pyenv, /usr/local/bin/python3): so /usr/bin/python3 is the default when it exists.
# Choose another with -DPython3_EXECUTABLE=/path/to/python3 (it needs pandas, dask[distributed]
# and pytest for the tests, and its own headers: python3-dev).
if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The Python interpreter of the module sla and its tests")
endif()
find_package(Python3 3.8 REQUIRED COMPONENTS Interpreter Development.Module)
# Debian's pybind11-dev ships a CMake config; with Python3 found above it uses that interpreter.
find_package(pybind11 2.6 CONFIG REQUIRED)
message(STATUS "Python module sla: built for ${Python3_EXECUTABLE} (${Python3_VERSION}), pybind11 ${pybind11_VERSION}")
set(SLA_PYTHON ${Python3_EXECUTABLE} CACHE INTERNAL "The interpreter of the module sla, for its tests")

# The tests need these in the same interpreter; missing ones make those tests fail, not skip.
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import pandas, dask.distributed, pytest"
                RESULT_VARIABLE sla_python_packages OUTPUT_QUIET ERROR_QUIET)
if(NOT sla_python_packages EQUAL 0)
  message(WARNING "${Python3_EXECUTABLE} lacks pandas, dask.distributed or pytest: the Python tests will fail. "
                  "Install python3-pandas python3-dask python3-distributed python3-pytest (scripts/install-deps), "
                  "or choose another interpreter with -DPython3_EXECUTABLE=...")
endif()

# Where `cmake --install` puts the package, relative to the prefix: the interpreter's platlib
# for that prefix. Debian's scheme puts /usr/local/lib/python3.X/dist-packages on sys.path and
# calls it "{prefix}/local/lib/…", so the "local/" is dropped: --prefix /usr/local lands where
# /usr/bin/python3 looks. Another prefix needs PYTHONPATH=<prefix>/<this dir>.
execute_process(
  COMMAND ${Python3_EXECUTABLE} -c
    "import os, sysconfig; p = os.path.relpath(sysconfig.get_path('platlib', vars={'platbase': '/P', 'base': '/P'}), '/P'); print(p[6:] if p.startswith('local/') else p)"
  OUTPUT_VARIABLE sla_python_platlib OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
set(SLA_PYTHON_INSTALL_DIR "${sla_python_platlib}" CACHE STRING
    "Where cmake --install puts the Python package sla, relative to the install prefix")
