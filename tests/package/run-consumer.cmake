# Builds and runs one consumer project of sla; run by ctest (see package-tests.cmake) as
#
#   cmake -DMODE=find_package -DSLA_BUILD_DIR=<sla's build tree> ... -P run-consumer.cmake
#   cmake -DMODE=add_subdirectory -DSLA_SOURCE_DIR=<sla's source tree> ... -P run-consumer.cmake
#
# MODE=find_package installs the already-built sla from SLA_BUILD_DIR into WORK_DIR/prefix,
# then builds CONSUMER_DIR against it with CMAKE_PREFIX_PATH. MODE=add_subdirectory builds
# CONSUMER_DIR, which compiles sla from SLA_SOURCE_DIR itself. Either way the consumer's `app`
# is then run and must exit 0. Any failing step fails the test.
#
# Other inputs: CONSUMER_DIR, WORK_DIR (scratch space), CONFIG (build type), GENERATOR,
# CXX_COMPILER, CXX_FLAGS and EXE_LINKER_FLAGS (the main build's, so a sanitizer build's
# library links into a consumer built the same way).
cmake_minimum_required(VERSION 3.25)

foreach(var MODE CONSUMER_DIR WORK_DIR CONFIG GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run-consumer.cmake: -D${var}=... is required")
  endif()
endforeach()

cmake_host_system_information(RESULT jobs QUERY NUMBER_OF_LOGICAL_CORES)
set(build_dir ${WORK_DIR}/build)
set(configure_args
  -G ${GENERATOR}
  -DCMAKE_BUILD_TYPE=${CONFIG}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")

if(MODE STREQUAL "find_package")
  if(NOT IS_DIRECTORY "${SLA_BUILD_DIR}")
    message(FATAL_ERROR "run-consumer.cmake: -DSLA_BUILD_DIR=<sla's build tree> is required")
  endif()
  # Start clean: files left in the prefix by an earlier run must not hide a missing install rule.
  file(REMOVE_RECURSE ${WORK_DIR})
  set(prefix ${WORK_DIR}/prefix)
  message(STATUS "installing ${SLA_BUILD_DIR} into ${prefix}")
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${SLA_BUILD_DIR} --prefix ${prefix} --config ${CONFIG}
                  COMMAND_ERROR_IS_FATAL ANY)
  list(APPEND configure_args -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
  # The installed programs and data: an installed user lints a seed policy that includes an
  # installed holiday set.
  foreach(file bin/sla-lint bin/sla-check bin/sla-calc bin/sla-holidays share/sla/policies/advendio.yaml share/sla/policies/holidays/de-national.yaml)
    if(NOT EXISTS ${prefix}/${file})
      message(FATAL_ERROR "cmake --install did not install ${file}")
    endif()
  endforeach()
  execute_process(COMMAND ${prefix}/bin/sla-lint ${prefix}/share/sla/policies/advendio.yaml COMMAND_ERROR_IS_FATAL ANY)
elseif(MODE STREQUAL "add_subdirectory")
  if(NOT IS_DIRECTORY "${SLA_SOURCE_DIR}")
    message(FATAL_ERROR "run-consumer.cmake: -DSLA_SOURCE_DIR=<sla's source tree> is required")
  endif()
  # The build directory is kept between runs: sla is rebuilt incrementally, not from scratch.
  list(APPEND configure_args -DSLA_SOURCE_DIR=${SLA_SOURCE_DIR})
else()
  message(FATAL_ERROR "run-consumer.cmake: MODE must be find_package or add_subdirectory, not '${MODE}'")
endif()

message(STATUS "configuring ${CONSUMER_DIR} in ${build_dir}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${build_dir} ${configure_args}
                COMMAND_ERROR_IS_FATAL ANY)

if(MODE STREQUAL "find_package")
  # The sla that was found must be the one just installed, not another copy on the machine.
  file(STRINGS ${build_dir}/CMakeCache.txt sla_dir_line REGEX "^sla_DIR:")
  string(REGEX REPLACE "^sla_DIR:[A-Z]+=" "" sla_dir "${sla_dir_line}")
  file(REAL_PATH "${sla_dir}" sla_dir)
  file(REAL_PATH "${prefix}" real_prefix)
  string(FIND "${sla_dir}/" "${real_prefix}/" at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "find_package(sla) found '${sla_dir}', not the copy installed in ${prefix}")
  endif()
  message(STATUS "find_package(sla) used ${sla_dir}")
endif()

message(STATUS "building ${build_dir}")
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build_dir} --config ${CONFIG} --parallel ${jobs}
                COMMAND_ERROR_IS_FATAL ANY)

# Single-config generators put app in the build directory, multi-config ones in <config>/.
set(app ${build_dir}/app)
if(NOT EXISTS ${app})
  set(app ${build_dir}/${CONFIG}/app)
endif()
message(STATUS "running ${app}")
execute_process(COMMAND ${app} COMMAND_ERROR_IS_FATAL ANY)
