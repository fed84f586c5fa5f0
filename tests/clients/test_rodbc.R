# Client matrix: R's RODBC (r-cran-rodbc) through the DSN of harness.py.
suppressPackageStartupMessages(library(RODBC))
E <- as.list(Sys.getenv())
failures <- character()
check <- function(what, got, want) {
  if (!identical(got, want))
    failures <<- c(failures, sprintf("%s: got %s, want %s", what, deparse(got), deparse(want)))
}

ch <- odbcConnect(E$BC_DSN, believeNRows = FALSE, DBMSencoding = "UTF-8")
if (!inherits(ch, "RODBC")) stop("odbcConnect failed")

tables <- sqlTables(ch, schema = "BigCommerce", tableType = "TABLE")
check("SQLTables lists Products", "Products" %in% tables$TABLE_NAME, TRUE)
columns <- sqlColumns(ch, "Products")
check("SQLColumns of Products", all(c("id", "name", "price", "brand_id") %in% columns$COLUMN_NAME),
      TRUE)

row <- sqlQuery(ch, paste0("SELECT p.name AS product, b.name AS brand FROM Products p ",
                           "JOIN Brands b ON b.id = p.brand_id WHERE p.id = ", E$BC_PRODUCT_ID),
                stringsAsFactors = FALSE)
check("join", c(row$product, row$brand), c(E$BC_PRODUCT_NAME, E$BC_BRAND_NAME))

# RODBC's only bound-parameter path is odbcUpdate, which sqlSave and sqlUpdate use: it
# prepares the statement, binds each parameter with SQLBindParameter as the params frame
# describes it, and executes, without fetching (sqlGetResults after it crashes RODBC). So the
# parameterized query fills a TEMP table, which is then read back.
invisible(sqlQuery(ch, "CREATE TEMP TABLE picked(id INTEGER, name TEXT)"))
rc <- RODBC:::odbcUpdate(ch, "INSERT INTO picked SELECT id, name FROM Products WHERE id = ?",
                         data.frame(id = as.integer(E$BC_PRODUCT_ID)),
                         params = data.frame(COLUMN_NAME = "id", DATA_TYPE = 4L,
                                             COLUMN_SIZE = 10L, DECIMAL_DIGITS = 0L))
check("parameterized query runs", rc, 1L)
row <- sqlQuery(ch, "SELECT name FROM picked", stringsAsFactors = FALSE)
check("parameterized query", row$name, E$BC_PRODUCT_NAME)

url <- sqlQuery(ch, paste0("CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/",
                           "callback', 'store_v2_products', 'client-state')"),
                stringsAsFactors = FALSE)$URL
check("procedure URL carries the client id",
      grepl(paste0("client_id=", E$BC_CLIENT_ID, "&"), url, fixed = TRUE), TRUE)
check("procedure URL carries the state", grepl("&state=client-state", url, fixed = TRUE), TRUE)

err <- sqlQuery(ch, "SELECT * FROM NoSuchTable", errors = TRUE)
check("error SQLSTATE", any(grepl("^42S02 ", err)), TRUE)
check("error message", any(grepl("[BigCommerce][ODBC] no such table", err, fixed = TRUE)), TRUE)

odbcClose(ch)
for (f in failures) cat("FAIL", f, "\n")
cat("RODBC:", if (length(failures)) paste(length(failures), "failures") else "ok", "\n")
quit(status = if (length(failures)) 1 else 0)
