<?php
// Client matrix: PHP's PDO_ODBC (php-odbc) through the DSN of harness.py. PDO has no catalog
// API, so the SQLTables and SQLColumns steps read the driver's sys_tables and
// sys_tablecolumns instead.
//
// PDO_ODBC sends every bound parameter as data-at-execution (SQL_LEN_DATA_AT_EXEC, then
// SQLParamData/SQLPutData), so the parameterized step exercises that path of the driver.

$failures = [];
function check($what, $got, $want) {
    global $failures;
    if ($got !== $want)
        $failures[] = "$what: got " . var_export($got, true) . ", want " . var_export($want, true);
}
$E = getenv();

// PDO's default attributes: PDO_ODBC asks for unixODBC's cursor library "if needed", which
// unixODBC skips because the driver has static cursors of its own (that library fails on
// columns read with SQLGetData and on data-at-execution parameters).
$db = new PDO('odbc:DSN=' . $E['BC_DSN'], '', '', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

$names = $db->query("SELECT TableName FROM sys_tables WHERE TableType = 'TABLE'")
    ->fetchAll(PDO::FETCH_COLUMN);
check('sys_tables lists Products', in_array('Products', $names, true), true);
$columns = $db->query("SELECT ColumnName FROM sys_tablecolumns WHERE TableName = 'Products'")
    ->fetchAll(PDO::FETCH_COLUMN);
check('sys_tablecolumns of Products', array_values(array_intersect(['id', 'name', 'price',
    'brand_id'], $columns)), ['id', 'name', 'price', 'brand_id']);

$row = $db->query('SELECT p.name AS product, b.name AS brand FROM Products p JOIN Brands b ' .
    'ON b.id = p.brand_id WHERE p.id = ' . (int)$E['BC_PRODUCT_ID'])->fetch(PDO::FETCH_ASSOC);
check('join', [$row['product'], $row['brand']], [$E['BC_PRODUCT_NAME'], $E['BC_BRAND_NAME']]);

try {
    $s = $db->prepare('SELECT name FROM Products WHERE id = ?');
    $s->execute([(int)$E['BC_PRODUCT_ID']]);
    check('parameterized query', $s->fetchColumn(), $E['BC_PRODUCT_NAME']);
} catch (PDOException $e) {
    $failures[] = 'parameterized query: ' . $e->getMessage();
}

$url = $db->query("CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/callback', " .
    "'store_v2_products', 'client-state')")->fetchColumn();
check('procedure URL carries the client id',
    str_contains($url, 'client_id=' . $E['BC_CLIENT_ID'] . '&'), true);
check('procedure URL carries the state', str_contains($url, '&state=client-state'), true);

try {
    $db->query('SELECT * FROM NoSuchTable');
    $failures[] = 'error: SELECT from an unknown table succeeded';
} catch (PDOException $e) {
    check('error SQLSTATE', $e->getCode(), '42S02');
    check('error message', str_contains($e->getMessage(), '[BigCommerce][ODBC] no such table'),
        true);
}

foreach ($failures as $f)
    echo "FAIL $f\n";
echo 'PDO_ODBC: ' . ($failures ? count($failures) . ' failures' : 'ok') . "\n";
exit($failures ? 1 : 0);
