# Consumer-project tests, included from tests/CMakeLists.txt: they prove that a host project can
# use sla both ways the README describes. Each test is a `cmake -P run-consumer.cmake` script
# that configures, builds and runs a small project under ${CMAKE_CURRENT_BINARY_DIR}/package-*.
#
#   package.find_package      install this build tree's sla into a scratch prefix, then build
#                             consumer/ with find_package(sla CONFIG REQUIRED)
#   package.add_subdirectory  build subdir-consumer/, which add_subdirectory()s this source tree
#
# Both need the library already built (ctest runs after the build). add_subdirectory compiles
# sla a second time, so it runs alone.
set(SLA_PACKAGE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SLA_PACKAGE_ARGS
  -DCONFIG=$<CONFIG>
  -DGENERATOR=${CMAKE_GENERATOR}
  -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
  "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}"
  "-DEXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}")

if(SLA_INSTALL)
  add_test(NAME package.find_package
    COMMAND ${CMAKE_COMMAND} -DMODE=find_package
            -DSLA_BUILD_DIR=${PROJECT_BINARY_DIR}
            -DCONSUMER_DIR=${SLA_PACKAGE_DIR}/consumer
            -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package-find_package
            ${SLA_PACKAGE_ARGS}
            -P ${SLA_PACKAGE_DIR}/run-consumer.cmake)
  set_tests_properties(package.find_package PROPERTIES TIMEOUT 300 LABELS package)
endif()

add_test(NAME package.add_subdirectory
  COMMAND ${CMAKE_COMMAND} -DMODE=add_subdirectory
          -DSLA_SOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DCONSUMER_DIR=${SLA_PACKAGE_DIR}/subdir-consumer
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package-add_subdirectory
          ${SLA_PACKAGE_ARGS}
          -P ${SLA_PACKAGE_DIR}/run-consumer.cmake)
set_tests_properties(package.add_subdirectory PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE LABELS package)

# The bindings as installed (run-bindings.cmake): a C project against sla::c, the Python package
# and the Ruby declarations, each from the scratch prefix alone.
if(SLA_INSTALL AND SLA_BUILD_C_API AND SLA_BUILD_PYTHON AND SLA_RUBY)
  add_test(NAME package.bindings
    COMMAND ${CMAKE_COMMAND} -DSLA_BUILD_DIR=${PROJECT_BINARY_DIR}
            -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package-bindings
            -DCONSUMER_DIR=${SLA_PACKAGE_DIR}/c-consumer
            -DCONFIG=$<CONFIG> -DGENERATOR=${CMAKE_GENERATOR}
            -DPYTHON=${SLA_PYTHON} -DPYTHON_DIR=${SLA_PYTHON_INSTALL_DIR} -DRUBY=${SLA_RUBY}
            -P ${SLA_PACKAGE_DIR}/run-bindings.cmake)
  set_tests_properties(package.bindings PROPERTIES TIMEOUT 300 LABELS "package;binding")
endif()
