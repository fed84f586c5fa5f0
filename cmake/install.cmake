# `cmake --install build` and `cpack -G DEB` (in the build tree): the driver and its setup
# library, the manual page bigcommerce-odbc(7), the README and docs, and a template that
# registers the driver with unixODBC. The Debian package's maintainer scripts register it
# (postinst) and take the registration back (prerm); a plain `cmake --install` registers it
# itself unless BC_INSTALL_REGISTER is OFF or DESTDIR stages the files elsewhere.
set(CMAKE_INSTALL_DOCDIR share/doc/bigcommerce-odbc CACHE PATH "Documentation directory")
include(GNUInstallDirs)
set(BC_ODBC_LIBDIR ${CMAKE_INSTALL_LIBDIR}/odbc CACHE PATH
  "Where the driver libraries go, relative to the install prefix")
option(BC_INSTALL_REGISTER "cmake --install registers the driver with odbcinst" ON)
set(BC_DATADIR ${CMAKE_INSTALL_DATADIR}/bigcommerce-odbc)

# Everything a user needs goes in the component "runtime", which is all the package holds;
# the component "register" (odbcinst on this machine) is left to the package's scripts.
install(TARGETS bigcommerceodbc bigcommerceodbcS
  LIBRARY DESTINATION ${BC_ODBC_LIBDIR} COMPONENT runtime)
install(FILES docs/bigcommerce-odbc.7 DESTINATION ${CMAKE_INSTALL_MANDIR}/man7
  COMPONENT runtime)
