# Runs bc-odbc-props and checks that its Markdown table has a row for every connection
# property the driver documents. The list is written out here on purpose: a property
# dropped from the table must fail this test rather than silently vanish from the README.
set(expected DSN Driver StoreId OAuthAccessToken OAuthClientId OAuthClientSecret CallbackURL
  InitiateOAuth OAuthSettingsLocation OAuthVerifier OAuthRefreshToken OAuthTimeout Scope
  Timeout MaxRows Pagesize Readonly Logfile Verbosity SSLServerCert ProxyServer ProxyPort
  ProxyUser ProxyPassword ApiBaseURL OAuthServerURL AllowInsecureHTTP)

execute_process(COMMAND ${TOOL} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bc-odbc-props exited with ${rc}")
endif()
if(NOT out MATCHES "^\\| Property \\| Category \\| Type \\| Default \\| Allowed values \\| Description \\|\n\\|---")
  message(FATAL_ERROR "bc-odbc-props did not print the Markdown table header:\n${out}")
endif()
foreach(name IN LISTS expected)
  if(NOT out MATCHES "\n\\| `${name}` \\|")
    message(FATAL_ERROR "bc-odbc-props lists no row for ${name}:\n${out}")
  endif()
endforeach()
if(NOT out MATCHES "\n\\| `InitiateOAuth` \\|[^\n]*OFF, GETANDREFRESH, REFRESH")
  message(FATAL_ERROR "InitiateOAuth row lacks its allowed values:\n${out}")
endif()
if(NOT out MATCHES "\n\\| `Pagesize` \\|[^\n]*`250` \\| 1 to 250 \\|")
  message(FATAL_ERROR "Pagesize row lacks its default and range:\n${out}")
endif()
string(REGEX MATCHALL "\n\\| `" rows "${out}")
list(LENGTH rows nrows)
list(LENGTH expected nexpected)
if(NOT nrows EQUAL nexpected)
  message(FATAL_ERROR "bc-odbc-props printed ${nrows} property rows, expected ${nexpected}")
endif()
