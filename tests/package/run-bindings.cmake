# The bindings as installed: `cmake --install` into a scratch prefix, then from there
#   - a C project (c-consumer/) built with find_package(sla) against sla::c, and run;
#   - the Python package imported from <prefix>/PYTHON_DIR, its stubs next to it;
#   - the Ruby declarations (share/sla/ruby/sla_ffi.rb) loading the installed libsla_c.
# Each computes avallain's incident/urgent response deadline, 15 minutes after the creation.
#   cmake -DSLA_BUILD_DIR=… -DWORK_DIR=… -DCONSUMER_DIR=… -DCONFIG=… -DGENERATOR=… -DPYTHON=…
#         -DPYTHON_DIR=… -DRUBY=… -P run-bindings.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var SLA_BUILD_DIR WORK_DIR CONSUMER_DIR CONFIG GENERATOR PYTHON PYTHON_DIR RUBY)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run-bindings.cmake: -D${var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${SLA_BUILD_DIR} --prefix ${prefix} --config ${CONFIG}
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
foreach(file include/sla/sla.h ${PYTHON_DIR}/sla/__init__.py ${PYTHON_DIR}/sla/__init__.pyi ${PYTHON_DIR}/sla/py.typed
             share/sla/ruby/sla_ffi.rb)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "cmake --install did not install ${file}")
  endif()
endforeach()
set(policy ${prefix}/share/sla/policies/avallain.yaml)

# C, through find_package(sla) and sla::c.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
                        -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build --config ${CONFIG} OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${WORK_DIR}/build/app ${policy} COMMAND_ERROR_IS_FATAL ANY)

# Python, from the installed package only.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${prefix}/${PYTHON_DIR} PYTHONDONTWRITEBYTECODE=1
          ${PYTHON} -c "import sla, sys; d = sla.Policy.load(sys.argv[1]).deadlines('2026-11-23T10:00:00Z', 'incident', 'urgent')[0]; assert sla.__file__.startswith(sys.argv[2]), sla.__file__; assert sla.format_instant(d.deadline) == '2026-11-23T10:15:00Z', d; print('python:', d.name, 'due', d.deadline)"
          ${policy} ${prefix}
  COMMAND_ERROR_IS_FATAL ANY)

# Ruby, through the installed declarations and library.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${prefix}/lib
          ${RUBY} -I ${prefix}/share/sla/ruby -e "require 'sla_ffi'; d = SLA::Policy.load(ARGV[0]).deadlines(created: '2026-11-23T10:00:00Z', type: 'incident', severity: 'urgent').first; raise d.inspect unless d[:deadline] == Time.utc(2026, 11, 23, 10, 15); puts \"ruby: #{d[:name]} due #{d[:deadline]}\""
          ${policy}
  COMMAND_ERROR_IS_FATAL ANY)