file(GLOB BC_DOC_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md odbcinst.ini.sample ${BC_DOC_FILES}
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

# The template names the libraries by absolute path, which is known only when installing
# (`cmake --install --prefix` may change it): configure it then, into the staged tree.
install(CODE "
  set(BC_DRIVER_PATH \"\${CMAKE_INSTALL_PREFIX}/${BC_ODBC_LIBDIR}/$<TARGET_FILE_NAME:bigcommerceodbc>\")
  set(BC_SETUP_PATH \"\${CMAKE_INSTALL_PREFIX}/${BC_ODBC_LIBDIR}/$<TARGET_FILE_NAME:bigcommerceodbcS>\")
  set(BC_TEMPLATE_PATH \"\${CMAKE_INSTALL_PREFIX}/${BC_DATADIR}/odbcinst.ini\")
  configure_file(\"${PROJECT_SOURCE_DIR}/packaging/odbcinst.ini.in\"
    \"\$ENV{DESTDIR}\${BC_TEMPLATE_PATH}\" @ONLY)
  message(STATUS \"Installing: \$ENV{DESTDIR}\${BC_TEMPLATE_PATH}\")
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\$ENV{DESTDIR}\${BC_TEMPLATE_PATH}\")
" COMPONENT runtime)

# The SQLAlchemy dialect (clients/sqlalchemy), with egg-info metadata whose entry point lets
# create_engine("bigcommerce+pyodbc://...") find it. Debian's python3 reads
# /usr/lib/python3/dist-packages for packages and /usr/local/lib/python3.X/dist-packages
# for local installs, so the directory is chosen when installing, from the prefix.
find_program(BC_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
set(BC_PYTHON_LOCAL_DIR lib/python3/dist-packages)
if(BC_PYTHON3)
  execute_process(COMMAND ${BC_PYTHON3} -c
    "import sys; print(f'lib/python{sys.version_info[0]}.{sys.version_info[1]}/dist-packages')"
    OUTPUT_VARIABLE BC_PYTHON_LOCAL_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
set(BC_DIALECT_SRC ${PROJECT_SOURCE_DIR}/clients/sqlalchemy)
file(GLOB BC_DIALECT_FILES CONFIGURE_DEPENDS ${BC_DIALECT_SRC}/sqlalchemy_bigcommerce/*.py)
set(BC_EGG_INFO ${CMAKE_BINARY_DIR}/packaging/sqlalchemy_bigcommerce-${PROJECT_VERSION}.egg-info)
file(WRITE ${BC_EGG_INFO}/PKG-INFO "Metadata-Version: 2.1
Name: sqlalchemy-bigcommerce
Version: ${PROJECT_VERSION}
Summary: SQLAlchemy dialect for the BigCommerce ODBC driver (bigcommerce+pyodbc://)
")
file(WRITE ${BC_EGG_INFO}/top_level.txt "sqlalchemy_bigcommerce\n")
# The same entry points as clients/sqlalchemy/setup.py declares.
file(WRITE ${BC_EGG_INFO}/entry_points.txt "[sqlalchemy.dialects]
bigcommerce = sqlalchemy_bigcommerce.pyodbc:BigCommerceDialect_pyodbc
bigcommerce.pyodbc = sqlalchemy_bigcommerce.pyodbc:BigCommerceDialect_pyodbc
")
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(bc_python_dir \"\${CMAKE_INSTALL_PREFIX}/lib/python3/dist-packages\")
  else()
    set(bc_python_dir \"\${CMAKE_INSTALL_PREFIX}/${BC_PYTHON_LOCAL_DIR}\")
  endif()
  file(INSTALL ${BC_DIALECT_FILES} DESTINATION \"\${bc_python_dir}/sqlalchemy_bigcommerce\")
  file(INSTALL ${BC_EGG_INFO} DESTINATION \"\${bc_python_dir}\")
" COMPONENT runtime)

# Installing the same tree again does not register it again: odbcinst would count a second
# registration, and one `odbcinst -u -d` would no longer take it back.
if(BC_INSTALL_REGISTER)
  install(CODE "
    if(\"\$ENV{DESTDIR}\" STREQUAL \"\")
      set(template \"\${CMAKE_INSTALL_PREFIX}/${BC_DATADIR}/odbcinst.ini\")
      set(driver \"\${CMAKE_INSTALL_PREFIX}/${BC_ODBC_LIBDIR}/$<TARGET_FILE_NAME:bigcommerceodbc>\")
      execute_process(COMMAND odbcinst -q -d -n BigCommerce OUTPUT_VARIABLE entry
        RESULT_VARIABLE rc ERROR_QUIET)
      string(FIND \"\${entry}\" \"\nDriver=\${driver}\n\" at)
      if(rc EQUAL 0 AND at GREATER -1)
        message(STATUS \"[BigCommerce] is registered already: \${driver}\")
      else()
        execute_process(COMMAND odbcinst -i -d -f \"\${template}\" RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
          message(WARNING \"odbcinst -i -d -f \${template} failed: register the driver by hand\")
        endif()
      endif()
    endif()
  " COMPONENT register)
endif()

# ---- Debian package ---------------------------------------------------------------------
set(CPACK_PACKAGE_NAME bigcommerce-odbc)
set(CPACK_PACKAGE_VENDOR "bigcommerce-odbc")
set(CPACK_PACKAGE_CONTACT "bigcommerce-odbc maintainers <bigcommerce-odbc@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ODBC driver that reads a BigCommerce store with SQL")
set(CPACK_PACKAGE_DESCRIPTION
  "Lets ODBC applications (isql, pyodbc, Perl DBI, PHP, R, LibreOffice) query a BigCommerce store's REST API with SQL. The driver is registered with unixODBC as BigCommerce.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};runtime;/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# odbcinst runs in the maintainer scripts; the driver manager is what applications load.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "odbcinst, unixodbc")
# The SQLAlchemy dialect it carries needs these; the driver does not.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-sqlalchemy, python3-pyodbc")
set(BC_DRIVER_TEMPLATE /usr/${BC_DATADIR}/odbcinst.ini)
set(BC_TEMPLATE_PATH ${BC_DRIVER_TEMPLATE})
set(BC_DIALECT_DIR /usr/lib/python3/dist-packages/sqlalchemy_bigcommerce)
foreach(script postinst prerm)
  configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/${script}.in
    ${CMAKE_BINARY_DIR}/packaging/${script} @ONLY
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)
endforeach()
# Copies for tests/clients/test_maintainer_scripts.sh, whose template names the build tree.
set(BC_TEMPLATE_PATH ${CMAKE_BINARY_DIR}/packaging/test/odbcinst.ini)
set(BC_DIALECT_DIR ${CMAKE_BINARY_DIR}/packaging/test/dialect)
set(BC_DRIVER_PATH ${CMAKE_BINARY_DIR}/driver/libbigcommerceodbc.so)
set(BC_SETUP_PATH ${CMAKE_BINARY_DIR}/setup/libbigcommerceodbcS.so)
configure_file(${PROJECT_SOURCE_DIR}/packaging/odbcinst.ini.in ${BC_TEMPLATE_PATH} @ONLY)
foreach(script postinst prerm)
  configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/${script}.in
    ${CMAKE_BINARY_DIR}/packaging/test/${script} @ONLY)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_BINARY_DIR}/packaging/postinst ${CMAKE_BINARY_DIR}/packaging/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
